//! Import: every importable format's round trip (export → import → export
//! gives the same file) on every golden document, among them emoji,
//! combining marks, Cyrillic, CJK and right-to-left text; files written by
//! the other tools (`tests/imports/NAME.*`) imported as `NAME.json` says; and
//! malformed files refused with a message naming the problem.
//!
//! `UPDATE_GOLDEN=1 cargo test --test imports` rewrites the expected
//! documents of `tests/imports/`.

use std::fs;
use std::path::{Path, PathBuf};

use gloss::calendar::Date;
use gloss::document::Document;
use gloss::formats::{self, Format, ImportOptions, Input, FORMATS};

fn options() -> ImportOptions {
    ImportOptions {
        reference_date: Some(Date::new(2025, 12, 21).unwrap()),
        today: Date::new(2026, 1, 2).unwrap(),
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The golden documents, and one more with right-to-left text and a
/// mention across a line break.
fn documents() -> Vec<(String, Document)> {
    let mut paths: Vec<PathBuf> = fs::read_dir(root().join("tests/golden"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    let mut documents: Vec<(String, Document)> = paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (
                name,
                Document::from_json(&fs::read_to_string(p).unwrap()).unwrap(),
            )
        })
        .collect();
    let text = "😀 مرحبا Zoe\u{308} in Kyiv\non Dec. 5; שלום.";
    let rtl = gloss::annotate(
        text,
        &gloss::Options {
            reference_date: Some(Date::new(2025, 12, 21).unwrap()),
            today: Date::new(2025, 12, 21).unwrap(),
        },
    );
    documents.push(("rtl".into(), rtl));
    assert!(documents.len() >= 6);
    documents
}

fn importable() -> Vec<Format> {
    FORMATS
        .iter()
        .map(|f| f.format)
        .filter(|f| f.is_importable())
        .collect()
}

/// The files `format` exports `document` as, named as import expects them.
fn files(document: &Document, format: Format) -> Vec<(String, Vec<u8>)> {
    let extension = format.info().extension;
    let mut files = vec![(format!("a.{extension}"), formats::export(document, format))];
    if format == Format::Brat {
        files.push(("a.txt".into(), document.text.clone().into_bytes()));
    }
    files
}

fn import(files: &[(String, Vec<u8>)], format: Format) -> Result<formats::Imported, String> {
    let inputs: Vec<Input> = files
        .iter()
        .map(|(name, bytes)| Input { name, bytes })
        .collect();
    assert_eq!(
        formats::detect(&inputs),
        Some(format),
        "detected from {files:?}"
    );
    formats::import(format, &inputs, &options()).map_err(|e| e.to_string())
}

#[test]
fn every_round_trip_gives_the_same_file() {
    let formats = importable();
    assert_eq!(formats.len(), 8, "{formats:?}");
    for (name, document) in documents() {
        for &format in &formats {
            gloss::dev::fuzz::check_round_trip(&document, format)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            // The formats that keep the text give back its annotations.
            let imported = import(&files(&document, format), format).unwrap();
            let back = &imported.documents[0];
            if format != Format::Conll {
                assert_eq!(back.text, document.text, "{name} {format:?}");
                let spans = |d: &Document| -> Vec<(usize, usize, String)> {
                    d.annotations
                        .iter()
                        .map(|a| (a.start, a.end, a.label.to_string()))
                        .collect()
                };
                assert_eq!(spans(back), spans(&document), "{name} {format:?}");
            }
        }
    }
}

#[test]
fn the_gloss_round_trip_keeps_everything() {
    for (name, document) in documents() {
        let imported = import(&files(&document, Format::Gloss), Format::Gloss).unwrap();
        assert_eq!(imported.documents, [document], "{name}");
    }
}

/// The files of `tests/imports/` other tools wrote, by document: NAME.json is
/// what the others import as.
#[test]
fn other_tools_files_import_as_expected() {
    let dir = root().join("tests/imports");
    let names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut stems: Vec<String> = names
        .iter()
        .filter(|n| !n.ends_with(".expected.json"))
        .map(|n| n.split('.').next().unwrap().to_string())
        .collect();
    stems.sort();
    stems.dedup();
    assert!(stems.len() >= 7, "{stems:?}");
    let mut changed = Vec::new();
    for stem in stems {
        let path = dir.join(format!("{stem}.expected.json"));
        let mut inputs: Vec<(String, Vec<u8>)> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                name.starts_with(&format!("{stem}.")) && !name.ends_with(".expected.json")
            })
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    fs::read(&p).unwrap(),
                )
            })
            .collect();
        inputs.sort();
        let refs: Vec<Input> = inputs
            .iter()
            .map(|(name, bytes)| Input { name, bytes })
            .collect();
        let format = formats::detect(&refs).unwrap_or_else(|| panic!("{stem}: no format"));
        let imported =
            formats::import(format, &refs, &options()).unwrap_or_else(|e| panic!("{stem}: {e}"));
        let got = serde_json::to_string_pretty(&serde_json::json!({
            "format": format.info().name,
            "notes": imported.notes,
            "documents": imported.documents,
        }))
        .unwrap()
            + "\n";
        if fs::read_to_string(&path).ok().as_deref() != Some(got.as_str()) {
            fs::write(&path, &got).unwrap();
            changed.push(stem);
        }
    }
    assert!(
        changed.is_empty() || std::env::var_os("UPDATE_GOLDEN").is_some(),
        "rewrote the expected imports of {changed:?}: review with git diff, rerun to confirm"
    );
}

