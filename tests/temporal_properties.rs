//! Property tests of the temporal recognizer on arbitrary text: it never
//! panics, never splits a character, and gives every mention a value.

use gloss::calendar::Date;
use gloss::recognize::{Context, Mention, Recognizer};
use gloss::temporal::TemporalRecognizer;
use gloss::tokenize::tokenize;
use proptest::prelude::*;

/// Text mixing date-like pieces with arbitrary Unicode.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("December 5".to_string()),
        Just("Dec. 21, 2025".to_string()),
        Just("12/21/2025".to_string()),
        Just("2025-12-21 08:30".to_string()),
        Just("last week".to_string()),
        Just("3 p.m.".to_string()),
        Just("the year-ago quarter".to_string()),
        Just("nineteen ninety-six".to_string()),
        Just("the day before last Tuesday".to_string()),
        Just("Labor Day".to_string()),
        Just("Good Friday".to_string()),
        Just("2023-24".to_string()),
        Just("4 in the morning".to_string()),
        Just("until 9 a.m. Tuesday".to_string()),
        Just("'90s".to_string()),
        Just(" and ".to_string()),
        Just("mid-".to_string()),
        any::<String>(),
        "[\\u{300}-\\u{36f}\\u{1F3FB}\\u{200D}é東京١٢ .,'-]{0,6}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

/// Runs only the temporal recognizer on `text`.
fn recognize(text: &str, reference_date: Date) -> Vec<Mention> {
    let tokenized = tokenize(text);
    let context = Context {
        text,
        tokenized: &tokenized,
        reference_date,
    };
    let mut out = Vec::new();
    TemporalRecognizer.recognize(&context, &mut out);
    out
}

proptest! {
    #[test]
    fn mentions_are_well_formed(text in texty(), days in 0i64..3_000_000) {
        let reference = Date::from_days(days).unwrap_or(Date::new(2025, 12, 21).unwrap());
        let out = recognize(&text, reference);
        let mut last_end = 0;
        for m in &out {
            prop_assert!(m.start < m.end && m.end <= text.len());
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            prop_assert!(m.start >= last_end, "mentions overlap: {:?}", out);
            prop_assert!(m.label.is_temporal());
            // No value only when resolving leaves the calendar (years 1 to 9999).
            prop_assert!(m.value.as_deref().is_none_or(|v| !v.is_empty()));
            last_end = m.end;
        }
        let _ = gloss::temporal::dateline::find(&text);
    }
}

#[test]
fn extreme_reference_dates_do_not_panic() {
    let text = "On December 31 and 1, yesterday, next year, a century ago, in 9999 and the '90s, the 20th century, Q4, last Friday at 3 p.m., Memorial Day, Easter, Election Day, the day before Christmas, the 9998-99 season.";
    // What leaves the calendar is marked without a value; the rest keeps one.
    for (reference, unresolved, resolved) in [
        (Date::new(1, 1, 1).unwrap(), "yesterday", "next year"),
        (Date::new(9999, 12, 31).unwrap(), "next year", "yesterday"),
    ] {
        let out = recognize(text, reference);
        let value_of = |s: &str| {
            out.iter()
                .find(|m| &text[m.start..m.end] == s)
                .map(|m| m.value.clone())
        };
        assert_eq!(value_of(unresolved), Some(None), "{reference}: {out:?}");
        assert!(
            value_of(resolved).is_some_and(|v| v.is_some()),
            "{reference}: {out:?}"
        );
        assert!(out
            .iter()
            .all(|m| m.value.as_deref().is_none_or(|v| !v.is_empty())));
    }
}

#[test]
fn long_runs_of_one_word_do_not_exhaust_the_stack() {
    // Patterns that once recursed per word: weekday prefixes, approximators.
    for text in [
        "Friday, ".repeat(50_000),
        "about ".repeat(50_000) + "a year ago",
        "the day before ".repeat(50_000) + "Christmas",
    ] {
        let out = recognize(&text, Date::new(2025, 12, 21).unwrap());
        assert!(!out.is_empty());
    }
}

#[test]
fn multibyte_letters_inside_date_shapes_do_not_panic() {
    let texts = [
        "2025-12-21T08:30:1ä",
        "2025-12-21T08:30:ä",
        "12ä/21/2025",
        "'9ä0s",
        "ä1990s",
        "10ämü",
        "Q",
        "Qä",
        "1st of Mä",
        "3 pä.m.",
        "2025-12-2ä",
        "December 5ä, 2025",
    ];
    for text in texts {
        let out = recognize(text, Date::new(2025, 12, 21).unwrap());
        for m in out {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
    }
}
