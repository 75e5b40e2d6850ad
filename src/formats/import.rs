//! What every importer shares: the files given ([`Input`]), the mentions a
//! reader finds in them ([`Draft`], [`Mention`], in code points and in the
//! file's own label names), and the one step that makes them a valid
//! `gloss/3` [`Document`] ([`build`]): labels mapped through the label table,
//! offsets and texts checked, overlaps settled, entities linked and the
//! GeoNames records the file names kept as `place` edits. A malformed file is
//! an [`ImportError`] naming the file and line; what is read but has no place
//! in Gloss (a MISC mention, a relation) is left out and told in a note.

use std::collections::BTreeMap;
use std::fmt;

use crate::calendar::Date;
use crate::document::{
    Annotation, Document, DocumentId, Label, ReferenceDateSource, Source, FORMAT,
};
use crate::entities::{self, EntityEdit, EntityEdits, MentionRef};
use crate::span::CharIndex;

/// One file given to import: its name (a path, or the name the page was
/// given) and its bytes.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// The file's name; its extension helps tell the format.
    pub name: &'a str,
    /// Its bytes, UTF-8 text except for a zip.
    pub bytes: &'a [u8],
}

/// The reference date of imported documents that do not carry one (every
/// format but Gloss's own): the date given, else today.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// The date given (`--date`, the page's date field).
    pub reference_date: Option<Date>,
    /// Today.
    pub today: Date,
}

/// What an import gives: the documents, in file order, and the notes that
/// say what was left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The documents read, each valid `gloss/3`.
    pub documents: Vec<Document>,
    /// One sentence per thing read but left out ("2 mentions labelled MISC…").
    pub notes: Vec<String>,
}

/// Why an import was refused: a file (and a line of it) breaks its format.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportError {
    /// The file's name.
    pub file: String,
    /// The line the problem is on, from 1, when there is one.
    pub line: Option<usize>,
    /// What is wrong, a full sentence.
    pub problem: String,
}

impl ImportError {
    pub(super) fn new(file: &str, line: Option<usize>, problem: impl Into<String>) -> ImportError {
        ImportError {
            file: file.to_string(),
            line,
            problem: problem.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}, line {line}: {}", self.file, self.problem),
            None => write!(f, "{}: {}", self.file, self.problem),
        }
    }
}

impl std::error::Error for ImportError {}

/// One mention as a file gives it, before it is checked.
#[derive(Clone, Debug, Default)]
pub(super) struct Mention {
    /// Code-point offsets into the draft's text.
    pub start: usize,
    pub end: usize,
    /// The file's label name ("PER", "Location", "PERSON").
    pub label: String,
    /// The text the file says is at the offsets, when it says.
    pub text: Option<String>,
    /// A TIMEX3 value, for a temporal label.
    pub value: Option<String>,
    /// The tool's confidence, when it gives one.
    pub confidence: Option<f64>,
    pub source: Option<Source>,
    /// The GeoNames record the file links the mention to.
    pub geonames_id: Option<u32>,
    /// Where the mention is in the file (its line, from 1).
    pub line: Option<usize>,
}

/// One document as a file gives it.
#[derive(Clone, Debug, Default)]
pub(super) struct Draft {
    pub id: Option<DocumentId>,
    pub text: String,
    pub mentions: Vec<Mention>,
    /// Where the document starts in the file (its line, from 1).
    pub line: Option<usize>,
}

/// The notes of one import: counts of what was left out, by kind, worded at the end.
#[derive(Default)]
pub(super) struct Notes {
    lines: Vec<String>,
}

impl Notes {
    /// Adds a sentence about `file`.
    pub fn add(&mut self, file: &str, sentence: impl fmt::Display) {
        self.lines.push(format!("{file}: {sentence}"));
    }

    pub fn into_lines(self) -> Vec<String> {
        self.lines
    }
}

/// "1 mention", "3 mentions".
pub(super) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// "was" for one, "were" for several: the verb of a note on `n` things left out.
pub(super) fn were(n: usize) -> &'static str {
    if n == 1 {
        "was"
    } else {
        "were"
    }
}

/// "is" for one, "are" for several.
pub(super) fn are(n: usize) -> &'static str {
    if n == 1 {
        "is"
    } else {
        "are"
    }
}

/// `text` with its line breaks as spaces, as brat and CSV-less formats write a mention's text.
pub(super) fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect()
}

