//! The `gloss annotate` command as a user runs it: files, stdin, JSON Lines,
//! and every way input can be wrong (one-line error naming the file or line,
//! non-zero exit, nothing printed for the bad item).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use gloss::document::Document;

fn gloss(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gloss runs");
    // A command that refuses its arguments exits without reading stdin.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn stdout_lines(output: &Output) -> Vec<Document> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).expect("each stdout line is one JSON document"))
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gloss-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn one_file_prints_the_golden_document() {
    let path = fixture("ceasefire-talks.txt");
    let output = gloss(
        &["annotate", "--date", "2025-12-21", path.to_str().unwrap()],
        b"",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let golden = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/ceasefire-talks.json"),
    )
    .unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), golden);
}

#[test]
fn stdin_and_dash_read_standard_input() {
    for args in [
        &["annotate", "--date=2025-12-21"][..],
        &["annotate", "--date", "2025-12-21", "-"],
    ] {
        let output = gloss(args, "Zoë 😀 wrote.".as_bytes());
        assert!(output.status.success());
        let document: Document = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(document.text, "Zoë 😀 wrote.");
        assert_eq!(document.reference_date, "2025-12-21");
    }
}

#[test]
fn without_a_date_the_reference_is_today_or_a_dateline() {
    let output = gloss(&["annotate"], b"no date here");
    let document: Document = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        serde_json::to_value(document.reference_date_source).unwrap(),
        "today"
    );
    assert!(gloss::calendar::Date::parse_iso(&document.reference_date).is_some());
}

