//! The temporal grammar: finds DATE, TIME, DURATION and SET expressions in
//! scanned words and resolves each to its TIMEX3 value.
//!
//! Matching is greedy, left to right: at each word every pattern family is
//! tried and the longest match wins; the scan then resumes after it. Values
//! are resolved as they are found, so anaphoric expressions ("the next day")
//! can use the most recent full date mentioned before them ([`Anchor`]).
//! Deictic expressions ("yesterday", "on Friday") use the reference date and,
//! where the direction is open, the tense of the clause ([`crate::temporal::tense`]).

use std::cell::Cell;

use crate::calendar::Date;
use crate::document::Label;
use crate::temporal::lexicon::{self, Unit};
use crate::temporal::tense::{tense, Tense};
use crate::temporal::words::Word;

/// A temporal expression found in the words: `words[start..end]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Index of the first word.
    pub start: usize,
    /// Index one past the last word.
    pub end: usize,
    /// DATE, TIME, DURATION or SET.
    pub label: Label,
    /// The TIMEX3 value.
    pub value: String,
}

/// The most recent fully specified day mentioned, for anaphoric expressions.
type Anchor = Option<Date>;

/// A match of one pattern: the word index after it, its label and value.
type Hit = (usize, Label, String);

/// Words that make a following bare month or year a date ("in May", "since 1998").
const DATE_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "during",
    "from",
    "through",
    "before",
    "after",
    "of",
    "to",
    "between",
    "and",
    "last",
    "this",
    "next",
    "early",
    "late",
    "mid",
    "end",
    "beginning",
    "start",
    "middle",
    "for",
    "around",
    "on",
    "past",
    "throughout",
    "within",
    "into",
    "circa",
];

/// Determiners before a date used as a modifier ("the 1996 law", "a June agreement").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "that", "this", "its", "his", "her", "their", "our", "'s",
];

/// Words after a number that show it counts things rather than naming a year.
const MEASURES: &[&str] = &[
    "people",
    "persons",
    "troops",
    "soldiers",
    "percent",
    "%",
    "points",
    "shares",
    "units",
    "cars",
    "dollars",
    "yen",
    "euros",
    "pounds",
    "tons",
    "tonnes",
    "barrels",
    "miles",
    "meters",
    "metres",
    "feet",
    "kilometers",
    "km",
    "votes",
    "jobs",
    "workers",
    "employees",
    "members",
    "cases",
    "deaths",
    "homes",
    "acres",
    "calories",
    "words",
    "pages",
    "copies",
    "hours",
    "minutes",
    "seconds",
    "days",
    "weeks",
    "months",
    "years",
    "times",
    "x",
    "by",
    "mhz",
    "ghz",
    "kg",
    "lb",
    "lbs",
    "mm",
    "cm",
];

/// Finds all temporal expressions in `words`, resolved against `reference`.
/// `sentences` are byte ranges used to find the tense of each clause.
pub fn find(
    text: &str,
    words: &[Word],
    reference: Date,
    sentences: &[(usize, usize)],
) -> Vec<Found> {
    let grammar = Grammar {
        text,
        words,
        reference,
        sentences,
        last_day: Cell::new(None),
    };
    let mut anchor: Anchor = None;
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match grammar.longest_at(i, anchor) {
            Some((end, label, value)) if end > i => {
                if let Some(day) = full_day(&value) {
                    grammar.last_day.set(Some(day));
                }
                if let Some(start) = period_start(&value) {
                    anchor = Some(start);
                }
                let value = on_previous_day(&out, words, i, label, value, reference);
                out.push(Found {
                    start: i,
                    end,
                    label,
                    value,
                });
                i = end;
            }
            _ => {
                if let Some(found) = coordinated_day(&out, words, i) {
                    out.push(found);
                }
                i += 1
            }
        }
    }
    out
}

/// The second day of "April 24 and 25" or "May 5-6", in the first one's month.
fn coordinated_day(out: &[Found], words: &[Word], i: usize) -> Option<Found> {
    let prev = out.last()?;
    let w = &words[i];
    let day: u32 = w
        .number()
        .filter(|d| (1..=31).contains(d) && w.lower.len() <= 2)?;
    let linked = i >= 1
        && prev.end == i - 1
        && matches!(
            words[i - 1].lower.as_str(),
            "and" | "or" | "-" | "to" | "through"
        );
    let ends_on_day = words[prev.end - 1].is_number() && prev.value.len() == 10;
    let closes = words.get(i + 1).map_or(true, |n| {
        n.is_punct() && n.lower != "-" && n.lower != "/" && n.lower != ":"
    });
    if !(linked && ends_on_day && closes) {
        return None;
    }
    let first = full_day(&prev.value)?;
    let date = Date::new(first.year, first.month, day).filter(|d| *d > first)?;
    Some(Found {
        start: i,
        end: i + 1,
        label: Label::Date,
        value: date.to_string(),
    })
}

/// Puts a clock time found on the reference day onto the date right before
/// it instead: "04/15/2013 at 7 p.m." → 2013-04-15T19:00.
fn on_previous_day(
    out: &[Found],
    words: &[Word],
    i: usize,
    label: Label,
    value: String,
    reference: Date,
) -> String {
    let Some(prev) = out.last() else { return value };
    let on_reference =
        value.len() > 10 && value.starts_with(&reference.to_string()) && &value[10..11] == "T";
    let joined = prev.end == i
        || (prev.end + 1 == i && matches!(words[prev.end].lower.as_str(), "at" | "," | "from"));
    match full_day(&prev.value) {
        Some(day)
            if label == Label::Time && on_reference && joined && prev.label == Label::Date =>
        {
            format!("{day}{}", &value[10..])
        }
        _ => value,
    }
}

/// The day of a `YYYY-MM-DD…` value.
fn full_day(value: &str) -> Option<Date> {
    Date::parse_iso(value.get(..10)?)
}

struct Grammar<'a> {
    text: &'a str,
    words: &'a [Word],
    reference: Date,
    sentences: &'a [(usize, usize)],
    /// The most recent full day mentioned, for clock times without a day.
    last_day: Cell<Option<Date>>,
}

/// The first day of a dated value: "1998" → 1998-01-01, "1998-03" → 1998-03-01,
/// "1998-Q2" → 1998-04-01, "1998-03-05T10:00" → 1998-03-05.
fn period_start(value: &str) -> Option<Date> {
    if let Some(day) = full_day(value) {
        return Some(day);
    }
    let year: i32 = value
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?
        .parse()
        .ok()?;
    let rest = &value[4..];
    let month = if rest.is_empty() {
        1
    } else if let Some(q) = rest.strip_prefix("-Q") {
        (q.parse::<u32>().ok()?.clamp(1, 4) - 1) * 3 + 1
    } else if rest.len() == 3 && rest.starts_with('-') {
        rest[1..].parse().ok()?
    } else {
        return None;
    };
    Date::new(year, month, 1)
}

/// Keeps the longer of two hits (the first on ties).
fn longer(a: Option<Hit>, b: Option<Hit>) -> Option<Hit> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

impl<'a> Grammar<'a> {
    // ----- word access -------------------------------------------------------

