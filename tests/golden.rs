//! Golden files: every `tests/fixtures/NAME.txt`, annotated with reference date
//! 2025-12-21, must give exactly `tests/golden/NAME.json` (what `gloss annotate
//! --date 2025-12-21` prints) and `tests/golden/NAME.inline.txt` (the same
//! annotations written inline, with the entities and the timeline, for
//! reviewing a change as a diff).
//!
//! On a mismatch the test rewrites the golden file and fails, so `git diff`
//! shows what changed; rerun to confirm once the change is reviewed.
//! `UPDATE_GOLDEN=1 cargo test --test golden` rewrites without failing.

use std::fs;
use std::path::{Path, PathBuf};

use gloss::document::Document;

const REFERENCE_DATE: &str = "2025-12-21";

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/fixtures exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 3,
        "expected fixture articles in {}",
        dir.display()
    );
    paths
}

/// The annotations written into the text: `[PERSON Rustem Umerov #E3]`
/// (`#` its entity), `[DATE December 5 = 2025-12-05]`; then the entities
/// (places with their GeoNames record) and the timeline, in time order.
fn inline_view(document: &Document) -> String {
    let chars: Vec<char> = document.text.chars().collect();
    let mut out = format!(
        "reference date {} ({:?})\n\n",
        document.reference_date, document.reference_date_source
    );
    let mut at = 0;
    for a in &document.annotations {
        out.extend(&chars[at..a.start]);
        out.push_str(&format!("[{} {}", a.label, a.text));
        if let Some(value) = &a.value {
            out.push_str(&format!(" = {value}"));
        }
        if let Some(entity) = &a.entity {
            out.push_str(&format!(" #{entity}"));
        }
        out.push(']');
        at = a.end;
    }
    out.extend(&chars[at..]);
    for e in &document.entities {
        out.push_str(&format!(
            "\n{} {} {} ({})",
            e.id, e.label, e.name, e.mentions
        ));
        if let (Some(id), Some(kind)) = (e.geonames_id, &e.kind) {
            let country = e.country.as_deref().unwrap_or("");
            out.push_str(&format!(" → GeoNames {id} {kind} {country}"));
        }
    }
    out.push_str("\n\ntimeline:");
    for item in gloss::timeline::timeline(document) {
        let a = &document.annotations[item.annotation];
        let interval = &item.interval;
        out.push_str(&format!(
            "\n{} .. {} {:?} {}",
            interval.start, interval.end, interval.precision, a.text
        ));
    }
    out.push('\n');
    out
}

/// Compares `actual` with the golden file, rewriting it when they differ.
fn check(path: &Path, actual: &str, failures: &mut Vec<String>) {
    let expected = fs::read_to_string(path).unwrap_or_default();
    if expected != actual {
        fs::write(path, actual).expect("golden file is writable");
        if std::env::var_os("UPDATE_GOLDEN").is_none() {
            failures.push(path.display().to_string());
        }
    }
}

#[test]
fn fixtures_match_their_golden_files() {
    let options = gloss::Options::with_reference_date(REFERENCE_DATE).unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut failures = Vec::new();
    for fixture in fixtures() {
        let text = fs::read_to_string(&fixture).expect("fixture is UTF-8");
        let document = gloss::annotate(&text, &options);
        document
            .validate()
            .expect("annotate produces a valid document");
        let stem = fixture.file_stem().unwrap().to_string_lossy();
        let json = serde_json::to_string_pretty(&document).unwrap() + "\n";
        check(&golden.join(format!("{stem}.json")), &json, &mut failures);
        check(
            &golden.join(format!("{stem}.inline.txt")),
            &inline_view(&document),
            &mut failures,
        );
    }
    assert!(
        failures.is_empty(),
        "golden files changed (now rewritten; review with git diff): {failures:#?}"
    );
}

#[test]
fn golden_json_reads_back_as_the_same_document() {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for fixture in fixtures() {
        let stem = fixture.file_stem().unwrap().to_string_lossy();
        let Ok(json) = fs::read_to_string(golden.join(format!("{stem}.json"))) else {
            continue;
        };
        let document: Document =
            serde_json::from_str(&json).expect("golden JSON parses as a Document");
        document
            .validate()
            .expect("golden JSON is a valid document");
        assert_eq!(
            serde_json::to_string_pretty(&document).unwrap() + "\n",
            json,
            "{stem}: re-export differs"
        );
    }
}

/// Records every `progress(done, total)` call and checks they rise to the end.
fn checked_progress(text: &str, options: &gloss::Options) -> (Document, usize) {
    let mut calls: Vec<(usize, usize)> = Vec::new();
    let document =
        gloss::annotate_with_progress(text, options, &mut |done, total| calls.push((done, total)));
    let total = calls[0].1;
    assert_eq!(calls[0], (0, total), "progress starts at 0");
    assert_eq!(*calls.last().unwrap(), (total, total), "progress ends done");
    assert!(
        calls
            .windows(2)
            .all(|w| w[0].0 <= w[1].0 && w[1].1 == total),
        "progress only rises, against one total: {calls:?}"
    );
    (document, calls.len())
}

#[test]
fn annotating_with_progress_gives_the_golden_bytes() {
    let options = gloss::Options::with_reference_date(REFERENCE_DATE).unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for fixture in fixtures() {
        let text = fs::read_to_string(&fixture).expect("fixture is UTF-8");
        let (document, _) = checked_progress(&text, &options);
        let stem = fixture.file_stem().unwrap().to_string_lossy();
        let expected = fs::read_to_string(golden.join(format!("{stem}.json"))).unwrap();
        assert_eq!(
            serde_json::to_string_pretty(&document).unwrap() + "\n",
            expected,
            "{stem}"
        );
    }
    checked_progress("", &options);
}

#[test]
fn a_long_text_reports_progress_part_by_part_and_annotates_the_same() {
    let options = gloss::Options::with_reference_date(REFERENCE_DATE).unwrap();
    let unit: String = fixtures()
        .iter()
        .map(|f| fs::read_to_string(f).unwrap() + "\n")
        .collect();
    // Past gloss::ner::MAX_DOCUMENT_TOKENS, so the names come in several parts.
    let text = unit.repeat(60_000 / unit.split_whitespace().count() + 1);
    let (document, calls) = checked_progress(&text, &options);
    // Start, tokens, dates, two or more parts of names, end.
    assert!(calls >= 6, "{calls} progress calls");
    assert_eq!(
        serde_json::to_string(&document).unwrap(),
        serde_json::to_string(&gloss::annotate(&text, &options)).unwrap()
    );
}
