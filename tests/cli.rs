//! The `gloss annotate` command as a user runs it: files, stdin, JSON Lines,
//! and every way input can be wrong (one-line error naming the file or line,
//! non-zero exit, nothing printed for the bad item); batches whose documents
//! say what they are, in every format; the same bytes on any thread count;
//! size limits; read versus write errors; a closed pipe.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use gloss::document::Document;

fn gloss(args: &[&str], stdin: &[u8]) -> Output {
    gloss_to(args, stdin, Stdio::piped())
}

/// Runs gloss with `stdin` as its input and `stdout` as its output.
fn gloss_to(args: &[&str], stdin: &[u8], stdout: Stdio) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("gloss runs");
    // Written from a thread, since gloss writes while it reads. A command
    // that refuses its arguments exits without reading stdin.
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
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
    let id = documents[0].id.as_ref().map(|id| id.to_string());
    assert_eq!(
        id.as_deref(),
        good.to_str(),
        "a batch's document names its file"
    );
    let errors = stderr(&output);
    let lines: Vec<&str> = errors.lines().collect();
    assert_eq!(lines.len(), 2, "{errors}");
    assert!(
        lines[0].contains("latin1.txt") && lines[0].contains("not UTF-8"),
        "{errors}"
    );
    assert!(
        lines[1].starts_with(&format!("gloss: Cannot read {missing}: ")) && lines[1].ends_with('.'),
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
        "{\"text\": \"extra\", \"colour\": 7}\n",
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
            errors.contains(&format!("gloss: Line {line} of standard input ")),
            "line {line} not reported:\n{errors}"
        );
    }
    assert_eq!(errors.lines().count(), 6, "{errors}");
    assert!(errors.lines().all(|l| l.ends_with('.')), "{errors}");
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

/// The `id` of each line of stdout, as JSON text.
fn ids(output: &Output) -> Vec<String> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            value["id"].to_string()
        })
        .collect()
}

#[test]
fn a_batch_says_what_each_document_is() {
    let input = concat!(
        "{\"text\": \"first\", \"id\": \"doc-a\"}\n",
        "{\"text\": \"second\", \"id\": 42}\n",
        "\n",
        "{\"text\": \"fourth\"}\n",
        "{\"text\": \"fifth\", \"id\": true}\n",
        "{\"text\": \"sixth\", \"id\": 1.5e3}\n",
    );
    let output = gloss(&["annotate", "--jsonl"], input.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    // Passed through as written; the line number when there is none.
    assert_eq!(ids(&output), ["\"doc-a\"", "42", "4", "1500.0"]);
    assert!(
        stderr(&output).contains("Line 5 of standard input")
            && stderr(&output).contains("a string or a number"),
        "{}",
        stderr(&output)
    );
    for document in stdout_lines(&output) {
        document.validate().unwrap();
    }
    // One file is one document, as it always was: no id.
    let file = fixture("unicode-mix.txt");
    let one = gloss(&["annotate", file.to_str().unwrap()], b"");
    let document: Document = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(document.id, None);
    let value: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(value.get("id"), None);
}

#[test]
fn every_format_writes_a_batch_that_keeps_its_documents_apart() {
    let a = fixture("unicode-mix.txt");
    let b = fixture("city-budget.txt");
    let files = [a.to_str().unwrap(), b.to_str().unwrap()];
    let run = |format: &str| {
        let output = gloss(
            &[
                &["annotate", "--date", "2025-12-21", "--format", format][..],
                &files,
            ]
            .concat(),
            b"",
        );
        (
            output.status.code(),
            String::from_utf8(output.stdout.clone()).unwrap(),
            stderr(&output),
        )
    };
    let quoted: Vec<String> = files
        .iter()
        .map(|f| serde_json::to_string(f).unwrap())
        .collect();
    // JSON formats: one line per document, carrying its id.
    for format in ["gloss", "doccano", "spacy"] {
        let (status, out, _) = run(format);
        assert_eq!(status, Some(0));
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2, "{format}");
        for (line, file) in lines.iter().zip(files) {
            assert_eq!(line["id"], file, "{format}");
            assert!(line["text"].as_str().unwrap().len() > 10, "{format}");
        }
    }
    let (_, out, _) = run("w3c");
    let pages: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(pages.len(), 2);
    for (page, file) in pages.iter().zip(files) {
        assert_eq!(page["type"], "AnnotationPage");
        assert_eq!(page["partOf"]["label"], file);
        assert!(!page["items"].as_array().unwrap().is_empty());
    }
    // CoNLL: each document opens with a -DOCSTART- line naming it.
    let (_, out, _) = run("conll");
    let starts: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("-DOCSTART-"))
        .collect();
    assert_eq!(
        starts,
        quoted
            .iter()
            .map(|q| format!("-DOCSTART- {q}\tO"))
            .collect::<Vec<_>>()
    );
    assert!(
        out.starts_with("-DOCSTART- ") && out.contains("\n\n-DOCSTART- "),
        "{out}"
    );
    // One file per text (brat, Label Studio, the CSVs, GeoJSON): a batch is
    // refused before anything is read.
    for format in [
        "brat",
        "label-studio",
        "mentions-csv",
        "entities-csv",
        "geojson",
    ] {
        let (status, out, errors) = run(format);
        assert_eq!((status, out.as_str()), (Some(2), ""), "{format}");
        assert!(
            errors.starts_with("gloss: A batch ") && errors.trim_end().ends_with('.'),
            "{format}: {errors}"
        );
    }
    let jsonl = gloss(
        &["annotate", "--jsonl", "--format", "brat"],
        b"{\"text\": \"a\"}\n",
    );
    assert_eq!(jsonl.status.code(), Some(2));
}

