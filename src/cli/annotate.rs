//! `gloss annotate`: files or a JSON Lines stream in, documents out in the
//! chosen format, in input order. One file (or standard input) gives one
//! document as is; a batch (several files, or `--jsonl`) gives documents that
//! carry an `id` (the file path, or the request's `id`, else its line
//! number), written as the format lays out several documents. Every input
//! that fails is reported on one line naming it, in order, and the others go
//! on; a failed write ends the run, quietly when stdout was closed.

use std::fmt;
use std::io::{self, Write};

use gloss::calendar::DateError;
use gloss::document::DocumentId;
use gloss::formats::{self, Format};
use gloss::Options;

use super::input::{self, Lines};
use super::ordered;

/// What `gloss annotate` was asked to do.
pub struct Settings {
    /// Reference date (or none) and today.
    pub options: Options,
    /// The output format.
    pub format: Format,
    /// Read JSON Lines requests from standard input.
    pub jsonl: bool,
    /// Text files; `-` is standard input.
    pub files: Vec<String>,
    /// Threads that annotate.
    pub threads: usize,
    /// The largest file or JSON line read, in bytes.
    pub max_input_size: u64,
}

/// How a run ended, when it did not end well.
#[derive(Debug)]
pub enum Failure {
    /// Some inputs failed; each was reported and printed nothing (status 1).
    SomeInputs,
    /// The settings cannot work: nothing was read or written (status 2).
    Refused(String),
    /// Writing standard output failed (status 2, or 0 when it was closed).
    Output(io::Error),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::SomeInputs => f.write_str("Some inputs were not annotated."),
            Failure::Refused(why) => f.write_str(why),
            Failure::Output(error) => write!(f, "Writing the output failed: {error}."),
        }
    }
}

/// Why one input (a file, standard input, or one JSON Lines request) was
/// not annotated.
#[derive(Debug)]
enum InputError {
    /// The input could not be read.
    Unreadable(io::Error),
    /// The input is longer than `--max-input-size`.
    TooLarge(u64),
    /// The bytes are not UTF-8; the offset of the first bad byte.
    NotUtf8(usize),
    /// A JSON Lines request is not `{"text": ..., "reference_date": ..., "id": ...}`.
    MalformedRequest(serde_json::Error),
    /// A JSON Lines request's reference date is refused.
    BadDate(DateError),
}

/// An input, as messages name it.
#[derive(Clone, Debug)]
enum Name {
    File(String),
    Stdin,
    Line(usize),
    /// Standard input failed after this many lines.
    AfterLine(usize),
}

impl Name {
    /// The name at the start of a sentence.
    fn subject(&self) -> String {
        match self {
            Name::File(path) => format!("The file {path}"),
            Name::Stdin => "Standard input".to_string(),
            Name::Line(n) => format!("Line {n} of standard input"),
            Name::AfterLine(0) => Name::Stdin.subject(),
            Name::AfterLine(n) => format!("Standard input after line {n}"),
        }
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Name::File(path) => f.write_str(path),
            Name::Stdin => f.write_str("standard input"),
            Name::Line(n) => write!(f, "line {n} of standard input"),
            Name::AfterLine(0) => Name::Stdin.fmt(f),
            Name::AfterLine(n) => write!(f, "standard input after line {n}"),
        }
    }
}

impl InputError {
    /// The one-line message for input `name`: a full sentence.
    fn message(&self, name: &Name) -> String {
        let subject = name.subject();
        match self {
            InputError::Unreadable(error) => format!("Cannot read {name}: {error}."),
            InputError::TooLarge(limit) => format!(
                "{subject} is larger than {}, the limit set by --max-input-size.",
                size_name(*limit)
            ),
            InputError::NotUtf8(offset) => {
                format!("{subject} is not UTF-8 text (invalid byte at offset {offset}).")
            }
            InputError::MalformedRequest(error) => format!(
                "{subject} is not a request {{\"text\": ..., \"reference_date\": ..., \"id\": ...}}: {error}."
            ),
            InputError::BadDate(error) => {
                format!("{subject} gives a reference_date that is refused: {error}")
            }
        }
    }
}

/// "64 MiB", "1 KiB", "1000 bytes".
pub fn size_name(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (unit, name) in UNITS {
        if bytes >= unit && bytes % unit == 0 {
            return format!("{} {name}", bytes / unit);
        }
    }
    format!("{bytes} bytes")
}

/// Reads `--max-input-size`: bytes, or a number with K, M or G (powers of 1024).
pub fn parse_size(value: &str) -> Result<u64, String> {
    let lower = value.trim().to_ascii_lowercase();
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = match lower[digits.len()..]
        .trim_end_matches("ib")
        .trim_end_matches('b')
    {
        "" => 1,
        "k" => 1 << 10,
        "m" => 1 << 20,
        "g" => 1 << 30,
        _ => 0,
    };
    digits
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{value:?} is not a size such as 64M, 512K or 1000000."))
}

/// One input as read: what it is called in messages, its id in a batch, and
/// its bytes (or why there are none).
struct Item {
    /// What messages call it.
    name: Name,
    /// Its id in a batch: the path, or the line number for a request without one.
    id: Option<DocumentId>,
    /// The file's text, or the request line; or why it was not read.
    bytes: Result<Vec<u8>, InputError>,
    /// The bytes are a JSON Lines request rather than text.
    request: bool,
}

