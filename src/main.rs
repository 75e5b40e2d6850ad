//! `gloss`, the command-line face of the core: annotate files or a JSON Lines
//! stream, and the developer commands (evaluate, train, benchmark).

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use gloss::calendar::Date;
use gloss::document::Document;
use gloss::formats::Format;
use gloss::Options;

const USAGE: &str = "\
usage:
  gloss annotate [--date YYYY-MM-DD] [FILE|-]...   annotate files (or stdin); one file prints
                                                 pretty JSON, several print one document per line
  gloss annotate --jsonl [--date YYYY-MM-DD]       stdin: JSON Lines {\"text\": ..., \"reference_date\": ...}
                                                 stdout: one document per line, in order
      --format conll|brat|doccano|w3c             write another export format instead of gloss/2 JSON
  gloss eval dates DIR                            score dates and times against TimeML files (TempEval-3)
  gloss eval names FILE                           score people/places/orgs against CoNLL-2003 data
  gloss eval entities DIR [--split dev]           score name grouping against GUM coreference (DIR: gum/)
  gloss train names --train FILE --valid FILE --out FILE
                                                 train the name model
  gloss bench [--silver FILE.jsonl [--mb N]] [FILE...]
                                                 print throughput, per-stage times and model load time
  gloss --version";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("annotate") => annotate_command(&args[1..]),
        Some("eval") => match args.get(1).map(String::as_str) {
            Some("dates") => gloss::temporal::eval::main(&args[2..]),
            Some("names") => gloss::ner::eval::main(&args[2..]),
            Some("entities") => match &args[2..] {
                [dir] => gloss::dev::eval_entities::run(dir).map(|()| true),
                [dir, flag, split] if flag == "--split" => {
                    gloss::dev::eval_entities::run_split(dir, split).map(|()| true)
                }
                _ => Err(format!("eval entities DIR [--split NAME]\n{USAGE}")),
            },
            _ => Err(format!(
                "eval what? `dates`, `names` or `entities`\n{USAGE}"
            )),
        },
        Some("train") => match args.get(1).map(String::as_str) {
            Some("names") => gloss::ner::train::main(&args[2..]),
            _ => Err(format!("train what? `names`\n{USAGE}")),
        },
        Some("bench") => gloss::ner::bench::main(&args[1..]),
        Some("--version" | "-V" | "version") => {
            println!("gloss {}", gloss::VERSION);
            Ok(true)
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            Ok(true)
        }
        Some(other) => Err(format!("unknown command {other:?}\n{USAGE}")),
        None => Err(USAGE.to_string()),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("gloss: {message}");
            ExitCode::from(2)
        }
    }
}

/// Today's date in UTC from the system clock.
fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let epoch = Date::new(1970, 1, 1).expect("valid date");
    epoch.add_days((seconds / 86_400) as i64).unwrap_or(epoch)
}

fn parse_date(value: &str) -> Result<Date, String> {
    Date::parse_iso(value)
        .ok_or_else(|| format!("bad date {value:?}: expected YYYY-MM-DD, a real calendar day"))
}

/// Runs `gloss annotate`. Returns `Ok(false)` if some input failed (each
/// failure was reported on stderr and printed nothing on stdout).
fn annotate_command(args: &[String]) -> Result<bool, String> {
    let mut reference_date = None;
    let mut jsonl = false;
    let mut format = None;
    let mut files = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--date" => {
                let value = rest.next().ok_or("--date needs a value (YYYY-MM-DD)")?;
                reference_date = Some(parse_date(value)?);
            }
            "--jsonl" => jsonl = true,
            "--format" => {
                let name = rest
                    .next()
                    .ok_or("--format needs a value: conll, brat, doccano or w3c")?;
                let known = Format::from_name(name).ok_or_else(|| {
                    format!("unknown format {name:?}: use conll, brat, doccano or w3c")
                })?;
                format = Some(known);
            }
            "-" => files.push(arg.clone()),
            flag if flag.starts_with("--date=") => reference_date = Some(parse_date(&flag[7..])?),
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option {flag:?}\n{USAGE}"))
            }
            _ => files.push(arg.clone()),
        }
    }
    let options = Options {
        reference_date,
        today: today(),
    };
    let write = |out: &mut BufWriter<io::StdoutLock<'static>>,
                 document: &Document,
                 pretty: bool| match format {
        Some(format) => out.write_all(gloss::formats::convert(document, format).as_bytes()),
        None => write_document(out, document, pretty),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if jsonl {
        if !files.is_empty() {
            return Err("--jsonl reads standard input only; give no files".into());
        }
        return annotate_jsonl(io::stdin().lock(), &mut out, &options, write)
            .map_err(|e| format!("writing output: {e}"));
    }
    if files.is_empty() {
        files.push("-".into());
    }
    let pretty = files.len() == 1;
    let mut all_ok = true;
    for file in &files {
        match read_text(file) {
            Ok(text) => {
                let document = gloss::annotate(&text, &options);
                write(&mut out, &document, pretty).map_err(|e| format!("writing output: {e}"))?;
            }
            Err(message) => {
                out.flush().map_err(|e| format!("writing output: {e}"))?;
                eprintln!("gloss: {message}");
                all_ok = false;
            }
        }
    }
    out.flush().map_err(|e| format!("writing output: {e}"))?;
    Ok(all_ok)
}

fn read_text(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let (name, read) = if file == "-" {
        ("standard input", io::stdin().lock().read_to_end(&mut bytes))
    } else {
        (
            file,
            std::fs::File::open(file).and_then(|mut f| f.read_to_end(&mut bytes)),
        )
    };
    read.map_err(|e| format!("{name}: cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn write_document(out: &mut impl Write, document: &Document, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, document)?;
    } else {
        serde_json::to_writer(&mut *out, document)?;
    }
    out.write_all(b"\n")
}

/// One line of `--jsonl` input.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonlRequest {
    text: String,
    #[serde(default)]
    reference_date: Option<String>,
}

/// Streams JSON Lines: one document out per request in, flushed per line.
/// A bad line is reported on stderr with its line number and skipped.
fn annotate_jsonl<W: Write>(
    input: impl BufRead,
    out: &mut W,
    options: &Options,
    write: impl Fn(&mut W, &Document, bool) -> io::Result<()>,
) -> io::Result<bool> {
    let mut all_ok = true;
    for (n, line) in input.split(b'\n').enumerate() {
        let line = line?;
        let result = std::str::from_utf8(&line)
            .map_err(|_| "not UTF-8 text".to_string())
            .and_then(|line| {
                if line.trim().is_empty() {
                    return Ok(None);
                }
                let request: JsonlRequest =
                    serde_json::from_str(line).map_err(|e| format!("malformed JSON: {e}"))?;
                let reference_date = match request.reference_date {
                    Some(date) => Some(parse_date(&date)?),
                    None => options.reference_date,
                };
                Ok(Some(gloss::annotate(
                    &request.text,
                    &Options {
                        reference_date,
                        today: options.today,
                    },
                )))
            });
        match result {
            Ok(Some(document)) => {
                write(out, &document, false)?;
                out.flush()?;
            }
            Ok(None) => {}
            Err(message) => {
                eprintln!("gloss: standard input line {}: {message}", n + 1);
                all_ok = false;
            }
        }
    }
    Ok(all_ok)
}