#[test]
fn several_files_print_one_line_each_and_a_bad_file_only_an_error() {
    let good = fixture("city-budget.txt");
    let not_utf8 = temp_file("latin1.txt", b"caf\xe9 au lait");
    let missing = "/nonexistent/gloss/article.txt";
    let output = gloss(
        &[
            "annotate",
            "--date",
            "2025-12-21",
            good.to_str().unwrap(),
            not_utf8.to_str().unwrap(),
            missing,
            good.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    let documents = stdout_lines(&output);
    assert_eq!(
        documents.len(),
        2,
        "the two good files, nothing for the bad ones"
    );
    assert_eq!(documents[0], documents[1]);
    let errors = stderr(&output);
    let lines: Vec<&str> = errors.lines().collect();
    assert_eq!(lines.len(), 2, "{errors}");
    assert!(
        lines[0].contains("latin1.txt") && lines[0].contains("not UTF-8"),
        "{errors}"
    );
    assert!(
        lines[1].contains(missing) && lines[1].contains("cannot read"),
        "{errors}"
    );
}

#[test]
fn bad_dates_and_options_are_refused_before_any_output() {
    for args in [
        &["annotate", "--date", "2025-02-30"][..],
        &["annotate", "--date", "21/12/2025"],
        &["annotate", "--date"],
        &["annotate", "--frobnicate"],
        &["annotate", "--jsonl", "file.txt"],
        &["frobnicate"],
        &["train", "names", "--out", "model.bin"],
        &["train", "names", "clusters", "--text", "silver.jsonl"],
        &["eval", "names", "--calibrate", "--show-errors", "valid.txt"],
        &["eval", "dates"],
        &["bench", "--mb", "1"],
        &["bench", "--silver", "silver.jsonl", "--mb", "0"],
    ] {
        let output = gloss(args, b"text");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert_eq!(
            stderr(&output)
                .lines()
                .next()
                .map(|l| l.starts_with("gloss: ")),
            Some(true),
            "{args:?}"
        );
    }
}

#[test]
fn jsonl_streams_one_document_per_request_in_order() {
    let input = concat!(
        "{\"text\": \"First 😀 line\", \"reference_date\": \"2025-12-21\"}\n",
        "\n",
        "{\"text\": \"no date given\", \"reference_date\": null}\n",
        "{\"text\": \"third\"}\n",
    );
    let output = gloss(
        &["annotate", "--jsonl", "--date", "2024-01-02"],
        input.as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let documents = stdout_lines(&output);
    let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["First 😀 line", "no date given", "third"]);
    // A line's own date wins; otherwise --date applies.
    let dates: Vec<&str> = documents
        .iter()
        .map(|d| d.reference_date.as_str())
        .collect();
    assert_eq!(dates, ["2025-12-21", "2024-01-02", "2024-01-02"]);
}

#[test]
fn jsonl_reports_bad_lines_by_number_and_keeps_going() {
    let input = concat!(
        "{\"text\": \"good one\", \"reference_date\": \"2025-12-21\"}\n",
        "{\"text\": \"unterminated\n",
        "{\"text\": 42}\n",
        "{\"text\": \"bad date\", \"reference_date\": \"2025-13-01\"}\n",
        "{\"text\": \"extra\", \"id\": 7}\n",
        "[1, 2]\n",
        "{\"text\": \"good two\", \"reference_date\": \"2025-12-21\"}",
    );
    let mut bytes = input.as_bytes().to_vec();
    bytes.extend_from_slice(b"\n{\"text\": \"caf\xe9\"}\n");
    let output = gloss(&["annotate", "--jsonl"], &bytes);
    assert_eq!(output.status.code(), Some(1));
    let texts: Vec<String> = stdout_lines(&output).into_iter().map(|d| d.text).collect();
    assert_eq!(texts, ["good one", "good two"]);
    let errors = stderr(&output);
    for line in [2, 3, 4, 5, 6, 8] {
        assert!(
            errors.contains(&format!("standard input line {line}: ")),
            "line {line} not reported:\n{errors}"
        );
    }
    assert_eq!(errors.lines().count(), 6, "{errors}");
}

#[test]
fn version_and_help() {
    let output = gloss(&["--version"], b"");
    assert_eq!(
        String::from_utf8(output.stdout).unwrap().trim(),
        format!("gloss {}", gloss::VERSION)
    );
    let output = gloss(&["--help"], b"");
    assert!(String::from_utf8(output.stdout)
        .unwrap()
        .contains("gloss annotate --jsonl"));
}

#[test]
fn other_formats_are_one_flag_away() {
    let text = "Zoë 😀 met Anna.".as_bytes();
    let conll = gloss(
        &["annotate", "--date", "2025-12-21", "--format", "conll"],
        text,
    );
    assert!(conll.status.success());
    let lines = String::from_utf8(conll.stdout).unwrap();
    assert!(lines.starts_with("Zoë\t"), "{lines}");
    assert!(
        lines
            .lines()
            .all(|l| l.is_empty() || l.split('\t').count() == 2),
        "{lines}"
    );
    let doccano = gloss(
        &["annotate", "--jsonl", "--format", "doccano"],
        b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n",
    );
    let rows: Vec<serde_json::Value> = String::from_utf8(doccano.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        rows.iter()
            .map(|r| r["text"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["a", "b"]
    );
    let unknown = gloss(&["annotate", "--format", "xml"], b"");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("unknown format \"xml\""));
    // The message and the usage name every format of the core's table.
    let help = String::from_utf8(gloss(&["--help"], b"").stdout).unwrap();
    for f in gloss::formats::FORMATS {
        assert!(stderr(&unknown).contains(f.name), "{}", f.name);
        assert!(help.contains(f.name), "{}", f.name);
    }
    // `--format gloss` is the default output, pretty for one file, one line each in a batch.
    let args = ["annotate", "--date", "2025-12-21"];
    let file = fixture("unicode-mix.txt");
    let file = file.to_str().unwrap();
    for files in [vec![file], vec![file, file]] {
        let plain = gloss(&[&args[..], &files].concat(), b"");
        let named = gloss(&[&args[..], &["--format", "gloss"], &files].concat(), b"");
        assert!(named.status.success());
        assert_eq!(named.stdout, plain.stdout);
    }
}