/// A few hundred requests, some of them bad, of varied length.
fn mixed_requests() -> Vec<u8> {
    let texts = [
        std::fs::read_to_string(fixture("ceasefire-talks.txt")).unwrap(),
        std::fs::read_to_string(fixture("unicode-mix.txt")).unwrap(),
        "Talks resume on Friday.".to_string(),
        String::new(),
    ];
    let mut input = String::new();
    for n in 0..300 {
        match n % 11 {
            3 => input.push_str("{\"text\": \"unterminated\n"),
            7 => input.push_str("{\"text\": \"bad\", \"reference_date\": \"2025-02-30\"}\n"),
            _ => {
                let request = serde_json::json!({
                    "text": texts[n % texts.len()],
                    "reference_date": "2025-12-21",
                    "id": format!("r{n}"),
                });
                input.push_str(&format!("{request}\n"));
            }
        }
    }
    input.into_bytes()
}

#[test]
fn threads_keep_the_input_order_and_the_output_bytes() {
    let input = mixed_requests();
    let one = gloss(&["annotate", "--jsonl", "--threads", "1"], &input);
    assert_eq!(one.status.code(), Some(1));
    let expected: Vec<String> = (0..300)
        .filter(|n| n % 11 != 3 && n % 11 != 7)
        .map(|n| format!("\"r{n}\""))
        .collect();
    assert_eq!(ids(&one), expected);
    let errors = stderr(&one);
    let bad_lines: Vec<usize> = (1..=300)
        .filter(|n| matches!((n - 1) % 11, 3 | 7))
        .collect();
    let named: Vec<String> = bad_lines
        .iter()
        .map(|n| format!("gloss: Line {n} of standard input "))
        .collect();
    assert_eq!(errors.lines().count(), named.len(), "{errors}");
    for (line, name) in errors.lines().zip(&named) {
        assert!(line.starts_with(name), "{line}");
    }
    for threads in ["2", "4"] {
        let many = gloss(&["annotate", "--jsonl", "--threads", threads], &input);
        assert_eq!(many.status.code(), Some(1));
        assert!(
            many.stdout == one.stdout,
            "--threads {threads} changed stdout"
        );
        assert_eq!(stderr(&many), errors, "--threads {threads}");
    }
    // Files too, a missing one among them.
    let a = fixture("ceasefire-talks.txt");
    let b = fixture("unicode-mix.txt");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let files = [a, b, "/nonexistent/x.txt", a, b, b, a];
    let run = |threads| {
        gloss(
            &[
                &["annotate", "--date", "2025-12-21", "--threads", threads][..],
                &files,
            ]
            .concat(),
            b"",
        )
    };
    let one = run("1");
    let four = run("4");
    assert_eq!(ids(&one).len(), 6);
    assert!(one.stdout == four.stdout);
    assert_eq!(stderr(&one), stderr(&four));
    assert_eq!(
        gloss(&["annotate", "--threads", "0"], b"").status.code(),
        Some(2)
    );
}

