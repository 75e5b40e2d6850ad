//! Dates and times on one axis: reads a TIMEX3 value as the stretch of
//! calendar time it names, checks that a value is well-formed TIMEX3, and
//! lists a document's DATE and TIME annotations in time order (the page's
//! timeline).
//!
//! One grammar ([`read`]) serves both the check and the intervals. It covers
//! the TimeML 1.2.1 `value` syntax that Gloss writes and a person may type:
//! calendar dates with `X` for unknown digits (`2025-12-21`, `2025-12`,
//! `2025`, decade `202`, century `20`, `XXXX-12-25`), quarters and halves
//! (`2025-Q3`, `2025-H1`), ISO weeks (`2025-W50`, `2025-W50-3`, weekend
//! `2025-W50-WE`), seasons (`2025-SU`), times (`2025-12-21T15:00`,
//! `T15:00:30Z`, parts of the day `2025-12-21TAF`, and `TXXMO` as the
//! recognizer writes "every morning"), durations (`P3D`, `PT4H`, `PXY`,
//! `P1Q` with Gloss's quarter, decade and century units) and
//! `PRESENT_REF` / `PAST_REF` / `FUTURE_REF`.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::calendar::{days_in_month, Date};
use crate::document::{Document, Label};

/// A moment on the timeline: a day, or a minute of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Point {
    /// The calendar day.
    pub date: Date,
    /// Minutes since midnight (0..1440) for times; `None` for the start of the
    /// day at day precision (sorts before any minute of that day).
    pub minute: Option<u32>,
}

impl Point {
    fn day(date: Date) -> Point {
        Point { date, minute: None }
    }

    /// The point `minute` minutes after the midnight that starts `date`
    /// (1440 and more run into the following days).
    fn at(date: Date, minute: u32) -> Option<Point> {
        Some(Point {
            date: date.add_days(i64::from(minute / 1440))?,
            minute: Some(minute % 1440),
        })
    }
}

/// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` with a time of day.
impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.minute {
            None => write!(f, "{}", self.date),
            Some(m) => write!(f, "{}T{:02}:{:02}", self.date, m / 60, m % 60),
        }
    }
}

impl Serialize for Point {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// How much time a value names: what the timeline draws as a point or a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// `2025-12-21T15:00` (seconds are dropped).
    Minute,
    /// `2025-12-21T15`.
    Hour,
    /// `2025-12-21TAF`: morning, midday, afternoon, evening, night, daytime.
    PartOfDay,
    /// `2025-12-21`, `2025-W51-3`, and `PRESENT_REF` (the reference day).
    Day,
    /// `2025-W51-WE`: Saturday and Sunday.
    Weekend,
    /// `2025-W51`: Monday to Sunday.
    Week,
    /// `2025-12`.
    Month,
    /// `2025-SU`: meteorological seasons; winter runs from December of its year.
    Season,
    /// `2025-Q3`.
    Quarter,
    /// `2025-H1`.
    Half,
    /// `2025`.
    Year,
    /// `202`: 2020 to 2029.
    Decade,
    /// `20`: 2000 to 2099.
    Century,
}

/// The stretch of time a value names, half-open: `start` ≤ t < `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Interval {
    /// The first moment.
    pub start: Point,
    /// The first moment after it.
    pub end: Point,
    /// How much time the value names.
    pub precision: Precision,
    /// True when the bounds are a convention rather than the value's meaning:
    /// seasons, parts of the day, `PRESENT_REF`.
    pub fuzzy: bool,
}

/// One DATE or TIME annotation on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TimelineItem {
    /// Index of the annotation in `Document::annotations`.
    pub annotation: usize,
    /// The time its value names.
    #[serde(flatten)]
    pub interval: Interval,
}

/// True when `value` is a TIMEX3 value in the grammar this module reads (see
/// the module comment): what the page accepts when a person edits a value.
pub fn is_valid_timex_value(value: &str) -> bool {
    read(value, None).is_some()
}

