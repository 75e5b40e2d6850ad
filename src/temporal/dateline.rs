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

/// Dashes a wire tail may end with: hyphen-minus, the Unicode hyphens and
/// dashes (figure, en, em, horizontal bar, the two- and three-em dashes, the
/// small and full-width forms) and the minus sign.
const DASHES: &[char] = &[
    '-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}',
    '\u{2E3A}', '\u{2E3B}', '\u{FE58}', '\u{FE63}', '\u{FF0D}',
];

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
        let Some(date) = f.value.as_deref().and_then(grammar::full_day) else {
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
        let wire = line.contains(|c: char| c != '-' && DASHES.contains(&c))
            || line.contains(" -- ")
            || line.contains("(AP)")
            || line.contains("(Reuters)");
        let short = line.trim().chars().count() <= 60;
        if with_year && (stamped || (first_line && (short || wire || before.trim().len() <= 40))) {
            return Some(date);
        }
        // "GENEVA, Dec. 19 (Reuters) —": a place in capitals, a comma, the
        // day, on the first line. A place in any case ("Kyiv, Ukraine,
        // Dec. 21 (Reuters) -") also counts at the start of a later line of
        // the head, but only with a wire tail after the day: an opening
        // sentence ("Paris, Dec. 21 was cold") has none.
        let tail = wire_tail(&head[words[f.end - 1].end..line_end]);
        let place = before
            .trim_end()
            .strip_suffix(',')
            .map(|p| &head[line_start..line_start + p.len()])
            .map_or(Place::None, place_kind);
        let dateline = match place {
            Place::Capitals => first_line || tail,
            Place::Mixed => tail,
            Place::None => false,
        };
        if let Some(today) = today.filter(|_| !with_year && (stamped || dateline)) {
            let (m, d) = (date.month, date.day);
            return (today.year - 1..=today.year)
                .rev()
                .filter_map(|y| Date::new(y, m, d))
                .find(|c| *c <= today);
        }
    }
    None
}

/// How the text before a dateline's comma reads as a place.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Not a place: empty, too long, a word not capitalised, other signs.
    None,
    /// All capitals ("GENEVA", "KYIV, Ukraine" counts as mixed).
    Capitals,
    /// Capitalised words ("Kyiv", "Charleston, W.Va.", "Wilkes-Barre").
    Mixed,
}

/// The most characters a dateline's place may take ("RIO DE JANEIRO, Brazil").
const MAX_PLACE: usize = 40;

/// Small words allowed inside a dateline's place ("RIO DE JANEIRO", "Stratford-upon-Avon").
const PLACE_PARTICLES: &[&str] = &[
    "al", "de", "del", "des", "do", "du", "el", "la", "le", "of", "on", "upon",
];

fn place_kind(place: &str) -> Place {
    let signs = |c: char| c.is_alphabetic() || " .,-'’".contains(c);
    if place.is_empty() || place.chars().count() > MAX_PLACE || !place.chars().all(signs) {
        return Place::None;
    }
    if !place.chars().any(char::is_lowercase) {
        return Place::Capitals;
    }
    let capitalised = place
        .split([' ', ',', '-'])
        .filter(|w| !w.is_empty())
        .all(|w| w.starts_with(char::is_uppercase) || PLACE_PARTICLES.contains(&w));
    if capitalised {
        Place::Mixed
    } else {
        Place::None
    }
}

