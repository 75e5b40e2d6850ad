//! Calendar dates named outright: "December 5", "Dec. 21, 2025",
//! "5 December", "2025-12-21", "12/21/2025", bare years in context, spelled
//! years, decades, centuries, months and fixed holidays.

use crate::calendar::Date;
use crate::document::Label;
use crate::temporal::grammar::*;
use crate::temporal::lexicon;
use crate::temporal::tense::Tense;

impl Grammar<'_> {
    /// A month name at `i` (capitalized; abbreviations may take a period).
    /// Returns the month and the index after it.
    pub(super) fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.words.get(i)?;
        let m = lexicon::month(w.lower())?;
        if !w.capitalized {
            return None;
        }
        if lexicon::is_month_abbreviation(w.lower()) && w.lower().len() <= 4 {
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
    pub(super) fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.words.get(i)?;
        let d = if w.is_number() && w.lower().len() <= 2 {
            w.number()?
        } else {
            lexicon::ordinal(w.lower())?
        };
        // "Oct. 14-15": a range of days is fine; "14.5" or "14:30" is not a day.
        let range = self.is(i + 1, "-")
            && self
                .number(i + 2)
                .is_some_and(|e| e > d && e <= 31 && self.digits(i + 2) <= 2)
            && !self.glued_after(i + 3);
        if !(1..=31).contains(&d) || (self.glued_after(i + 1) && !range) {
            return None;
        }
        Some((d, i + 1))
    }

    /// True if words `first..first + 3` are a span of years: "2010-2015".
    pub(super) fn year_range(&self, first: usize) -> bool {
        let (Some(a), Some(b)) = (self.number(first), self.number(first + 2)) else {
            return false;
        };
        self.digits(first) == 4
            && self.digits(first + 2) == 4
            && self.is(first + 1, "-")
            && self.joined(first + 1)
            && self.joined(first + 2)
            && a < b
            && b <= a + 100
            && !self.glued_after(first + 3)
            && !self.glued_before(first)
    }

    /// True if words `first..first + 3` are a season or fiscal span written
    /// with the second year cut to two digits: "2023-24", "1998/99".
    pub(super) fn season_range(&self, first: usize) -> bool {
        let (Some(a), Some(b)) = (self.number(first), self.number(first + 2)) else {
            return false;
        };
        self.digits(first) == 4
            && self.digits(first + 2) == 2
            && self.is_any(first + 1, &["-", "/"])
            && self.joined(first + 1)
            && self.joined(first + 2)
            && (1000..=2998).contains(&a)
            && b == (a + 1) % 100
            && !self.glued_after(first + 3)
            && !self.glued_before(first)
    }

    /// A four-digit year at `i` (optionally "'98"-style two digits when `short`).
    pub(super) fn year_at(&self, i: usize, short: bool) -> Option<(i32, usize)> {
        let w = self.words.get(i)?;
        if w.is_number() && w.lower().len() == 4 {
            let y = w.number()? as i32;
            let range = self.year_range(i) || self.season_range(i);
            if (1000..=2999).contains(&y) && (!self.glued_after(i + 1) || range) {
                return Some((y, i + 1));
            }
        }
        if short && w.lower() == "'" && self.digits(i + 1) == 2 && self.joined(i + 1) {
            let yy = self.number(i + 1)? as i32;
            return Some((self.century_for(yy), i + 2));
        }
        if short {
            return self.spelled_year(i);
        }
        None
    }

    /// The four-digit year for a two-digit one, nearest the reference year.
    pub(super) fn century_for(&self, yy: i32) -> i32 {
        let base = self.reference.year - self.reference.year.rem_euclid(100);
        [base - 100 + yy, base + yy, base + 100 + yy]
            .into_iter()
            .min_by_key(|y| ((y - self.reference.year).abs(), *y))
            .unwrap_or(base + yy)
    }

    /// "December 5", "Dec. 21, 2025", "5 December 2025", "the 5th of December",
    /// "December 2025", "Sunday, December 6", "December 5th".
    pub(super) fn explicit(&self, i: usize) -> Option<Hit> {
        // Optional leading weekday: "Sunday, December 6".
        if lexicon::weekday(self.lw(i)).is_some() && self.capitalized(i) {
            let mut j = i + 1;
            if self.is(j, ",") {
                j += 1;
            }
            if let Some((end, label, Some(value))) = self.explicit_without_weekday(j) {
                if value.len() >= 10 {
                    return Some((end, label, Some(value)));
                }
            }
        }
        self.explicit_without_weekday(i)
    }

    /// [`Self::explicit`] after any leading weekday (no recursion, so a run
    /// of weekday names costs linear time and stack).
    fn explicit_without_weekday(&self, i: usize) -> Option<Hit> {
        let mut best = None;
        // Month first.
        if let Some((m, j)) = self.month_at(i) {
            if let Some((d, k)) = self.day_at(j) {
                if !(self.is(j, "the")) {
                    let (year, end) = self.trailing_year(k);
                    if let Some(v) = self.day_value(year, m, d, i) {
                        best = longer(best, Some((end, Label::Date, Some(v))));
                    }
                }
            }
            // "December 2025", "December, 2025", "December of 2025".
            let mut after = j;
            if self.is(after, ",") || self.is(after, "of") {
                after += 1;
            }
            if let Some((y, e)) = self.year_at(after, true) {
                best = longer(best, Some((e, Label::Date, Some(format!("{y:04}-{m:02}")))));
            }
            // "January this year", "May last year".
            if self.is_any(j, &["this", "last", "next"]) && self.is(j + 1, "year") {
                let y = self.reference.year
                    + match self.lw(j) {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                best = longer(
                    best,
                    Some((j + 2, Label::Date, Some(format!("{y:04}-{m:02}")))),
                );
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
                let (year, end) = self.trailing_year(k2);
                if let Some(v) = self.day_value(year, m, d, i) {
                    best = longer(best, Some((end, Label::Date, Some(v))));
                }
            }
        }
        best
    }

    /// The value of a day given month and day, with the year given or inferred.
    /// The year after a day and month ("December 5, 2025"), comma optional:
    /// the year if there is one, and the index one past the expression.
    fn trailing_year(&self, end: usize) -> (Option<i32>, usize) {
        let after = if self.is(end, ",") { end + 1 } else { end };
        match self.year_at(after, true) {
            Some((year, past)) => (Some(year), past),
            None => (None, end),
        }
    }

    pub(super) fn day_value(&self, year: Option<i32>, m: u32, d: u32, at: usize) -> Option<String> {
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
    pub(super) fn infer_day(&self, m: u32, d: u32, at: usize) -> Option<Date> {
        self.infer_year(at, |y| Date::new(y, m, d).or_else(|| Date::new(y, m, 28)))
    }

    /// Picks among the dates `in_year` gives for the years around the
    /// reference: by tense, else the nearest.
    pub(super) fn infer_year(
        &self,
        at: usize,
        in_year: impl Fn(i32) -> Option<Date>,
    ) -> Option<Date> {
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
        // A tense cue never pushes a date more than about ten months away
        // ("the fiscal year ended Jan. 31", told in late October, is this January).
        match (pick, nearest) {
            (Some(p), Some(n)) if (p.to_days() - r.to_days()).abs() > 300 => Some(n),
            (p, n) => p.or(n),
        }
    }

    /// The year of a bare month ("in December") by tense.
    pub(super) fn infer_month_year(&self, m: u32, at: usize) -> i32 {
        let r = self.reference;
        match self.tense_at(at) {
            Tense::Past if m > r.month => r.year - 1,
            Tense::Future if m < r.month => r.year + 1,
            Tense::Past | Tense::Future => r.year,
            // No cue: the nearest such month, leaning to the past as news does.
            Tense::Unknown if m as i32 - r.month as i32 > 5 => r.year - 1,
            Tense::Unknown if r.month as i32 - m as i32 > 7 => r.year + 1,
            Tense::Unknown => r.year,
        }
    }

    /// A month without a day: "in December", "last August", "this September".
    pub(super) fn month_only(&self, i: usize) -> Option<Hit> {
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
            let cue = cue
                || (j > 1
                    && self.is(j - 1, "-")
                    && self.is_any(j - 2, &["mid", "early", "late", "end", "start"]))
                || (j > 1
                    && self.is(j - 1, "as")
                    && self.is_any(j - 2, &["soon", "early", "late"]));
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
            // "last May" is the latest May gone by; but the month just ended
            // would be "last month", so "last February" told in March is a year back.
            Some(-1) => {
                if m + 1 < r.month {
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
        Some((end, Label::Date, Some(format!("{year:04}-{m:02}"))))
    }

    /// Numeric dates: "2025-12-21", "2025-12-21 08:30", "12/21/2025",
    /// "11/02/89", "19980303", "980120".
    pub(super) fn numeric(&self, i: usize) -> Option<Hit> {
        if self.glued_before(i) {
            return None;
        }
        let n = self.digits(i);
        // ISO date-time "2025-12-21T08:30": the scanner keeps "21t08" whole.
        if let Some(hit) = self.iso_date_time(i) {
            return Some(hit);
        }
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
                // Optional time "08:30[:SS]".
                let mut k = i + 5;
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
                        return Some((k, Label::Time, Some(format!("{date}T{h:02}:{mi:02}"))));
                    }
                }
                return Some((i + 5, Label::Date, Some(date.to_string())));
            }
            return None;
        }
        // US MM/DD/YYYY or MM/DD/YY; DD/MM/YYYY when the first number cannot
        // be a month; European DD.MM.YYYY (four-digit year only).
        let separator = self.lw(i + 1).to_string();
        let dotted = separator == ".";
        if (1..=2).contains(&n)
            && (separator == "/" || dotted)
            && self.joined(i + 1)
            && (1..=2).contains(&self.digits(i + 2))
            && self.joined(i + 2)
            && self.is(i + 3, &separator)
            && self.joined(i + 3)
            && self.joined(i + 4)
        {
            let yd = self.digits(i + 4);
            let year = match yd {
                4 => self.number(i + 4)? as i32,
                2 if !dotted => self.century_for(self.number(i + 4)? as i32),
                _ => return None,
            };
            let (a, b) = (self.number(i)?, self.number(i + 2)?);
            let (month, day) = if dotted || (a > 12 && b <= 12) {
                (b, a)
            } else {
                (a, b)
            };
            let date = Date::new(year, month, day)?;
            if self.glued_after(i + 5) {
                return None;
            }
            return Some((i + 5, Label::Date, Some(date.to_string())));
        }
        // Compact YYYYMMDD, or YYMMDD close to the reference year.
        if (n == 8 || n == 6) && !self.glued_after(i + 1) {
            let s = &self.words[i].lower();
            let (year, rest) = if n == 8 {
                (s[..4].parse::<i32>().ok()?, &s[4..])
            } else {
                (self.century_for(s[..2].parse::<i32>().ok()?), &s[2..])
            };
            let date = Date::new(year, rest[..2].parse().ok()?, rest[2..].parse().ok()?)?;
            let near = (date.year - self.reference.year).abs() <= if n == 8 { 30 } else { 1 };
            if near && (1900..=2100).contains(&date.year) {
                return Some((i + 1, Label::Date, Some(date.to_string())));
            }
        }
        None
    }

    /// "2025-12-21T08:30[:SS][Z]" as one TIME.
    fn iso_date_time(&self, i: usize) -> Option<Hit> {
        let dt = self.lw(i + 4);
        let b = dt.as_bytes();
        let shape = self.digits(i) == 4
            && self.is(i + 1, "-")
            && self.digits(i + 2) == 2
            && self.is(i + 3, "-")
            && b.len() == 5
            && b[2] == b't'
            && dt
                .bytes()
                .enumerate()
                .all(|(p, c)| p == 2 || c.is_ascii_digit())
            && (1..=4).all(|k| self.joined(i + k))
            && self.is(i + 5, ":")
            && self.digits(i + 6) == 2;
        if !shape {
            return None;
        }
        let date = Date::new(
            self.number(i)? as i32,
            self.number(i + 2)?,
            dt[..2].parse().ok()?,
        )?;
        let (h, mi): (u32, u32) = (dt[3..].parse().ok()?, self.number(i + 6)?);
        if h > 23 || mi > 59 {
            return None;
        }
        let mut end = i + 7;
        // Seconds, with a "Z" that the scanner may glue to them ("15z").
        let seconds = self.lw(end + 1);
        if self.is(end, ":")
            && matches!(seconds.len(), 2 | 3)
            && seconds
                .get(..2)
                .is_some_and(|d| d.bytes().all(|c| c.is_ascii_digit()))
            && (seconds.len() == 2 || seconds.ends_with('z'))
        {
            end += 2;
        }
        if self.is(end, "z") && self.joined(end) {
            end += 1;
        }
        Some((end, Label::Time, Some(format!("{date}T{h:02}:{mi:02}"))))
    }

    /// A bare year in context: "in 2024", "2024's budget", "1998".
    pub(super) fn year(&self, i: usize) -> Option<Hit> {
        // "fiscal 1989", "fiscal year 1989": the fiscal year named by its end.
        if self.is(i, "fiscal") || (self.is(i, "fy") && self.capitalized(i)) {
            let k = if self.is(i + 1, "year") { i + 2 } else { i + 1 };
            let (y, end) = self.year_at(k, true)?;
            return Some((end, Label::Date, Some(format!("{y:04}"))));
        }
        // "FY2021", "FY21": the abbreviation glued to the year.
        if let Some(digits) = self
            .lw(i)
            .strip_prefix("fy")
            .filter(|_| self.capitalized(i))
        {
            if matches!(digits.len(), 2 | 4) && digits.bytes().all(|b| b.is_ascii_digit()) {
                let n: i32 = digits.parse().ok()?;
                let y = if digits.len() == 2 {
                    self.century_for(n)
                } else {
                    n
                };
                return Some((i + 1, Label::Date, Some(format!("{y:04}"))));
            }
        }
        if let Some((y, end)) = self.spelled_year(i) {
            return Some((end, Label::Date, Some(format!("{y:04}"))));
        }
        let w = self.words.get(i)?;
        // "the 2023-24 season": the "24" is the next year, as "2015" is in "2010-2015".
        if i >= 2 && self.season_range(i - 2) {
            let first = self.number(i - 2)? as i32;
            return Some((i + 1, Label::Date, Some(format!("{:04}", first + 1))));
        }
        let second_of_range = i >= 2 && self.year_range(i - 2);
        if !(w.is_number() && w.lower().len() == 4) || (self.glued_before(i) && !second_of_range) {
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
        if self.is_any(end, MEASURES)
            || (self.is(end, "-")
                && self.joined(end)
                && !self.year_range(i)
                && !self.season_range(i))
        {
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
        Some((end, Label::Date, Some(format!("{y:04}"))))
    }

    /// A year in words: "nineteen ninety-six", "two thousand", "the year two thousand".
    pub(super) fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
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

    /// "the 1990s", "1990s", "the '90s", "the eighties" → "199", "198"; the
    /// article is in the extent.
    pub(super) fn decade(&self, i: usize) -> Option<Hit> {
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
                _ => {
                    // "the 1990s", "the '80s": the article belongs to the
                    // decade (TimeML, as with "the 20th century"), unless the
                    // decade modifies a noun ("the 1990s boom").
                    let (end, label, value) = self.decade(i + 1)?;
                    let next = self.words.get(end);
                    let noun = next.is_some_and(|w| {
                        !w.newline
                            && w.lower().chars().all(char::is_alphabetic)
                            && !w.capitalized
                            && !w.lower().ends_with("ed")
                            && !DECADE_CLOSERS.contains(&w.lower())
                    });
                    return (!noun).then_some((end, label, value));
                }
            };
            // Named decades are past ones: the latest that has begun.
            let r = self.reference.year;
            let mut year = r - r.rem_euclid(100) + tens * 10;
            if year > r {
                year -= 100;
            }
            return Some((i + 2, Label::Date, Some(format!("{:03}", year / 10))));
        }
        let w = self.words.get(i)?;
        let (prefix, end) = if w.lower().len() == 5
            && w.lower().ends_with('s')
            && w.lower()[..4].bytes().all(|b| b.is_ascii_digit())
        {
            if !w.lower()[..4].ends_with('0') {
                return None;
            }
            // "the 1800s", "the 1900s" name centuries ("18", "19"); "the
            // 2000s" is read as the decade, as news now uses it.
            let century = w.lower()[2..4] == *"00" && w.lower()[..4] < *"2000";
            let digits = if century { 2 } else { 3 };
            (w.lower()[..digits].to_string(), i + 1)
        } else if w.lower() == "'" && self.joined(i + 1) {
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
        Some((end, Label::Date, Some(prefix)))
    }

    /// "the 20th century", "the nineteenth century" → "19", "18"; also as a
    /// modifier, "a 20th-century novel" (the article then belongs to the noun).
    pub(super) fn century(&self, i: usize) -> Option<Hit> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let n = lexicon::ordinal(self.lw(j))?;
        let hyphen = self.is(j + 1, "-") && self.joined(j + 1) && self.joined(j + 2);
        let k = if hyphen { j + 2 } else { j + 1 };
        if !self.is(k, "century") || !(1..=30).contains(&n) || (hyphen && j > i) {
            return None;
        }
        Some((k + 1, Label::Date, Some(format!("{:02}", n - 1))))
    }
}

