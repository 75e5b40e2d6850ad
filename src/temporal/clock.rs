//! Clock times: "3 p.m.", "10:30 a.m. EST", "noon Saturday", "midnight".

use crate::document::Label;
use crate::temporal::grammar::*;

/// Time zones written after a clock time.
const ZONES: &[&str] = &[
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "et", "pt", "bst", "cet",
    "cest", "eet", "jst", "ist",
];

impl Grammar<'_> {
    /// Clock times: "3 p.m.", "10:30 a.m. EST", "15:45", "noon", "midnight",
    /// optionally followed by a day ("3 p.m. Tuesday").
    pub(super) fn clock(&self, i: usize) -> Option<Hit> {
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
            let (h, mut k, glued_ampm) = if w.lower().ends_with("am") || w.lower().ends_with("pm") {
                let digits = &w.lower()[..w.lower().len() - 2];
                if digits.is_empty()
                    || digits.len() > 2
                    || !digits.bytes().all(|b| b.is_ascii_digit())
                {
                    return None;
                }
                (
                    digits.parse::<u32>().ok()?,
                    i + 1,
                    Some(w.lower().ends_with("pm")),
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
            // "4 in the morning", "8 in the evening", "11 at night".
            let mut pm = pm;
            if pm.is_none() && (1..=12).contains(&h) {
                let part = if self.is(k, "in") && self.is(k + 1, "the") {
                    match self.lw(k + 2) {
                        "morning" => Some(false),
                        "afternoon" | "evening" => Some(true),
                        _ => None,
                    }
                } else if self.is(k, "at") && self.is(k + 1, "night") {
                    Some(h >= 6 && h != 12)
                } else {
                    None
                };
                if let Some(part) = part {
                    pm = Some(part);
                    k += if self.is(k, "in") { 3 } else { 2 };
                }
            }
            if pm.is_none() {
                // A bare "15:45" needs its minutes and a cue ("at 15:45", "15:45 GMT").
                let cued =
                    i > 0 && self.is_any(i - 1, &["at", "by", "until", "from", "before", "after"]);
                let zoned = self.is_any(k, ZONES) && self.capitalized(k);
                if !has_minutes || !(cued || zoned) {
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
        if self.is_any(end, ZONES) && self.capitalized(end) {
            end += 1;
        } else if self.is(end, "local") && self.is(end + 1, "time") {
            end += 2;
        }
        // Day after: "3 p.m. Tuesday", "3 p.m. yesterday", "noon today".
        let mut day = self.last_day.get().unwrap_or(r);
        let after_comma = if self.is(end, ",") { end + 1 } else { end };
        if let Some((e, Label::Date, Some(v))) = self
            .explicit(after_comma)
            .filter(|h| h.2.as_ref().is_some_and(|v| v.len() == 10))
        {
            if let Some(d) = full_day(&v) {
                day = d;
                end = e;
            }
        } else if let Some((e, Label::Date, Some(v))) =
            self.weekday(end).or_else(|| self.deictic(end))
        {
            if let Some(d) = full_day(&v) {
                day = d;
                end = e;
            }
        } else if self.is(end, "on") {
            // "at 7 a.m. on April 17": that day, which stays its own DATE.
            let on = self.explicit(end + 1).or_else(|| self.weekday(end + 1));
            if let Some(d) = on.as_ref().and_then(hit_day) {
                day = d;
            }
        }
        let value = if h == 24 {
            format!("{}T24:00", day)
        } else {
            format!("{day}T{h:02}:{mi:02}")
        };
        Some((end, Label::Time, Some(value)))
    }

    /// "a.m." / "p.m." / "am" / "pm" at `k`: (is pm, index after).
    pub(super) fn ampm(&self, k: usize) -> Option<(bool, usize)> {
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
}

#[cfg(test)]
mod tests {
    use crate::document::Label;
    use crate::temporal::grammar::tests::check;

    /// (text, expected extent, label, value), reference Sunday 2025-12-21.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, Label, &str)] = &[
        ("The vote is at 3 p.m.", "3 p.m.", Label::Time, "2025-12-21T15:00"),
        ("It started at 10:30 a.m. EST.", "10:30 a.m. EST", Label::Time, "2025-12-21T10:30"),
        ("Stamped 2025-12-21 08:30 by the clerk.", "2025-12-21 08:30", Label::Time, "2025-12-21T08:30"),
        ("The offer runs until 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", Label::Time, "2025-11-09T17:00"),
        ("Figures are due at 7 a.m. on April 17.", "7 a.m.", Label::Time, "2026-04-17T07:00"),
        ("The strike began at midnight on Sunday.", "midnight", Label::Time, "2025-12-21T24:00"),
        ("Logged 2025-12-21T08:30:15Z by the server.", "2025-12-21T08:30:15Z", Label::Time, "2025-12-21T08:30"),
        ("He will leave at 4 in the morning Thursday.", "4 in the morning Thursday", Label::Time, "2025-12-25T04:00"),
        ("It rang at 11 at night.", "11 at night", Label::Time, "2025-12-21T23:00"),
        ("It rang at 2 at night.", "2 at night", Label::Time, "2025-12-21T02:00"),
        ("They talked until 7 in the evening.", "7 in the evening", Label::Time, "2025-12-21T19:00"),
        ("The rand was bid at 15:40 (13:40 GMT).", "13:40 GMT", Label::Time, "2025-12-21T13:40"),
    ];

    #[test]
    fn clock_times_land_on_the_right_day() {
        check(CASES);
    }
}
