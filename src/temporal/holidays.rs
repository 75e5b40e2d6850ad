//! Named holidays: days fixed in the calendar ("Christmas Eve",
//! "Halloween"), days counted by weekday ("Thanksgiving", "Labor Day",
//! "Election Day": US usage, as in most English wire news) and days hung on
//! Easter ("Good Friday"). The year follows "last", "next" or "this" before
//! the name, else the clause's tense, else the nearest occurrence.

use crate::calendar::Date;
use crate::document::Label;
use crate::temporal::grammar::*;
use crate::temporal::lexicon::Unit;

/// How a holiday falls in year `y`.
#[derive(Clone, Copy)]
enum Rule {
    /// A fixed month and day.
    Fixed(u32, u32),
    /// The `n`th (1-based; 0 = last) weekday (Monday = 0) of a month.
    Nth(u32, u32, u32),
    /// Days after Easter Sunday (negative: before).
    Easter(i64),
    /// US Election Day: the Tuesday after the first Monday of November.
    Election,
}

/// Holiday names as lowercase word sequences (as the scanner splits them),
/// each with its rule. Every word of a name must be capitalized in the text,
/// except the "'" and "s" of a possessive.
#[rustfmt::skip]
const HOLIDAYS: &[(&[&str], Rule)] = &[
    (&["christmas", "eve"], Rule::Fixed(12, 24)),
    (&["christmas", "day"], Rule::Fixed(12, 25)),
    (&["christmas"], Rule::Fixed(12, 25)),
    (&["new", "year", "'", "s", "eve"], Rule::Fixed(12, 31)),
    (&["new", "year", "'", "s", "day"], Rule::Fixed(1, 1)),
    (&["thanksgiving", "day"], Rule::Nth(11, 3, 4)),
    (&["thanksgiving"], Rule::Nth(11, 3, 4)),
    (&["valentine", "'", "s", "day"], Rule::Fixed(2, 14)),
    (&["st", ".", "patrick", "'", "s", "day"], Rule::Fixed(3, 17)),
    (&["halloween"], Rule::Fixed(10, 31)),
    (&["veterans", "day"], Rule::Fixed(11, 11)),
    (&["armistice", "day"], Rule::Fixed(11, 11)),
    (&["boxing", "day"], Rule::Fixed(12, 26)),
    (&["bastille", "day"], Rule::Fixed(7, 14)),
    (&["labor", "day"], Rule::Nth(9, 0, 1)),
    (&["memorial", "day"], Rule::Nth(5, 0, 0)),
    (&["columbus", "day"], Rule::Nth(10, 0, 2)),
    (&["presidents", "'", "day"], Rule::Nth(2, 0, 3)),
    (&["mother", "'", "s", "day"], Rule::Nth(5, 6, 2)),
    (&["father", "'", "s", "day"], Rule::Nth(6, 6, 3)),
    (&["election", "day"], Rule::Election),
    (&["easter", "sunday"], Rule::Easter(0)),
    (&["easter", "monday"], Rule::Easter(1)),
    (&["good", "friday"], Rule::Easter(-2)),
    (&["palm", "sunday"], Rule::Easter(-7)),
    (&["ash", "wednesday"], Rule::Easter(-46)),
    (&["easter"], Rule::Easter(0)),
];

/// Easter Sunday of year `y` (Gregorian; anonymous algorithm).
fn easter(y: i32) -> Option<Date> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The `n`th `weekday` (Monday = 0) of month `m` in year `y`; `n` = 0 is the last.
fn nth_weekday(y: i32, m: u32, weekday: u32, n: u32) -> Option<Date> {
    if n == 0 {
        let next_month = if m == 12 {
            Date::new(y + 1, 1, 1)?
        } else {
            Date::new(y, m + 1, 1)?
        };
        let last = next_month.add_days(-1)?;
        let back = (last.weekday().index() + 7 - weekday) % 7;
        return last.add_days(-i64::from(back));
    }
    let first = Date::new(y, m, 1)?;
    let ahead = (weekday + 7 - first.weekday().index()) % 7;
    first.add_days(i64::from(ahead + 7 * (n - 1)))
}

impl Rule {
    fn in_year(self, y: i32) -> Option<Date> {
        match self {
            Rule::Fixed(m, d) => Date::new(y, m, d),
            Rule::Nth(m, weekday, n) => nth_weekday(y, m, weekday, n),
            Rule::Easter(days) => easter(y)?.add_days(days),
            Rule::Election => nth_weekday(y, 11, 0, 1)?.add_days(1),
        }
    }
}