/// A well-formed file of each format, one PERSON "Zoë" at 2..5 after an emoji.
fn good(format: Format) -> Vec<(&'static str, String)> {
    let text = "😀 Zoe\u{308} met Anna.";
    let q = serde_json::to_string(text).unwrap();
    match format {
        Format::Conll => vec![("a.conll", "😀\tO\nZoë\tB-PER\nmet\tO\nAnna\tB-PER\n.\tO\n".into())],
        Format::Brat => vec![
            ("a.ann", "T1\tPERSON 2 6\tZoe\u{308}\n".into()),
            ("a.txt", text.into()),
        ],
        Format::Doccano => vec![(
            "a.jsonl",
            format!("{{\"text\": {q}, \"label\": [[2, 6, \"PER\"]]}}\n"),
        )],
        Format::W3c => vec![(
            "a.jsonld",
            format!(
                "{{\"type\": \"AnnotationPage\", \"partOf\": {{\"value\": {q}}}, \"items\": [{{\"body\": {{\"purpose\": \"tagging\", \"value\": \"PERSON\"}}, \"target\": {{\"selector\": {{\"type\": \"TextQuoteSelector\", \"exact\": \"Anna\"}}}}}}]}}"
            ),
        )],
        Format::Spacy => vec![(
            "a.spacy.jsonl",
            format!("{{\"text\": {q}, \"spans\": [{{\"start\": 2, \"end\": 6, \"label\": \"PERSON\"}}]}}\n"),
        )],
        Format::LabelStudio => vec![(
            "a.json",
            format!("[{{\"data\": {{\"text\": {q}}}, \"annotations\": [{{\"result\": [{{\"type\": \"labels\", \"value\": {{\"start\": 2, \"end\": 6, \"text\": \"Zoe\u{308}\", \"labels\": [\"PER\"]}}}}]}}]}}]"),
        )],
        _ => Vec::new(),
    }
}

fn import_text(files: &[(&str, String)], format: Format) -> Result<formats::Imported, String> {
    let inputs: Vec<Input> = files
        .iter()
        .map(|(name, text)| Input {
            name,
            bytes: text.as_bytes(),
        })
        .collect();
    formats::import(format, &inputs, &options()).map_err(|e| e.to_string())
}

#[test]
fn well_formed_files_of_other_tools_import() {
    for format in [
        Format::Conll,
        Format::Brat,
        Format::Doccano,
        Format::W3c,
        Format::Spacy,
        Format::LabelStudio,
    ] {
        let imported =
            import_text(&good(format), format).unwrap_or_else(|e| panic!("{format:?}: {e}"));
        let doc = &imported.documents[0];
        let first = &doc.annotations[0];
        assert_eq!(first.label.as_str(), "PERSON", "{format:?}");
        assert!(
            ["Zoe\u{308}", "Zoë", "Anna"].contains(&first.text.as_str()),
            "{format:?}: {first:?}"
        );
        assert_eq!(doc.reference_date, "2025-12-21");
    }
}

