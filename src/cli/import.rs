//! `gloss import`: files of another tool's format (or Gloss JSON) in,
//! `gloss/3` documents (or another export format) out, through the core's
//! importers ([`gloss::formats::import`]). All or nothing: a file that cannot
//! be read or is malformed prints one message naming it (and its line), no
//! document, and makes the exit status 1.

use std::io::Write;

use gloss::formats::{self, Format, ImportOptions, Input};

use super::annotate::{refuse_batch, write_document, Failure};
use super::input;

/// What `gloss import` was asked to do.
pub struct Settings {
    /// The files' format; `None` tells it from their names and content.
    pub from: Option<Format>,
    /// The output format.
    pub format: Format,
    /// The reference date of documents that carry none, and today.
    pub options: ImportOptions,
    /// The files (a brat `.ann` with its `.txt`).
    pub files: Vec<String>,
    /// The largest file read, in bytes.
    pub max_input_size: u64,
}

/// Runs `gloss import`: documents to `out`, notes on what was left out to standard error.
pub fn run(settings: Settings, out: &mut impl Write) -> Result<(), Failure> {
    let fail = |message: String| {
        eprintln!("gloss: {message}");
        Failure::SomeInputs
    };
    let mut read = Vec::new();
    for file in &settings.files {
        let bytes = std::fs::File::open(file)
            .and_then(|f| input::read_limited(f, settings.max_input_size))
            .map_err(|e| fail(format!("Cannot read {file}: {e}. Nothing was imported.")))?
            .ok_or_else(|| {
                fail(format!(
                    "The file {file} is larger than {}, the limit set by --max-input-size. \
                     Nothing was imported.",
                    super::annotate::size_name(settings.max_input_size)
                ))
            })?;
        read.push((file.as_str(), bytes));
    }
    let inputs: Vec<Input> = read
        .iter()
        .map(|(name, bytes)| Input { name, bytes })
        .collect();
    let from = settings
        .from
        .or_else(|| formats::detect(&inputs))
        .ok_or_else(|| {
            Failure::Refused(format!(
                "{} Name it with --from.",
                formats::undetected(&inputs)
            ))
        })?;
    let imported = formats::import(from, &inputs, &settings.options)
        .map_err(|e| fail(format!("{e} Nothing was imported.")))?;
    for note in &imported.notes {
        eprintln!("gloss: {note}");
    }
    let batch = imported.documents.len() > 1;
    if batch {
        refuse_batch(settings.format)?;
    }
    for document in &imported.documents {
        out.write_all(&write_document(document, settings.format, batch))
            .map_err(Failure::Output)?;
    }
    out.flush().map_err(Failure::Output)
}

/// The names `--from` takes.
pub fn importable_names() -> Vec<&'static str> {
    formats::FORMATS
        .iter()
        .filter(|f| f.format.is_importable())
        .map(|f| f.name)
        .collect()
}