/// One line of `--jsonl` input.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Request {
    text: String,
    #[serde(default)]
    reference_date: Option<String>,
    #[serde(default)]
    id: Option<DocumentId>,
}

/// An item's output bytes, or its one-line error message.
type Outcome = Result<Vec<u8>, String>;

/// Runs `gloss annotate` with `settings`, writing documents to `out` and
/// one line per failed input to standard error.
pub fn run(settings: Settings, out: &mut impl Write) -> Result<(), Failure> {
    let batch = settings.jsonl || settings.files.len() > 1;
    if batch {
        refuse_batch(settings.format)?;
    }
    let Settings {
        options,
        format,
        jsonl,
        mut files,
        threads,
        max_input_size: limit,
    } = settings;
    if files.is_empty() {
        files.push("-".into());
    }
    let produce = move |send: &mut dyn FnMut(Item) -> bool| {
        if jsonl {
            read_requests(limit, send);
        } else {
            for file in files {
                if !send(read_file(file, batch, limit)) {
                    return;
                }
            }
        }
    };
    let work = move |item: Item| annotate_item(item, &options, format, batch);
    let mut all_ok = true;
    ordered::run(
        threads,
        produce,
        work,
        |outcome: Option<Outcome>| match outcome {
            Some(Ok(bytes)) => out.write_all(&bytes),
            Some(Err(message)) => {
                // Errors and documents reach the terminal in input order.
                out.flush()?;
                eprintln!("gloss: {message}");
                all_ok = false;
                Ok(())
            }
            None => out.flush(),
        },
    )
    .map_err(Failure::Output)?;
    if all_ok {
        Ok(())
    } else {
        Err(Failure::SomeInputs)
    }
}

/// Refuses to write a batch in a format that is one file per text, with no
/// layout for several.
pub fn refuse_batch(format: Format) -> Result<(), Failure> {
    let one_file_each = matches!(
        format,
        Format::Brat
            | Format::BratZip
            | Format::LabelStudio
            | Format::MentionsCsv
            | Format::EntitiesCsv
            | Format::Geojson
    );
    if one_file_each {
        return Err(Failure::Refused(format!(
            "A batch (--jsonl or several files) cannot be written as {}, which is one file \
             per text: annotate one file at a time, or use another format.",
            format.info().title
        )));
    }
    Ok(())
}

/// The bytes of `document` in `format`: as a batch lays it out (a line of
/// JSON Lines, where the format has one), or as one file.
pub fn write_document(
    document: &gloss::document::Document,
    format: Format,
    batch: bool,
) -> Vec<u8> {
    let line = if batch {
        formats::convert_line(document, format)
    } else {
        None
    };
    line.map_or_else(|| formats::export(document, format), String::into_bytes)
}

/// Sends each line of standard input as a request, up to the first read error.
fn read_requests(limit: u64, send: &mut dyn FnMut(Item) -> bool) {
    let mut last = 0;
    for line in Lines::new(io::stdin().lock(), limit) {
        let item = match line {
            Ok(line) => {
                last = line.number;
                if line.bytes.as_ref().is_some_and(|b| is_blank(b)) {
                    continue;
                }
                Item {
                    name: Name::Line(line.number),
                    id: Some(DocumentId::Number(line.number.into())),
                    bytes: line.bytes.ok_or(InputError::TooLarge(limit)),
                    request: true,
                }
            }
            Err(error) => {
                send(Item {
                    name: Name::AfterLine(last),
                    id: None,
                    bytes: Err(InputError::Unreadable(error)),
                    request: true,
                });
                return;
            }
        };
        if !send(item) {
            return;
        }
    }
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

fn read_file(file: String, batch: bool, limit: u64) -> Item {
    let (name, read) = if file == "-" {
        (Name::Stdin, input::read_limited(io::stdin().lock(), limit))
    } else {
        let read = std::fs::File::open(&file).and_then(|f| input::read_limited(f, limit));
        (Name::File(file.clone()), read)
    };
    Item {
        name,
        id: batch.then_some(DocumentId::Text(file)),
        bytes: match read {
            Ok(Some(bytes)) => Ok(bytes),
            Ok(None) => Err(InputError::TooLarge(limit)),
            Err(error) => Err(InputError::Unreadable(error)),
        },
        request: false,
    }
}

/// Annotates one item and writes it in `format`, or says why not.
fn annotate_item(item: Item, options: &Options, format: Format, batch: bool) -> Outcome {
    let name = item.name;
    let fail = |error: InputError| error.message(&name);
    let bytes = item.bytes.map_err(fail)?;
    let text = String::from_utf8(bytes)
        .map_err(|e| fail(InputError::NotUtf8(e.utf8_error().valid_up_to())))?;
    let (text, options, id) = if item.request {
        let request: Request =
            serde_json::from_str(&text).map_err(|e| fail(InputError::MalformedRequest(e)))?;
        let reference_date = match request.reference_date {
            Some(date) => Some(date.parse().map_err(|e| fail(InputError::BadDate(e)))?),
            None => options.reference_date,
        };
        let options = Options {
            reference_date,
            today: options.today,
        };
        (request.text, options, request.id.or(item.id))
    } else {
        (text, options.clone(), item.id)
    };
    let mut document = gloss::annotate(&text, &options);
    drop(text);
    document.id = id;
    Ok(write_document(&document, format, batch))
}