/// The interval a TIMEX3 value names, `PRESENT_REF` taken as the day
/// `reference`. `None` for malformed values and for values that name no
/// stretch of calendar time: durations, `PAST_REF`, `FUTURE_REF`, and values
/// with an unknown year (`XXXX-12-25`) or an unknown month, week or day.
pub fn interval(value: &str, reference: Date) -> Option<Interval> {
    read(value, Some(reference)).flatten()
}

/// Every DATE and TIME annotation of `doc` whose value names an interval,
/// sorted by start, then end, then the annotation's position in the text.
/// `PRESENT_REF` is placed on the document's reference date.
pub fn timeline(doc: &Document) -> Vec<TimelineItem> {
    let reference = Date::parse_iso(&doc.reference_date);
    let mut items: Vec<TimelineItem> = doc
        .annotations
        .iter()
        .enumerate()
        .filter(|(_, a)| matches!(a.label, Label::Date | Label::Time))
        .filter_map(|(n, a)| {
            let interval = read(a.value.as_deref()?, reference).flatten()?;
            Some(TimelineItem {
                annotation: n,
                interval,
            })
        })
        .collect();
    items.sort_by_key(|item| {
        (
            item.interval.start,
            item.interval.end,
            doc.annotations[item.annotation].start,
        )
    });
    items
}

/// Reads a value: `None` when it is malformed, `Some(None)` when it is valid
/// but names no interval (or `PRESENT_REF` without a reference day).
fn read(value: &str, reference: Option<Date>) -> Option<Option<Interval>> {
    match value {
        "PRESENT_REF" => {
            return Some(
                reference.and_then(|day| Some(span(day, day.add_days(1)?, Precision::Day, true))),
            )
        }
        "PAST_REF" | "FUTURE_REF" => return Some(None),
        _ => {}
    }
    if !value.is_ascii() {
        return None;
    }
    if let Some(units) = value.strip_prefix('P') {
        return duration(units).then_some(None);
    }
    if let Some(time) = value.strip_prefix('T') {
        // A time of day on no particular day ("TXXMO": every morning).
        return time_of_day(time).map(|_| None);
    }
    match value.len() {
        2 => Some(digits(value)?.and_then(|c| years(c as i32 * 100, 100, Precision::Century))),
        3 => Some(digits(value)?.and_then(|d| years(d as i32 * 10, 10, Precision::Decade))),
        _ => dated(value),
    }
}

/// `years` years from the first of January of `first` (`None` outside 1..=9999).
fn years(first: i32, years: i32, precision: Precision) -> Option<Interval> {
    let start = Date::new(first, 1, 1)?;
    let end = Date::new(first + years, 1, 1)?;
    Some(span(start, end, precision, false))
}

/// Whole days from `start` up to `end`.
fn span(start: Date, end: Date, precision: Precision, fuzzy: bool) -> Interval {
    Interval {
        start: Point::day(start),
        end: Point::day(end),
        precision,
        fuzzy,
    }
}

/// `months` months from the first of `month` in `year`.
fn months(
    year: i32,
    month: u32,
    months: i64,
    precision: Precision,
    fuzzy: bool,
) -> Option<Interval> {
    let start = Date::new(year, month, 1)?;
    Some(span(start, start.add_months(months)?, precision, fuzzy))
}

/// A field of ASCII digits (`Some(Some(n))`) or all `X` (`Some(None)`).
fn digits(field: &str) -> Option<Option<u32>> {
    if field.is_empty() {
        None
    } else if field.bytes().all(|b| b == b'X') {
        Some(None)
    } else if field.bytes().all(|b| b.is_ascii_digit()) {
        field.parse().ok().map(Some)
    } else {
        None
    }
}

/// A known number in `range`, or unknown; `None` for anything else.
fn field_in(field: &str, range: std::ops::RangeInclusive<u32>) -> Option<Option<u32>> {
    digits(field).filter(|n| n.is_none_or(|n| range.contains(&n)))
}

