//! Dates relative to the reference date or to the last date mentioned:
//! weekdays, "yesterday", "last week", "two weeks ago", "the next day", and
//! the PRESENT_REF / PAST_REF / FUTURE_REF words ("now", "recently").

use crate::document::Label;
use crate::temporal::grammar::*;
use crate::temporal::lexicon::{self, Unit};
use crate::temporal::tense::Tense;

impl Grammar<'_> {
    /// A weekday: "Friday", "on Sunday", "last Friday", "next Tuesday",
    /// "Friday morning" (TIME), "Friday, Dec. 5" (handled by `explicit`).
    pub(super) fn weekday(&self, i: usize) -> Option<Hit> {
        let (shift, j) = match self.lw(i) {
            "last" | "past" | "previous" => (-1, i + 1),
            "next" | "coming" => (1, i + 1),
            "this" => (0, i + 1),
            _ => (2, i),
        };
        let wd = lexicon::weekday(self.lw(j))?;
        if !self.capitalized(j) || self.recurring_weekday(j).is_some() {
            return None;
        }
        // "Sunday Times", "Monday Night Football": a name, not a date; but
        // "Sunday Mass" is that day's.
        if self.capitalized(j + 1)
            && !lexicon::is_rite(self.lw(j + 1))
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
                // "by Sunday", "until Friday": a deadline ahead, unless told in the past.
                Tense::Unknown
                    if j > 0
                        && self.is_any(j - 1, &["by", "until", "till"])
                        && !self.is(j + 1, "'") =>
                {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                // "get around Wednesday's ruling": a possessive day names a
                // known event, so a future cue only says it is the nearer such day.
                Tense::Future if self.is(j + 1, "'") && self.is(j + 2, "s") => {
                    if ahead != 0 && ahead < back {
                        ahead
                    } else {
                        -back
                    }
                }
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
        let day = r.add_days(offset);
        if let Some(part) = lexicon::part_of_day(self.lw(j + 1)) {
            let value = day.map(|day| format!("{day}T{part}"));
            return Some((j + 2, Label::Time, value));
        }
        Some((j + 1, Label::Date, day.map(|day| day.to_string())))
    }

    /// "today", "yesterday", "tomorrow", "tonight", "this morning",
    /// "last night", "yesterday afternoon".
    pub(super) fn deictic(&self, i: usize) -> Option<Hit> {
        let r = self.reference;
        if self.is_title(i, 1) && self.is_any(i, &["today", "tonight", "tomorrow"]) {
            return None;
        }

        let (offset, j) = match self.lw(i) {
            "today" => (0, i + 1),
            "yesterday" => (-1, i + 1),
            "tomorrow" => (1, i + 1),
            "tonight" => return Some((i + 1, Label::Time, Some(format!("{r}TNI")))),
            // "overnight losses": the night before the reference day.
            "overnight" => {
                let day = self.last_day.get().unwrap_or(r).add_days(-1);
                return Some((i + 1, Label::Time, day.map(|day| format!("{day}TNI"))));
            }

            // "in the morning": that part of the day in focus.
            "the"
                if i > 0
                    && self.is(i - 1, "in")
                    && !self.is(i + 2, "of")
                    && lexicon::part_of_day(self.lw(i + 1)).is_some() =>
            {
                let part = lexicon::part_of_day(self.lw(i + 1))?;
                let day = self.last_day.get().unwrap_or(r);
                return Some((i + 2, Label::Time, Some(format!("{day}T{part}"))));
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
                let value = r.add_days(offset).map(|day| format!("{day}T{part}"));
                return Some((i + 2, Label::Time, value));
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
        let day = r.add_days(offset);
        if let Some(part) = lexicon::part_of_day(self.lw(j)) {
            return Some((j + 1, Label::Time, day.map(|day| format!("{day}T{part}"))));
        }
        Some((j, Label::Date, day.map(|day| day.to_string())))
    }

    /// "last week", "this month", "next year", "the coming weekend",
    /// "the weekend", "year-end", "the current quarter".
    pub(super) fn relative_unit(&self, i: usize, _anchor: Anchor) -> Option<Hit> {
        let r = self.reference;
        if self.is(i, "year") && self.is(i + 1, "-") && self.joined(i + 1) && self.is(i + 2, "end")
        {
            // "since year-end", "was lower at year-end": the end of last year.
            let past = (i > 0 && self.is(i - 1, "since")) || self.tense_at(i) == Tense::Past;
            let year = if past { r.year - 1 } else { r.year };
            return Some((i + 3, Label::Date, Some(format!("{year:04}-12-31"))));
        }
        // "by year end", "by year's end", "around year end": this year.
        if self.is(i, "year")
            && i > 0
            && self.is_any(
                i - 1,
                &["by", "around", "at", "until", "before", "after", "since"],
            )
        {
            let k = if self.is(i + 1, "'") && self.is(i + 2, "s") {
                i + 3
            } else {
                i + 1
            };
            if self.is(k, "end") {
                return Some((k + 1, Label::Date, Some(format!("{:04}", r.year))));
            }
        }
        // "the week before last", "the year before last": two units back.
        if self.is(i, "the") && self.is(i + 2, "before") && self.is(i + 3, "last") {
            let unit = lexicon::unit(self.lw(i + 1))
                .filter(|u| matches!(u, Unit::Week | Unit::Month | Unit::Year))
                .filter(|_| !self.lw(i + 1).ends_with('s'));
            // Not "the week before last Monday" (before that day's week).
            if let Some(unit) = unit.filter(|_| !self.capitalized(i + 4)) {
                return Some((i + 4, Label::Date, Self::shifted(unit, r, -2)?));
            }
        }
        // "the full year", "the whole year": this year.
        if self.is(i, "the")
            && self.is_any(i + 1, &["full", "whole", "entire"])
            && self.is(i + 2, "year")
            && !self.is(i + 3, "-")
        {
            return Some((i + 3, Label::Date, Some(format!("{:04}", r.year))));
        }
        if self.is(i, "the") && self.is(i + 1, "weekend") {
            // On a weekday, a weekend told in the past tense is the one before.
            let weekday = r.weekday().index() < 5;
            let n = if weekday && self.tense_at(i) == Tense::Past {
                -1
            } else {
                0
            };
            return Some((i + 2, Label::Date, Self::shifted(Unit::Weekend, r, n)?));
        }
        // "the week of March 6"
        if self.is(i, "the") && self.is(i + 1, "week") && self.is(i + 2, "of") {
            if let Some((end, Label::Date, Some(v))) = self.explicit(i + 3) {
                let day = full_day(&v)?;
                return Some((end, Label::Date, Some(Self::period(Unit::Week, day)?)));
            }
        }
        // "the next decade", "the past century", "last decade": the stretch
        // of time that ends or starts now (TimeML: a DURATION), with its
        // article, not the calendar decade.
        let k = if self.is(i, "the") { i + 1 } else { i };
        if self.is_any(k, &["past", "last", "coming", "next"])
            && self.is_any(k + 1, &["decade", "century"])
        {
            let unit = lexicon::unit(self.lw(k + 1))?;
            return Some((k + 2, Label::Duration, Some(unit.duration(Some(1)))));
        }
        let mut j = i;
        if self.is(j, "the")
            && self.is_any(j + 1, &["coming", "current", "past", "previous", "next"])
        {
            j += 1;
        }
        // "this past weekend", "this coming week".
        if self.is(j, "this") && self.is_any(j + 1, &["past", "coming"]) {
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
        if self.is(i, "the") && self.is(j, "coming") && unit != Unit::Weekend {
            // "the coming year": a stretch of time.
            return Some((j + 2, Label::Duration, Some(unit.duration(Some(1)))));
        }
        // "This Week" in a show title is a name.
        if self.is_title(j, 2) {
            return None;
        }
        // Earnings news compares an amount with the reported quarter a year
        // back: "compared with $3 million last year", "up from last year's
        // $1.55 billion"; not "Last year, sales rose" (the year).
        let compared = i > 0
            && (self.number(i - 1).is_some()
                || self.is_any(i - 1, &["million", "billion", "cents", "from", "with"]));
        if unit == Unit::Year && n == -1 && j == i && compared && self.on_quarters(i) {
            let day = self.reported(i)?.add_months(-12)?;
            return Some((j + 2, Label::Date, Self::period(Unit::Quarter, day)));
        }
        Some((j + 2, Label::Date, Self::shifted(unit, r, n)?))
    }

    /// "two weeks ago", "a year earlier", "three days later", "several years ago".
    pub(super) fn ago(&self, i: usize, anchor: Anchor) -> Option<Hit> {
        // Approximators belong to the extent: "nearly four years ago"
        // (TIMEX3's `mod`); "just" and "only" do not ("just [a decade ago]").
        let approximate = match (self.lw(i), self.lw(i + 1)) {
            ("more" | "less", "than") => 2,
            (
                "nearly" | "almost" | "about" | "some" | "roughly" | "around" | "over"
                | "approximately",
                _,
            ) => 1,
            _ => 0,
        };
        if approximate > 0 {
            if let Some((end, label, Some(value))) = self.ago_exact(i + approximate, anchor) {
                return Some((end, label, Some(value)));
            }
        }
        self.ago_exact(i, anchor)
    }

    /// [`Self::ago`] without approximators (no recursion on "about about …").
    fn ago_exact(&self, i: usize, anchor: Anchor) -> Option<Hit> {
        let (amount, j) = self.amount(i)?;
        let unit = lexicon::unit(self.lw(j))?;
        // "a week or so ago": the approximation belongs to the extent.
        let k = if self.or_so(j + 1) { j + 3 } else { j + 1 };
        let direction = match self.lw(k) {
            "ago" | "earlier" => -1,
            // "a year before." but not "two weeks before the vote" (a duration).
            "before" if self.words.get(k + 1).is_none_or(|w| w.is_punct()) => -1,
            "later" | "hence" => 1,
            "after" if self.words.get(k + 1).is_none_or(|w| w.is_punct()) => 1,
            "from" if self.is(k + 1, "now") => 1,
            _ => return None,
        };
        if !is_point_in_time(amount, unit, self.lw(k)) {
            return None;
        }
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
            return Some((end, Label::Date, Some(value.to_string())));
        };
        let base = if self.is_any(k, &["later", "after", "before"]) {
            anchor.unwrap_or(self.reference)
        } else {
            self.reference
        };
        // Earnings reports compare with the same quarter "a year ago": the
        // quarter the report speaks of, one year back.
        if unit == Unit::Year && n == 1 && self.on_quarters(i) {
            let value = self
                .reported(i)
                .and_then(|day| Self::shift(unit, day, direction))
                .and_then(|day| Self::period(Unit::Quarter, day));
            return Some((end, Label::Date, value));
        }
        Some((
            end,
            Label::Date,
            Self::shifted(unit, base, direction * n as i64)?,
        ))
    }

    /// "the next day", "the following week", "the day before", "that day",
    /// "the same day", "the previous year": relative to the last full date.
    pub(super) fn anaphoric(&self, i: usize, anchor: Anchor) -> Option<Hit> {
        let base = anchor.unwrap_or(self.reference);
        // "the day before.", "the year after,": one unit from the last date.
        let unit = lexicon::unit(self.lw(i + 1))
            .filter(|u| matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year));
        if let Some(unit) =
            unit.filter(|_| self.is(i, "the") && self.is_any(i + 2, &["before", "after"]))
        {
            // "the day before last Tuesday", "the day after Christmas": one day from that date.
            let n = if self.is(i + 2, "before") { -1 } else { 1 };
            if unit == Unit::Day && !self.lw(i + 1).ends_with('s') {
                // Only a plain day may follow: no nesting ("the day before the day before …").
                let target = longer(
                    longer(self.explicit(i + 3), self.weekday(i + 3)),
                    self.holiday(i + 3),
                );
                if let Some((end, Label::Date, Some(v))) = target {
                    if let Some(day) = full_day(&v).and_then(|d| d.add_days(n)) {
                        return Some((end, Label::Date, Some(day.to_string())));
                    }
                }
            }
            if !self.is_any(i + 3, &["yesterday", "tomorrow"])
                && self.words.get(i + 3).is_none_or(|w| w.is_punct())
            {
                let n = if self.is(i + 2, "before") { -1 } else { 1 };
                let base = if unit == Unit::Day {
                    self.last_day.get().unwrap_or(base)
                } else {
                    base
                };
                return Some((i + 3, Label::Date, Self::shifted(unit, base, n)?));
            }
        }
        if !self.is_any(i, &["the", "that"]) {
            return None;
        }
        // "Today is the eighth day of the blockade", "It's the second day of
        // the offensive": told in the present, that day is the reference day.
        let present = i > 0
            && (self.is(i - 1, "is") || (i > 1 && self.is(i - 1, "s") && self.is(i - 2, "'")));
        if present
            && self.is(i, "the")
            && lexicon::ordinal(self.lw(i + 1)).is_some()
            && self.is(i + 2, "day")
            && self.is(i + 3, "of")
        {
            return Some((i + 3, Label::Date, Some(self.reference.to_string())));
        }
        // "a high for the year", "the first nine months of the year": the
        // year of the report. Not "the year ended June 30" (a fiscal span),
        // "the year 2000", "the year-ago quarter" or "Man of the Year".
        if self.is(i, "the")
            && self.is(i + 1, "year")
            && !self.capitalized(i + 1)
            && i > 0
            && self.is_any(i - 1, &["for", "of"])
            && !self.is_any(
                i + 2,
                &[
                    "ended", "ending", "before", "after", "earlier", "ago", "-", "'", "of", "to",
                    "two", "one", "nineteen",
                ],
            )
            && self.words.get(i + 2).is_none_or(|w| !w.is_number())
        {
            return Some((
                i + 2,
                Label::Date,
                Some(format!("{:04}", self.reference.year)),
            ));
        }
        let (n, j) = match (self.lw(i), self.lw(i + 1)) {
            ("the", "next" | "following") if lexicon::weekday(self.lw(i + 2)).is_some() => {
                let wd = lexicon::weekday(self.lw(i + 2))? as i64;
                let ahead = (wd - base.weekday().index() as i64).rem_euclid(7);
                let day = base.add_days(if ahead == 0 { 7 } else { ahead });
                return Some((i + 3, Label::Date, day.map(|d| d.to_string())));
            }
            ("the", "previous" | "preceding") if lexicon::weekday(self.lw(i + 2)).is_some() => {
                let wd = lexicon::weekday(self.lw(i + 2))? as i64;
                let back = (base.weekday().index() as i64 - wd).rem_euclid(7);
                let day = base.add_days(-(if back == 0 { 7 } else { back }));
                return Some((i + 3, Label::Date, day.map(|d| d.to_string())));
            }
            ("the", "next" | "following") => (1, i + 2),
            ("the", "previous" | "preceding" | "prior") => (-1, i + 2),
            ("the", "same") => (0, i + 2),
            ("that", _) => (0, i + 1),
            _ => return None,
        };
        if let Some(part) = lexicon::part_of_day(self.lw(j)) {
            // "the next morning", "that night"
            let value = base.add_days(n).map(|day| format!("{day}T{part}"));
            return Some((j + 1, Label::Time, value));
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
        Some((j + 1, Label::Date, Self::shifted(unit, base, n)?))
    }

    /// "now", "currently", "recently", "the future", "the past", "at the
    /// time", "current", "recent", "in coming months": PRESENT_REF, PAST_REF
    /// and FUTURE_REF.
    pub(super) fn reference_words(&self, i: usize) -> Option<Hit> {
        const PRESENT: &str = "PRESENT_REF";
        const PAST: &str = "PAST_REF";
        const FUTURE: &str = "FUTURE_REF";
        let hit = |end: usize, value: &str| Some((end, Label::Date, Some(value.to_string())));
        let next = self.lw(i + 1);
        // "recent years", "coming months", "future quarters", "past years".
        let plural_unit = lexicon::unit(next).is_some() && next.ends_with('s');
        let lower_next = self
            .words
            .get(i + 1)
            .is_some_and(|w| !w.capitalized && !w.is_punct());
        match self.lw(i) {
            // "the then current price", "the then-chairman's plan": a present long gone.
            "then" if self.is(i + 1, "current") => hit(i + 2, PAST),
            "then" if self.is(i + 1, "-") && self.is(i + 2, "current") => hit(i + 3, PAST),
            "now" | "currently" | "nowadays" => hit(i + 1, PRESENT),
            "recently" | "lately" => hit(i + 1, PAST),
            // "in recent years" is a vague past; "in recent weeks" a vague stretch.
            "recent" if plural_unit && next != "years" && next != "decades" => {
                let unit = lexicon::unit(next)?;
                Some((i + 2, Label::Duration, Some(unit.duration(None))))
            }
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

            // "Earlier, they had said…" orders an event before the one just
            // told and names no time: TimeML leaves it unmarked.
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
            "as" if next == "soon" && self.is(i + 2, "as") && self.is(i + 3, "possible") => {
                hit(i + 4, FUTURE)
            }
            "a" if next == "later" && self.is(i + 2, "date") => hit(i + 3, FUTURE),

            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Label;
    use crate::temporal::grammar::tests::check;

    /// (text, expected extent, label, value), reference Sunday 2025-12-21.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, Label, &str)] = &[
        ("Officials said on Friday that talks failed.", "Friday", Label::Date, "2025-12-19"),
        // A weekday in the singular stays one day, even beside another one.
        ("They met on Monday and Tuesday.", "Monday", Label::Date, "2025-12-15"),
        ("They met on Monday and Tuesday.", "Tuesday", Label::Date, "2025-12-16"),
        ("They met on Tuesday night.", "Tuesday night", Label::Time, "2025-12-16TNI"),
        // Earnings news compares with the quarter it reports on, a year back.
        ("Fiscal first-quarter net rose to $5 million from $4 million a year earlier.", "a year earlier", Label::Date, "2024-Q1"),
        ("Third-quarter profit rose. For the nine months, net fell from a year earlier.", "a year earlier", Label::Date, "2024"),
        ("More than a quarter of voters backed him a year ago.", "a year ago", Label::Date, "2024"),
        // An amount compared with "last year" in earnings news: the quarter a year back.
        ("Third-quarter net rose. The unit earned $24 million, compared with a loss of $3 million last year.", "last year", Label::Date, "2024-Q3"),
        ("Third-quarter sales were $1.76 billion, a 13% increase from last year's $1.55 billion.", "last year", Label::Date, "2024-Q3"),
        // Not an amount compared, or no quarter in view: the year.
        ("Third-quarter net rose. Last year, catastrophe losses totaled $5 million.", "Last year", Label::Date, "2024"),
        ("Third-quarter net rose. In the nine months, net rose from $504 million last year.", "last year", Label::Date, "2024"),
        ("The town spent $3 million last year on roads.", "last year", Label::Date, "2024"),
        ("The sides will meet on Tuesday.", "Tuesday", Label::Date, "2025-12-23"),
        ("He left last week.", "last week", Label::Date, "2025-W50"),
        ("She arrived yesterday.", "yesterday", Label::Date, "2025-12-20"),
        ("Sales fell two weeks ago.", "two weeks ago", Label::Date, "2025-W49"),
        ("Rates rise next month.", "next month", Label::Date, "2026-01"),
        ("They are now in Kyiv.", "now", Label::Date, "PRESENT_REF"),
        ("He recently left.", "recently", Label::Date, "PAST_REF"),
        ("It may change in the future.", "the future", Label::Date, "FUTURE_REF"),
        ("They met Tuesday morning.", "Tuesday morning", Label::Time, "2025-12-16TMO"),
        ("In his Sunday Mass, the cardinal spoke.", "Sunday", Label::Date, "2025-12-21"),
        ("They met the next day.", "the next day", Label::Date, "2025-12-22"),
        ("He left last night.", "last night", Label::Time, "2025-12-20TNI"),
        ("It closes at year-end.", "year-end", Label::Date, "2025-12-31"),
        ("They met over the weekend.", "the weekend", Label::Date, "2025-W51-WE"),
        ("He was in Paris at the time.", "the time", Label::Date, "PAST_REF"),
        ("It ended nearly four years ago.", "nearly four years ago", Label::Date, "2021"),
        ("It ended just a decade ago.", "a decade ago", Label::Date, "201"),
        ("The hearing is set for the week of March 6.", "the week of March 6", Label::Date, "2026-W10"),
        ("He said the current system works.", "current", Label::Date, "PRESENT_REF"),
        ("Today is the eighth day of the blockade.", "the eighth day", Label::Date, "2025-12-21"),
        ("It's the second day of an offensive.", "the second day", Label::Date, "2025-12-21"),
        ("Shares at half the then current price.", "then current", Label::Date, "PAST_REF"),
        ("The talks are set to resume Monday.", "Monday", Label::Date, "2025-12-22"),
        ("It should close by year end.", "year end", Label::Date, "2025"),
        ("Sales for the full year rose.", "the full year", Label::Date, "2025"),
        ("Reply as soon as possible.", "as soon as possible", Label::Date, "FUTURE_REF"),
        ("Rain reaches the coast by Sunday morning.", "Sunday morning", Label::Time, "2025-12-28TMO"),
        ("They met this past weekend.", "this past weekend", Label::Date, "2025-W50-WE"),
        ("On March 3, 2011, they met. The year before, they fought.", "The year before", Label::Date, "2010"),
        ("Prices fell in recent weeks.", "recent weeks", Label::Duration, "PXW"),
        ("Crime rose in recent years.", "recent years", Label::Date, "PAST_REF"),
        ("He would be traveling to the United States Thursday.", "Thursday", Label::Date, "2025-12-25"),
        ("The index is up 5% since year-end.", "year-end", Label::Date, "2024-12-31"),
        ("Debt was lower at year-end.", "year-end", Label::Date, "2024-12-31"),
        ("Shares rose to a high for the year in June.", "the year", Label::Date, "2025"),
        ("Net rose in the first nine months of the year.", "the year", Label::Date, "2025"),
        ("The day before last Tuesday's hearing, he spoke.", "The day before last Tuesday", Label::Date, "2025-12-15"),
        ("They met the day after Christmas.", "the day after Christmas", Label::Date, "2025-12-26"),
        ("They would look for ways to get around Friday's ruling.", "Friday", Label::Date, "2025-12-19"),
        ("Fans will watch Tuesday's game.", "Tuesday", Label::Date, "2025-12-23"),
        ("It is a premium over Thursday's closing price.", "Thursday", Label::Date, "2025-12-18"),
        ("They will meet Friday.", "Friday", Label::Date, "2025-12-26"),
        // These stay points in time, not lengths (see `is_point_in_time`).
        ("Net was $5 million, up from $4 million a year earlier.", "a year earlier", Label::Date, "2024"),
        ("A quarter earlier, the loss was smaller.", "A quarter earlier", Label::Date, "2025-Q3"),
        ("It opened a decade ago.", "a decade ago", Label::Date, "201"),
        ("Then, a week or so ago, he left.", "a week or so ago", Label::Date, "2025-W50"),
        ("It will open two weeks from now.", "two weeks from now", Label::Date, "2026-W01"),
        ("Wars raged in the 20th century.", "the 20th century", Label::Date, "19"),
        ("The 1990s were good.", "The 1990s", Label::Date, "199"),
        ("It happened the week before last.", "the week before last", Label::Date, "2025-W49"),
        ("Prices peaked the year before last.", "the year before last", Label::Date, "2023"),
        ("He died the day before last Tuesday.", "the day before last Tuesday", Label::Date, "2025-12-15"),
        ("Rates rise next year.", "next year", Label::Date, "2026"),
    ];

    #[test]
    fn relative_dates_follow_reference_tense_and_anchor() {
        check(CASES);
    }

    /// (text, reference, extent, label, value) at the ends of the calendar:
    /// what leaves years 1 to 9999 is still marked, with no value (`None`);
    /// what stays inside keeps its value.
    #[rustfmt::skip]
    const CALENDAR_ENDS: &[(&str, &str, &str, Label, Option<&str>)] = &[
        ("He will come tomorrow.", "9999-12-31", "tomorrow", Label::Date, None),
        ("Rates rise next year.", "9999-12-31", "next year", Label::Date, None),
        ("Rates rise next week.", "9999-12-31", "next week", Label::Date, None),
        ("They meet tomorrow morning.", "9999-12-31", "tomorrow morning", Label::Time, None),
        ("It will be done in two weeks from now.", "9999-12-31", "two weeks from now", Label::Date, None),
        ("He left yesterday.", "9999-12-31", "yesterday", Label::Date, Some("9999-12-30")),
        ("Sales fell 2 weeks ago.", "9999-12-31", "2 weeks ago", Label::Date, Some("9999-W50")),
        ("Sales fell 2 weeks ago.", "0001-01-01", "2 weeks ago", Label::Date, None),
        ("He left yesterday.", "0001-01-01", "yesterday", Label::Date, None),
        ("He left last night.", "0001-01-01", "last night", Label::Time, None),
        ("It was hot last year.", "0001-01-01", "last year", Label::Date, None),
        ("It rained last month.", "0001-01-01", "last month", Label::Date, None),
        ("He will come tomorrow.", "0001-01-01", "tomorrow", Label::Date, Some("0001-01-02")),
        ("Rates rise next year.", "0001-01-01", "next year", Label::Date, Some("0002")),
        ("On March 3, 9999, they met. The next year they left.", "9999-12-31", "The next year", Label::Date, None),
    ];

    #[test]
    fn dates_past_the_calendar_ends_are_marked_without_a_value() {
        let mut failures = Vec::new();
        for &(text, reference, extent, label, value) in CALENDAR_ENDS {
            let found = crate::temporal::grammar::tests::run_at(text, reference);
            if !found
                .iter()
                .any(|(e, l, v)| e == extent && *l == label && v.as_deref() == value)
            {
                failures.push(format!(
                    "{text:?} ({reference}): expected {extent:?} {label} {value:?}, got {found:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }
}