#[test]
fn inputs_over_the_size_limit_are_refused_by_name() {
    let long = format!("{{\"text\": \"{}\"}}\n", "word ".repeat(400));
    let input = format!("{{\"text\": \"short\"}}\n{long}{{\"text\": \"after\"}}\n");
    let output = gloss(
        &["annotate", "--jsonl", "--max-input-size", "1K"],
        input.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(1));
    let texts: Vec<String> = stdout_lines(&output).into_iter().map(|d| d.text).collect();
    assert_eq!(texts, ["short", "after"]);
    assert_eq!(
        stderr(&output),
        "gloss: Line 2 of standard input is larger than 1 KiB, the limit set by --max-input-size.\n"
    );
    // Under the default (64 MiB) the same line is fine.
    assert!(gloss(&["annotate", "--jsonl"], input.as_bytes())
        .status
        .success());
    let big = temp_file("big.txt", "word ".repeat(400).as_bytes());
    let small = fixture("unicode-mix.txt");
    let output = gloss(
        &[
            "annotate",
            "--max-input-size",
            "1999",
            big.to_str().unwrap(),
            small.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout_lines(&output).len(), 1);
    assert_eq!(
        stderr(&output),
        format!(
            "gloss: The file {} is larger than 1999 bytes, the limit set by --max-input-size.\n",
            big.display()
        )
    );
    for bad in ["0", "-1", "lots", "12Q"] {
        let output = gloss(&["annotate", "--max-input-size", bad], b"");
        assert_eq!(output.status.code(), Some(2), "{bad}");
    }
}

#[test]
fn read_errors_and_write_errors_are_told_apart() {
    // A folder given as a file: that input cannot be read, the others go on.
    let dir = std::env::temp_dir();
    let good = fixture("unicode-mix.txt");
    let output = gloss(
        &["annotate", dir.to_str().unwrap(), good.to_str().unwrap()],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout_lines(&output).len(), 1);
    let errors = stderr(&output);
    assert!(
        errors.starts_with(&format!("gloss: Cannot read {}: ", dir.display()))
            && errors.ends_with(".\n"),
        "{errors}"
    );
    assert_eq!(errors.lines().count(), 1);
    // A full disk: the run stops with a write error, status 2.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = gloss_to(&["annotate", "--jsonl"], &mixed_requests(), full.into());
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(
        errors.starts_with("gloss: Writing the output failed: ") && errors.ends_with(".\n"),
        "{errors}"
    );
    assert!(!errors.contains("Cannot read"), "{errors}");
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["annotate", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // Far more output than a pipe holds, so gloss is still writing when
    // the reader goes, as with `gloss annotate --jsonl < big.jsonl | head -c 10`.
    let writer = std::thread::spawn(move || {
        let line = b"{\"text\": \"Talks resume on Friday in Kyiv.\"}\n";
        for _ in 0..20_000 {
            if input.write_all(line).is_err() {
                break;
            }
        }
    });
    let mut first = [0; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    assert_eq!(&first, b"{\"format\":");
    // stdout is dropped here: the pipe's only reader is gone.
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
}

fn import_fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/imports")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn import_reads_other_tools_files_and_converts_between_formats() {
    // brat's pair, in any order, to gloss/2: one document, pretty, no id.
    let (ann, txt) = (import_fixture("brat.ann"), import_fixture("brat.txt"));
    let output = gloss(&["import", "--date", "2025-12-21", &txt, &ann], b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let document: Document = serde_json::from_slice(&output.stdout).unwrap();
    document.validate().unwrap();
    assert_eq!(document.id, None);
    assert_eq!(document.reference_date, "2025-12-21");
    assert_eq!(document.annotations.len(), 6);
    // What has no place in Gloss is told, on standard error.
    assert!(
        stderr(&output).contains("gloss: ") && stderr(&output).contains("1 relation was left out")
    );
    // From one format to another: doccano to CoNLL, a batch with its ids.
    let doccano = import_fixture("doccano.jsonl");
    let output = gloss(
        &["import", "--from", "doccano", "--format", "conll", &doccano],
        b"",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let conll = String::from_utf8(output.stdout).unwrap();
    assert!(
        conll.starts_with("-DOCSTART- 17\tO\n\n😀\tO\nZoe\u{308}\tB-PERSON\n"),
        "{conll}"
    );
    assert!(conll.contains(&format!(
        "-DOCSTART- {}\tO",
        serde_json::json!(format!("{doccano}#2"))
    )));
    // A batch in JSON Lines: every document with its id.
    let output = gloss(&["import", &doccano, &import_fixture("gloss1.json")], b"");
    assert_eq!(
        output.status.code(),
        Some(2),
        "two formats at once are refused"
    );
    assert!(
        stderr(&output).contains("several formats"),
        "{}",
        stderr(&output)
    );
    let output = gloss(&["import", &doccano], b"");
    let ids: Vec<String> = stdout_lines(&output)
        .iter()
        .map(|d| d.id.as_ref().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["17".to_string(), format!("{doccano}#2")]);
    // Export, import, export: the same bytes.
    let article = fixture("unicode-mix.txt");
    for format in [
        "conll",
        "doccano",
        "w3c",
        "spacy",
        "label-studio",
        "brat-zip",
        "gloss",
    ] {
        let first = gloss(
            &[
                "annotate",
                "--date",
                "2025-12-21",
                "--format",
                format,
                article.to_str().unwrap(),
            ],
            b"",
        );
        let file = temp_file(&format!("round.{format}.export"), &first.stdout);
        let again = gloss(
            &[
                "import",
                "--from",
                format,
                "--format",
                format,
                file.to_str().unwrap(),
            ],
            b"",
        );
        assert_eq!(again.status.code(), Some(0), "{format}: {}", stderr(&again));
        assert!(
            again.stdout == first.stdout,
            "{format} changed in the round trip"
        );
    }
}

#[test]
fn a_malformed_import_prints_nothing_and_says_where() {
    let bad = temp_file("bad.conll", "Zoë\tB-PER\nmet\n".as_bytes());
    let output = gloss(&["import", bad.to_str().unwrap()], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let message = stderr(&output);
    assert!(
        message.starts_with("gloss: ")
            && message.contains("bad.conll, line 2: ")
            && message.contains("Nothing was imported."),
        "{message}"
    );
    let output = gloss(&["import", import_fixture("brat.ann").as_str()], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("brat.txt, which must be given with it"),
        "{}",
        stderr(&output)
    );
    let unknown = temp_file("notes.md", b"# notes\n");
    let output = gloss(&["import", unknown.to_str().unwrap()], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("Name it with --from."),
        "{}",
        stderr(&output)
    );
    let output = gloss(
        &["import", "--from", "geojson", unknown.to_str().unwrap()],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("Gloss does not import \"geojson\""),
        "{}",
        stderr(&output)
    );
}
