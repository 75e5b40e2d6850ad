//! Seasons, quarters and halves: "this summer", "the third quarter",
//! "the year-ago quarter", "the first half of 2025".

use crate::calendar::Date;
use crate::document::Label;
use crate::temporal::grammar::*;
use crate::temporal::lexicon::{self, Unit};
use crate::temporal::tense::Tense;

/// Words that make a bare quarter or half a sports period.
const SPORTS: &[&str] = &[
    "scored",
    "score",
    "touchdown",
    "touchdowns",
    "quarterback",
    "rebounds",
    "yards",
    "overtime",
    "halftime",
    "inning",
    "innings",
    "basket",
    "baskets",
    "goal",
    "goals",
    "penalty",
    "whistle",
    "kickoff",
    "striker",
    "midfielder",
    "defender",
    "referee",
    "equalizer",
    "equaliser",
];

/// Words that make a bare half a fiscal one.
const FINANCE: &[&str] = &[
    "profit", "profits", "earnings", "revenue", "revenues", "sales", "loss", "losses", "income",
    "results", "fiscal", "net", "growth", "gdp", "economy", "shares", "dividend", "pretax",
];

impl Grammar<'_> {
    /// "this summer", "last fall", "summer 2025", "the summer of 2025",
    /// "the summer", "in spring".
    pub(super) fn season(&self, i: usize) -> Option<Hit> {
        let r = self.reference;
        let (shift, j) = match self.lw(i) {
            "last" | "past" => (Some(-1), i + 1),
            "next" | "coming" => (Some(1), i + 1),
            // "this past spring", "this coming fall": the article's own words.
            "this" if self.is(i + 1, "past") => (Some(-1), i + 2),
            "this" if self.is(i + 1, "coming") => (Some(1), i + 2),
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
            return Some((e, Label::Date, Some(format!("{y:04}-{code}"))));
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
                                "last", "next", "early", "late", "mid", "of", "into", "for",
                            ],
                        )
                });

                if !cued || (self.is(j, "fall") && self.is(j + 1, "of")) {
                    return None;
                }
                // "will reopen in the fall" told in winter is next year's;
                // "it rained in the summer", told in spring, last year's.
                match self.tense_at(j) {
                    Tense::Future if order(code) < order(current) => year_of_current + 1,
                    Tense::Past if order(code) > order(current) => year_of_current - 1,
                    _ => year_of_current,
                }
            }
        };
        Some((j + 1, Label::Date, Some(format!("{year:04}-{code}"))))
    }

    /// "the third quarter", "the fiscal first quarter", "the 1988 third quarter",
    /// "third-quarter", "the fourth quarter of 2025", "Q3 2025", "the first half",
    /// "the quarter", "the latest quarter", "fiscal 1989".
    pub(super) fn quarter(&self, i: usize) -> Option<Hit> {
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
        // "the 1988 quarter", "the 1989 period": the reported quarter of that
        // year; after "the nine months", "the 1988 period" is that year's.
        if the && year.is_some() && self.is_any(j, &["quarter", "period"]) {
            if self.is(j, "period") && self.on_longer_period(i) {
                return Some((j + 1, Label::Date, Some(format!("{:04}", year?))));
            }
            let q = (self.reported(i)?.month - 1) / 3 + 1;
            return Some((j + 1, Label::Date, Some(format!("{:04}-Q{q}", year?))));
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
                let day = Date::new(year?, self.reported(i)?.month, 1)?;
                return Some((j + 1, Label::Date, Some(Self::period(Unit::Quarter, day)?)));
            }
        }
        // The reported quarter of earnings news (looked up only when needed).
        let reported = || self.reported(i);
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
            let last_year = reported()?.add_months(-12)?;
            let mut end = k + 3;
            // "the year-ago results" after "the nine months": last year's.
            let longer = self.on_longer_period(i) && !self.is_any(end, &["quarter", "quarters"]);
            if longer && !self.is(end, "period") && !the {
                return Some((end, Label::Date, Some(format!("{:04}", last_year.year))));
            }
            if let Some(n) = lexicon::ordinal(self.lw(end)).filter(|n| (1..=4).contains(n)) {
                if self.is(end + 1, "quarter") {
                    return Some((
                        end + 2,
                        Label::Date,
                        Some(format!("{:04}-Q{n}", last_year.year)),
                    ));
                }
            }
            if self.is_any(end, &["quarter", "period"]) {
                end += 1;
            } else if the {
                return None;
            }
            return Some((
                end,
                Label::Date,
                Some(Self::period(Unit::Quarter, last_year)?),
            ));
        }
        // "the corresponding period last year", "the quarter a year ago": the
        // reported quarter, one year back.
        if the && self.is_any(k, &["quarter", "period"]) {
            let back = match (self.lw(k + 1), self.lw(k + 2), self.lw(k + 3)) {
                ("last", "year", _) => Some(k + 3),
                ("a", "year", "ago" | "earlier") => Some(k + 4),
                _ => None,
            };
            if let Some(end) = back {
                let last_year = reported()?.add_months(-12)?;
                return Some((
                    end,
                    Label::Date,
                    Some(Self::period(Unit::Quarter, last_year)?),
                ));
            }
        }
        if self.is(j, "fiscal") {
            j += 1;
        }
        // "the quarter", "the latest quarter", "the current quarter", "the latest period"
        if the && self.is_any(j, &["quarter", "latest", "current", "recent", "last"]) {
            let k = if self.is(j, "quarter") { j } else { j + 1 };
            let period = self.is(k, "period") && !self.is(j, "period") && k == j + 1;
            if (self.is(k, "quarter") || period) && !self.is(k + 1, "-") {
                // "the quarter ended Sept. 30": the three months up to that
                // day, named by the calendar quarter that holds most of them
                // (their middle month): "ended July 31" is May to July, Q2.
                if self.is_any(k + 1, &["ended", "ending"]) {
                    if let Some(day) = self.explicit(k + 2).as_ref().and_then(hit_day) {
                        let middle = day.add_months(-1)?;
                        return Some((
                            k + 1,
                            Label::Date,
                            Some(Self::period(Unit::Quarter, middle)?),
                        ));
                    }
                }
                let day = if self.is(j, "current") {
                    r
                } else {
                    reported()?
                };
                return Some((k + 1, Label::Date, Some(Self::period(Unit::Quarter, day)?)));
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
                return Some((k + 1, Label::Date, Some(format!("{y:04}"))));
            }
        }

        // Q3
        let w = self.lw(j);
        let code =
            w.len() == 2 && (w.starts_with('q') || w.starts_with('h')) && self.capitalized(j);
        let (n, k, half) = if code {
            if the && !self.is(j + 1, "of") {
                return None; // "the Q1 figures": the quarter is "Q1"
            }
            let half = w.starts_with('h');
            // "H1" alone is often no date (a bomb, a visa, a heading): a year must follow.
            if half && self.year_at(j + 1, false).is_none() {
                return None;
            }
            (w[1..].parse::<u32>().ok()?, j + 1, half)
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
            // "the last half of the '80s", "the first half of the century":
            // TIMEX3 gives the decade or century (the half is its `mod`).
            if half && self.is(k, "of") {
                let at = if self.is(after, "the") {
                    after + 1
                } else {
                    after
                };
                let hit = self.decade(after).or_else(|| self.decade(at));
                if let Some(hit) = hit.or_else(|| self.century(after)) {
                    return Some(hit);
                }
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
            } else if let Some((e, _, Some(v))) =
                self.is(k, "of").then(|| self.year(after)).flatten()
            {
                // "the first quarter of fiscal 2026", "of FY2026": the fiscal
                // year's quarter, numbered as the report numbers it.
                year = v.parse().ok();
                end = e;
            }
        }
        // Without a year, "the first half" or "the fourth quarter" of a game is
        // no date: halves need financial company, quarters no sports around.
        if year.is_none() {
            if half && !self.sentence_mentions(i, FINANCE) {
                return None;
            }
            if self.sentence_mentions(i, SPORTS) {
                return None;
            }
        }
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
        Some((end, Label::Date, Some(format!("{year:04}-{code}"))))
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Label;
    use crate::temporal::grammar::tests::check;

    /// (text, expected extent, label, value), reference Sunday 2025-12-21.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, Label, &str)] = &[
        ("It opens this summer.", "this summer", Label::Date, "2025-SU"),
        ("It closed this past spring.", "this past spring", Label::Date, "2025-SP"),
        ("It opens this coming spring.", "this coming spring", Label::Date, "2026-SP"),
        ("It closed this past week.", "this past week", Label::Date, "2025-W50"),
        ("Profit grew in the third quarter.", "the third quarter", Label::Date, "2025-Q3"),
        ("Profit grew in the first half of 2025.", "the first half of 2025", Label::Date, "2025-H1"),
        ("Profit fell from the year-ago quarter.", "the year-ago quarter", Label::Date, "2024-Q4"),
        ("Profit grew in the 1988 quarter.", "the 1988 quarter", Label::Date, "1988-Q4"),
        ("Results for the last half of 2024 were weak.", "the last half of 2024", Label::Date, "2024-H2"),
        ("It is the third-quarter loss.", "third-quarter", Label::Date, "2025-Q3"),
        ("It ran well into the summer.", "the summer", Label::Date, "2025-SU"),
        // A bare season by tense: ahead of this winter, or back from it.
        ("It will reopen in the fall.", "the fall", Label::Date, "2026-FA"),
        ("It reopened in the fall.", "the fall", Label::Date, "2025-FA"),
        ("Prices rise in the spring.", "the spring", Label::Date, "2025-SP"),
        // A quarter of a fiscal year named by its end.
        ("Profit rose in the first quarter of fiscal 2026.", "the first quarter of fiscal 2026", Label::Date, "2026-Q1"),
        ("Profit rose in the second quarter of FY2026.", "the second quarter of FY2026", Label::Date, "2026-Q2"),
        ("Profit rose in the third quarter of fiscal year 2025.", "the third quarter of fiscal year 2025", Label::Date, "2025-Q3"),
        ("The Q1 figures are due.", "Q1", Label::Date, "2025-Q1"),
        ("Profit rose in H1 2025.", "H1 2025", Label::Date, "2025-H1"),
        ("Profit rose 38% in the first half.", "the first half", Label::Date, "2025-H1"),
        ("Sales slowed in the last half of the '80s.", "the last half of the '80s", Label::Date, "198"),
        ("Net fell from the corresponding period last year.", "the corresponding period last year", Label::Date, "2024-Q4"),
        ("For the quarter a year ago, it earned $3 million.", "the quarter a year ago", Label::Date, "2024-Q4"),
    ];

    #[test]
    fn seasons_quarters_and_halves_resolve() {
        check(CASES);
    }

    /// Earnings news, reference 2025-11-02: which quarter "the quarter", "a
    /// year earlier" and "the 1988 period" name; rows that must keep the
    /// first quarter reported, or a year, come with them.
    #[rustfmt::skip]
    const REPORTED: &[(&str, &str, Label, &str)] = &[
        // A later report in the same story takes over from a fiscal quarter.
        ("Acme's fiscal first-quarter profit rose. Separately, Bolt reported third-quarter profit of $5 million, up from $4 million a year earlier.", "a year earlier", Label::Date, "2024-Q3"),
        ("Acme's fiscal first-quarter profit rose. Separately, Bolt reported third-quarter profit. Year-earlier results included a gain.", "Year-earlier", Label::Date, "2024-Q3"),
        // A quarter ahead or one earlier in passing does not.
        ("Third-quarter profit rose. The storm will cause a fourth-quarter charge. Sales fell in the latest quarter.", "the latest quarter", Label::Date, "2025-Q3"),
        ("Third-quarter profit rose after a flat second quarter, up from $4 million a year earlier.", "a year earlier", Label::Date, "2024-Q3"),
        ("Fiscal fourth-quarter net rose to $5 million from $4 million a year earlier.", "a year earlier", Label::Date, "2024-Q4"),
        // "the quarter ended Sept. 30" is the calendar quarter; the fiscal one stays reported.
        ("Fiscal first-quarter net rose. For the quarter ended Sept. 30, sales rose. In the 1988 period, it earned $2 million.", "the 1988 period", Label::Date, "1988-Q1"),
        // A quarter that ended on a day is named by the calendar quarter it mostly covers.
        ("In the quarter ended July 31, it lost $1 million.", "the quarter", Label::Date, "2025-Q2"),
        ("For the quarter ended Sept. 30, net rose.", "the quarter", Label::Date, "2025-Q3"),
        ("For the quarter ending June 30, net rose.", "the quarter", Label::Date, "2025-Q2"),
        ("In the quarter ended Jan. 31, it lost $1 million.", "the quarter", Label::Date, "2024-Q4"),
        // After the nine months, the comparison period is a year.
        ("Third-quarter net rose. In the first nine months, net was $306 million, compared with a loss in the 2024 period.", "the 2024 period", Label::Date, "2024"),
        ("Third-quarter net rose. In the first nine months, net rose. The year-ago results included a charge.", "year-ago", Label::Date, "2024"),
        ("Third-quarter net rose. The year-ago results included a charge.", "year-ago", Label::Date, "2024-Q3"),
        ("Third-quarter net rose. In the first nine months, net rose. The year-ago quarter was weak.", "The year-ago quarter", Label::Date, "2024-Q3"),
    ];

    #[test]
    fn earnings_news_names_the_quarter_it_reports_on() {
        crate::temporal::grammar::tests::check_on("2025-11-02", REPORTED);
    }

    /// Game periods, not calendar ones.
    const NOT_PERIODS: &[&str] = &[
        "He scored twice in the first half.",
        "The Knicks scored 30 points in the fourth quarter.",
        "The striker missed a penalty in the second half.",
        "He applied for an H1 visa.",
        "See section H2 of the code.",
    ];

    #[test]
    fn game_periods_are_not_dates() {
        for &text in NOT_PERIODS {
            let found = crate::temporal::grammar::tests::run(text);
            assert!(found.is_empty(), "{text:?}: {found:?}");
        }
    }
}
