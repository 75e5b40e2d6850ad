//! doccano JSON Lines: one line per text, `{"id"?, "text", "label": [[start,
//! end, "LABEL"], ...]}`, offsets in code points (Python `str` indices, as
//! doccano's Python side counts). The reader also takes doccano's newer
//! sequence-labelling export, `"entities": [{"start_offset", "end_offset",
//! "label"}]`, and ignores the other fields doccano writes (comments,
//! relations, meta).
//!
//! doccano's own page counts UTF-16 units unless its project counts grapheme
//! clusters (doccano issue #2290), so after an emoji its spans and Python's
//! differ; a doccano line carries no mention text to tell which was meant,
//! and the reader takes code points, as Gloss writes them.

use serde::{Deserialize, Serialize};

use super::import::{numbered_lines, Draft, ImportError, Mention};
use super::json;
use crate::document::{Document, DocumentId};

pub(super) fn write(document: &Document) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<&'a DocumentId>,
        text: &'a str,
        label: Vec<(usize, usize, &'a str)>,
    }
    let line = Line {
        id: document.id.as_ref(),
        text: &document.text,
        label: document
            .annotations
            .iter()
            .map(|a| (a.start, a.end, a.label.as_str()))
            .collect(),
    };
    json(&line) + "\n"
}

#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<DocumentId>,
    text: String,
    #[serde(default)]
    label: Option<Vec<(usize, usize, String)>>,
    #[serde(default)]
    entities: Option<Vec<Entity>>,
}

#[derive(Deserialize)]
struct Entity {
    start_offset: usize,
    end_offset: usize,
    label: String,
}

pub(super) fn read(file: &str, text: &str) -> Result<Vec<Draft>, ImportError> {
    let mut drafts = Vec::new();
    for (number, line) in numbered_lines(text) {
        let parsed: Line = serde_json::from_str(line).map_err(|e| {
            ImportError::new(
                file,
                Some(number),
                format!(
                    "It is not a doccano line {{\"text\": ..., \"label\": [[start, end, \"LABEL\"], ...]}}: {e}."
                ),
            )
        })?;
        let spans: Vec<(usize, usize, String)> = match (parsed.label, parsed.entities) {
            (Some(label), _) => label,
            (None, Some(entities)) => entities
                .into_iter()
                .map(|e| (e.start_offset, e.end_offset, e.label))
                .collect(),
            (None, None) => Vec::new(),
        };
        drafts.push(Draft {
            id: parsed.id,
            text: parsed.text,
            mentions: spans
                .into_iter()
                .map(|(start, end, label)| Mention {
                    start,
                    end,
                    label,
                    line: Some(number),
                    ..Mention::default()
                })
                .collect(),
            line: Some(number),
        });
    }
    Ok(drafts)
}