/// Words after a decade that end its phrase, so a "the" before it is its
/// own ("the 1990s were", "in the '80s and"); any other lowercase word is a
/// noun the decade modifies ("the 1990s boom").
#[rustfmt::skip]
const DECADE_CLOSERS: &[&str] = &[
    "after", "also", "and", "are", "as", "at", "be", "before", "brought", "but", "by", "came",
    "during", "for", "from", "had", "has", "have", "in", "into", "is", "nor", "of", "on",
    "onward", "onwards", "or", "saw", "since", "than", "that", "through", "to", "too", "until",
    "was", "were", "when", "which", "while", "who", "with",
];

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
    use crate::document::Label;
    use crate::temporal::grammar::tests::{check, check_at};

    /// (text, expected extent, label, value), reference Sunday 2025-12-21.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, Label, &str)] = &[
        ("Talks resumed on December 5.", "December 5", Label::Date, "2025-12-05"),
        ("It was signed on Dec. 21, 2025 in Paris.", "Dec. 21, 2025", Label::Date, "2025-12-21"),
        ("It was signed on 5 December 2025.", "5 December 2025", Label::Date, "2025-12-05"),
        ("Prices rose in December 2025.", "December 2025", Label::Date, "2025-12"),
        ("The deadline is 2025-12-21.", "2025-12-21", Label::Date, "2025-12-21"),
        ("The deadline is 12/21/2025.", "12/21/2025", Label::Date, "2025-12-21"),
        ("They met on Sunday, December 7.", "Sunday, December 7", Label::Date, "2025-12-07"),
        ("Growth slowed in 2024.", "2024", Label::Date, "2024"),
        ("It was popular in the 1990s.", "the 1990s", Label::Date, "199"),
        ("It was popular in the '80s and after.", "the '80s", Label::Date, "198"),
        ("The 1990s were good.", "The 1990s", Label::Date, "199"),
        ("Growth slowed in the 1970s when oil rose.", "the 1970s", Label::Date, "197"),
        // A decade modifying a noun leaves the article to the noun.
        ("He recalled the 1990s boom.", "1990s", Label::Date, "199"),
        ("A 1990s sitcom returns.", "1990s", Label::Date, "199"),
        // A hundred years' "00s" before 2000 is the century.
        ("It was built in the 1800s.", "the 1800s", Label::Date, "18"),
        ("Mills closed in the early 1900s.", "the early 1900s", Label::Date, "19"),
        ("Phones changed in the 2000s.", "the 2000s", Label::Date, "200"),
        ("Rents rose in the 2010s.", "the 2010s", Label::Date, "201"),
        ("Art of the 20th century.", "the 20th century", Label::Date, "19"),
        ("A 20th-century novel.", "20th-century", Label::Date, "19"),
        ("The 19th-century mill closed.", "19th-century", Label::Date, "18"),
        ("On March 3, 2011, they met. The next day they left.", "March 3, 2011", Label::Date, "2011-03-03"),
        ("It will happen in May.", "May", Label::Date, "2026-05"),
        ("It happened last August.", "last August", Label::Date, "2025-08"),
        ("It is fiscal 2026 guidance.", "fiscal 2026", Label::Date, "2026"),
        ("They met on Christmas Eve.", "Christmas Eve", Label::Date, "2025-12-24"),
        ("Atlanta, nineteen ninety-six.", "nineteen ninety-six", Label::Date, "1996"),
        ("Numbers fell through the nineties.", "the nineties", Label::Date, "199"),
        ("He was shot last Oct. 23 at home.", "Oct. 23", Label::Date, "2025-10-23"),
        ("Sales rose in fiscal 1989.", "fiscal 1989", Label::Date, "1989"),
        ("Sales rose in FY 2020.", "FY 2020", Label::Date, "2020"),
        ("Sales rose in FY2021.", "FY2021", Label::Date, "2021"),
        ("Sales rose in FY21.", "FY21", Label::Date, "2021"),
        ("They lived there in the sixties.", "the sixties", Label::Date, "196"),
        ("Prices peaked in late-November.", "late-November", Label::Date, "2025-11"),
        ("Rates may be cut as soon as June.", "June", Label::Date, "2026-06"),
        ("The next meeting is Oct. 14-15.", "15", Label::Date, "2026-10-15"),
        ("It was signed on 21/12/2025 in Rome.", "21/12/2025", Label::Date, "2025-12-21"),
        ("It was signed on 21.12.2025 in Bern.", "21.12.2025", Label::Date, "2025-12-21"),
        ("The report covers 2010-2015 in detail.", "2015", Label::Date, "2015"),
        ("The report covers 2010-2015 in detail.", "2010", Label::Date, "2010"),
        ("He scored 30 goals in the 2023-24 season.", "2023", Label::Date, "2023"),
        ("He scored 30 goals in the 2023-24 season.", "24", Label::Date, "2024"),
        ("Figures for 1998/99 were weaker.", "99", Label::Date, "1999"),
    ];

    /// (text, reference, expected extent, label, value): bare months and
    /// days whose year depends on where the reference date falls.
    #[rustfmt::skip]
    const NEAR_CASES: &[(&str, &str, &str, Label, &str)] = &[
        ("The accession was planned for early March.", "1999-02-10", "early March", Label::Date, "1999-03"),
        ("He gave them until mid-November to reply.", "1989-10-30", "mid-November", Label::Date, "1989-11"),
        ("The helicopters crashed last February.", "1998-03-01", "last February", Label::Date, "1997-02"),
        ("In the fiscal year ended Jan. 31, sales rose.", "1989-10-30", "Jan. 31", Label::Date, "1989-01-31"),
        ("Talks began last April, he said.", "1989-10-27", "last April", Label::Date, "1989-04"),
        ("The firm changed its fiscal year in December.", "1989-11-02", "December", Label::Date, "1988-12"),
        ("It has credit lines until January, officials said.", "1989-11-02", "January", Label::Date, "1990-01"),
        ("The case is heard in May in Atlanta.", "2000-03-29", "May", Label::Date, "2000-05"),
        ("He was elected in January.", "2025-12-21", "January", Label::Date, "2025-01"),
        ("Sales fell in November, the company said.", "2026-02-10", "November", Label::Date, "2025-11"),
        ("Talks will resume in January.", "2025-11-02", "January", Label::Date, "2026-01"),
    ];

    #[test]
    fn calendar_dates_resolve_against_the_reference() {
        check(CASES);
    }

    #[test]
    fn bare_months_follow_tense_around_the_reference() {
        check_at(NEAR_CASES);
    }
}
