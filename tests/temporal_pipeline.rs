//! Table tests of dates and times through the whole pipeline (tokenizer
//! sentences included), each case with its own reference date: the cases
//! where sentence splitting or document context changes a value.

use gloss::{annotate, Options};

/// (text, reference date, expected annotated text, label, value).
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, &str, &str)] = &[
    // "a.m." does not end the clause: "until" still looks ahead.
    ("Reno had given the relatives until 9 a.m. Tuesday to sign a paper.", "2000-04-03",
     "9 a.m. Tuesday", "TIME", "2000-04-04T09:00"),
    ("The deadline was extended until 5 p.m. Friday by the agency.", "2000-04-03",
     "5 p.m. Friday", "TIME", "2000-04-07T17:00"),
    ("The shots were fired at 10 p.m. Friday, police said.", "2000-04-03",
     "10 p.m. Friday", "TIME", "2000-03-31T22:00"),
    ("He scored 30 goals in the 2023-24 season.", "2024-10-16", "24", "DATE", "2024"),
];

/// (text, reference date, text that must not be annotated as a date or time).
#[rustfmt::skip]
const FALSE_POSITIVES: &[(&str, &str, &str)] = &[
    // Not a season: the second part is not the next year.
    ("Call 2023-45 for tickets.", "2024-10-16", "2023"),
    ("Call 2023-45 for tickets.", "2024-10-16", "45"),
    // A name holding a holiday word.
    ("They sailed to Easter Island last year.", "2024-10-16", "Easter"),
];

#[test]
fn values_follow_the_clause_around_them() {
    let mut failures = Vec::new();
    for &(text, reference, expected, label, value) in CASES {
        let doc = annotate(text, &Options::with_reference_date(reference).unwrap());
        let found: Vec<_> = doc
            .annotations
            .iter()
            .map(|a| {
                (
                    a.text.as_str(),
                    a.label.as_str(),
                    a.value.as_deref().unwrap_or(""),
                )
            })
            .collect();
        if !found.contains(&(expected, label, value)) {
            failures.push(format!(
                "{text:?}: expected {expected:?} {label} {value}, got {found:?}"
            ));
        }
    }
    for &(text, reference, unwanted) in FALSE_POSITIVES {
        let doc = annotate(text, &Options::with_reference_date(reference).unwrap());
        if doc
            .annotations
            .iter()
            .any(|a| a.label.is_temporal() && a.text == unwanted)
        {
            failures.push(format!(
                "{text:?}: {unwanted:?} should not be a date or time"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Near the ends of the calendar a relative date that leaves years 1 to 9999
/// is still annotated, without a `value`, and the document stays valid.
#[test]
fn dates_past_the_calendar_ends_are_annotated_without_a_value() {
    for (text, reference, expected) in [
        ("He will come tomorrow.", "9999-12-31", "tomorrow"),
        ("Rates rise next year.", "9999-12-31", "next year"),
        ("Sales fell 2 weeks ago.", "0001-01-01", "2 weeks ago"),
    ] {
        let doc = annotate(text, &Options::with_reference_date(reference).unwrap());
        let found = doc.annotations.iter().find(|a| a.text == expected);
        assert!(
            found.is_some_and(|a| a.label.as_str() == "DATE" && a.value.is_none()),
            "{text:?} ({reference}): {:?}",
            doc.annotations
        );
        doc.validate().unwrap();
        let json = serde_json::to_string(&doc).unwrap();
        assert!(!json.contains("\"value\""), "{json}");
        gloss::document::Document::from_json(&json).unwrap();
    }
}

/// Without a given reference date, a dateline in any case and with any dash
/// dates the article, so relative dates resolve against it, not against today.
#[test]
fn relative_dates_resolve_against_a_dateline_in_any_case_and_with_any_dash() {
    let today = gloss::calendar::Date::new(2026, 11, 22).unwrap();
    for head in [
        "Kyiv, Dec. 21 (Reuters) - ",
        "KYIV, Dec. 21 (Reuters) — ",
        "Kyiv, Ukraine, Dec. 21 (AP) -- ",
        "Kyiv, Dec 21 – ",
        "Kyiv, Dec. 21 (Reuters) \u{2212} ",
        "Kyiv, Dec. 21 (Reuters) \u{2015} ",
        "Kyiv, Dec. 21 (Reuters) \u{2012} ",
        "Kyiv, Dec. 21 (Reuters)\u{2014}",
    ] {
        let text = format!("{head}Officials said yesterday that talks resume next week.");
        let options = Options {
            reference_date: None,
            today,
        };
        let doc = annotate(&text, &options);
        let value = |s: &str| {
            doc.annotations
                .iter()
                .find(|a| a.text == s)
                .and_then(|a| a.value.as_deref())
        };
        assert_eq!(doc.reference_date, "2025-12-21", "{text}");
        assert_eq!(value("yesterday"), Some("2025-12-20"), "{text}");
        assert_eq!(value("next week"), Some("2025-W52"), "{text}");
    }
}