    fn lw(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.lower.as_str())
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.lw(i) == s
    }

    fn is_any(&self, i: usize, set: &[&str]) -> bool {
        set.contains(&self.lw(i))
    }

    /// True if word `i` exists and follows word `i - 1` without a space.
    fn joined(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| !w.spaced)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| w.capitalized)
    }

    fn number(&self, i: usize) -> Option<u32> {
        self.words.get(i).and_then(Word::number)
    }

    fn digits(&self, i: usize) -> usize {
        self.words
            .get(i)
            .filter(|w| w.is_number())
            .map_or(0, |w| w.lower.len())
    }

    /// Skips an abbreviation period right after word `i - 1`.
    fn skip_period(&self, i: usize) -> usize {
        if self.is(i, ".") && self.joined(i) {
            i + 1
        } else {
            i
        }
    }

    /// True if word `i` is glued to a number before it by `,` `.` `-` `/` `:`
    /// (it is then part of a larger number, phone number or score).
    fn glued_before(&self, i: usize) -> bool {
        i >= 2
            && self.joined(i)
            && self.is_any(i - 1, &[",", ".", "-", "/", ":", "+"])
            && self.joined(i - 1)
            && self.words[i - 2].is_number()
    }

    fn glued_after(&self, end: usize) -> bool {
        self.joined(end)
            && self.is_any(end, &[",", ".", "-", "/", ":", "%"])
            && (self.is(end, "%") || (self.joined(end + 1) && self.number(end + 1).is_some()))
    }

    /// The byte range of the sentence holding word `i`.
    fn sentence_of(&self, i: usize) -> (usize, usize) {
        // Sentences are sorted and disjoint: binary search.
        let byte = self.words.get(i).map_or(self.text.len(), |w| w.start);
        let at = self.sentences.partition_point(|(s, _)| *s <= byte);
        match at.checked_sub(1).map(|k| self.sentences[k]) {
            Some((s, e)) if s <= byte && byte < e => (s, e),
            _ => (0, self.text.len()),
        }
    }

    /// True if the sentence of word `i`, or the one before, contains one of `cues`.
    fn sentence_mentions(&self, i: usize, cues: &[&str]) -> bool {
        let (lo, hi) = self.sentence_of(i);
        let at = self.sentences.partition_point(|(_, e)| *e <= lo);
        let previous = at
            .checked_sub(1)
            .map_or(lo, |k| self.sentences[k].0.min(lo));
        let first = self.words.partition_point(|w| w.start < previous);
        self.words[first..]
            .iter()
            .take_while(|w| w.end <= hi)
            .any(|w| cues.contains(&w.lower.as_str()))
    }

    fn tense_at(&self, i: usize) -> Tense {
        let (lo, hi) = self.sentence_of(i);
        tense(self.words, i, lo, hi)
    }

    // ----- top level ---------------------------------------------------------

    fn longest_at(&self, i: usize, anchor: Anchor) -> Option<Hit> {
        let w = &self.words[i];
        // Never start inside a larger alphanumeric run such as "No.1998".
        if w.is_punct() && !matches!(w.lower.as_str(), "'") {
            return None;
        }
        let mut best = self.modified(i, anchor);
        best = longer(best, self.date(i, anchor));
        best = longer(best, self.duration(i));
        best = longer(best, self.set(i));
        best
    }

    /// "early/late/mid X", "the end of X", "earlier this year": a modifier
    /// widens the extent; TIMEX3 keeps the value of X (the `mod` attribute
    /// would carry START/MID/END).
    fn modified(&self, i: usize, anchor: Anchor) -> Option<Hit> {
        let mut j = i;
        let the = self.is(j, "the");
        if the {
            j += 1;
        }
        // "mid-afternoon yesterday", "late Tuesday evening", "early morning".
        if self.is_any(j, &["early", "late", "mid"]) {
            let k = if self.is(j + 1, "-") && self.joined(j + 1) {
                j + 2
            } else {
                j + 1
            };
            if let Some(part) = lexicon::part_of_day(self.lw(k)) {
                let mut day = self.last_day.get().unwrap_or(self.reference);
                let mut end = k + 1;
                if let Some((e, Label::Date, v)) = self.weekday(end).or_else(|| self.deictic(end)) {
                    if let Some(d) = full_day(&v) {
                        day = d;
                        end = e;
                    }
                }
                return Some((end, Label::Time, format!("{day}T{part}")));
            }
        }
        let after = match self.lw(j) {
            "early" | "late" | "earlier" | "later" | "mid" | "middle" => {
                let mut k = j + 1;
                if self.is(k, "-") && self.joined(k) {
                    k += 1;
                } else if self.is(j, "middle") {
                    if !self.is(k, "of") {
                        return None;
                    }
                    k += 1;
                }
                k
            }
            "end" | "beginning" | "start" | "close" if self.is(j + 1, "of") => j + 2,
            _ => return None,
        };
        if self.is(j, "earlier") || self.is(j, "later") {
            // "earlier this year", "later today", "Earlier Sunday", "later that year".
            let day_word = lexicon::weekday(self.lw(after)).is_some() && self.capitalized(after);
            if !(day_word
                || self.is_any(
                    after,
                    &["this", "today", "yesterday", "tomorrow", "tonight", "that"],
                ))
            {
                return None;
            }
        }
        let (end, label, value) = self.date(after, anchor).or_else(|| {
            // "the end of the year", "the middle of the month", "earlier in the year".
            let k = if self.is(after, "in") && self.is_any(j, &["earlier", "later"]) {
                after + 1
            } else {
                after
            };
            if self.is(k, "the") {
                let unit = lexicon::unit(self.lw(k + 1))
                    .filter(|u| matches!(u, Unit::Week | Unit::Month | Unit::Year | Unit::Quarter));
                match unit {
                    Some(unit) if !self.lw(k + 1).ends_with('s') => {
                        Some((k + 2, Label::Date, Self::period(unit, self.reference)?))
                    }
                    _ => self.date(k + 1, anchor),
                }
            } else {
                None
            }
        })?;
        if label != Label::Date && label != Label::Time {
            return None;
        }
        Some((end, label, value))
    }

    // ----- dates -------------------------------------------------------------

    fn date(&self, i: usize, anchor: Anchor) -> Option<Hit> {
        let mut best = self.explicit(i);
        best = longer(best, self.weekday(i));
        best = longer(best, self.month_only(i));
        best = longer(best, self.numeric(i));
        best = longer(best, self.year(i));
        best = longer(best, self.decade(i));
        best = longer(best, self.century(i));
        best = longer(best, self.deictic(i));
        best = longer(best, self.relative_unit(i, anchor));
        best = longer(best, self.ago(i, anchor));
        best = longer(best, self.anaphoric(i, anchor));
        best = longer(best, self.season(i));
        best = longer(best, self.quarter(i));
        best = longer(best, self.reference_words(i));
        best = longer(best, self.clock(i));
        best = longer(best, self.holiday(i));
        best
    }

    /// A month name at `i` (capitalized; abbreviations may take a period).
    /// Returns the month and the index after it.
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.words.get(i)?;
        let m = lexicon::month(&w.lower)?;
        if !w.capitalized {
            return None;
        }
        if lexicon::is_month_abbreviation(&w.lower) && w.lower.len() <= 4 {
            let after = self.skip_period(i + 1);
            // "Mar" or "Dec" without a period must come before a number.
            if after == i + 1 && self.number(i + 1).is_none() {
                return None;
            }
            return Some((m, after));
        }
        Some((m, i + 1))
    }

    /// A day of month at `i`: "5", "05", "5th", "fifth".
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.words.get(i)?;
        let d = if w.is_number() && w.lower.len() <= 2 {
            w.number()?
        } else {
            lexicon::ordinal(&w.lower)?
        };
        if !(1..=31).contains(&d) || self.glued_after(i + 1) {
            return None;
        }
        Some((d, i + 1))
    }

    /// A four-digit year at `i` (optionally "'98"-style two digits when `short`).
    fn year_at(&self, i: usize, short: bool) -> Option<(i32, usize)> {
        let w = self.words.get(i)?;
        if w.is_number() && w.lower.len() == 4 {
            let y = w.number()? as i32;
            if (1000..=2999).contains(&y) && !self.glued_after(i + 1) {
                return Some((y, i + 1));
            }
        }
        if short && w.lower == "'" && self.digits(i + 1) == 2 && self.joined(i + 1) {
            let yy = self.number(i + 1)? as i32;
            return Some((self.century_for(yy), i + 2));
        }
        if short {
            return self.spelled_year(i);
        }
        None
    }

    /// The four-digit year for a two-digit one, nearest the reference year.
    fn century_for(&self, yy: i32) -> i32 {
        let base = self.reference.year - self.reference.year.rem_euclid(100);
        [base - 100 + yy, base + yy, base + 100 + yy]
            .into_iter()
            .min_by_key(|y| ((y - self.reference.year).abs(), *y))
            .unwrap_or(base + yy)
    }

    /// "December 5", "Dec. 21, 2025", "5 December 2025", "the 5th of December",
    /// "December 2025", "Sunday, December 6", "December 5th".
    fn explicit(&self, i: usize) -> Option<Hit> {
        // Optional leading weekday: "Sunday, December 6".
        if lexicon::weekday(self.lw(i)).is_some() && self.capitalized(i) {
            let mut j = i + 1;
            if self.is(j, ",") {
                j += 1;
            }
            if let Some((end, label, value)) = self.explicit(j) {
                if value.len() >= 10 {
                    return Some((end, label, value));
                }
            }
        }
        let mut best = None;
        // Month first.
        if let Some((m, j)) = self.month_at(i) {
            if let Some((d, k)) = self.day_at(j) {
                if !(self.is(j, "the")) {
                    let mut end = k;
                    let mut year = None;
                    let mut after = k;
                    if self.is(after, ",") {
                        after += 1;
                    }
                    if let Some((y, e)) = self.year_at(after, true) {
                        year = Some(y);
                        end = e;
                    }
                    if let Some(v) = self.day_value(year, m, d, i) {
                        best = longer(best, Some((end, Label::Date, v)));
                    }
                }
            }
            // "December 2025", "December, 2025", "December of 2025".
            let mut after = j;
            if self.is(after, ",") || self.is(after, "of") {
                after += 1;
            }
            if let Some((y, e)) = self.year_at(after, true) {
                best = longer(best, Some((e, Label::Date, format!("{y:04}-{m:02}"))));
            }
            // "January this year", "May last year".
            if self.is_any(j, &["this", "last", "next"]) && self.is(j + 1, "year") {
                let y = self.reference.year
                    + match self.lw(j) {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                best = longer(best, Some((j + 2, Label::Date, format!("{y:04}-{m:02}"))));
            }
        }
        // Day first: "5 December 2025", "the 5th of December".
        let mut j = i;
        if self.is(j, "the") && lexicon::ordinal(self.lw(j + 1)).is_some() {
            j += 1;
        }
        if let Some((d, mut k)) = self.day_at(j) {
            if self.is(k, "of") {
                k += 1;
            }
            if let Some((m, k2)) = self.month_at(k) {
                let mut end = k2;
                let mut year = None;
                let mut after = k2;
                if self.is(after, ",") {
                    after += 1;
                }
                if let Some((y, e)) = self.year_at(after, true) {
                    year = Some(y);
                    end = e;
                }
                if let Some(v) = self.day_value(year, m, d, i) {
                    best = longer(best, Some((end, Label::Date, v)));
                }
            }
        }
        best
    }

    /// The value of a day given month and day, with the year given or inferred.
    fn day_value(&self, year: Option<i32>, m: u32, d: u32, at: usize) -> Option<String> {
        match year {
            Some(y) => Date::new(y, m, d).map(|date| date.to_string()),
            None => {
                if d > lexicon_days(m) {
                    return None;
                }
                let date = self.infer_day(m, d, at)?;
                Some(date.to_string())
            }
        }
    }

    /// The year of "December 5" near the reference date: by tense, else the nearest.
    fn infer_day(&self, m: u32, d: u32, at: usize) -> Option<Date> {
        self.infer_year(at, |y| Date::new(y, m, d).or_else(|| Date::new(y, m, 28)))
    }

    /// Picks among the dates `in_year` gives for the years around the
    /// reference: by tense, else the nearest.
    fn infer_year(&self, at: usize, in_year: impl Fn(i32) -> Option<Date>) -> Option<Date> {
        let r = self.reference;
        let candidates: Vec<Date> = (r.year - 1..=r.year + 1).filter_map(in_year).collect();
        let past = candidates.iter().rev().find(|c| **c <= r).copied();
        let future = candidates.iter().find(|c| **c >= r).copied();
        let nearest = candidates
            .iter()
            .min_by_key(|c| (c.to_days() - r.to_days()).abs())
            .copied();
        let pick = match self.tense_at(at) {
            Tense::Past => past,
            Tense::Future => future,
            Tense::Unknown => nearest,
        };
        // A tense cue never pushes a date more than about eight months away.
        match (pick, nearest) {
            (Some(p), Some(n)) if (p.to_days() - r.to_days()).abs() > 250 => Some(n),
            (p, n) => p.or(n),
        }
    }

    /// The year of a bare month ("in December") by tense.
    fn infer_month_year(&self, m: u32, at: usize) -> i32 {
        let r = self.reference;
        match self.tense_at(at) {
            Tense::Past if m > r.month => r.year - 1,
            Tense::Future if m < r.month => r.year + 1,
            Tense::Past | Tense::Future => r.year,
            // No cue: the nearest such month.
            Tense::Unknown if m as i32 - r.month as i32 > 6 => r.year - 1,
            Tense::Unknown if r.month as i32 - m as i32 > 6 => r.year + 1,
            Tense::Unknown => r.year,
        }
    }

    /// A weekday: "Friday", "on Sunday", "last Friday", "next Tuesday",
    /// "Friday morning" (TIME), "Friday, Dec. 5" (handled by `explicit`).
    fn weekday(&self, i: usize) -> Option<Hit> {
        let (shift, j) = match self.lw(i) {
            "last" | "past" | "previous" => (-1, i + 1),
            "next" | "coming" => (1, i + 1),
            "this" => (0, i + 1),
            _ => (2, i),
        };
        let wd = lexicon::weekday(self.lw(j))?;
        if !self.capitalized(j) {
            return None;
        }
        // "Sunday Times", "Monday Night Football": a name, not a date.
        if self.capitalized(j + 1)
            && lexicon::month(self.lw(j + 1)).is_none()
            && lexicon::part_of_day(self.lw(j + 1)).is_none()
            && !self.words[j + 1].newline
        {
            return None;
        }
        let r = self.reference;
        let today = r.weekday().index() as i64;
        let wd = wd as i64;
        let back = (today - wd).rem_euclid(7); // days since the last such weekday (0 = today)
        let ahead = (wd - today).rem_euclid(7);
        let offset = match shift {
            -1 => -(if back == 0 { 7 } else { back }),
            1 => {
                if ahead == 0 {
                    7
                } else {
                    ahead
                }
            }
            0 => wd - today,
            _ => match self.tense_at(j) {
                Tense::Future => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                _ => -back,
            },
        };
        let day = r.add_days(offset)?;
        let mut end = j + 1;
        let mut value = day.to_string();
        let mut label = Label::Date;
        if let Some(part) = lexicon::part_of_day(self.lw(end)) {
            value = format!("{value}T{part}");
            label = Label::Time;
            end += 1;
        }
        Some((end, label, value))
    }

    /// A month without a day: "in December", "last August", "this September".
    fn month_only(&self, i: usize) -> Option<Hit> {
        let (shift, j) = match self.lw(i) {
            "last" | "past" => (Some(-1), i + 1),
            "next" | "coming" => (Some(1), i + 1),
            "this" => (Some(0), i + 1),
            _ => (None, i),
        };
        let (m, end) = self.month_at(j)?;
        if self.day_at(end).is_some() {
            return None; // "last Oct. 23" is a full date
        }
        if shift.is_none() {
            // A bare month name must follow a cue word ("in May", not "May I"),
            // or modify a noun after a determiner ("the October slaying").
            let cue = j > 0 && self.is_any(j - 1, DATE_CUES);
            let cue = cue || (j > 1 && self.is(j - 1, "-") && self.is(j - 2, "mid"));
            let noun_after = self
                .words
                .get(end)
                .is_some_and(|w| !w.capitalized && !w.is_punct() && !w.is_number());
            let cue = cue || (j > 0 && self.is_any(j - 1, DETERMINERS) && noun_after);

            if !cue || self.is_any(end, &["i", "be", "have", "not", "also"]) {
                return None;
            }
        }
        let r = self.reference;
        let year = match shift {
            Some(-1) => {
                if m < r.month {
                    r.year
                } else {
                    r.year - 1
                }
            }
            Some(1) => {
                if m > r.month {
                    r.year
                } else {
                    r.year + 1
                }
            }
            Some(_) => r.year,
            None => self.infer_month_year(m, j),
        };
        Some((end, Label::Date, format!("{year:04}-{m:02}")))
    }

    /// Numeric dates: "2025-12-21", "2025-12-21 08:30", "12/21/2025",
    /// "11/02/89", "19980303", "980120".
    fn numeric(&self, i: usize) -> Option<Hit> {
        if self.glued_before(i) {
            return None;
        }
        let n = self.digits(i);
        // ISO: YYYY-MM-DD
        if n == 4
            && self.is(i + 1, "-")
            && self.joined(i + 1)
            && self.digits(i + 2) == 2
            && self.joined(i + 2)
        {
            if self.is(i + 3, "-")
                && self.joined(i + 3)
                && self.digits(i + 4) == 2
                && self.joined(i + 4)
            {
                let date = Date::new(
                    self.number(i)? as i32,
                    self.number(i + 2)?,
                    self.number(i + 4)?,
                )?;
                if self.glued_after(i + 5) {
                    return None;
                }
                // Optional time "08:30" or "T08:30[:SS]".
                let mut k = i + 5;
                let t_glued = self.is(k, "t") || self.lw(k).starts_with('t') && self.joined(k);
                let _ = t_glued;
                if self.digits(k) == 2
                    && !self.joined(k)
                    && self.is(k + 1, ":")
                    && self.digits(k + 2) == 2
                {
                    let (h, mi) = (self.number(k)?, self.number(k + 2)?);
                    if h < 24 && mi < 60 {
                        k += 3;
                        if self.is(k, ":") && self.digits(k + 1) == 2 {
                            k += 2;
                        }
                        return Some((k, Label::Time, format!("{date}T{h:02}:{mi:02}")));
                    }
                }
                return Some((i + 5, Label::Date, date.to_string()));
            }
            return None;
        }
        // US: MM/DD/YYYY or MM/DD/YY
        if (1..=2).contains(&n)
            && self.is(i + 1, "/")
            && self.joined(i + 1)
            && (1..=2).contains(&self.digits(i + 2))
            && self.joined(i + 2)
            && self.is(i + 3, "/")
            && self.joined(i + 3)
            && self.joined(i + 4)
        {
            let yd = self.digits(i + 4);
            let year = match yd {
                4 => self.number(i + 4)? as i32,
                2 => self.century_for(self.number(i + 4)? as i32),
                _ => return None,
            };
            let date = Date::new(year, self.number(i)?, self.number(i + 2)?)?;
            if self.glued_after(i + 5) {
                return None;
            }
            return Some((i + 5, Label::Date, date.to_string()));
        }
        // Compact YYYYMMDD, or YYMMDD close to the reference year.
        if (n == 8 || n == 6) && !self.glued_after(i + 1) {
            let s = &self.words[i].lower;
            let (year, rest) = if n == 8 {
                (s[..4].parse::<i32>().ok()?, &s[4..])
            } else {
                (self.century_for(s[..2].parse::<i32>().ok()?), &s[2..])
            };
            let date = Date::new(year, rest[..2].parse().ok()?, rest[2..].parse().ok()?)?;
            let near = (date.year - self.reference.year).abs() <= if n == 8 { 30 } else { 1 };
            if near && (1900..=2100).contains(&date.year) {
                return Some((i + 1, Label::Date, date.to_string()));
            }
        }
        None
    }

    /// A bare year in context: "in 2024", "2024's budget", "1998".
    fn year(&self, i: usize) -> Option<Hit> {
        // "fiscal 1989", "fiscal year 1989": the fiscal year named by its end.
        if self.is(i, "fiscal") {
            let k = if self.is(i + 1, "year") { i + 2 } else { i + 1 };
            let (y, end) = self.year_at(k, true)?;
            return Some((end, Label::Date, format!("{y:04}")));
        }
        if let Some((y, end)) = self.spelled_year(i) {
            return Some((end, Label::Date, format!("{y:04}")));
        }
        let w = self.words.get(i)?;
        if !(w.is_number() && w.lower.len() == 4) || self.glued_before(i) {
            return None;
        }
        let (y, end) = self.year_at(i, false)?;
        let cue = i > 0 && self.is_any(i - 1, DATE_CUES);
        let determiner = i > 0 && self.is_any(i - 1, DETERMINERS);
        let after = self.lw(end);
        if i > 0
            && self.is_any(
                i - 1,
                &[
                    "$", "#", "no", "number", "nos", "version", "v", "flight", "route", "room",
                    "model",
                ],
            )
        {
            return None;
        }
        if self.is_any(end, MEASURES) || (self.is(end, "-") && self.joined(end)) {
            return None;
        }
        // "2020 Vision" is an idiom, "Orion 1980" or "Windows 2000" a name.
        if y == 2020 && after == "vision" {
            return None;
        }
        let sentence_start = i == 0 || self.words[i - 1].is_punct() || self.words[i].newline;
        if !cue
            && !determiner
            && !sentence_start
            && self.capitalized(i - 1)
            && lexicon::month(self.lw(i - 1)).is_none()
        {
            return None;
        }
        if !cue && !(1900..=self.reference.year + 30).contains(&y) {
            return None;
        }
        let mut end = end;
        if self.is(end, "fiscal") && self.is(end + 1, "year") {
            end += 2;
        }
        Some((end, Label::Date, format!("{y:04}")))
    }

    /// A year in words: "nineteen ninety-six", "two thousand", "the year two thousand".
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        let mut j = i;
        if self.is(j, "the") && self.is(j + 1, "year") {
            j += 2;
        }
        if self.is(j, "two") && self.is(j + 1, "thousand") {
            let mut k = j + 2;
            let mut y = 2000;
            let and = if self.is(k, "and") { k + 1 } else { k };
            if let Some(n) = lexicon::number_word(self.lw(and)).filter(|n| *n < 20) {
                y += n as i32;
                k = and + 1;
            }
            // A bare "two thousand" counts things unless "the year" names it.
            if j == i
                && !(i > 0
                    && self.is_any(
                        i - 1,
                        &["in", "by", "since", "until", "of", "before", "after"],
                    ))
            {
                return None;
            }
            return Some((y, k));
        }
        let century = lexicon::number_word(self.lw(j)).filter(|n| (10..=20).contains(n))?;
        let tens = lexicon::number_word(self.lw(j + 1))
            .filter(|n| *n >= 20 && *n % 10 == 0 && *n < 100)?;
        let mut k = j + 2;
        let mut units = 0;
        let u = if self.is(k, "-") && self.joined(k) {
            k + 1
        } else {
            k
        };
        if let Some(n) = lexicon::number_word(self.lw(u)).filter(|n| *n < 10) {
            units = n;
            k = u + 1;
        }
        Some((century as i32 * 100 + tens as i32 + units as i32, k))
    }

    /// "the 1990s", "1990s", "the '90s", "the eighties" → "199", "198".
    fn decade(&self, i: usize) -> Option<Hit> {
        // "the nineties", "the eighties": the nearest such decade.
        if self.is(i, "the") {
            let tens = match self.lw(i + 1) {
                "twenties" => 2,
                "thirties" => 3,
                "forties" => 4,
                "fifties" => 5,
                "sixties" => 6,
                "seventies" => 7,
                "eighties" => 8,
                "nineties" => 9,
                _ => return None,
            };
            // Named decades are past ones: the latest that has begun.
            let r = self.reference.year;
            let mut year = r - r.rem_euclid(100) + tens * 10;
            if year > r {
                year -= 100;
            }
            return Some((i + 2, Label::Date, format!("{:03}", year / 10)));
        }
        let w = self.words.get(i)?;
        let (prefix, end) = if w.lower.len() == 5
            && w.lower.ends_with('s')
            && w.lower[..4].bytes().all(|b| b.is_ascii_digit())
        {
            if !w.lower[..4].ends_with('0') {
                return None;
            }
            (w.lower[..3].to_string(), i + 1)
        } else if w.lower == "'" && self.joined(i + 1) {
            let next = self.lw(i + 1);
            if next.len() == 3
                && next.ends_with('s')
                && next.starts_with(|c: char| c.is_ascii_digit())
                && next[1..2] == *"0"
            {
                let yy: i32 = next[..2].parse().ok()?;
                let year = self.century_for(yy);
                (format!("{:03}", year / 10), i + 2)
            } else {
                return None;
            }
        } else {
            return None;
        };
        if self.glued_before(i) {
            return None;
        }
        // "the 1990s Act": a decade before a capitalized word names something.
        if self.capitalized(end) && !self.words[end].newline {
            return None;
        }
        Some((end, Label::Date, prefix))
    }

    /// "the 20th century", "the nineteenth century" → "19", "18".
    fn century(&self, i: usize) -> Option<Hit> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let n = lexicon::ordinal(self.lw(j))?;
        if !self.is(j + 1, "century") || !(1..=30).contains(&n) {
            return None;
        }
        Some((j + 2, Label::Date, format!("{:02}", n - 1)))
    }

    /// "today", "yesterday", "tomorrow", "tonight", "this morning",
    /// "last night", "yesterday afternoon".
    fn deictic(&self, i: usize) -> Option<Hit> {
        let r = self.reference;
        if self.is_title(i, 1) && self.is_any(i, &["today", "tonight", "tomorrow"]) {
            return None;
        }

        let (offset, j) = match self.lw(i) {
            "today" => (0, i + 1),
            "yesterday" => (-1, i + 1),
            "tomorrow" => (1, i + 1),
            "tonight" => return Some((i + 1, Label::Time, format!("{r}TNI"))),
            // "overnight losses": the night before the reference day.
            "overnight" => return Some((i + 1, Label::Time, format!("{}TNI", r.add_days(-1)?))),
            // "in the morning": that part of the day in focus.
            "the"
                if i > 0
                    && self.is(i - 1, "in")
                    && !self.is(i + 2, "of")
                    && lexicon::part_of_day(self.lw(i + 1)).is_some() =>
            {
                let part = lexicon::part_of_day(self.lw(i + 1))?;
                let day = self.last_day.get().unwrap_or(r);
                return Some((i + 2, Label::Time, format!("{day}T{part}")));
            }

            "this" | "last" | "tomorrow's" => {
                let part = lexicon::part_of_day(self.lw(i + 1))?;
                let offset = if self.is(i, "last") {
                    if part != "NI" && part != "EV" {
                        return None;
                    }
                    -1
                } else {
                    0
                };
                return Some((
                    i + 2,
                    Label::Time,
                    format!("{}T{part}", r.add_days(offset)?),
                ));
            }
            "the" if self.is(i + 1, "day") && self.is_any(i + 2, &["before", "after"]) => {
                let offset = match (self.lw(i + 2), self.lw(i + 3)) {
                    ("before", "yesterday") => -2,
                    ("after", "tomorrow") => 2,
                    _ => return None,
                };
                (offset, i + 4)
            }
            _ => return None,
        };
        let day = r.add_days(offset)?;
        if let Some(part) = lexicon::part_of_day(self.lw(j)) {
            return Some((j + 1, Label::Time, format!("{day}T{part}")));
        }
        Some((j, Label::Date, day.to_string()))
    }

    /// The value of the period of `unit` that contains `day`.
    fn period(unit: Unit, day: Date) -> Option<String> {
        Some(match unit {
            Unit::Day => day.to_string(),
            Unit::Week => {
                let (y, w) = day.iso_week();
                format!("{y:04}-W{w:02}")
            }
            Unit::Weekend => {
                let (y, w) = day.iso_week();
                format!("{y:04}-W{w:02}-WE")
            }
            Unit::Month => format!("{:04}-{:02}", day.year, day.month),
            Unit::Quarter => format!("{:04}-Q{}", day.year, (day.month - 1) / 3 + 1),
            Unit::Year => format!("{:04}", day.year),
            Unit::Decade => format!("{:03}", day.year / 10),
            Unit::Century => format!("{:02}", day.year / 100),
            Unit::Hour | Unit::Minute | Unit::Second => return None,
        })
    }

    /// `day` moved by `n` units.
    fn shift(unit: Unit, day: Date, n: i64) -> Option<Date> {
        match unit {
            Unit::Day => day.add_days(n),
            Unit::Week | Unit::Weekend => day.add_days(7 * n),
            Unit::Month => day.add_months(n),
            Unit::Quarter => day.add_months(3 * n),
            Unit::Year => day.add_months(12 * n),
            Unit::Decade => day.add_months(120 * n),
            Unit::Century => day.add_months(1200 * n),
            Unit::Hour | Unit::Minute | Unit::Second => None,
        }
    }

    /// "last week", "this month", "next year", "the coming weekend",
    /// "the weekend", "year-end", "the current quarter".
    fn relative_unit(&self, i: usize, _anchor: Anchor) -> Option<Hit> {
        let r = self.reference;
        if self.is(i, "year") && self.is(i + 1, "-") && self.joined(i + 1) && self.is(i + 2, "end")
        {
            return Some((i + 3, Label::Date, format!("{:04}-12-31", r.year)));
        }
        if self.is(i, "the") && self.is(i + 1, "weekend") {
            // On a weekday, a weekend told in the past tense is the one before.
            let weekday = r.weekday().index() < 5;
            let day = if weekday && self.tense_at(i) != Tense::Future {
                r.add_days(-7)?
            } else {
                r
            };
            return Some((i + 2, Label::Date, Self::period(Unit::Weekend, day)?));
        }
        // "the week of March 6"
        if self.is(i, "the") && self.is(i + 1, "week") && self.is(i + 2, "of") {
            if let Some((end, Label::Date, v)) = self.explicit(i + 3) {
                let day = full_day(&v)?;
                return Some((end, Label::Date, Self::period(Unit::Week, day)?));
            }
        }
        let mut j = i;
        if self.is(j, "the")
            && self.is_any(j + 1, &["coming", "current", "past", "previous", "next"])
        {
            j += 1;
        }
        let n = match self.lw(j) {
            "last" | "past" | "previous" => -1,
            "this" | "current" => 0,
            "next" | "coming" => 1,
            _ => return None,
        };
        let unit = lexicon::unit(self.lw(j + 1))?;
        if self.lw(j + 1).ends_with('s') && !self.is(j + 1, "hours") {
            return None;
        }
        if self.is(i, "the") && self.is(j, "next") {
            return None; // "the next day" is anaphoric
        }
        let stretch = matches!(unit, Unit::Decade | Unit::Century)
            && self.is_any(j, &["past", "last", "coming", "next"]);
        if (self.is(i, "the") && self.is(j, "coming") && unit != Unit::Weekend) || stretch {
            // "the coming year", "the past decade": a stretch of time.
            return Some((j + 2, Label::Duration, unit.duration(Some(1))));
        }
        // "This Week" in a show title is a name.
        if self.is_title(j, 2) {
            return None;
        }
        let day = Self::shift(unit, r, n)?;
        Some((j + 2, Label::Date, Self::period(unit, day)?))
    }

    /// True if the `n` words from `i` are all capitalized in mid-sentence: a
    /// title such as "VOA Today" or "This Week With David Brinkley".
    fn is_title(&self, i: usize, n: usize) -> bool {
        let mid_sentence = i > 0 && !self.words[i - 1].is_punct() && !self.words[i].newline;
        mid_sentence && (i..i + n).all(|k| self.capitalized(k))
    }

    /// "two weeks ago", "a year earlier", "three days later", "several years ago".
    fn ago(&self, i: usize, anchor: Anchor) -> Option<Hit> {
        // Approximators belong to the extent: "nearly four years ago".
        let approximate = match (self.lw(i), self.lw(i + 1)) {
            ("more" | "less", "than") => 2,
            (
                "nearly" | "almost" | "about" | "some" | "roughly" | "around" | "over"
                | "approximately" | "just",
                _,
            ) => 1,
            _ => 0,
        };
        if approximate > 0 {
            if let Some((end, label, value)) = self.ago(i + approximate, anchor) {
                return Some((end, label, value));
            }
        }
        let (amount, j) = self.amount(i)?;
        let unit = lexicon::unit(self.lw(j))?;
        let k = j + 1;
        let direction = match self.lw(k) {
            "ago" | "earlier" => -1,
            // "a year before." but not "two weeks before the vote" (a duration).
            "before" if self.words.get(k + 1).map_or(true, |w| w.is_punct()) => -1,
            "later" | "hence" => 1,
            "after" if self.words.get(k + 1).map_or(true, |w| w.is_punct()) => 1,
            "from" if self.is(k + 1, "now") => 1,
            _ => return None,
        };
        let end = if self.is(k, "from") { k + 2 } else { k + 1 };
        if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) {
            return None;
        }
        let Some(n) = amount else {
            let value = if direction < 0 {
                "PAST_REF"
            } else {
                "FUTURE_REF"
            };
            return Some((end, Label::Date, value.to_string()));
        };
        let base = if self.is_any(k, &["later", "after", "before"]) {
            anchor.unwrap_or(self.reference)
        } else {
            self.reference
        };
        let day = Self::shift(unit, base, direction * n as i64)?;
        // Earnings reports compare with the same quarter "a year ago".
        if unit == Unit::Year
            && n == 1
            && self.sentence_mentions(i, &["quarter", "quarterly", "period"])
        {
            let quarter_day = Self::shift(unit, self.reference.add_days(-45)?, direction)?;
            return Some((end, Label::Date, Self::period(Unit::Quarter, quarter_day)?));
        }
        Some((end, Label::Date, Self::period(unit, day)?))
    }

    /// A count before a unit: "two", "2", "a", "an", "twenty-four", "several" (None).
    fn amount(&self, i: usize) -> Option<(Option<u32>, usize)> {
        let w = self.words.get(i)?;
        if w.is_number() && w.lower.len() <= 4 && !self.glued_before(i) {
            if self.glued_after(i + 1) {
                return None;
            }
            return Some((w.number(), i + 1));
        }
        match w.lower.as_str() {
            "a" | "an" | "one" => {
                if self.is(i + 1, "few") {
                    return Some((None, i + 2));
                }
                if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                    return Some((Some(2), i + 3));
                }
                return Some((Some(1), i + 1));
            }
            "several" | "few" | "many" | "some" | "numerous" => return Some((None, i + 1)),
            _ => {}
        }
        let n = lexicon::number_word(&w.lower)?;
        // "twenty-four", "twenty four"
        if n >= 20 && n % 10 == 0 && n < 100 {
            let k = if self.is(i + 1, "-") && self.joined(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if let Some(u) = lexicon::number_word(self.lw(k)).filter(|u| *u < 10) {
                return Some((Some(n + u), k + 1));
            }
        }
        Some((Some(n), i + 1))
    }

    /// "the next day", "the following week", "the day before", "that day",
    /// "the same day", "the previous year": relative to the last full date.
    fn anaphoric(&self, i: usize, anchor: Anchor) -> Option<Hit> {
        let base = anchor.unwrap_or(self.reference);
        if self.is(i, "the")
            && self.is(i + 1, "day")
            && self.is_any(i + 2, &["before", "after"])
            && !self.is_any(i + 3, &["yesterday", "tomorrow"])
            && self.words.get(i + 3).map_or(true, |w| w.is_punct())
        {
            let n = if self.is(i + 2, "before") { -1 } else { 1 };
            return Some((i + 3, Label::Date, base.add_days(n)?.to_string()));
        }
        if !self.is_any(i, &["the", "that"]) {
            return None;
        }
        let (n, j) = match (self.lw(i), self.lw(i + 1)) {
            ("the", "next" | "following") if lexicon::weekday(self.lw(i + 2)).is_some() => {
                let wd = lexicon::weekday(self.lw(i + 2))? as i64;
                let ahead = (wd - base.weekday().index() as i64).rem_euclid(7);
                let day = base.add_days(if ahead == 0 { 7 } else { ahead })?;
                return Some((i + 3, Label::Date, day.to_string()));
            }
            ("the", "previous" | "preceding") if lexicon::weekday(self.lw(i + 2)).is_some() => {
                let wd = lexicon::weekday(self.lw(i + 2))? as i64;
                let back = (base.weekday().index() as i64 - wd).rem_euclid(7);
                let day = base.add_days(-(if back == 0 { 7 } else { back }))?;
                return Some((i + 3, Label::Date, day.to_string()));
            }
            ("the", "next" | "following") => (1, i + 2),
            ("the", "previous" | "preceding" | "prior") => (-1, i + 2),
            ("the", "same") => (0, i + 2),
            ("that", _) => (0, i + 1),
            _ => return None,
        };
        if let Some(part) = lexicon::part_of_day(self.lw(j)) {
            // "the next morning", "that night"
            return Some((j + 1, Label::Time, format!("{}T{part}", base.add_days(n)?)));
        }
        let unit = lexicon::unit(self.lw(j))?;
        if self.lw(j).ends_with('s')
            || matches!(
                unit,
                Unit::Hour | Unit::Minute | Unit::Second | Unit::Weekend
            )
        {
            return None;
        }
        // Days count from the last full day mentioned, not from a bare year.
        let base = if unit == Unit::Day {
            self.last_day.get().unwrap_or(self.reference)
        } else {
            base
        };
        let day = Self::shift(unit, base, n)?;

        Some((j + 1, Label::Date, Self::period(unit, day)?))
    }

    /// "this summer", "last fall", "summer 2025", "the summer of 2025",
    /// "the summer", "in spring".
    fn season(&self, i: usize) -> Option<Hit> {
        let r = self.reference;
        let (shift, j) = match self.lw(i) {
            "last" | "past" => (Some(-1), i + 1),
            "next" | "coming" => (Some(1), i + 1),
            "this" => (Some(0), i + 1),
            "the" => (None, i + 1),
            _ => (None, i),
        };
        let code = lexicon::season(self.lw(j))?;
        let mut after = j + 1;
        if self.is(after, "of") {
            after += 1;
        }
        if let Some((y, e)) = self.year_at(after, true) {
            return Some((e, Label::Date, format!("{y:04}-{code}")));
        }
        // Seasons count from their start: winter belongs to the year it begins in.
        let current = match r.month {
            3..=5 => "SP",
            6..=8 => "SU",
            9..=11 => "FA",
            _ => "WI",
        };
        let order = |c: &str| {
            ["SP", "SU", "FA", "WI"]
                .iter()
                .position(|s| *s == c)
                .unwrap_or(0) as i32
        };
        let year_of_current = if r.month <= 2 { r.year - 1 } else { r.year };
        let year = match shift {
            Some(0) => year_of_current,
            Some(-1) => {
                if order(code) < order(current) {
                    year_of_current
                } else {
                    year_of_current - 1
                }
            }
            Some(_) => {
                if order(code) > order(current) {
                    year_of_current
                } else {
                    year_of_current + 1
                }
            }
            None => {
                // A bare season needs a cue: "in the summer", "in spring";
                // "fall" also means falling ("the fall of Rome").
                let before = if self.is(i, "the") {
                    i.checked_sub(1)
                } else {
                    Some(i.wrapping_sub(1))
                };
                let cued = before.is_some_and(|b| {
                    b < self.words.len()
                        && self.is_any(
                            b,
                            &[
                                "in", "during", "by", "since", "until", "through", "over", "this",
                                "last", "next", "early", "late", "mid", "of",
                            ],
                        )
                });

                if !cued || (self.is(j, "fall") && self.is(j + 1, "of")) {
                    return None;
                }
                year_of_current
            }
        };
        Some((
            after.min(j + 1).max(j + 1),
            Label::Date,
            format!("{year:04}-{code}"),
        ))
    }

    /// "the third quarter", "the fiscal first quarter", "the 1988 third quarter",
    /// "third-quarter", "the fourth quarter of 2025", "Q3 2025", "the first half",
    /// "the quarter", "the latest quarter", "fiscal 1989".
    fn quarter(&self, i: usize) -> Option<Hit> {
        let r = self.reference;
        let mut j = i;
        let the = self.is(j, "the");
        if the {
            j += 1;
        }
        let mut year: Option<i32> = None;
        if let Some((y, e)) = self.year_at(j, false) {
            year = Some(y);
            j = e;
        }
        // "the 1988 quarter", "the 1989 period": the reported quarter of that year.
        if the && year.is_some() && self.is_any(j, &["quarter", "period"]) {
            let q = (r.add_days(-45)?.month - 1) / 3 + 1;
            return Some((j + 1, Label::Date, format!("{:04}-Q{q}", year?)));
        }
        // "this year's third quarter", "last year's quarter"
        if !the
            && self.is_any(j, &["this", "last", "next"])
            && self.is(j + 1, "year")
            && self.is(j + 2, "'")
            && self.is(j + 3, "s")
        {
            year = Some(
                r.year
                    + match self.lw(j) {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    },
            );
            j += 4;
            if self.is(j, "quarter") {
                let day = Date::new(year?, r.add_days(-45)?.month, 1)?;
                return Some((j + 1, Label::Date, Self::period(Unit::Quarter, day)?));
            }
        }
        // The reported quarter of earnings news: the one that ended lately.
        let reported = r.add_days(-45)?;
        // "the year-ago quarter", "the year-earlier period", "year-earlier"
        let mut k = j;
        if self.is_any(k, &["comparable", "corresponding", "same"]) {
            k += 1;
        }
        if self.is(k, "year")
            && self.is(k + 1, "-")
            && self.joined(k + 1)
            && self.is_any(k + 2, &["ago", "earlier"])
        {
            let last_year = reported.add_months(-12)?;
            let mut end = k + 3;
            if let Some(n) = lexicon::ordinal(self.lw(end)).filter(|n| (1..=4).contains(n)) {
                if self.is(end + 1, "quarter") {
                    return Some((end + 2, Label::Date, format!("{:04}-Q{n}", last_year.year)));
                }
            }
            if self.is_any(end, &["quarter", "period"]) {
                end += 1;
            } else if the {
                return None;
            }
            return Some((end, Label::Date, Self::period(Unit::Quarter, last_year)?));
        }
        if self.is(j, "fiscal") {
            j += 1;
        }
        // "the quarter", "the latest quarter", "the current quarter", "the latest period"
        if the && self.is_any(j, &["quarter", "latest", "current", "recent", "last"]) {
            let k = if self.is(j, "quarter") { j } else { j + 1 };
            let period = self.is(k, "period") && !self.is(j, "period") && k == j + 1;
            if (self.is(k, "quarter") || period) && !self.is(k + 1, "-") {
                let day = if self.is(j, "current") { r } else { reported };
                return Some((k + 1, Label::Date, Self::period(Unit::Quarter, day)?));
            }
            // "the current year", "the current fiscal year", "the latest fiscal year"
            let k = if self.is(k, "fiscal") { k + 1 } else { k };
            if self.is(k, "year") && self.is_any(j, &["current", "latest"]) && !self.is(k + 1, "-")
            {
                let y = if self.is(j, "current") {
                    r.year
                } else {
                    r.year - 1
                };
                return Some((k + 1, Label::Date, format!("{y:04}")));
            }
        }

        // Q3
        let w = self.lw(j);
        let (n, k, half) = if w.len() == 2 && w.starts_with('q') && self.capitalized(j) {
            (w[1..].parse::<u32>().ok()?, j + 1, false)
        } else if the && self.is(j, "last") && self.is(j + 1, "half") {
            (2, j + 2, true)
        } else if the
            && self.is(j, "first")
            && self.is_any(j + 1, &["two", "2"])
            && self.is(j + 2, "quarters")
        {
            (1, j + 3, true)
        } else {
            let n = lexicon::ordinal(w)?;
            let mut k = j + 1;
            if self.is(k, "-") && self.joined(k) {
                k += 1;
            }
            if self.is(k, "fiscal") {
                k += 1;
            }
            if the && self.is(j + 1, "-") && self.joined(j + 1) {
                return None; // "the third-quarter loss": the adjective alone is the date
            }
            match self.lw(k) {
                "quarter" => (n, k + 1, false),

                "half" => (n, k + 1, true),
                _ => return None,
            }
        };
        if (half && !(1..=2).contains(&n)) || (!half && !(1..=4).contains(&n)) {
            return None;
        }
        let mut end = k;
        if year.is_none() {
            let mut after = k;
            if self.is(after, "of") || self.is(after, ",") {
                after += 1;
            }
            if self.is_any(after, &["this", "last", "next"]) && self.is(after + 1, "year") {
                year = Some(
                    r.year
                        + match self.lw(after) {
                            "last" => -1,
                            "next" => 1,
                            _ => 0,
                        },
                );
                end = after + 2;
            } else if let Some((y, e)) = self.year_at(after, true) {
                year = Some(y);
                end = e;
            } else if self.is(i, "fiscal") || (i > 0 && self.is(i - 1, "fiscal")) {
                // fall through
            }
        }
        // "this year's third quarter"
        let year = year.unwrap_or_else(|| {
            let start_month = if half {
                (n - 1) * 6 + 1
            } else {
                (n - 1) * 3 + 1
            };
            if start_month > r.month && self.tense_at(i) != Tense::Future {
                r.year - 1
            } else {
                r.year
            }
        });
        let code = if half {
            format!("H{n}")
        } else {
            format!("Q{n}")
        };
        Some((end, Label::Date, format!("{year:04}-{code}")))
    }

    /// "now", "currently", "recently", "the future", "the past", "at the
    /// time", "current", "recent", "in coming months": PRESENT_REF, PAST_REF
    /// and FUTURE_REF.
    fn reference_words(&self, i: usize) -> Option<Hit> {
        const PRESENT: &str = "PRESENT_REF";
        const PAST: &str = "PAST_REF";
        const FUTURE: &str = "FUTURE_REF";
        let hit = |end: usize, value: &str| Some((end, Label::Date, value.to_string()));
        let next = self.lw(i + 1);
        // "recent years", "coming months", "future quarters", "past years".
        let plural_unit = lexicon::unit(next).is_some() && next.ends_with('s');
        let lower_next = self
            .words
            .get(i + 1)
            .is_some_and(|w| !w.capitalized && !w.is_punct());
        match self.lw(i) {
            "now" | "currently" | "nowadays" => hit(i + 1, PRESENT),
            "recently" | "lately" => hit(i + 1, PAST),
            "recent" | "past" if plural_unit && !self.is(i.wrapping_sub(1), "the") => {
                hit(i + 2, PAST)
            }
            "coming" | "future" if plural_unit => hit(i + 2, FUTURE),
            // Adjectives: "the current chairman", "recent declines", "future demand".
            "current"
                if lower_next
                    && !self.is_any(
                        i + 1,
                        &["account", "accounts", "affairs", "events", "flows", "flow"],
                    ) =>
            {
                hit(i + 1, PRESENT)
            }

            "earlier" if self.capitalized(i) && self.is(i + 1, ",") => hit(i + 1, PAST),
            "the" => match next {
                "future" => hit(i + 2, FUTURE),
                "near" | "short" if self.is_any(i + 2, &["future", "term"]) => hit(i + 3, FUTURE),
                "past"
                    if !self.is_any(i + 2, &["few", "several"])
                        && lexicon::unit(self.lw(i + 2)).is_none()
                        && self.amount(i + 2).is_none() =>
                {
                    hit(i + 2, PAST)
                }
                // "at the time" (but not "at the time of writing"? still past).
                "time" if i > 0 && self.is(i - 1, "at") => hit(i + 2, PAST),
                _ => None,
            },
            "these" if next == "days" => hit(i + 2, PRESENT),
            "at" if next == "present" => hit(i + 2, PRESENT),

            _ => None,
        }
    }

    /// Clock times: "3 p.m.", "10:30 a.m. EST", "15:45", "noon", "midnight",
    /// optionally followed by a day ("3 p.m. Tuesday").
    fn clock(&self, i: usize) -> Option<Hit> {
        let r = self.reference;
        let (h, mi, mut end) = if self.is_any(i, &["noon", "midday"]) {
            if i > 0 && self.is(i - 1, "high") {
                return None;
            }
            (12, 0, i + 1)
        } else if self.is(i, "midnight") {
            (24, 0, i + 1)
        } else {
            if self.glued_before(i) {
                return None;
            }
            let w = self.words.get(i)?;
            // "3pm" / "10am" glued.
            let (h, mut k, glued_ampm) = if w.lower.ends_with("am") || w.lower.ends_with("pm") {
                let digits = &w.lower[..w.lower.len() - 2];
                if digits.is_empty()
                    || digits.len() > 2
                    || !digits.bytes().all(|b| b.is_ascii_digit())
                {
                    return None;
                }
                (
                    digits.parse::<u32>().ok()?,
                    i + 1,
                    Some(w.lower.ends_with("pm")),
                )
            } else {
                if !(1..=2).contains(&self.digits(i)) {
                    return None;
                }
                (self.number(i)?, i + 1, None)
            };
            let mut mi = 0;
            let mut has_minutes = false;
            if glued_ampm.is_none()
                && self.is(k, ":")
                && self.joined(k)
                && self.digits(k + 1) == 2
                && self.joined(k + 1)
            {
                mi = self.number(k + 1)?;
                k += 2;
                has_minutes = true;
                if self.is(k, ":") && self.joined(k) && self.digits(k + 1) == 2 {
                    k += 2;
                }
            }
            let pm = match glued_ampm {
                Some(pm) => Some(pm),
                None => self.ampm(k).map(|(pm, e)| {
                    k = e;
                    pm
                }),
            };
            if pm.is_none() {
                // A bare "15:45" needs its minutes and a cue ("at 15:45").
                let cued =
                    i > 0 && self.is_any(i - 1, &["at", "by", "until", "from", "before", "after"]);
                if !has_minutes || !cued {
                    return None;
                }
            }
            if h > 24 || mi > 59 || (pm.is_some() && !(1..=12).contains(&h)) {
                return None;
            }
            let h = match pm {
                Some(true) if h < 12 => h + 12,
                Some(false) if h == 12 => 0,
                _ => h,
            };
            (h, mi, k)
        };
        // Time zone: "EST", "GMT", "local time".
        if self.is_any(
            end,
            &[
                "est", "edt", "cst", "cdt", "pst", "pdt", "gmt", "utc", "et", "pt", "bst", "cet",
            ],
        ) && self.capitalized(end)
        {
            end += 1;
        } else if self.is(end, "local") && self.is(end + 1, "time") {
            end += 2;
        }
        // Day after: "3 p.m. Tuesday", "3 p.m. yesterday", "noon today".
        let mut day = self.last_day.get().unwrap_or(r);
        let after_comma = if self.is(end, ",") { end + 1 } else { end };
        if let Some((e, Label::Date, v)) = self.explicit(after_comma).filter(|h| h.2.len() == 10) {
            if let Some(d) = full_day(&v) {
                day = d;
                end = e;
            }
        } else if let Some((e, Label::Date, v)) = self.weekday(end).or_else(|| self.deictic(end)) {
            if let Some(d) = full_day(&v) {
                day = d;
                end = e;
            }
        }
        let value = if h == 24 {
            format!("{}T24:00", day)
        } else {
            format!("{day}T{h:02}:{mi:02}")
        };
        Some((end, Label::Time, value))
    }

    /// "a.m." / "p.m." / "am" / "pm" at `k`: (is pm, index after).
    fn ampm(&self, k: usize) -> Option<(bool, usize)> {
        let first = self.lw(k);
        if first != "a" && first != "p" && first != "am" && first != "pm" {
            return None;
        }
        let pm = first.starts_with('p');
        if first.len() == 2 {
            return Some((pm, self.skip_period(k + 1)));
        }
        if self.is(k + 1, ".") && self.joined(k + 1) && self.is(k + 2, "m") && self.joined(k + 2) {
            return Some((pm, self.skip_period(k + 3)));
        }
        None
    }

    /// Fixed-date holidays: "Christmas", "New Year's Day", "Christmas Eve".
    fn holiday(&self, i: usize) -> Option<Hit> {
        let (m, d, end) = match self.lw(i) {
            "christmas" if self.capitalized(i) => {
                if self.is(i + 1, "eve") {
                    (12, 24, i + 2)
                } else if self.is(i + 1, "day") {
                    (12, 25, i + 2)
                } else {
                    (12, 25, i + 1)
                }
            }
            "new"
                if self.capitalized(i)
                    && self.is(i + 1, "year")
                    && self.is(i + 2, "'")
                    && self.is(i + 3, "s") =>
            {
                if self.is(i + 4, "eve") {
                    (12, 31, i + 5)
                } else if self.is(i + 4, "day") {
                    (1, 1, i + 5)
                } else {
                    return None;
                }
            }
            "thanksgiving" if self.capitalized(i) => {
                // The fourth Thursday of November.
                let end = if self.is(i + 1, "day") { i + 2 } else { i + 1 };
                let date = self.infer_year(i, |y| {
                    let first = Date::new(y, 11, 1)?;
                    let thursday = (3 + 7 - first.weekday().index()) % 7 + 1;
                    Date::new(y, 11, thursday + 21)
                })?;
                return Some((end, Label::Date, date.to_string()));
            }

            _ => return None,
        };
        let date = self.infer_day(m, d, i)?;
        Some((end, Label::Date, date.to_string()))
    }

    // ----- durations and sets -----------------------------------------------

    /// "three years", "the past two weeks", "more than a decade", "10-year",
    /// "a while", "for years".
    fn duration(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        // Approximators belong to the extent: "about a decade", "more than four hours".
        match (self.lw(j), self.lw(j + 1)) {
            ("more" | "less" | "fewer", "than") => j += 2,
            ("at", "least" | "most") => j += 2,
            ("up", "to") => j += 2,
            (
                "about" | "nearly" | "almost" | "roughly" | "around" | "approximately" | "some"
                | "over" | "under",
                _,
            ) if self.amount(j + 1).is_some() => j += 1,
            _ => {}
        }
        if self.is(j, "the")
            && self.is_any(
                j + 1,
                &[
                    "past",
                    "last",
                    "next",
                    "first",
                    "previous",
                    "coming",
                    "final",
                    "following",
                ],
            )
        {
            j += 2;
        } else if self.is_any(j, &["past", "last", "next", "first"])
            && i == j
            && i > 0
            && self.is(i - 1, "the")
        {
            return None;
        }
        if self.is(j, "a") && self.is(j + 1, "while") {
            return Some((j + 2, Label::Duration, "PXX".into()));
        }
        let (amount, k) = self.amount(j)?;
        // "a few" may also be "a few days" only; "some" alone is not a count.
        let mut k = k;
        if self.is(k, "-") && self.joined(k) {
            // "10-year", "two-day"
            let unit = lexicon::unit(self.lw(k + 1))?;
            if self.lw(k + 1).ends_with('s') || !self.joined(k + 1) {
                return None;
            }
            k += 2;
            if self.is(k, "-") && self.is(k + 1, "old") {
                return None;
            }
            return Some((k, Label::Duration, unit.duration(amount)));
        }
        let unit = lexicon::unit(self.lw(k))?;
        // "one day" at sentence start is often "one day he will…"; keep it.
        // "a year" directly after "once/twice/times" is a SET, handled there.
        if j > 0 && amount == Some(1) && self.is_any(j - 1, &["once", "twice", "times", "per"]) {
            return None;
        }
        // Singular/plural agreement: "two day" is odd but "a days" is wrong.
        if amount == Some(1) && self.lw(k).ends_with('s') && self.lw(k) != "hours" {
            return None;
        }
        if self.is_any(k + 1, &["ago", "earlier", "later", "before", "hence"]) && !self.is(j, "the")
        {
            return None;
        }
        k += 1;
        // "a minute and a half", "two and a half years" are rarer; keep simple.
        let label = Label::Duration;
        let _ = unit;
        if unit == Unit::Weekend {
            return None;
        }
        Some((k, label, unit.duration(amount)))
    }

    /// "every Monday", "each year", "daily", "weekly", "twice a year".
    fn set(&self, i: usize) -> Option<Hit> {
        let simple = match self.lw(i) {
            "daily" | "nightly" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "annually" | "yearly" => Some("P1Y"),
            _ => None,
        };
        if let Some(v) = simple {
            return Some((i + 1, Label::Set, v.to_string()));
        }
        if self.is_any(i, &["a", "per"])
            && i > 0
            && self.is_any(i - 1, &["once", "twice", "times", "thrice"])
        {
            let unit = lexicon::unit(self.lw(i + 1))?;
            if self.lw(i + 1).ends_with('s') {
                return None;
            }
            return Some((i + 2, Label::Set, unit.duration(Some(1))));
        }
        if !self.is_any(i, &["every", "each"]) {
            return None;
        }
        let mut j = i + 1;
        let mut n = 1;
        if self.is(j, "other") {
            n = 2;
            j += 1;
        }
        if let Some(wd) = lexicon::weekday(self.lw(j)) {
            return Some((j + 1, Label::Set, format!("XXXX-WXX-{}", wd + 1)));
        }
        if let Some(part) = lexicon::part_of_day(self.lw(j)) {
            return Some((j + 1, Label::Set, format!("TXX{part}")));
        }
        if let Some((Some(count), k)) = self
            .amount(j)
            .filter(|(a, _)| a.is_some() && !self.is(j, "a"))
        {
            if let Some(unit) = lexicon::unit(self.lw(k)) {
                return Some((k + 1, Label::Set, unit.duration(Some(count))));
            }
        }
        let unit = lexicon::unit(self.lw(j))?;
        if self.lw(j).ends_with('s') {
            return None;
        }
        Some((j + 1, Label::Set, unit.duration(Some(n))))
    }
}