/// Files as (name, content).
type Files = Vec<(&'static str, String)>;

/// Each malformed file, its format, and words its message must hold.
#[test]
fn malformed_files_are_refused_with_a_message_that_names_the_problem() {
    let text = "😀 Zoe\u{308} met Anna.";
    let q = serde_json::to_string(text).unwrap();
    let one = |name: &'static str, content: &str| vec![(name, content.to_string())];
    let cases: Vec<(Format, Files, &[&str])> = vec![
        (Format::Conll, one("a.conll", "Zoë\tB-PER\nmet\n"), &["a.conll, line 2", "has no tag"]),
        (Format::Conll, one("a.conll", "Zoë\tX-PER\n"), &["line 1", "not a BIO tag"]),
        (Format::Brat, one("a.ann", "T1\tPERSON 2 6\tZoë\n"), &["a.ann", "a.txt", "missing"]),
        (
            Format::Brat,
            vec![("a.ann", "T1\tPERSON 2 6\tZoe\u{308}\nT2 PERSON 11 15 Anna\n".into()), ("a.txt", text.into())],
            &["a.ann, line 2", "is not `T1<TAB>LABEL START END<TAB>TEXT`"],
        ),
        (
            Format::Brat,
            vec![("a.ann", "X1\tPERSON 2 6\tZoe\u{308}\n".into()), ("a.txt", text.into())],
            &["a.ann, line 1", "not brat standoff"],
        ),
        (
            Format::Brat,
            vec![("a.ann", "T1\tPERSON two 6\tZoë\n".into()), ("a.txt", text.into())],
            &["line 1", "not START END pairs"],
        ),
        (
            Format::Brat,
            vec![("a.ann", "T1\tPERSON 2 3;11 15\t😀 Anna\n".into()), ("a.txt", text.into())],
            &["discontinuous", "one stretch of text"],
        ),
        (
            Format::Brat,
            vec![("a.ann", "T1\tPERSON 3 7\tZoe\u{308}\n".into()), ("a.txt", text.into())],
            &["line 1", "says its text is", "code points"],
        ),
        (
            Format::Brat,
            vec![("a.ann", "T1\tPERSON 2 99\tZoë\n".into()), ("a.txt", text.into())],
            &["runs past the end", "16 characters"],
        ),
        (
            Format::Brat,
            vec![("a.ann", "#1\tAnnotatorNotes T9\t2025\n".into()), ("a.txt", text.into())],
            &["line 1", "\"T9\"", "no T line"],
        ),
        (Format::Doccano, one("a.jsonl", "{\"text\": \"x\"}\n{\"label\": []}\n"), &["a.jsonl, line 2", "missing field `text`"]),
        (Format::Doccano, one("a.jsonl", "{\"text\": \"x\", \"text\": \"y\"}\n"), &["line 1", "duplicate field `text`"]),
        (
            Format::Doccano,
            one("a.jsonl", &format!("{{\"text\": {q}, \"label\": [[6, 2, \"PER\"]]}}\n")),
            &["line 1", "start must be less than its end"],
        ),
        (Format::Doccano, one("a.jsonl", "{\"text\": \"\\ud800\"}\n"), &["line 1", "not a doccano line", "hex escape"]),
        (Format::Spacy, one("a.spacy.jsonl", "{\"text\": \"x\", \"spans\": [{\"start\": 0}]}\n"), &["line 1", "missing field"]),
        (Format::W3c, one("a.jsonld", "{\"type\": \"AnnotationPage\", \"items\": []}"), &["no text", "partOf.value"]),
        (
            Format::W3c,
            one("a.jsonld", &format!("{{\"partOf\": {{\"value\": {q}}}, \"items\": [{{\"body\": [], \"target\": {{}}}}]}}")),
            &["Annotation 1", "no tagging body"],
        ),
        (
            Format::W3c,
            one("a.jsonld", &format!("{{\"partOf\": {{\"value\": {q}}}, \"items\": [{{\"body\": {{\"value\": \"PERSON\"}}, \"target\": {{\"selector\": {{\"type\": \"TextQuoteSelector\", \"exact\": \"Bob\"}}}}}}]}}")),
            &["quote \"Bob\" is not in the text"],
        ),
        (Format::LabelStudio, one("a.json", "[{\"annotations\": []}]"), &["not a Label Studio export"]),
        (
            Format::LabelStudio,
            one("a.json", "[{\"data\": {\"text\": \"Zoë\"}, \"annotations\": [{\"result\": [{\"type\": \"labels\", \"value\": {\"start\": 0}}]}]}]"),
            &["Task 1, region 1", "lacks start, end or labels"],
        ),
        (
            Format::LabelStudio,
            one("a.json", "[{\"data\": {\"text\": \"Zoë\"}, \"annotations\": [{\"result\": [{\"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 2, \"text\": \"Anna\", \"labels\": [\"PER\"]}}]}]}]"),
            &["says its text is \"Anna\""],
        ),
        (Format::Gloss, one("a.json", "{\"format\": \"gloss/3\"}"), &["a.json", "Not a Gloss document"]),
        (Format::Gloss, one("a.json", "{\"format\": \"gloss/2\"}\n{\"format\": \"gloss/2\"}\n"), &["a.json, line 1", "missing field"]),
        (Format::Doccano, vec![("a.jsonl", String::new())], &["no doccano document"]),
    ];
    for (format, files, expected) in cases {
        let message = import_text(&files, format).expect_err(&format!("{files:?} is refused"));
        for words in expected {
            assert!(
                message.contains(words),
                "{format:?} {files:?}: {message:?} lacks {words:?}"
            );
        }
        let problem = message
            .split_once(": ")
            .map_or(message.as_str(), |(_, p)| p);
        assert!(
            problem.starts_with(char::is_uppercase) && problem.ends_with('.'),
            "not a sentence: {message:?}"
        );
    }
}

#[test]
fn what_gloss_has_no_label_for_is_left_out_and_said() {
    // MISC is Gloss's own label now; MONEY has no counterpart.
    let conll = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\nlost VBD B-VP O\n$5 CD B-NP B-MONEY\n";
    let imported = import_text(&[("train.txt.conll", conll.into())], Format::Conll).unwrap();
    let doc = &imported.documents[0];
    assert_eq!(doc.text, "EU rejects German call\nPeter Blackburn lost $5");
    let found: Vec<(&str, &str)> = doc
        .annotations
        .iter()
        .map(|a| (a.text.as_str(), a.label.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("EU", "ORG"),
            ("German", "MISC"),
            ("Peter Blackburn", "PERSON")
        ]
    );
    assert_eq!(
        imported.notes,
        ["train.txt.conll: 1 mention labelled \"MONEY\" was left out: Gloss has no such label."]
    );
    let brat = "T1\tPERSON 2 6\tZoe\u{308}\nR1\tKnows Arg1:T1 Arg2:T1\nA1\tNegated T1\n#1\tAnnotatorNotes T1\tcheck spelling\n";
    let files = vec![
        ("b.ann", brat.to_string()),
        ("b.txt", "😀 Zoe\u{308} met Anna.".to_string()),
    ];
    let imported = import_text(&files, Format::Brat).unwrap();
    assert_eq!(imported.documents[0].annotations.len(), 1);
    assert_eq!(imported.notes.len(), 3, "{:?}", imported.notes);
    for words in [
        "1 relation was left out",
        "1 attribute was left out",
        "1 note that is not a TIMEX3 value",
    ] {
        assert!(
            imported.notes.iter().any(|n| n.contains(words)),
            "{:?}",
            imported.notes
        );
    }
}

#[test]
fn label_studio_utf16_offsets_of_old_versions_are_converted() {
    let task = "[{\"data\": {\"text\": \"🐱 Warning: This is a test text\"}, \"annotations\": [{\"result\": [{\"type\": \"labels\", \"value\": {\"start\": 22, \"end\": 26, \"text\": \"test\", \"labels\": [\"ORG\"]}}]}]}]";
    let doc = &import_text(&[("ls.json", task.into())], Format::LabelStudio)
        .unwrap()
        .documents[0];
    assert_eq!((doc.annotations[0].start, doc.annotations[0].end), (21, 25));
}

#[test]
fn a_batch_of_imports_says_what_each_document_is() {
    let lines = "{\"text\": \"Anna\", \"label\": [[0, 4, \"PER\"]], \"id\": 7}\n{\"text\": \"Kyiv\", \"label\": [[0, 4, \"LOC\"]]}\n";
    let imported = import_text(&[("d.jsonl", lines.into())], Format::Doccano).unwrap();
    let ids: Vec<String> = imported
        .documents
        .iter()
        .map(|d| d.id.as_ref().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["7", "d.jsonl#2"]);
    // One document alone needs no id.
    let one = import_text(
        &[("d.jsonl", "{\"text\": \"Anna\", \"label\": []}\n".into())],
        Format::Doccano,
    )
    .unwrap();
    assert_eq!(one.documents[0].id, None);
}

#[test]
fn the_brat_zip_holds_the_text_the_standoff_and_the_configuration() {
    let (_, document) = documents().remove(0);
    let zip = formats::export(&document, Format::BratZip);
    let imported = import(&[("x.brat.zip".into(), zip.clone())], Format::BratZip).unwrap();
    assert_eq!(imported.documents[0].text, document.text);
    let ann = formats::convert(&document, Format::Brat);
    // Stored, so the .ann and the text stand in the zip as they are.
    let contains = |needle: &[u8]| zip.windows(needle.len()).any(|w| w == needle);
    assert!(contains(ann.as_bytes()) && contains(document.text.as_bytes()));
    assert!(contains(b"annotation.conf") && contains(b"[entities]\nPERSON\nPLACE\n"));
}
