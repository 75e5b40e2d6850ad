//! Dateline and date-stamp detection: the date an article was written, when
//! it says so at the top ("KYIV, Dec. 21, 2025 (Reuters) —", "Published
//! March 22, 2013", "2025-12-21 08:30", a date alone on the first line).
//!
//! Only a date with its year counts: a dateline like "GENEVA, Dec. 19 (Reuters)"
//! gives no year, and guessing one from a clock the core does not have would
//! be worse than falling back to "today", which the page shows and lets the
//! person change.

use crate::calendar::Date;
use crate::document::Label;
use crate::temporal::grammar;
use crate::temporal::words::scan;

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
        if !has_year(head, &words[f.start..f.end]) {
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
        if stamped || (first_line && (short || wire || before.trim().len() <= 40)) {
            return Some(date);
        }
    }
    None
}

/// True if the words spell out a four-digit or apostrophe year, not one inferred.
fn has_year(text: &str, words: &[crate::temporal::words::Word]) -> bool {
    let _ = text;
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
    fn long_heads_are_cut_on_char_boundaries() {
        let text = "é".repeat(500);
        assert_eq!(find(&text), None);
    }
}
