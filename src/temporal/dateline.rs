//! Dateline and date-stamp detection: the date an article was written, when
//! it says so at the top ("KYIV, Dec. 21, 2025 (Reuters) —", "Published
//! March 22, 2013", "2025-12-21 08:30", a date alone on the first line).
//!
//! A wire dateline often has no year ("GENEVA, Dec. 19 (Reuters) —"). [`find`]
//! ignores those; [`find_near`] takes the caller's "today" and gives such a
//! dateline the most recent year in which that day is not after today (an
//! article is not dated in the future). Only a "PLACE, Month Day" dateline or a
//! "Published …" stamp counts without a year, so a date in an opening sentence
//! is not mistaken for one.

use crate::calendar::Date;
use crate::document::Label;
use crate::temporal::grammar;
use crate::temporal::words::{scan, Word};

/// How far into the text a dateline may start, in bytes.
const HEAD: usize = 400;

/// Words that introduce a date stamp.
const STAMPS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "dated",
    "date",
    "filed",
    "issued",
];

/// The date of a dateline or date stamp at the top of `text`, if it has a year.
pub fn find(text: &str) -> Option<Date> {
    find_with(text, None)
}

/// Like [`find`], but a dateline without a year ("GENEVA, Dec. 19 (Reuters)")
/// takes the latest year that does not put it after `today`.
pub fn find_near(text: &str, today: Date) -> Option<Date> {
    find_with(text, Some(today))
}

fn find_with(text: &str, today: Option<Date>) -> Option<Date> {
    let mut cut = text.len().min(HEAD);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let words = scan(head);
    // Any reference works: only values with an explicit year are kept below.
    let reference = Date::new(2000, 1, 1)?;
    let found = grammar::find(head, &words, reference, &[]);
    for f in found {
        if f.label != Label::Date && f.label != Label::Time {
            continue;
        }
        let Some(date) = f.value.get(..10).and_then(Date::parse_iso) else {
            continue;
        };
        let with_year = has_year(&words[f.start..f.end]);
        if !with_year && today.is_none() {
            continue;
        }
        let line_start = head[..words[f.start].start]
            .rfind('\n')
            .map_or(0, |p| p + 1);
        let line_end = head[words[f.end - 1].end..]
            .find('\n')
            .map_or(head.len(), |p| words[f.end - 1].end + p);
        let line = &head[line_start..line_end];
        let before = head[line_start..words[f.start].start].to_ascii_lowercase();
        let first_line = head[..line_start].trim().is_empty();
        let stamped = STAMPS.iter().any(|s| before.contains(s));
        let wire = line.contains('—')
            || line.contains(" -- ")
            || line.contains("(AP)")
            || line.contains("(Reuters)");
        let short = line.trim().chars().count() <= 60;
        if with_year && (stamped || (first_line && (short || wire || before.trim().len() <= 40))) {
            return Some(date);
        }
        // "GENEVA, Dec. 19 (Reuters) —": a place in capitals, a comma, the day.
        let place = before.trim_end().strip_suffix(',').is_some_and(|p| {
            let p = &head[line_start..line_start + p.len()];
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'')
        });
        if let Some(today) = today.filter(|_| !with_year && (stamped || (first_line && place))) {
            let (m, d) = (date.month, date.day);
            return (today.year - 1..=today.year)
                .rev()
                .filter_map(|y| Date::new(y, m, d))
                .find(|c| *c <= today);
        }
    }
    None
}

/// True if the words spell out a four-digit or apostrophe year, not one inferred.
fn has_year(words: &[Word]) -> bool {
    words
        .iter()
        .any(|w| (w.is_number() && (w.lower.len() == 4 || w.lower.len() == 8)) || w.lower == "'")
        || words
            .windows(3)
            .any(|w| w[0].lower.len() <= 2 && w[1].lower == "/" && w[2].is_number())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_with_a_year_give_the_reference_date() {
        let cases = [
            ("KYIV, Dec. 21, 2025 (Reuters) — Talks resumed.", Some("2025-12-21")),
            ("Published March 22, 2013\n\nSPRINGFIELD — The council met.", Some("2013-03-22")),
            ("2025-12-21 08:30\nMarkets fell.", Some("2025-12-21")),
            ("December 21, 2025\n\nThe council met on Friday.", Some("2025-12-21")),
            ("Updated: 12/21/2025\nStory.", Some("2025-12-21")),
            ("WASHINGTON (AP) — The Senate voted on Friday.", None),
            ("GENEVA, Dec. 19 (Gloss Wire) — Negotiators will meet again.", None),
            ("The council met on Friday. It last met on March 3, 2011, to vote on a budget for the coming year.", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(
                find(text).map(|d| d.to_string()).as_deref(),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn yearless_datelines_take_the_latest_year_up_to_today() {
        let today = Date::new(2026, 11, 22).unwrap();
        let cases = [
            (
                "GENEVA, Dec. 19 (Gloss Wire) — Negotiators will meet again.",
                Some("2025-12-19"),
            ),
            (
                "KYIV, Nov. 22 (Reuters) - Talks resumed.",
                Some("2026-11-22"),
            ),
            ("Published Nov. 2\n\nStory.", Some("2026-11-02")),
            (
                "KYIV, Dec. 21, 2025 (Reuters) — Talks resumed.",
                Some("2025-12-21"),
            ),
            ("On Dec. 19 the council met.", None),
            ("Officials in Geneva, Dec. 19, said so.", None),
            ("WASHINGTON (AP) — The Senate voted on Friday.", None),
        ];
        for (text, expected) in cases {
            assert_eq!(
                find_near(text, today).map(|d| d.to_string()).as_deref(),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn yearless_datelines_are_ignored_without_today() {
        let cases: [(&str, Option<&str>); 1] = [("GENEVA, Dec. 19 (Gloss Wire) — Talks.", None)];
        for (text, expected) in cases {
            assert_eq!(
                find(text).map(|d| d.to_string()).as_deref(),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn long_heads_are_cut_on_char_boundaries() {
        let text = "é".repeat(500);
        assert_eq!(find(&text), None);
    }
}