/// A value that starts with a four-digit year (or `XXXX`).
fn dated(value: &str) -> Option<Option<Interval>> {
    let year = digits(value.get(..4)?)?.map(|y| y as i32);
    if year == Some(0) {
        return None;
    }
    let rest = &value[4..];
    let Some(rest) = rest.strip_prefix('-') else {
        return rest
            .is_empty()
            .then(|| year.and_then(|y| years(y, 1, Precision::Year)));
    };
    let part = |n: Option<u32>, months_each: u32, precision| {
        Some(year.zip(n).and_then(|(y, n)| {
            months(
                y,
                (n - 1) * months_each + 1,
                i64::from(months_each),
                precision,
                false,
            )
        }))
    };
    match rest {
        "SP" | "SU" | "FA" | "WI" => {
            let first = match rest {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            return Some(year.and_then(|y| months(y, first, 3, Precision::Season, true)));
        }
        _ if rest.len() == 2 && rest.starts_with('Q') => {
            return part(field_in(&rest[1..], 1..=4)?, 3, Precision::Quarter)
        }
        _ if rest.len() == 2 && rest.starts_with('H') => {
            return part(field_in(&rest[1..], 1..=2)?, 6, Precision::Half)
        }
        _ => {}
    }
    if let Some(week) = rest.strip_prefix('W') {
        return week_value(year, week);
    }
    let month = field_in(rest.get(..2)?, 1..=12)?;
    let rest = &rest[2..];
    let Some(rest) = rest.strip_prefix('-') else {
        return rest.is_empty().then(|| {
            year.zip(month)
                .and_then(|(y, m)| months(y, m, 1, Precision::Month, false))
        });
    };
    // With the year unknown, a day is checked against the longest such month.
    let longest = month.map_or(31, |m| days_in_month(year.unwrap_or(2000), m));
    let day = field_in(rest.get(..2)?, 1..=longest)?;
    let date = match (year, month, day) {
        (Some(y), Some(m), Some(d)) => Some(Date::new(y, m, d)?),
        _ => None,
    };
    on_day(date, &rest[2..])
}

/// What follows `YYYY-W`: a week, a weekday of it or its weekend, maybe with a time.
fn week_value(year: Option<i32>, rest: &str) -> Option<Option<Interval>> {
    let weeks = year.map_or(Some(53), weeks_in_iso_year)?;
    let week = field_in(rest.get(..2)?, 1..=weeks)?;
    let monday = year.zip(week).and_then(|(y, w)| iso_week_monday(y, w));
    let rest = &rest[2..];
    if rest.is_empty() {
        return Some(monday.and_then(|m| Some(span(m, m.add_days(7)?, Precision::Week, false))));
    }
    if rest == "-WE" {
        return Some(monday.and_then(|m| {
            Some(span(
                m.add_days(5)?,
                m.add_days(7)?,
                Precision::Weekend,
                false,
            ))
        }));
    }
    let weekday = field_in(rest.strip_prefix('-')?.get(..1)?, 1..=7)?;
    let date = match (monday, weekday) {
        (Some(m), Some(d)) => Some(m.add_days(i64::from(d) - 1)?),
        _ => None,
    };
    on_day(date, &rest[2..])
}

/// A day (`None` when a part of it is unknown) and what follows it: nothing, or `T` and a time.
fn on_day(date: Option<Date>, rest: &str) -> Option<Option<Interval>> {
    if rest.is_empty() {
        return Some(date.and_then(|d| Some(span(d, d.add_days(1)?, Precision::Day, false))));
    }
    let time = time_of_day(rest.strip_prefix('T')?)?;
    Some(date.and_then(|d| match time {
        // A known day at an unknown hour is still that day.
        TimeOfDay::Unknown => Some(span(d, d.add_days(1)?, Precision::Day, false)),
        TimeOfDay::Minutes(from, to, precision, fuzzy) => Some(Interval {
            start: Point::at(d, from)?,
            end: Point::at(d, to)?,
            precision,
            fuzzy,
        }),
    }))
}

/// A time of day as minutes after midnight, half-open.
enum TimeOfDay {
    /// From, to, precision, fuzzy.
    Minutes(u32, u32, Precision, bool),
    /// `XX:XX` and the like.
    Unknown,
}

/// `HH`, `HH:MM`, `HH:MM:SS` (a fraction of a second allowed), each maybe
/// `XX`, with an optional zone `Z` or `±HH:MM` (ignored: times are local);
/// or a part of the day `MO`, `MI`, `AF`, `EV`, `NI`, `DT`, maybe after `XX`.
fn time_of_day(time: &str) -> Option<TimeOfDay> {
    let part = time.strip_prefix("XX").unwrap_or(time);
    let hours = |from: u32, to: u32| {
        Some(TimeOfDay::Minutes(
            from * 60,
            to * 60,
            Precision::PartOfDay,
            true,
        ))
    };
    match part {
        "MO" => return hours(6, 12),
        "MI" => return hours(11, 13),
        "AF" => return hours(12, 17),
        "EV" => return hours(17, 21),
        "NI" => return hours(21, 24),
        "DT" => return hours(8, 18),
        _ => {}
    }
    let clock = strip_zone(time)?;
    let mut fields = clock.split(':');
    let hour = field_in(fields.next().filter(|h| h.len() == 2)?, 0..=24)?;
    let minute = match fields.next() {
        None => None,
        Some(m) if m.len() == 2 => Some(field_in(m, 0..=59)?),
        Some(_) => return None,
    };
    if let Some(second) = fields.next() {
        let (whole, fraction) = second.split_once('.').unwrap_or((second, "0"));
        if whole.len() != 2 {
            return None;
        }
        field_in(whole, 0..=60)?;
        if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    if fields.next().is_some() {
        return None;
    }
    // 24 only as the midnight that ends the day: "T24", "T24:00".
    if hour == Some(24) && minute.is_some_and(|m| m != Some(0)) {
        return None;
    }
    Some(match (hour, minute) {
        (Some(h), None) => TimeOfDay::Minutes(h * 60, h * 60 + 60, Precision::Hour, false),
        (Some(h), Some(Some(m))) => {
            TimeOfDay::Minutes(h * 60 + m, h * 60 + m + 1, Precision::Minute, false)
        }
        _ => TimeOfDay::Unknown,
    })
}

/// The clock part of a time, without its zone; `None` for a malformed zone.
fn strip_zone(time: &str) -> Option<&str> {
    if let Some(clock) = time.strip_suffix('Z') {
        return Some(clock);
    }
    match time.find(['+', '-']) {
        None => Some(time),
        Some(i) => {
            let zone = &time[i + 1..];
            let (h, m) = zone.split_once(':').unwrap_or((zone, "00"));
            let ok = h.len() == 2
                && m.len() == 2
                && field_in(h, 0..=14)?.is_some()
                && field_in(m, 0..=59)?.is_some();
            ok.then_some(&time[..i])
        }
    }
}

/// A duration after its `P`: amounts (digits, a decimal, or `X`) with units,
/// `Y`, `M`, `W`, `D` and Gloss's `Q`, `E` (decade), `C` (century), `L`
/// (millennium), then optionally `T` with `H`, `M`, `S`; or `XX`.
fn duration(units: &str) -> bool {
    // Unknown amount of an unknown unit, as the recognizer writes "for a while".
    if units == "XX" {
        return true;
    }
    let (date, time) = match units.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (units, None),
    };
    let amounts = |s: &str, letters: &str| -> Option<usize> {
        let mut count = 0;
        let mut amount = String::new();
        for c in s.chars() {
            if c.is_ascii_digit() || c == 'X' || c == '.' {
                amount.push(c);
            } else if letters.contains(c) && is_amount(&amount) {
                amount.clear();
                count += 1;
            } else {
                return None;
            }
        }
        amount.is_empty().then_some(count)
    };
    let Some(date_units) = amounts(date, "YMWDQECL") else {
        return false;
    };
    match time {
        None => date_units > 0,
        Some(time) => amounts(time, "HMS").is_some_and(|n| n > 0),
    }
}

/// Digits with at most one inner decimal point, or all `X`.
fn is_amount(amount: &str) -> bool {
    if !amount.is_empty() && amount.bytes().all(|b| b == b'X') {
        return true;
    }
    let (whole, fraction) = amount.split_once('.').unwrap_or((amount, "0"));
    [whole, fraction]
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// 52 or 53: how many ISO weeks `year` has (`None` outside 1..=9999).
fn weeks_in_iso_year(year: i32) -> Option<u32> {
    // December 28 always lies in the last ISO week of its year.
    Some(Date::new(year, 12, 28)?.iso_week().1)
}

/// The Monday that starts ISO week `week` of `year` (week 1 holds the year's
/// first Thursday, so January 4 is always in it).
fn iso_week_monday(year: i32, week: u32) -> Option<Date> {
    let jan4 = Date::new(year, 1, 4)?;
    jan4.add_days(7 * (i64::from(week) - 1) - i64::from(jan4.weekday().index()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Annotation, ReferenceDateSource, Source, FORMAT};

    fn reference() -> Date {
        Date::parse_iso("2025-12-21").unwrap()
    }

    /// Value, start, end, precision, fuzzy.
    const INTERVALS: &[(&str, &str, &str, Precision, bool)] = &[
        (
            "2025-12-21",
            "2025-12-21",
            "2025-12-22",
            Precision::Day,
            false,
        ),
        (
            "2024-02-29",
            "2024-02-29",
            "2024-03-01",
            Precision::Day,
            false,
        ),
        (
            "2025-12-31",
            "2025-12-31",
            "2026-01-01",
            Precision::Day,
            false,
        ),
        (
            "2025-12",
            "2025-12-01",
            "2026-01-01",
            Precision::Month,
            false,
        ),
        (
            "2025-02",
            "2025-02-01",
            "2025-03-01",
            Precision::Month,
            false,
        ),
        ("2025", "2025-01-01", "2026-01-01", Precision::Year, false),
        ("202", "2020-01-01", "2030-01-01", Precision::Decade, false),
        ("196", "1960-01-01", "1970-01-01", Precision::Decade, false),
        ("20", "2000-01-01", "2100-01-01", Precision::Century, false),
        ("19", "1900-01-01", "2000-01-01", Precision::Century, false),
        (
            "2025-Q1",
            "2025-01-01",
            "2025-04-01",
            Precision::Quarter,
            false,
        ),
        (
            "2025-Q3",
            "2025-07-01",
            "2025-10-01",
            Precision::Quarter,
            false,
        ),
        (
            "2025-Q4",
            "2025-10-01",
            "2026-01-01",
            Precision::Quarter,
            false,
        ),
        (
            "2025-H1",
            "2025-01-01",
            "2025-07-01",
            Precision::Half,
            false,
        ),
        (
            "2025-H2",
            "2025-07-01",
            "2026-01-01",
            Precision::Half,
            false,
        ),
        // ISO weeks start on Monday; week 1 holds the first Thursday.
        (
            "2025-W50",
            "2025-12-08",
            "2025-12-15",
            Precision::Week,
            false,
        ),
        (
            "2025-W01",
            "2024-12-30",
            "2025-01-06",
            Precision::Week,
            false,
        ),
        (
            "2021-W01",
            "2021-01-04",
            "2021-01-11",
            Precision::Week,
            false,
        ),
        (
            "2020-W53",
            "2020-12-28",
            "2021-01-04",
            Precision::Week,
            false,
        ),
        (
            "2025-W52",
            "2025-12-22",
            "2025-12-29",
            Precision::Week,
            false,
        ),
        (
            "2025-W50-WE",
            "2025-12-13",
            "2025-12-15",
            Precision::Weekend,
            false,
        ),
        (
            "2025-W51-7",
            "2025-12-21",
            "2025-12-22",
            Precision::Day,
            false,
        ),
        (
            "2025-W01-1",
            "2024-12-30",
            "2024-12-31",
            Precision::Day,
            false,
        ),
        (
            "2025-SP",
            "2025-03-01",
            "2025-06-01",
            Precision::Season,
            true,
        ),
        (
            "2025-SU",
            "2025-06-01",
            "2025-09-01",
            Precision::Season,
            true,
        ),
        (
            "2025-FA",
            "2025-09-01",
            "2025-12-01",
            Precision::Season,
            true,
        ),
        // Winter belongs to the year it begins in, as the recognizer writes it.
        (
            "2025-WI",
            "2025-12-01",
            "2026-03-01",
            Precision::Season,
            true,
        ),
        (
            "2025-12-21T15:00",
            "2025-12-21T15:00",
            "2025-12-21T15:01",
            Precision::Minute,
            false,
        ),
        (
            "2025-12-21T15:00:30",
            "2025-12-21T15:00",
            "2025-12-21T15:01",
            Precision::Minute,
            false,
        ),
        (
            "2025-12-21T15:00Z",
            "2025-12-21T15:00",
            "2025-12-21T15:01",
            Precision::Minute,
            false,
        ),
        (
            "2025-12-21T15:00-05:00",
            "2025-12-21T15:00",
            "2025-12-21T15:01",
            Precision::Minute,
            false,
        ),
        (
            "2025-12-21T15",
            "2025-12-21T15:00",
            "2025-12-21T16:00",
            Precision::Hour,
            false,
        ),
        (
            "2025-12-21T23:59",
            "2025-12-21T23:59",
            "2025-12-22T00:00",
            Precision::Minute,
            false,
        ),
        // Midnight at the end of the day is the start of the next one.
        (
            "2025-12-21T24:00",
            "2025-12-22T00:00",
            "2025-12-22T00:01",
            Precision::Minute,
            false,
        ),
        (
            "2025-12-21TMO",
            "2025-12-21T06:00",
            "2025-12-21T12:00",
            Precision::PartOfDay,
            true,
        ),
        (
            "2025-12-20TAF",
            "2025-12-20T12:00",
            "2025-12-20T17:00",
            Precision::PartOfDay,
            true,
        ),
        (
            "2025-12-21TEV",
            "2025-12-21T17:00",
            "2025-12-21T21:00",
            Precision::PartOfDay,
            true,
        ),
        (
            "2025-12-21TNI",
            "2025-12-21T21:00",
            "2025-12-22T00:00",
            Precision::PartOfDay,
            true,
        ),
        (
            "2025-12-21TXX:XX",
            "2025-12-21",
            "2025-12-22",
            Precision::Day,
            false,
        ),
        (
            "2025-W51-7T09:30",
            "2025-12-21T09:30",
            "2025-12-21T09:31",
            Precision::Minute,
            false,
        ),
        (
            "PRESENT_REF",
            "2025-12-21",
            "2025-12-22",
            Precision::Day,
            true,
        ),
    ];

    #[test]
    fn values_name_their_intervals() {
        let mut failures = Vec::new();
        for &(value, start, end, precision, fuzzy) in INTERVALS {
            assert!(is_valid_timex_value(value), "{value} should be valid");
            let got = interval(value, reference())
                .map(|i| (i.start.to_string(), i.end.to_string(), i.precision, i.fuzzy));
            let want = Some((start.to_string(), end.to_string(), precision, fuzzy));
            if got != want {
                failures.push(format!("{value}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Valid TIMEX3 values that name no interval.
    const NO_INTERVAL: &[&str] = &[
        "PAST_REF",
        "FUTURE_REF",
        "XXXX-12-25",
        "XXXX-12",
        "XXXX",
        "XXXX-WXX-1",
        "XXXX-W51",
        "XXXX-SU",
        "2025-XX",
        "2025-12-XX",
        "2025-QX",
        "2025-WXX",
        "XX",
        "XXX",
        "TXXMO",
        "TMO",
        "T15:00",
        "P3D",
        "P2W",
        "PT4H",
        "PT1H30M",
        "P1DT12H",
        "PXY",
        "PXX",
        "PXW",
        "P1.5Y",
        "P10Y",
        "P1Q",
        "P2E",
        "P1C",
        // Valid, but outside the calendar's years 1..=9999.
        "99",
        "999",
    ];

    #[test]
    fn valid_values_without_an_interval() {
        for &value in NO_INTERVAL {
            assert!(is_valid_timex_value(value), "{value} should be valid");
            assert_eq!(interval(value, reference()), None, "{value}");
        }
    }

    /// Not TIMEX3 values: impossible dates, bad syntax, stray text.
    const INVALID: &[&str] = &[
        "",
        "garbage",
        "2025-13",
        "2025-00",
        "2025-02-30",
        "2025-02-29",
        "2025-04-31",
        "XXXX-02-30",
        "2025-W54",
        "2025-W53",
        "2025-W00",
        "2025-W5",
        "2025-W51-8",
        "2025-W51-0",
        "2025-W51-WD",
        "2025-Q5",
        "2025-Q0",
        "2025-H3",
        "2025-SUMMER",
        "2025-su",
        "2025-12-21T25:00",
        "2025-12-21T24:30",
        "2025-12-21T12:60",
        "2025-12-21T1500",
        "2025-12-21T",
        "2025-12-21TLU",
        "2025-12-21T15:00+25:00",
        "2025-12-21 15:00",
        "2025-12-21T15:00:00:00",
        "2025-1-21",
        "2025-12-1",
        "25-12-21",
        "0000",
        "2025-",
        "2025-12-",
        "20251221",
        "1",
        "2",
        "P",
        "PT",
        "P3",
        "P3X",
        "PD",
        "P1..5Y",
        "P3DT",
        "P3H",
        "PT3D",
        "present_ref",
        "PRESENT",
        "２０２５",
        " 2025",
        "2025 ",
    ];

    #[test]
    fn malformed_values_are_refused() {
        for &value in INVALID {
            assert!(!is_valid_timex_value(value), "{value:?} should be invalid");
            assert_eq!(interval(value, reference()), None, "{value:?}");
        }
    }

    fn annotation(start: usize, label: Label, value: Option<&str>) -> Annotation {
        Annotation {
            start,
            end: start + 1,
            label,
            text: "x".into(),
            value: value.map(str::to_string),
            confidence: None,
            source: Source::Model,
            entity: None,
        }
    }

    #[test]
    fn the_timeline_sorts_dated_annotations_by_interval_then_position() {
        let values = [
            (Label::Date, Some("2026")),
            (Label::Person, None),
            (Label::Date, Some("2025-12")),
            (Label::Time, Some("2025-12-21T15:00")),
            (Label::Duration, Some("P3D")),
            (Label::Date, Some("2025-12-21")),
            (Label::Date, Some("PAST_REF")),
            (Label::Date, Some("2025-12")),
            (Label::Set, Some("XXXX-WXX-1")),
            (Label::Date, Some("PRESENT_REF")),
            (Label::Date, Some("not a value")),
            (Label::Date, None),
            (Label::Date, Some("2025-W51")),
        ];
        let doc = Document {
            format: FORMAT.into(),
            id: None,
            text: "x".repeat(values.len() * 2),
            reference_date: "2025-12-21".into(),
            reference_date_source: ReferenceDateSource::Given,
            annotations: values
                .iter()
                .enumerate()
                .map(|(n, &(label, value))| annotation(n * 2, label, value))
                .collect(),
            entities: Vec::new(),
            edits: Default::default(),
        };
        let order: Vec<(usize, String, String)> = timeline(&doc)
            .iter()
            .map(|item| {
                (
                    item.annotation,
                    item.interval.start.to_string(),
                    item.interval.end.to_string(),
                )
            })
            .collect();
        let expected = [
            (2, "2025-12-01", "2026-01-01"),
            (7, "2025-12-01", "2026-01-01"),
            (12, "2025-12-15", "2025-12-22"),
            (5, "2025-12-21", "2025-12-22"),
            (9, "2025-12-21", "2025-12-22"),
            (3, "2025-12-21T15:00", "2025-12-21T15:01"),
            (0, "2026-01-01", "2027-01-01"),
        ];
        let expected: Vec<(usize, String, String)> = expected
            .iter()
            .map(|&(n, s, e)| (n, s.to_string(), e.to_string()))
            .collect();
        assert_eq!(order, expected);
    }

    #[test]
    fn timeline_items_serialize_flat_with_iso_points() {
        let item = TimelineItem {
            annotation: 3,
            interval: interval("2025-12-21TAF", reference()).unwrap(),
        };
        assert_eq!(
            serde_json::to_string(&item).unwrap(),
            r#"{"annotation":3,"start":"2025-12-21T12:00","end":"2025-12-21T17:00","precision":"part_of_day","fuzzy":true}"#
        );
    }
}
