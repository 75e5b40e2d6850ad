//! The document model: text, reference date, annotations and entities,
//! exactly as the JSON export carries them (format `gloss/3`, described in
//! `docs/format.md` and `schema/gloss-document.schema.json`; `gloss/2`, the
//! same without MISC, and `gloss/1`, without entities too, are still read).
//!
//! Offsets here are **Unicode code points** (Python string indices), end
//! exclusive. Annotations are sorted by start and never overlap.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::calendar::{Date, DateError};
use crate::entities::{Entity, EntityEdits};
pub use crate::labels::Label;

/// The value of the `format` field of every exported document.
pub const FORMAT: &str = "gloss/3";

/// Every format version import reads, oldest first.
pub const FORMATS_READ: [&str; 3] = ["gloss/1", "gloss/2", FORMAT];

/// Who made an annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Found by Gloss.
    Model,
    /// Added or corrected by a person in the page.
    Person,
}

/// Where the reference date of a document came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceDateSource {
    /// Given by the user (`--date`, the page's date field).
    Given,
    /// Read from a dateline or date stamp in the text.
    Dateline,
    /// No date given or found: the day the text was annotated.
    Today,
}

/// One marked mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// Code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// What the mention is.
    pub label: Label,
    /// The mention's text: always equal to the text between `start` and `end`.
    pub text: String,
    /// TIMEX3 value for temporal labels ("2025-12-21", "P3D", "XXXX-WXX-1").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The model's confidence, 0 to 1, three decimals; absent for rules and people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// Who made it.
    pub source: Source,
    /// PERSON, PLACE and ORG only: the id of its entity in [`Document::entities`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
}

/// What a document in a batch is: the file it was read from, or the `id` of
/// its JSON Lines request (a string or a number, passed through), else the
/// request's line number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged, expecting = "a string or a number")]
pub enum DocumentId {
    /// A JSON number (an integer stays an integer).
    Number(serde_json::Number),
    /// A string: a file path, or a request's own id.
    Text(String),
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentId::Number(n) => write!(f, "{n}"),
            DocumentId::Text(s) => f.write_str(s),
        }
    }
}

/// An annotated text: the unit of export and import.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Always [`FORMAT`].
    pub format: String,
    /// What the document is, in a batch (`gloss annotate` of several files
    /// or `--jsonl`); left out otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<DocumentId>,
    /// The text, exactly as given.
    pub text: String,
    /// The date relative expressions were resolved against, `YYYY-MM-DD`.
    pub reference_date: String,
    /// Where `reference_date` came from.
    pub reference_date_source: ReferenceDateSource,
    /// Marked mentions, sorted by `start`, non-overlapping.
    pub annotations: Vec<Annotation>,
    /// The people, places and organisations the name annotations refer to;
    /// left out when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
    /// The person's entity edits, re-applied whenever entities are recomputed.
    #[serde(default, skip_serializing_if = "EntityEdits::is_empty")]
    pub edits: EntityEdits,
}

/// Why an imported document was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum DocumentError {
    /// Not JSON of the document's shape: a syntax error, a missing or unknown
    /// field, a wrong type (the JSON reader's message).
    NotADocument(String),
    /// The `format` field names another format.
    UnsupportedFormat(String),
    /// `reference_date` is not a real `YYYY-MM-DD` day.
    ReferenceDate(DateError),
    /// The entities or entity ids break a rule of the format
    /// ([`crate::entities::check`] says which).
    Entities(String),
    /// One annotation breaks a rule of the format.
    Annotation {
        /// Its position in the list, from 1.
        number: usize,
        /// Its label, start and end, to find it by.
        label: Label,
        /// Its `start`.
        start: usize,
        /// Its `end`.
        end: usize,
        /// The rule it breaks.
        problem: AnnotationProblem,
    },
}

