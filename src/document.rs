//! The document model: text, reference date, annotations and entities,
//! exactly as the JSON export carries them (format `gloss/2`, described in
//! `docs/format.md` and `schema/gloss-document.schema.json`; `gloss/1`, the
//! same without entities, is still read).
//!
//! Offsets here are **Unicode code points** (Python string indices), end
//! exclusive. Annotations are sorted by start and never overlap.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::calendar::Date;
use crate::entities::{Entity, EntityEdits};

/// The value of the `format` field of every exported document.
pub const FORMAT: &str = "gloss/2";

/// Every format version import reads, oldest first.
pub const FORMATS_READ: [&str; 2] = ["gloss/1", FORMAT];

/// What an annotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    /// A person, real or fictional.
    Person,
    /// A place: country, region, city, geographic feature.
    Place,
    /// An organisation: company, agency, team, party.
    Org,
    /// A calendar date or period (TIMEX3 DATE).
    Date,
    /// A time of day, possibly with a date (TIMEX3 TIME).
    Time,
    /// A length of time, "three years" (TIMEX3 DURATION).
    Duration,
    /// A recurring time, "every Monday" (TIMEX3 SET).
    Set,
}

impl Label {
    /// Every label, in display order.
    pub const ALL: [Label; 7] = [
        Label::Person,
        Label::Place,
        Label::Org,
        Label::Date,
        Label::Time,
        Label::Duration,
        Label::Set,
    ];

    /// The label as written in JSON and in the page ("PERSON").
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Place => "PLACE",
            Label::Org => "ORG",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Duration => "DURATION",
            Label::Set => "SET",
        }
    }

    /// True for the temporal labels, which carry a TIMEX3 `value`.
    pub fn is_temporal(self) -> bool {
        matches!(
            self,
            Label::Date | Label::Time | Label::Duration | Label::Set
        )
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

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

/// An annotated text: the unit of export and import.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Always [`FORMAT`].
    pub format: String,
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidDocument(pub String);

impl fmt::Display for InvalidDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InvalidDocument {}

impl Document {
    /// Reads a document from `gloss/1` or `gloss/2` JSON text and [validates](Self::validate) it.
    /// Unknown fields, wrong types and broken offsets are all refused.
    pub fn from_json(json: &str) -> Result<Document, InvalidDocument> {
        let document: Document = serde_json::from_str(json)
            .map_err(|e| InvalidDocument(format!("not a Gloss document: {e}")))?;
        document.validate()?;
        Ok(document)
    }

    /// Checks everything the format promises beyond its types: the format tag,
    /// the date, offsets inside the text, `text` equal to the slice, sorted and
    /// non-overlapping annotations, values only on temporal labels, and the
    /// entity layer ([`crate::entities::check`]).
    pub fn validate(&self) -> Result<(), InvalidDocument> {
        let fail = |m: String| Err(InvalidDocument(m));
        if !FORMATS_READ.contains(&self.format.as_str()) {
            return fail(format!(
                "unsupported format {:?}: expected one of {FORMATS_READ:?}",
                self.format
            ));
        }
        if Date::parse_iso(&self.reference_date).is_none() {
            return fail(format!(
                "reference_date {:?} is not a YYYY-MM-DD date",
                self.reference_date
            ));
        }
        let index = crate::span::CharIndex::new(&self.text);
        let mut previous_end = 0;
        for (n, a) in self.annotations.iter().enumerate() {
            let which = format!("annotation {} ({} {}..{})", n + 1, a.label, a.start, a.end);
            if a.start >= a.end {
                return fail(format!("{which}: start must be less than end"));
            }
            let (Some(start), Some(end)) = (index.byte_of_char(a.start), index.byte_of_char(a.end))
            else {
                return fail(format!(
                    "{which}: offsets run past the end of the text ({} code points)",
                    index.len_chars()
                ));
            };
            if self.text[start..end] != a.text {
                return fail(format!(
                    "{which}: text {:?} does not match the text at those offsets {:?}",
                    a.text,
                    &self.text[start..end]
                ));
            }
            if a.start < previous_end {
                return fail(format!(
                    "{which}: overlaps or precedes the annotation before it"
                ));
            }
            if a.value.is_some() && !a.label.is_temporal() {
                return fail(format!(
                    "{which}: only DATE, TIME, DURATION and SET carry a value"
                ));
            }
            if a.confidence.is_some_and(|c| !(0.0..=1.0).contains(&c)) {
                return fail(format!("{which}: confidence must be between 0 and 1"));
            }
            previous_end = a.end;
        }
        crate::entities::check(self).map_err(InvalidDocument)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(annotations: Vec<Annotation>) -> Document {
        Document {
            format: FORMAT.into(),
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
                good.replacen("\"gloss/2\"", "\"gloss/3\"", 1),
                "unsupported format",
            ),
            ("[]".to_string(), "not a Gloss document"),
            ("{\"format\": ".to_string(), "not a Gloss document"),
        ];
        for (json, expected) in cases {
            let message = Document::from_json(&json).unwrap_err().0;
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
            let message = doc(annotations).validate().unwrap_err().0;
            assert!(message.contains(expected), "{message}");
        }
        let mut bad_date = doc(vec![]);
        bad_date.reference_date = "21/12/2025".into();
        assert!(bad_date.validate().is_err());
    }
}
