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

/// Pasted text often has typographic quotes, apostrophes and dashes: the
/// names found must not change (only the quote characters in them do).
#[test]
fn typographic_punctuation_finds_the_same_names() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ner_fixtures");
    for file in ["prisoner-exchange.txt", "earnings.txt", "football.txt"] {
        let ascii = std::fs::read_to_string(dir.join(file)).unwrap();
        let mut open = false;
        let curly: String = ascii
            .chars()
            .map(|c| match c {
                '"' => {
                    open = !open;
                    if open {
                        '\u{201C}'
                    } else {
                        '\u{201D}'
                    }
                }
                '\'' => '\u{2019}',
                _ => c,
            })
            .collect::<String>()
            .replace(" - ", " \u{2014} ");
        let fold = |s: String| s.replace('\u{2019}', "'");
        assert_eq!(fold(names_in(&curly)), names_in(&ascii), "{file}");
    }
}

/// Short sentences of recent news, each annotated alone: every listed name
/// is found whole with its label, and sentences without names get none.
#[test]
fn short_news_sentences() {
    let cases: [(&str, &[&str]); 7] = [
        // Cyrillic script: no list or cluster knows these words.
        (
            "Володимир Зеленський зустрівся з послами.",
            &["PERSON\tВолодимир Зеленський"],
        ),
        (
            "Ukrainian President Volodymyr Zelensky said Rustem Umerov would travel to Istanbul.",
            &[
                "PERSON\tVolodymyr Zelensky",
                "PERSON\tRustem Umerov",
                "PLACE\tIstanbul",
            ],
        ),
        (
            "The Bank of England held rates while the European Central Bank cut them.",
            &["ORG\tBank of England", "ORG\tEuropean Central Bank"],
        ),
        // Regions news names, which no country or city list holds.
        (
            "Fighting in Donbas continued as aid reached the Gaza Strip.",
            &["PLACE\tDonbas", "PLACE\tGaza Strip"],
        ),
        // Streets are places, with their abbreviation's full stop; so is a
        // state's after a town.
        (
            "A crash on Memphis St. closed it, police in Louisville, Ky., said.",
            &["PLACE\tMemphis St.", "PLACE\tLouisville", "PLACE\tKy."],
        ),
        // False positives: capitalised words that are not names.
        (
            "Shares rose on Monday after the report, and analysts said the outlook was better.",
            &[],
        ),
        ("Officials said The talks would resume In March.", &[]),
    ];
    for (text, expected) in cases {
        let names = names_in(text);
        let expected: String = expected.iter().map(|l| format!("{l}\n")).collect();
        assert_eq!(names, expected, "{text}");
    }
}