/// The rule of the format an imported annotation breaks.
#[derive(Clone, Debug, PartialEq)]
pub enum AnnotationProblem {
    /// `start` is not less than `end`.
    Empty,
    /// An offset lies beyond the text, which has this many code points.
    PastEnd(usize),
    /// `text` differs from the text at the offsets (given, then found).
    TextMismatch(String, String),
    /// It starts before the previous annotation ends.
    Overlaps,
    /// A name carries a `value`.
    ValueOnName,
    /// `confidence` is outside 0..=1.
    Confidence,
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The page strips the "not a Gloss document: " prefix and says it its own way.
            DocumentError::NotADocument(detail) => write!(f, "not a Gloss document: {detail}."),
            DocumentError::UnsupportedFormat(format) => {
                write!(
                    f,
                    "{format:?} is an unsupported format: expected one of {FORMATS_READ:?}."
                )
            }
            DocumentError::ReferenceDate(problem) => {
                write!(f, "The reference_date is refused: {problem}")
            }
            DocumentError::Entities(problem) => {
                write!(f, "The entities are refused: {problem}.")
            }
            DocumentError::Annotation {
                number,
                label,
                start,
                end,
                problem,
            } => {
                write!(f, "Annotation {number} ({label} {start}..{end}): ")?;
                match problem {
                    AnnotationProblem::Empty => f.write_str("start must be less than end."),
                    AnnotationProblem::PastEnd(length) => write!(
                        f,
                        "its offsets run past the end of the text ({length} code points)."
                    ),
                    AnnotationProblem::TextMismatch(given, found) => write!(
                        f,
                        "its text {given:?} does not match the text at those offsets {found:?}."
                    ),
                    AnnotationProblem::Overlaps => {
                        f.write_str("it overlaps or precedes the annotation before it.")
                    }
                    AnnotationProblem::ValueOnName => {
                        f.write_str("only DATE, TIME, DURATION and SET carry a value.")
                    }
                    AnnotationProblem::Confidence => {
                        f.write_str("its confidence must be between 0 and 1.")
                    }
                }
            }
        }
    }
}

impl std::error::Error for DocumentError {}

impl Document {
    /// Reads a document from `gloss/1`, `gloss/2` or `gloss/3` JSON text and [validates](Self::validate) it.
    /// Unknown fields, wrong types and broken offsets are all refused.
    pub fn from_json(json: &str) -> Result<Document, DocumentError> {
        let document: Document =
            serde_json::from_str(json).map_err(|e| DocumentError::NotADocument(e.to_string()))?;
        document.validate()?;
        Ok(document)
    }