impl Grammar<'_> {
    /// A holiday at word `i` ("Christmas Eve", "Labor Day", "Good Friday",
    /// "last Thanksgiving", "Easter week").
    pub(super) fn holiday(&self, i: usize) -> Option<Hit> {
        let shift = match self.lw(i) {
            "last" => Some(-1),
            "next" => Some(1),
            "this" => Some(0),
            _ => None,
        };
        let start = if shift.is_some() { i + 1 } else { i };
        let (name, rule) = HOLIDAYS.iter().find(|(name, _)| {
            name.iter().enumerate().all(|(k, part)| {
                // "Christmas day", "New Year's eve": the first word names it.
                let small = k > 0 && matches!(*part, "'" | "s" | "." | "day" | "eve");
                self.is(start + k, part) && (small || self.capitalized(start + k))
            })
        })?;
        let end = start + name.len();
        // "Easter week", "Labor Day week": the (ISO) week that holds the day.
        let week = self.is(end, "week") && !self.capitalized(end + 1);
        // "Easter Island", "Christmas Island", "Memorial Day Parade" stay
        // names; not "Christmas Mass" or "Easter Vigil", the day's rites.
        let rite = crate::temporal::lexicon::is_rite(self.lw(end));
        if !week && !rite && name.len() == 1 && self.capitalized(end) && !self.words[end].newline {
            return None;
        }
        let r = self.reference;
        let in_year = |y| rule.in_year(y);
        let date = match shift {
            // The one before the reference date, the one after, the one of its year.
            Some(-1) => (r.year - 1..=r.year)
                .rev()
                .filter_map(in_year)
                .find(|d| *d < r)?,
            Some(1) => (r.year..=r.year + 1).filter_map(in_year).find(|d| *d > r)?,
            Some(_) => in_year(r.year)?,
            None => self.infer_year(start, in_year)?,
        };
        if week {
            return Some((end + 1, Label::Date, Self::period(Unit::Week, date)));
        }
        Some((end, Label::Date, Some(date.to_string())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::grammar::tests::{check, check_at};

    #[test]
    fn easter_falls_on_known_sundays() {
        for (y, expected) in [
            (2000, "2000-04-23"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
        ] {
            assert_eq!(easter(y).unwrap().to_string(), expected);
        }
    }

    /// (text, expected extent, label, value), reference Sunday 2025-12-21.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, Label, &str)] = &[
        ("Stores opened on Labor Day.", "Labor Day", Label::Date, "2025-09-01"),
        ("Pilgrims prayed as Easter week began.", "Easter week", Label::Date, "2025-W16"),
        ("Pilgrims came in Easter Week.", "Easter Week", Label::Date, "2025-W16"),
        ("They marched on Memorial Day.", "Memorial Day", Label::Date, "2025-05-26"),
        ("Sales jumped after Halloween.", "Halloween", Label::Date, "2025-10-31"),
        ("Shops reopen on Boxing Day.", "Boxing Day", Label::Date, "2025-12-26"),
        ("Voters went to the polls on Election Day.", "Election Day", Label::Date, "2025-11-04"),
        ("Pilgrims will gather on Good Friday.", "Good Friday", Label::Date, "2026-04-03"),
        ("Churches filled at Easter.", "Easter", Label::Date, "2025-04-20"),
        ("Flowers sold well before Mother's Day.", "Mother's Day", Label::Date, "2025-05-11"),
        ("Shops close on Christmas Day.", "Christmas Day", Label::Date, "2025-12-25"),
        ("Shops close on Christmas day.", "Christmas day", Label::Date, "2025-12-25"),
        ("They met on New Year's Eve.", "New Year's Eve", Label::Date, "2025-12-31"),
        // "last", "next", "this": the occurrence before, after, or in the reference year.
        ("He came last Thanksgiving.", "last Thanksgiving", Label::Date, "2025-11-27"),
        ("It was quiet last Christmas.", "last Christmas", Label::Date, "2024-12-25"),
        ("They will visit next Christmas.", "next Christmas", Label::Date, "2025-12-25"),
        ("They met next Easter.", "next Easter", Label::Date, "2026-04-05"),
        ("He left this Easter.", "this Easter", Label::Date, "2025-04-20"),
        ("They met last New Year's Day.", "last New Year's Day", Label::Date, "2025-01-01"),
        ("Sales peak in Thanksgiving week.", "Thanksgiving week", Label::Date, "2025-W48"),
        ("He led the Christmas Mass.", "Christmas", Label::Date, "2025-12-25"),
    ];

    #[test]
    fn holidays_resolve_to_their_day() {
        check(CASES);
    }

    /// (text, reference, extent, label, value): by tense, else the nearest occurrence.
    #[rustfmt::skip]
    const NEAR: &[(&str, &str, &str, Label, &str)] = &[
        ("Campaigning from now to Election Day.", "1998-10-26", "Election Day", Label::Date, "1998-11-03"),
        ("He proposed on Valentine's Day.", "2025-06-01", "Valentine's Day", Label::Date, "2025-02-14"),
        ("The parade was held on St. Patrick's Day.", "2025-06-01", "St. Patrick's Day", Label::Date, "2025-03-17"),
        ("The parade is on St. Patrick's Day.", "2025-02-01", "St. Patrick's Day", Label::Date, "2025-03-17"),
        ("They will visit next Christmas.", "2000-02-10", "next Christmas", Label::Date, "2000-12-25"),
        ("He came last Thanksgiving.", "2000-02-10", "last Thanksgiving", Label::Date, "1999-11-25"),
    ];

    #[test]
    fn holidays_take_the_year_tense_or_nearness_gives() {
        check_at(NEAR);
    }

    /// Names that contain a holiday word but are no date.
    const NOT_HOLIDAYS: &[&str] = &[
        "They sailed to Easter Island.",
        "The Easter Week Rising failed.",
        "He said a good friday was had by all.",
        "The labor day rate applies.",
        "They flew to Christmas Island.",
        "The christmas tree was lit.",
        "The Thanksgiving Parade marched.",
    ];

    #[test]
    fn holiday_lookalikes_are_not_dates() {
        for &text in NOT_HOLIDAYS {
            let found = crate::temporal::grammar::tests::run(text);
            assert!(found.is_empty(), "{text:?}: {found:?}");
        }
    }
}
