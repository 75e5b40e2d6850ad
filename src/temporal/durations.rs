//! Lengths of time and recurrences, so they are never taken for dates:
//! DURATION ("two days", "the past three years", "for years") and SET
//! ("every Monday", "weekly").

use crate::document::Label;
use crate::temporal::grammar::*;
use crate::temporal::lexicon::{self, Unit};

impl Grammar<'_> {
    /// "three years", "the past two weeks", "more than a decade", "10-year",
    /// "a while", "for years".
    pub(super) fn duration(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        // "the nine months": set when the article opens the expression.
        let mut article = false;
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
        } else if self.is(j, "the")
            && !self.is_any(j + 1, &["a", "an", "one", "some", "few", "many", "several"])
            && self.amount(j + 1).is_some_and(|(n, _)| n.is_some())
        {
            // "For the nine months, net rose": a stretch named before, article
            // included; not "the 14-day period" (the article is the noun's).
            j += 1;
            article = true;
        } else if self.is_any(j, &["past", "last", "next", "first"])
            && i == j
            && i > 0
            && self.is(i - 1, "the")
        {
            return None;
        }
        // "a day-long meeting", "the decades-long feud": the compound alone
        // is the length (the article is the noun's).
        if j == i && self.is(i + 1, "-") && self.joined(i + 1) && self.is(i + 2, "long") {
            let unit = lexicon::unit(self.lw(i))
                .filter(|u| !matches!(u, Unit::Weekend | Unit::Quarter) && self.joined(i + 2))?;
            let plural = self.lw(i).ends_with('s');
            return Some((
                i + 3,
                Label::Duration,
                Some(unit.duration((!plural).then_some(1))),
            ));
        }
        if self.is(j, "a") && self.is(j + 1, "while") {
            return Some((j + 2, Label::Duration, Some("PXX".into())));
        }
        // "for years", "within weeks", "for some time": an unknown amount.
        if j == i && i > 0 && self.is_any(i - 1, &["for", "within", "lasting"]) {
            if let Some(unit) = lexicon::unit(self.lw(i)).filter(|_| self.lw(i).ends_with('s')) {
                if !matches!(unit, Unit::Weekend | Unit::Quarter) {
                    return Some((i + 1, Label::Duration, Some(unit.duration(None))));
                }
            }
            if self.is(i, "some") && self.is(i + 1, "time") {
                return Some((i + 2, Label::Duration, Some("PXX".into())));
            }
        }

        let (amount, k) = self.amount(j)?;
        if let Some(hit) = amount.and_then(|n| self.and_a_half(n, k)) {
            return Some(hit);
        }
        // "a few" may also be "a few days" only; "some" alone is not a count.
        let mut k = k;
        if self.is(k, "-") && self.joined(k) {
            // "10-year", "two-day"
            if article {
                return None;
            }
            let unit = lexicon::unit(self.lw(k + 1))?;
            if self.lw(k + 1).ends_with('s') || !self.joined(k + 1) {
                return None;
            }
            k += 2;
            if self.is(k, "-") && self.is(k + 1, "old") {
                return None;
            }
            return Some((k, Label::Duration, Some(unit.duration(amount))));
        }
        // "20 more years", "a few more days": the amount still to come.
        if self.is(k, "more") && lexicon::unit(self.lw(k + 1)).is_some() {
            k += 1;
        }
        let unit = lexicon::unit(self.lw(k))?;
        // "a day-long meeting": the compound alone is the length (above).
        if self.is(k + 1, "-") && self.is(k + 2, "long") {
            return None;
        }
        // "the two days of music", "the two day rally": the article is the noun's.
        if article && (self.is(k + 1, "of") || !self.lw(k).ends_with('s')) {
            return None;
        }
        // "one day" at sentence start is often "one day he will…"; keep it.
        // "a year" directly after "once/twice/times" is a SET, handled there.
        if j > 0 && amount == Some(1) && self.is_any(j - 1, &["once", "twice", "times", "per"]) {
            return None;
        }
        // Singular/plural agreement: "two day" is odd but "a days" is wrong.
        if amount == Some(1) && self.lw(k).ends_with('s') && self.lw(k) != "hours" {
            return None;
        }
        let from_now = self.is(k + 1, "from") && self.is(k + 2, "now");
        if (from_now || (!self.is(k + 1, "from") && is_point_in_time(amount, unit, self.lw(k + 1))))
            && !self.is(j, "the")
        {
            return None;
        }
        // "37 years old" is an age; "60 Minutes" a title.
        if self.is(k + 1, "old") || self.capitalized(k) {
            return None;
        }
        // "$1.76 a year", "four flights a week": a rate, not a stretch of time.
        if j == i && self.is_any(j, &["a", "an"]) {
            let cued = j == 0
                || self.words[j - 1].is_punct() && !self.is(j - 1, "%") && !self.is(j - 1, "$")
                || self.is_any(j - 1, DURATION_CUES);
            if !cued {
                return None;
            }
        }
        if unit == Unit::Weekend {
            return None;
        }
        // "the first two quarters of 1990" is that year's first half (a DATE);
        // "the first nine months of 1997" stays a stretch, as TimeBank has it.
        let after_first = j.checked_sub(1).is_some_and(|f| self.is(f, "first"));
        if unit == Unit::Quarter
            && after_first
            && self.is(k + 1, "of")
            && self.year_at(k + 2, false).is_some()
        {
            return None;
        }
        // "the next two years or so": the approximation belongs to the extent.
        let end = if self.or_so(k + 1) { k + 3 } else { k + 1 };
        Some((end, Label::Duration, Some(unit.duration(amount))))
    }

    /// `n` and a half units from word `k` on: "5 1/2 hours", "two and a
    /// half years", "a minute and a half" ("PT5H30M", "P2Y6M", "PT1M30S").
    fn and_a_half(&self, n: u32, k: usize) -> Option<Hit> {
        let slash_half = |k: usize| {
            self.is(k, "1")
                && self.is(k + 1, "/")
                && self.joined(k + 1)
                && self.is(k + 2, "2")
                && self.joined(k + 2)
        };
        let and_a_half =
            |k: usize| self.is(k, "and") && self.is(k + 1, "a") && self.is(k + 2, "half");
        let (unit, end) = if slash_half(k) || and_a_half(k) {
            (lexicon::unit(self.lw(k + 3))?, k + 4)
        } else if and_a_half(k + 1) {
            (lexicon::unit(self.lw(k))?, k + 4)
        } else {
            return None;
        };
        let value = match unit {
            Unit::Minute => format!("PT{n}M30S"),
            Unit::Hour => format!("PT{n}H30M"),
            Unit::Day => format!("P{n}DT12H"),
            Unit::Year => format!("P{n}Y6M"),
            _ => return None,
        };
        Some((end, Label::Duration, Some(value)))
    }

    /// A weekday said in the plural recurs (TimeML SET): "on Sundays",
    /// "Tuesday nights", and "Monday" in "Monday and Tuesday nights".
    pub(super) fn recurring_weekday(&self, i: usize) -> Option<Hit> {
        let w = self.lw(i);
        if !self.capitalized(i) {
            return None;
        }
        if let Some(wd) = w.strip_suffix('s').and_then(lexicon::weekday) {
            return Some((i + 1, Label::Set, Some(format!("XXXX-WXX-{}", wd + 1))));
        }
        let wd = lexicon::weekday(w)?;
        let parts = |k: usize| {
            self.lw(k)
                .strip_suffix('s')
                .and_then(lexicon::part_of_day)
                .filter(|_| !self.is(k, "overnights"))
        };
        let value = |part: &str| Some(format!("XXXX-WXX-{}T{part}", wd + 1));
        if let Some(part) = parts(i + 1) {
            return Some((i + 2, Label::Set, value(part)));
        }
        let other = self.is_any(i + 1, &["and", "or"])
            && self.capitalized(i + 2)
            && lexicon::weekday(self.lw(i + 2)).is_some();
        match parts(i + 3) {
            Some(part) if other => Some((i + 1, Label::Set, value(part))),
            _ => None,
        }
    }

    /// "every Monday", "each year", "daily", "weekly", "twice a year".
    pub(super) fn set(&self, i: usize) -> Option<Hit> {
        if let Some(hit) = self.recurring_weekday(i) {
            return Some(hit);
        }
        let simple = match self.lw(i) {
            "daily" | "nightly" => Some("P1D"),
            "hourly" => Some("PT1H"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "annually" | "yearly" => Some("P1Y"),
            _ => None,
        };
        if let Some(v) = simple {
            // "the Communist Party daily Granma" is a newspaper.
            if self.capitalized(i + 1)
                || (i > 0
                    && self.capitalized(i - 1)
                    && !self.words[i - 1].is_punct()
                    && self.is_title(i - 1, 1))
            {
                return None;
            }
            return Some((i + 1, Label::Set, Some(v.to_string())));
        }
        // "twice a year", "$5 a month", "four flights a week", "per day": a rate.
        if self.is_any(i, &["a", "per"]) && i > 0 && !self.is_any(i - 1, DURATION_CUES) {
            let unit = lexicon::unit(self.lw(i + 1))?;
            if self.lw(i + 1).ends_with('s') || matches!(unit, Unit::Weekend | Unit::Quarter) {
                return None;
            }
            let before = &self.words[i - 1];
            let rate = self.is_any(i - 1, &["once", "twice", "times", "thrice"])
                || self.is(i, "per")
                || before.is_number()
                || (before.lower().ends_with('s')
                    && !before.capitalized
                    && before.lower().len() > 3);
            if rate && !self.is_any(i + 2, &["ago", "earlier", "later", "before", "after", "-"]) {
                return Some((i + 2, Label::Set, Some(unit.duration(Some(1)))));
            }
            return None;
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
            return Some((j + 1, Label::Set, Some(format!("XXXX-WXX-{}", wd + 1))));
        }
        if let Some(m) = lexicon::month(self.lw(j)).filter(|_| self.capitalized(j)) {
            return Some((j + 1, Label::Set, Some(format!("XXXX-{m:02}"))));
        }
        if let Some(part) = lexicon::part_of_day(self.lw(j)) {
            return Some((j + 1, Label::Set, Some(format!("TXX{part}"))));
        }
        if let Some((Some(count), k)) = self
            .amount(j)
            .filter(|(a, _)| a.is_some() && !self.is(j, "a"))
        {
            if let Some(unit) = lexicon::unit(self.lw(k)) {
                return Some((k + 1, Label::Set, Some(unit.duration(Some(count)))));
            }
        }
        let unit = lexicon::unit(self.lw(j))?;
        if self.lw(j).ends_with('s') {
            return None;
        }
        Some((j + 1, Label::Set, Some(unit.duration(Some(n)))))
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Label;
    use crate::temporal::grammar::tests::check;

    /// (text, expected extent, label, value), reference Sunday 2025-12-21.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, Label, &str)] = &[
        ("They talked for two days.", "two days", Label::Duration, "P2D"),
        ("He spent 5 1/2 hours in Nairobi.", "5 1/2 hours", Label::Duration, "PT5H30M"),
        ("They lived in camps for 2 1/2 years.", "2 1/2 years", Label::Duration, "P2Y6M"),
        ("They waited two and a half days.", "two and a half days", Label::Duration, "P2DT12H"),
        ("It took an hour and a half.", "an hour and a half", Label::Duration, "PT1H30M"),
        ("For the nine months, net rose 5%.", "the nine months", Label::Duration, "P9M"),
        ("Net fell in the six months ended Oct. 1.", "the six months", Label::Duration, "P6M"),
        ("It ended the eight-year war.", "eight-year", Label::Duration, "P8Y"),
        ("They stay for at least 20 more years.", "at least 20 more years", Label::Duration, "P20Y"),
        ("It lasts two more weeks.", "two more weeks", Label::Duration, "P2W"),
        ("A few more days passed.", "A few more days", Label::Duration, "PXD"),
        ("After a day-long meeting, they left.", "day-long", Label::Duration, "P1D"),
        ("A year-long strike ended.", "year-long", Label::Duration, "P1Y"),
        ("The decades-long battle ended.", "decades-long", Label::Duration, "PXE"),
        ("They held the two day rally.", "two day", Label::Duration, "P2D"),
        ("They enjoyed the two days of music.", "two days", Label::Duration, "P2D"),
        ("Net rose in the first nine months of 1997.", "the first nine months", Label::Duration, "P9M"),
        ("Weak through at least the first two quarters of 1990.", "the first two quarters of 1990", Label::Date, "1990-H1"),
        ("A ten-year plan.", "ten-year", Label::Duration, "P10Y"),
        ("It lasted more than four hours.", "more than four hours", Label::Duration, "PT4H"),
        ("Rents rose over the past three years.", "the past three years", Label::Duration, "P3Y"),
        ("The club meets every Monday.", "every Monday", Label::Set, "XXXX-WXX-1"),
        ("The paper comes out weekly.", "weekly", Label::Set, "P1W"),
        ("They fought for years.", "years", Label::Duration, "PXY"),
        ("It was done within a week.", "a week", Label::Duration, "P1W"),
        ("It pays $1.76 a year.", "a year", Label::Set, "P1Y"),
        ("They march each July.", "each July", Label::Set, "XXXX-07"),
        ("They meet twice a month.", "a month", Label::Set, "P1M"),
        ("Four flights a week leave Sydney.", "a week", Label::Set, "P1W"),
        ("Flights leave on Monday and Tuesday nights.", "Monday", Label::Set, "XXXX-WXX-1TNI"),
        ("Flights leave on Monday and Tuesday nights.", "Tuesday nights", Label::Set, "XXXX-WXX-2TNI"),
        ("The shop is shut on Sundays.", "Sundays", Label::Set, "XXXX-WXX-7"),
        // Before "later", "earlier", "before", "after": the amount is a length
        // of time, the adverb a signal outside it (TimeML).
        ("Three days later, he died.", "Three days", Label::Duration, "P3D"),
        ("A month earlier, prices fell.", "A month", Label::Duration, "P1M"),
        ("A few days later, they left.", "A few days", Label::Duration, "PXD"),
        ("He was elected two weeks before the vote.", "two weeks", Label::Duration, "P2W"),
        ("She came back two years after.", "two years", Label::Duration, "P2Y"),
        // A decade or century reaching to now is a stretch, article included.
        ("Over the next decade, things will change.", "the next decade", Label::Duration, "P1E"),
        ("Wages lost to inflation in the last decade.", "the last decade", Label::Duration, "P1E"),
        ("It was the worst war of the past century.", "the past century", Label::Duration, "P1C"),
        ("Prices doubled over the past decade.", "the past decade", Label::Duration, "P1E"),
        ("Shares may rise over the next two years or so.", "the next two years or so", Label::Duration, "P2Y"),
    ];

    #[test]
    fn durations_and_sets_get_their_own_labels() {
        check(CASES);
    }

    /// Text with a number and a unit, or a frequency word, that is no DURATION or SET.
    const NOT_DURATIONS: &[&str] = &[
        "He is 37 years old.",
        "He spoke on 60 Minutes.",
        "It ran in the Communist Party daily Granma.",
        "He scored 5 1/2 points.",
        "Two and a half men came.",
        "He wants two more.",
        "Two more weekends of shows were added.",
        "It took a long time.",
        "The weekend-long festival and a quarter-long plan.",
    ];

    #[test]
    fn ignores_ages_titles_and_newspapers() {
        for &text in NOT_DURATIONS {
            let found: Vec<_> = crate::temporal::grammar::tests::run(text)
                .into_iter()
                .filter(|(_, l, _)| matches!(l, Label::Duration | Label::Set))
                .collect();
            assert!(found.is_empty(), "{text:?}: {found:?}");
        }
    }
}