    /// Checks everything the format promises beyond its types: the format tag,
    /// the date, offsets inside the text, `text` equal to the slice, sorted and
    /// non-overlapping annotations, values only on temporal labels, and the
    /// entity layer ([`crate::entities::check`]).
    pub fn validate(&self) -> Result<(), DocumentError> {
        if !FORMATS_READ.contains(&self.format.as_str()) {
            return Err(DocumentError::UnsupportedFormat(self.format.clone()));
        }
        self.reference_date
            .parse::<Date>()
            .map_err(DocumentError::ReferenceDate)?;
        let index = crate::span::CharIndex::new(&self.text);
        let mut previous_end = 0;
        for (n, a) in self.annotations.iter().enumerate() {
            let fail = |problem| {
                Err(DocumentError::Annotation {
                    number: n + 1,
                    label: a.label,
                    start: a.start,
                    end: a.end,
                    problem,
                })
            };
            if a.start >= a.end {
                return fail(AnnotationProblem::Empty);
            }
            let (Some(start), Some(end)) = (index.byte_of_char(a.start), index.byte_of_char(a.end))
            else {
                return fail(AnnotationProblem::PastEnd(index.len_chars()));
            };
            if self.text[start..end] != a.text {
                return fail(AnnotationProblem::TextMismatch(
                    a.text.clone(),
                    self.text[start..end].to_string(),
                ));
            }
            if a.start < previous_end {
                return fail(AnnotationProblem::Overlaps);
            }
            if a.value.is_some() && !a.label.is_temporal() {
                return fail(AnnotationProblem::ValueOnName);
            }
            if a.confidence.is_some_and(|c| !(0.0..=1.0).contains(&c)) {
                return fail(AnnotationProblem::Confidence);
            }
            previous_end = a.end;
        }
        crate::entities::check(self).map_err(DocumentError::Entities)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(annotations: Vec<Annotation>) -> Document {
        Document {
            format: FORMAT.into(),
            id: None,
            text: "😀 Anna met Bob.".into(),
            reference_date: "2025-12-21".into(),
            reference_date_source: ReferenceDateSource::Given,
            annotations,
            entities: Vec::new(),
            edits: EntityEdits::default(),
        }
    }

    fn person(start: usize, end: usize, text: &str) -> Annotation {
        Annotation {
            start,
            end,
            label: Label::Person,
            text: text.into(),
            value: None,
            confidence: None,
            source: Source::Person,
            entity: None,
        }
    }

    #[test]
    fn from_json_refuses_unknown_fields_and_wrong_types() {
        let good = serde_json::to_string(&doc(vec![person(2, 6, "Anna")])).unwrap();
        assert_eq!(
            Document::from_json(&good).unwrap(),
            doc(vec![person(2, 6, "Anna")])
        );
        let cases = [
            (
                good.replacen("\"format\"", "\"colour\":1,\"format\"", 1),
                "unknown field `colour`",
            ),
            (
                good.replacen(
                    "\"source\":\"person\"",
                    "\"source\":\"person\",\"note\":\"x\"",
                    1,
                ),
                "unknown field `note`",
            ),
            (
                good.replacen("\"start\":2", "\"start\":\"2\"", 1),
                "invalid type",
            ),
            (
                good.replacen("\"start\":2", "\"start\":-2", 1),
                "invalid value",
            ),
            (
                good.replacen("\"PERSON\"", "\"person\"", 1),
                "unknown variant",
            ),
            (
                good.replacen("\"gloss/3\"", "\"gloss/4\"", 1),
                "unsupported format",
            ),
            ("[]".to_string(), "not a Gloss document"),
            ("{\"format\": ".to_string(), "not a Gloss document"),
        ];
        for (json, expected) in cases {
            let message = Document::from_json(&json).unwrap_err().to_string();
            assert!(message.contains(expected), "{json}: {message}");
        }
    }

    #[test]
    fn accepts_code_point_offsets_and_refuses_broken_ones() {
        assert_eq!(
            doc(vec![person(2, 6, "Anna"), person(11, 14, "Bob")]).validate(),
            Ok(())
        );
        let broken = [
            (vec![person(3, 7, "Anna")], "does not match"), // UTF-16 offsets, not code points
            (
                vec![person(11, 14, "Bob"), person(2, 6, "Anna")],
                "overlaps",
            ),
            (vec![person(6, 6, "")], "less than end"),
            (vec![person(11, 99, "Bob.")], "past the end"),
        ];
        for (annotations, expected) in broken {
            let message = doc(annotations).validate().unwrap_err().to_string();
            assert!(message.contains(expected), "{message}");
        }
        let mut bad_date = doc(vec![]);
        bad_date.reference_date = "21/12/2025".into();
        assert!(bad_date.validate().is_err());
    }

    #[test]
    fn an_id_is_a_string_or_a_number() {
        let good = serde_json::to_string(&doc(vec![])).unwrap();
        assert!(!good.contains("\"id\""), "no id, no field: {good}");
        for id in ["\"a/b.txt\"", "7", "-3", "1.5", "12345678901234567890"] {
            let json = good.replacen(',', &format!(",\"id\":{id},"), 1);
            let document = Document::from_json(&json).unwrap();
            assert!(document.id.is_some());
            assert_eq!(serde_json::to_string(&document).unwrap(), json);
        }
        for id in ["true", "[1]", "{}"] {
            let json = good.replacen(',', &format!(",\"id\":{id},"), 1);
            let message = Document::from_json(&json).unwrap_err().to_string();
            assert!(message.contains("a string or a number"), "{id}: {message}");
        }
    }
}