/// The most days month `m` can have (29 for February).
fn lexicon_days(m: u32) -> u32 {
    match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::words::scan;

    /// (text, expected extent, label, value), reference Sunday 2025-12-21.
    const POSITIVES: &[(&str, &str, Label, &str)] = &[
        (
            "Talks resumed on December 5.",
            "December 5",
            Label::Date,
            "2025-12-05",
        ),
        (
            "It was signed on Dec. 21, 2025 in Paris.",
            "Dec. 21, 2025",
            Label::Date,
            "2025-12-21",
        ),
        (
            "It was signed on 5 December 2025.",
            "5 December 2025",
            Label::Date,
            "2025-12-05",
        ),
        (
            "Prices rose in December 2025.",
            "December 2025",
            Label::Date,
            "2025-12",
        ),
        (
            "The deadline is 2025-12-21.",
            "2025-12-21",
            Label::Date,
            "2025-12-21",
        ),
        (
            "The deadline is 12/21/2025.",
            "12/21/2025",
            Label::Date,
            "2025-12-21",
        ),
        (
            "They met on Sunday, December 7.",
            "Sunday, December 7",
            Label::Date,
            "2025-12-07",
        ),
        (
            "Officials said on Friday that talks failed.",
            "Friday",
            Label::Date,
            "2025-12-19",
        ),
        (
            "The sides will meet on Tuesday.",
            "Tuesday",
            Label::Date,
            "2025-12-23",
        ),
        ("Growth slowed in 2024.", "2024", Label::Date, "2024"),
        ("He left last week.", "last week", Label::Date, "2025-W50"),
        (
            "She arrived yesterday.",
            "yesterday",
            Label::Date,
            "2025-12-20",
        ),
        (
            "Sales fell two weeks ago.",
            "two weeks ago",
            Label::Date,
            "2025-W49",
        ),
        (
            "Rates rise next month.",
            "next month",
            Label::Date,
            "2026-01",
        ),
        (
            "It rained earlier this year.",
            "earlier this year",
            Label::Date,
            "2025",
        ),
        (
            "Prices peak in late December.",
            "late December",
            Label::Date,
            "2025-12",
        ),
        (
            "Elections are due in mid-2026.",
            "mid-2026",
            Label::Date,
            "2026",
        ),
        (
            "It opens this summer.",
            "this summer",
            Label::Date,
            "2025-SU",
        ),
        (
            "Profit grew in the third quarter.",
            "the third quarter",
            Label::Date,
            "2025-Q3",
        ),
        (
            "Profit grew in the first half of 2025.",
            "the first half of 2025",
            Label::Date,
            "2025-H1",
        ),
        ("It was popular in the 1990s.", "1990s", Label::Date, "199"),
        (
            "Art of the 20th century.",
            "the 20th century",
            Label::Date,
            "19",
        ),
        ("They are now in Kyiv.", "now", Label::Date, "PRESENT_REF"),
        ("He recently left.", "recently", Label::Date, "PAST_REF"),
        (
            "It may change in the future.",
            "the future",
            Label::Date,
            "FUTURE_REF",
        ),
        (
            "They met Tuesday morning.",
            "Tuesday morning",
            Label::Time,
            "2025-12-16TMO",
        ),
        (
            "The vote is at 3 p.m.",
            "3 p.m.",
            Label::Time,
            "2025-12-21T15:00",
        ),
        (
            "It started at 10:30 a.m. EST.",
            "10:30 a.m. EST",
            Label::Time,
            "2025-12-21T10:30",
        ),
        (
            "Stamped 2025-12-21 08:30 by the clerk.",
            "2025-12-21 08:30",
            Label::Time,
            "2025-12-21T08:30",
        ),
        (
            "They talked for two days.",
            "two days",
            Label::Duration,
            "P2D",
        ),
        ("A ten-year plan.", "ten-year", Label::Duration, "P10Y"),
        (
            "It lasted more than four hours.",
            "more than four hours",
            Label::Duration,
            "PT4H",
        ),
        (
            "Rents rose over the past three years.",
            "the past three years",
            Label::Duration,
            "P3Y",
        ),
        (
            "The club meets every Monday.",
            "every Monday",
            Label::Set,
            "XXXX-WXX-1",
        ),
        ("The paper comes out weekly.", "weekly", Label::Set, "P1W"),
        (
            "They met the next day.",
            "the next day",
            Label::Date,
            "2025-12-22",
        ),
        (
            "On March 3, 2011, they met. The next day they left.",
            "March 3, 2011",
            Label::Date,
            "2011-03-03",
        ),
        (
            "He left last night.",
            "last night",
            Label::Time,
            "2025-12-20TNI",
        ),
        (
            "It closes at year-end.",
            "year-end",
            Label::Date,
            "2025-12-31",
        ),
        ("It will happen in May.", "May", Label::Date, "2026-05"),
        (
            "It happened last August.",
            "last August",
            Label::Date,
            "2025-08",
        ),
        (
            "It is fiscal 2026 guidance.",
            "fiscal 2026",
            Label::Date,
            "2026",
        ),
        (
            "They met on Christmas Eve.",
            "Christmas Eve",
            Label::Date,
            "2025-12-24",
        ),
        (
            "Profit fell from the year-ago quarter.",
            "the year-ago quarter",
            Label::Date,
            "2024-Q4",
        ),
        (
            "Atlanta, nineteen ninety-six.",
            "nineteen ninety-six",
            Label::Date,
            "1996",
        ),
        (
            "Numbers fell through the nineties.",
            "the nineties",
            Label::Date,
            "199",
        ),
        (
            "It will be held on April 24 and 25.",
            "25",
            Label::Date,
            "2026-04-25",
        ),
        (
            "The offer runs until 5 p.m. EST Nov. 9.",
            "5 p.m. EST Nov. 9",
            Label::Time,
            "2025-11-09T17:00",
        ),
        (
            "Shares rose at mid-afternoon yesterday.",
            "mid-afternoon yesterday",
            Label::Time,
            "2025-12-20TAF",
        ),
        (
            "They met over the weekend.",
            "the weekend",
            Label::Date,
            "2025-W51-WE",
        ),
        (
            "He was in Paris at the time.",
            "the time",
            Label::Date,
            "PAST_REF",
        ),
        (
            "It ended nearly four years ago.",
            "nearly four years ago",
            Label::Date,
            "2021",
        ),
        (
            "The hearing is set for the week of March 6.",
            "the week of March 6",
            Label::Date,
            "2026-W10",
        ),
        (
            "He was shot last Oct. 23 at home.",
            "Oct. 23",
            Label::Date,
            "2025-10-23",
        ),
        (
            "He said the current system works.",
            "current",
            Label::Date,
            "PRESENT_REF",
        ),
        (
            "Sales rose in fiscal 1989.",
            "fiscal 1989",
            Label::Date,
            "1989",
        ),
        (
            "Profit grew in the 1988 quarter.",
            "the 1988 quarter",
            Label::Date,
            "1988-Q4",
        ),
        (
            "Results for the last half of 2024 were weak.",
            "the last half of 2024",
            Label::Date,
            "2024-H2",
        ),
        (
            "It is the third-quarter loss.",
            "third-quarter",
            Label::Date,
            "2025-Q3",
        ),
        (
            "They lived there in the sixties.",
            "the sixties",
            Label::Date,
            "196",
        ),
        (
            "The talks are set to resume Monday.",
            "Monday",
            Label::Date,
            "2025-12-22",
        ),
    ];

    fn run(text: &str) -> Vec<(String, Label, String)> {
        let reference = Date::parse_iso("2025-12-21").unwrap();
        let words = scan(text);
        find(text, &words, reference, &[(0, text.len())])
            .into_iter()
            .map(|f| {
                (
                    text[words[f.start].start..words[f.end - 1].end].to_string(),
                    f.label,
                    f.value,
                )
            })
            .collect()
    }

    #[test]
    fn finds_and_resolves_each_pattern_family() {
        let mut failures = Vec::new();
        for &(text, extent, label, value) in POSITIVES {
            let found = run(text);
            if !found
                .iter()
                .any(|(e, l, v)| e == extent && *l == label && v == value)
            {
                failures.push(format!(
                    "{text:?}: expected {extent:?} {label} {value}, got {found:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn anaphora_follow_the_last_full_date() {
        let found = run("On March 3, 2011, they met. The next day they left.");
        assert_eq!(
            found[1],
            (
                "The next day".to_string(),
                Label::Date,
                "2011-03-04".to_string()
            )
        );
    }

    /// Text that looks temporal but is not a DATE or TIME.
    const NOT_DATES: &[&str] = &[
        "May I ask a question?",
        "Protesters march on the capital.",
        "He writes for the Sunday Times.",
        "The 1990s Act was repealed.",
        "Call 555-2020 or 555-1998 today.",
        "Arsenal won 3-1 at home.",
        "Upgrade to version 2.0 or 10.12.",
        "The 2020 Vision plan failed.",
        "He paid $2000 for 1500 shares.",
        "It weighs 1,998 kg.",
        "April Smith and Will Jones spoke.",
        "The score was 12/4 in the end.",
        "This is VOA Today from Washington.",
        "He spoke on ABC's This Week With David Brinkley.",
        "Prices continue to fall sharply.",
        "It was like the film High Noon.",
        "The office is next to the embassy.",
        "The fall of Rome was slow.",
        "He bought 2000 shares.",
    ];

    #[test]
    fn ignores_lookalikes() {
        let mut failures = Vec::new();
        for &text in NOT_DATES {
            let found: Vec<_> = run(text)
                .into_iter()
                .filter(|(e, l, _)| matches!(l, Label::Date | Label::Time) && e != "today")
                .collect();
            if !found.is_empty() {
                failures.push(format!("{text:?}: {found:?}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }
}
