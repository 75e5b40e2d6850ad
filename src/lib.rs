//! Gloss finds the people, places, organisations, dates and times in a news
//! article and exports them as annotated JSON.
//!
//! The pipeline is visible in [`annotate`]:
//! tokenize ([`tokenize`]) → recognize ([`temporal`], [`ner`]) → resolve
//! overlaps ([`resolve`]) → relabel unsure names by their majority label and
//! group names into entities ([`entities`]) →
//! export ([`document`], offsets in code points).
//!
//! ```
//! let options = gloss::Options::with_reference_date("2025-12-21").unwrap();
//! let doc = gloss::annotate("Talks resumed on December 5.", &options);
//! assert_eq!(doc.annotations[0].text, "December 5");
//! assert_eq!(doc.annotations[0].value.as_deref(), Some("2025-12-05"));
//! ```
#![warn(missing_docs)]

pub mod calendar;
#[cfg(not(target_arch = "wasm32"))]
pub mod dev;
pub mod document;
pub mod entities;
pub mod formats;
pub mod labels;
pub mod ner;
pub mod places;
pub mod recognize;
pub mod resolve;
pub mod span;
pub mod temporal;
pub mod timeline;
pub mod tokenize;
#[cfg(target_arch = "wasm32")]
mod wasm;

use calendar::Date;
use document::{Annotation, Document, ReferenceDateSource, Source, FORMAT};
use recognize::{Context, Recognizer};

/// The crate version, as shown by `gloss --version` and the page.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// How to annotate a text.
#[derive(Clone, Debug)]
pub struct Options {
    /// The date to resolve "yesterday" and "on Friday" against; when `None`, a
    /// dateline in the text is used, else `today`.
    pub reference_date: Option<Date>,
    /// Today's date, supplied by the caller (the core never reads a clock).
    pub today: Date,
}

impl Options {
    /// Options with a fixed reference date given as `YYYY-MM-DD`.
    pub fn with_reference_date(iso: &str) -> Option<Options> {
        let date = Date::parse_iso(iso)?;
        Some(Options {
            reference_date: Some(date),
            today: date,
        })
    }
}

/// Recognizers in order of precedence for equally long overlapping mentions.
fn recognizers() -> [&'static dyn Recognizer; 2] {
    [
        &temporal::TemporalRecognizer,
        ner::NameRecognizer::embedded(),
    ]
}

/// Work per byte of text of each step, for progress: tokenizing, each
/// recognizer of [`recognizers`] in order, then resolving and linking
/// (roughly their shares of the time in `gloss bench`).
const TOKENIZE_WORK: usize = 1;
const RECOGNIZER_WORK: [usize; 2] = [5, 12];
const LINK_WORK: usize = 1;

/// Annotates `text`. Any text is valid input; the result is deterministic.
pub fn annotate(text: &str, options: &Options) -> Document {
    annotate_with_progress(text, options, &mut |_, _| {})
}

/// Annotates `text` as [`annotate`] does (the same document), calling
/// `progress(done, total)` as the work advances: `done` rises from 0 to
/// `total`, so `done / total` is the share done (the page's progress bar).
pub fn annotate_with_progress(
    text: &str,
    options: &Options,
    progress: &mut dyn FnMut(usize, usize),
) -> Document {
    let bytes = text.len().max(1);
    let total = bytes * (TOKENIZE_WORK + RECOGNIZER_WORK.iter().sum::<usize>() + LINK_WORK);
    progress(0, total);
    let tokenized = tokenize::tokenize(text);
    let mut done = bytes * TOKENIZE_WORK;
    progress(done, total);
    let (reference_date, reference_date_source) = match options.reference_date {
        Some(date) => (date, ReferenceDateSource::Given),
        None => match temporal::dateline::find_near(text, options.today) {
            Some(date) => (date, ReferenceDateSource::Dateline),
            None => (options.today, ReferenceDateSource::Today),
        },
    };
    let context = Context {
        text,
        tokenized: &tokenized,
        reference_date,
    };
    let mut candidates = Vec::new();
    for (rank, recognizer) in recognizers().into_iter().enumerate() {
        let mut found = Vec::new();
        let work = RECOGNIZER_WORK[rank];
        recognizer.recognize_with_progress(&context, &mut found, &mut |finished| {
            progress(done + finished.min(bytes) * work, total)
        });
        done += bytes * work;
        candidates.extend(found.into_iter().map(|m| (rank, m)));
    }
    let index = span::CharIndex::new(text);
    let mut annotations: Vec<Annotation> = resolve::resolve(text, candidates)
        .into_iter()
        .map(|m| Annotation {
            start: index.char_of_byte(m.start),
            end: index.char_of_byte(m.end),
            label: m.label,
            text: text[m.start..m.end].to_string(),
            value: m.value,
            confidence: m
                .confidence
                .map(|c| (c.clamp(0.0, 1.0) * 1000.0).round() / 1000.0),
            source: Source::Model,
            entity: None,
        })
        .collect();
    entities::feedback::relabel_by_majority(&mut annotations);
    entities::feedback::relabel_surnames(&mut annotations);
    entities::feedback::relabel_lists(text, &index, &mut annotations);
    entities::feedback::add_defined_acronyms(text, &index, &mut annotations);
    entities::feedback::relabel_acronyms(&mut annotations);
    let linked = entities::link(text, &mut annotations, &entities::EntityEdits::default());
    progress(total, total);
    Document {
        format: FORMAT.to_string(),
        id: None,
        text: text.to_string(),
        reference_date: reference_date.to_string(),
        reference_date_source,
        annotations,
        entities: linked.entities,
        edits: entities::EntityEdits::default(),
    }
}