/// True if `rest`, the line after a dateline's day, opens with a wire tail:
/// an optional agency in parentheses or slashes ("(Reuters)", "/PRNewswire/")
/// and then a dash of any kind ("-", "--", "–", "—", "−", [`DASHES`]).
fn wire_tail(rest: &str) -> bool {
    let mut rest = rest.trim_start();
    for (open, close) in [('(', ')'), ('/', '/')] {
        if let Some(inner) = rest.strip_prefix(open) {
            if let Some(end) = inner.find(close).filter(|&e| e <= MAX_PLACE) {
                rest = inner[end + close.len_utf8()..].trim_start();
                break;
            }
        }
    }
    // A dash before a digit joins a range ("Dec. 21–23"), not a tail.
    let mut chars = rest.chars();
    chars.next().is_some_and(|c| DASHES.contains(&c))
        && !chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// True if the words spell out a four-digit or apostrophe year, not one inferred.
fn has_year(words: &[Word]) -> bool {
    words.iter().any(|w| {
        (w.is_number() && (w.lower().len() == 4 || w.lower().len() == 8)) || w.lower() == "'"
    }) || words
        .windows(3)
        .any(|w| w[0].lower().len() <= 2 && w[1].lower() == "/" && w[2].is_number())
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

    /// Datelines in any case, with any dash, with or without an agency.
    #[test]
    fn datelines_in_any_case_and_with_any_dash_are_found() {
        let today = Date::new(2026, 11, 22).unwrap();
        let cases = [
            ("Kyiv, Dec. 21 (Reuters) - Talks resumed.", "2025-12-21"),
            ("KYIV, Dec 21 (Reuters) – Talks resumed.", "2025-12-21"),
            ("Kyiv, Nov. 20 (Reuters) — Talks resumed.", "2026-11-20"),
            (
                "Kyiv, Ukraine, Nov. 20 (AP) -- Talks resumed.",
                "2026-11-20",
            ),
            ("Charleston, W.Va., Nov. 20 - The county met.", "2026-11-20"),
            (
                "Rio de Janeiro, Nov. 20 /PRNewswire/ -- Shares rose.",
                "2026-11-20",
            ),
            ("Wilkes-Barre, Nov. 20 — Schools closed.", "2026-11-20"),
            ("KYIV, Nov. 20 (Reuters) Talks resumed.", "2026-11-20"),
            (
                "WASHINGTON, Dec. 21, 2025 /PRNewswire/ -- Shares rose.",
                "2025-12-21",
            ),
            (
                "Kyiv, Dec. 21, 2025 (Reuters) - Talks resumed.",
                "2025-12-21",
            ),
            // A headline first, the dateline opening the next paragraph.
            (
                "Talks resume in Kyiv\n\nKyiv, Nov. 20 (Reuters) - Talks resumed.",
                "2026-11-20",
            ),
            (
                "Talks resume\nKYIV, Nov. 20 (Reuters) - Talks resumed.",
                "2026-11-20",
            ),
            // Every dash a keyboard, a word processor or a wire system makes.
            (
                "Kyiv, Dec. 21 (Reuters) \u{2010} Talks resumed.",
                "2025-12-21",
            ),
            (
                "Kyiv, Dec. 21 (Reuters) \u{2012} Talks resumed.",
                "2025-12-21",
            ),
            (
                "Kyiv, Dec. 21 (Reuters) \u{2015} Talks resumed.",
                "2025-12-21",
            ),
            (
                "Kyiv, Dec. 21 (Reuters) \u{2212}Talks resumed.",
                "2025-12-21",
            ),
            (
                "Kyiv, Dec. 21 (Reuters) \u{2E3A} Talks resumed.",
                "2025-12-21",
            ),
            ("Kyiv, Dec. 21 (AP) \u{FE58} Talks resumed.", "2025-12-21"),
            ("Kyiv, Dec. 21 (AP) \u{FF0D} Talks resumed.", "2025-12-21"),
            (
                "Kyiv, Dec. 21 (Reuters)\u{2014}Talks resumed.",
                "2025-12-21",
            ),
            (
                "Kyiv, Dec. 21, 2025 (Reuters) \u{2015} Talks resumed.",
                "2025-12-21",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(
                find_near(text, today).map(|d| d.to_string()).as_deref(),
                Some(expected),
                "{text}"
            );
        }
    }

    /// Sentences that start like a dateline but are not one.
    #[test]
    fn sentences_that_look_like_datelines_are_not_taken() {
        let today = Date::new(2026, 11, 22).unwrap();
        let cases = [
            "Paris, Dec. 21 was cold.",
            "Paris, Dec. 21 (a Sunday) was cold.",
            "It snowed.\n\nParis, Dec. 21 was cold.",
            "It snowed. Paris, Dec. 21 (Reuters) - was cold.",
            "Officials in Kyiv, Nov. 20 (Reuters) - said so.",
            "the city, Nov. 20 - a day to remember.",
            "Kyiv (AP) — Talks resumed on Nov. 20.",
            "Kyiv (Reuters) - Talks resumed.",
            "Kyiv 2 Nov. 20 - Talks resumed.",
            // A dash that is no wire tail's: a range, a note in the sentence.
            "Paris, Dec. 21\u{2013}23 was cold.",
            "Officials in Kyiv, Nov. 20 (Reuters) \u{2212} said so.",
            "Paris, Dec. 21 (a Sunday) \u{00B7} was cold.",
        ];
        for text in cases {
            assert_eq!(find_near(text, today), None, "{text}");
        }
    }

    #[test]
    fn yearless_datelines_are_ignored_without_today() {
        for text in [
            "GENEVA, Dec. 19 (Gloss Wire) — Talks.",
            "Kyiv, Dec. 21 (Reuters) - Talks.",
        ] {
            assert_eq!(find(text), None, "{text}");
        }
    }

    #[test]
    fn long_heads_are_cut_on_char_boundaries() {
        let text = "é".repeat(500);
        assert_eq!(find(&text), None);
    }
}
