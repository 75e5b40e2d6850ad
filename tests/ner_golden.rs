//! Golden test: the names found in a few made-up but realistic fixture
//! articles (`tests/ner_fixtures/*.txt`) are pinned in `*.expected` files,
//! one `LABEL<TAB>text` line per PERSON, PLACE or ORG annotation.
//!
//! After an intended change to the model, regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test ner_golden` and review the diff.

use std::path::Path;

use gloss::document::Label;

fn names_in(text: &str) -> String {
    let options = gloss::Options::with_reference_date("2025-03-03").unwrap();
    let document = gloss::annotate(text, &options);
    document
        .annotations
        .iter()
        .filter(|a| matches!(a.label, Label::Person | Label::Place | Label::Org))
        .map(|a| format!("{}\t{}\n", a.label, a.text))
        .collect()
}

#[test]
fn fixture_articles_match_their_golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ner_fixtures");
    let mut articles: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    articles.sort();
    assert!(articles.len() >= 3, "fixture articles are missing");
    let mut failures = Vec::new();
    for article in &articles {
        let actual = names_in(&std::fs::read_to_string(article).unwrap());
        let expected_path = article.with_extension("expected");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- actual\n{actual}",
                article.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The names a reader cares most about in the fixtures, whatever else changes.
#[test]
fn finds_names_no_list_contains() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ner_fixtures/prisoner-exchange.txt"),
    )
    .unwrap();
    let names = names_in(&text);
    for expected in [
        "PERSON\tRustem Umerov",
        "PERSON\tUmerov",
        "PERSON\tDmytro Lubinets",
        "PLACE\tZaporizhzhia",
        "PLACE\tKyiv",
        "PLACE\tMariupol",
    ] {
        assert!(
            names.lines().any(|l| l == expected),
            "missing {expected:?} in:\n{names}"
        );
    }
}