/// Makes a draft a valid document: see the module comment. `file` names the
/// file in messages.
pub(super) fn build(
    draft: Draft,
    file: &str,
    options: &ImportOptions,
    notes: &mut Notes,
) -> Result<Document, ImportError> {
    let text = draft.text;
    let index = CharIndex::new(&text);
    let length = index.len_chars();
    let mut unknown: BTreeMap<String, usize> = BTreeMap::new();
    let mut dropped_values = 0;
    let mut kept: Vec<(Annotation, Option<u32>)> = Vec::new();
    for m in draft.mentions {
        let fail = |problem: String| Err(ImportError::new(file, m.line.or(draft.line), problem));
        if m.start >= m.end {
            return fail(format!(
                "The mention at {}..{} is empty or reversed: its start must be less than its end.",
                m.start, m.end
            ));
        }
        let (Some(start), Some(end)) = (index.byte_of_char(m.start), index.byte_of_char(m.end))
        else {
            return fail(format!(
                "The mention at {}..{} runs past the end of the text, which has {length} characters.",
                m.start, m.end
            ));
        };
        let found = &text[start..end];
        if let Some(given) = &m.text {
            if given != found && *given != one_line(found) {
                return fail(format!(
                    "The mention at {}..{} says its text is {given:?}, but the text there is \
                     {found:?}: its offsets do not count characters (code points) of this text.",
                    m.start, m.end
                ));
            }
        }
        let Some(label) = Label::from_foreign_name(&m.label) else {
            *unknown.entry(m.label).or_default() += 1;
            continue;
        };
        let mut value = m.value.filter(|v| !v.is_empty());
        if value.is_some() && !label.is_temporal() {
            value = None;
            dropped_values += 1;
        }
        kept.push((
            Annotation {
                start: m.start,
                end: m.end,
                label,
                text: found.to_string(),
                value,
                confidence: m
                    .confidence
                    .filter(|c| (0.0..=1.0).contains(c))
                    .map(|c| (c * 1000.0).round() / 1000.0),
                source: m.source.unwrap_or(Source::Person),
                entity: None,
            },
            m.geonames_id,
        ));
    }
    for (label, n) in &unknown {
        notes.add(
            file,
            format!(
                "{} labelled {label:?} {} left out: Gloss has no such label.",
                count(*n, "mention"),
                were(*n)
            ),
        );
    }
    if dropped_values > 0 {
        notes.add(
            file,
            format!(
                "{} of a name {} left out: only dates and times carry a value.",
                count(dropped_values, "value"),
                were(dropped_values)
            ),
        );
    }
    // Sorted, and of overlapping mentions the first (then the longer) stays.
    kept.sort_by_key(|(a, _)| (a.start, std::cmp::Reverse(a.end)));
    let before = kept.len();
    let mut end = 0;
    kept.retain(|(a, _)| {
        let keep = a.start >= end;
        if keep {
            end = a.end;
        }
        keep
    });
    if kept.len() < before {
        let n = before - kept.len();
        notes.add(
            file,
            format!(
                "{} overlapping an earlier one {} left out: Gloss's annotations never overlap.",
                count(n, "mention"),
                were(n)
            ),
        );
    }
    let (mut annotations, places): (Vec<Annotation>, Vec<Option<u32>>) = kept.into_iter().unzip();
    let linked = entities::link(&text, &mut annotations, &EntityEdits::default());
    // A GeoNames record the file names and Gloss would not choose is the person's choice: a `place` edit.
    let chosen: BTreeMap<&str, Option<u32>> = linked
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.geonames_id))
        .collect();
    let mut edits = Vec::new();
    for (a, place) in annotations.iter().zip(&places) {
        let Some(id) = *place else { continue };
        let current = a
            .entity
            .as_deref()
            .and_then(|e| chosen.get(e))
            .copied()
            .flatten();
        if a.label == Label::Place && current != Some(id) {
            edits.push(EntityEdit::Place {
                mention: MentionRef {
                    start: a.start,
                    end: a.end,
                    text: a.text.clone(),
                },
                geonames_id: id,
            });
        }
    }
    let mut document = Document {
        format: FORMAT.to_string(),
        id: draft.id,
        text,
        reference_date: String::new(),
        reference_date_source: ReferenceDateSource::Given,
        annotations,
        entities: linked.entities,
        edits: EntityEdits(edits),
    };
    (document.reference_date, document.reference_date_source) = match options.reference_date {
        Some(date) => (date.to_string(), ReferenceDateSource::Given),
        None => (options.today.to_string(), ReferenceDateSource::Today),
    };
    if !document.edits.is_empty() {
        let unapplied = entities::link_document(&mut document);
        if !unapplied.is_empty() {
            document.edits.0.retain(|e| !unapplied.contains(e));
            notes.add(
                file,
                format!(
                    "{} the file names for a place {} left out: Gloss's gazetteer offers no such \
                     candidate for that name.",
                    count(unapplied.len(), "GeoNames record"),
                    were(unapplied.len())
                ),
            );
            entities::link_document(&mut document);
        }
    }
    document
        .validate()
        .map_err(|e| ImportError::new(file, draft.line, e.to_string()))?;
    Ok(document)
}

/// `bytes` as UTF-8 text, or an error naming `file`. A leading byte-order
/// mark stays: brat counts it in a `.txt`, and it may be a CoNLL token; the
/// JSON readers drop it ([`without_bom`]).
pub(super) fn text_of<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ImportError::new(
            file,
            None,
            format!(
                "It is not UTF-8 text (invalid byte at offset {}).",
                e.valid_up_to()
            ),
        )
    })?;
    Ok(text)
}

/// `text` without a leading byte-order mark.
pub(super) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The non-blank lines of `text` with their numbers (from 1).
pub(super) fn numbered_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty())
}

/// Converts a UTF-16 offset of `text` to a code-point offset, when it falls between characters.
pub(super) fn char_of_utf16(text: &str, utf16: usize) -> Option<usize> {
    let mut units = 0;
    for (i, c) in text.chars().enumerate() {
        if units == utf16 {
            return Some(i);
        }
        if units > utf16 {
            return None;
        }
        units += c.len_utf16();
    }
    (units == utf16).then(|| text.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_convert_to_code_points() {
        let text = "😀 Zoë";
        assert_eq!(char_of_utf16(text, 0), Some(0));
        assert_eq!(char_of_utf16(text, 1), None, "inside the emoji");
        assert_eq!(char_of_utf16(text, 2), Some(1));
        assert_eq!(char_of_utf16(text, 3), Some(2));
        assert_eq!(char_of_utf16(text, 6), Some(5));
        assert_eq!(char_of_utf16(text, 7), None);
    }
}
