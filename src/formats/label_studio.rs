//! Label Studio tasks: a JSON list of one task, `{"data": {"text"},
//! "predictions": [...]}`, whose one prediction holds a `labels` region per
//! mention, so that Gloss output pre-annotates a Label Studio text project
//! (the labelling config is in `docs/format.md`). Label Studio's `Text` tag
//! counts region offsets in code points, as Gloss does (its emoji tests: "🐱
//! Warning: This is a test text" has "test" at 21..25), so they pass as they are.
//!
//! The reader takes a Label Studio JSON export (a task list, or one task):
//! per task the text (`data.text`, else `data`'s one string), and the regions
//! of its first annotation that was not cancelled (a person's, `source:
//! "person"`), else of its first prediction (a model's). Label Studio before
//! 1.4 counted UTF-16 units (its issue #1347): a region whose text is found
//! at its offsets read as UTF-16, and not as code points, is converted.

use serde::{Deserialize, Serialize};

use super::import::{are, char_of_utf16, count, were, Draft, ImportError, Mention, Notes};
use crate::document::{Document, DocumentId, Source};

#[derive(Serialize)]
struct Task<'a> {
    data: Data<'a>,
    predictions: [Prediction<'a>; 1],
}

#[derive(Serialize)]
struct Data<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Prediction<'a> {
    /// "gloss 0.1.0": the crate's version, read from Cargo here (as lib.rs
    /// reads it for `--version`) because formats sit below lib.rs.
    model_version: String,
    result: Vec<Region<'a>>,
}

#[derive(Serialize)]
struct Region<'a> {
    id: String,
    from_name: &'static str,
    to_name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: Value<'a>,
}

#[derive(Serialize)]
struct Value<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    labels: [&'static str; 1],
    /// The model's confidence, when it has one: Label Studio sorts regions by it.
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f64>,
}

pub(super) fn to_label_studio(document: &Document) -> String {
    let result = document
        .annotations
        .iter()
        .enumerate()
        .map(|(n, a)| Region {
            // Unique within the task, as Label Studio requires.
            id: format!("gloss-{}", n + 1),
            from_name: "label",
            to_name: "text",
            kind: "labels",
            value: Value {
                start: a.start,
                end: a.end,
                text: &a.text,
                labels: [a.label.as_str()],
                score: a.confidence,
            },
        })
        .collect();
    let tasks = [Task {
        data: Data {
            text: &document.text,
        },
        predictions: [Prediction {
            model_version: format!("gloss {}", env!("CARGO_PKG_VERSION")),
            result,
        }],
    }];
    serde_json::to_string_pretty(&tasks).expect("Label Studio tasks serialize") + "\n"
}

#[derive(Deserialize)]
struct ReadTask {
    #[serde(default)]
    id: Option<DocumentId>,
    data: serde_json::Map<String, serde_json::Value>,
    #[serde(default)]
    annotations: Vec<Annotation>,
    #[serde(default)]
    predictions: Vec<Annotation>,
}

#[derive(Deserialize)]
struct Annotation {
    #[serde(default)]
    result: Vec<ReadRegion>,
    #[serde(default)]
    was_cancelled: bool,
}

#[derive(Deserialize)]
struct ReadRegion {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    value: ReadValue,
    #[serde(default)]
    score: Option<f64>,
}

/// A region's value: every field optional, since only `labels` regions have these.
#[derive(Deserialize, Default)]
struct ReadValue {
    start: Option<usize>,
    end: Option<usize>,
    #[serde(default)]
    text: Option<String>,
    labels: Option<Vec<String>>,
    #[serde(default)]
    score: Option<f64>,
}

/// The documents of a Label Studio export, one per task.
pub(super) fn read(file: &str, json: &str, notes: &mut Notes) -> Result<Vec<Draft>, ImportError> {
    let fail = |problem: String| ImportError::new(file, None, problem);
    let not_an_export = |e: serde_json::Error| {
        fail(format!(
            "It is not a Label Studio export (a list of tasks {{\"data\": {{\"text\": ...}}, \"annotations\": [...]}}): {e}."
        ))
    };
    // A task list, or one task.
    let tasks: Vec<ReadTask> = if json.trim_start().starts_with('{') {
        vec![serde_json::from_str(json).map_err(not_an_export)?]
    } else {
        serde_json::from_str(json).map_err(not_an_export)?
    };
    let mut others = 0;
    let mut unused_sets = 0;
    let mut drafts = Vec::new();
    for (n, task) in tasks.into_iter().enumerate() {
        let which = format!("Task {}", n + 1);
        let text = match task.data.get("text").and_then(|v| v.as_str()) {
            Some(text) => text.to_string(),
            None => {
                let strings: Vec<&str> = task.data.values().filter_map(|v| v.as_str()).collect();
                match strings.as_slice() {
                    [one] => one.to_string(),
                    _ => {
                        return Err(fail(format!(
                            "{which} has no text: Gloss reads it from data.text (or data's one string)."
                        )))
                    }
                }
            }
        };
        let chars: Vec<char> = text.chars().collect();
        let (chosen, source) = match task.annotations.iter().find(|a| !a.was_cancelled) {
            Some(a) => (Some(a), Source::Person),
            None => (task.predictions.first(), Source::Model),
        };
        // Gloss keeps one set of regions per text: the others are said to be left out.
        let sets =
            task.annotations.iter().filter(|a| !a.was_cancelled).count() + task.predictions.len();
        if sets > 1 {
            unused_sets += sets - 1;
        }
        let mut mentions = Vec::new();
        for (r, region) in chosen.map_or(&[][..], |a| &a.result[..]).iter().enumerate() {
            if region.kind != "labels" {
                others += 1;
                continue;
            }
            let value = &region.value;
            let (Some(mut start), Some(mut end), Some(labels)) =
                (value.start, value.end, &value.labels)
            else {
                return Err(fail(format!(
                    "{which}, region {}: its value lacks start, end or labels, which a labels region has.",
                    r + 1
                )));
            };
            if let Some(given) = &value.text {
                let at = |s: usize, e: usize| -> Option<String> {
                    chars.get(s..e).map(|c| c.iter().collect())
                };
                if at(start, end).as_ref() != Some(given) {
                    if let (Some(s), Some(e)) =
                        (char_of_utf16(&text, start), char_of_utf16(&text, end))
                    {
                        if at(s, e).as_ref() == Some(given) {
                            (start, end) = (s, e);
                        }
                    }
                }
            }
            let Some(label) = labels.first() else {
                others += 1;
                continue;
            };
            mentions.push(Mention {
                start,
                end,
                label: label.clone(),
                text: value.text.clone(),
                confidence: value.score.or(region.score),
                source: Some(source),
                ..Mention::default()
            });
        }
        drafts.push(Draft {
            id: task.id,
            text,
            mentions,
            line: None,
        });
    }
    if others > 0 {
        notes.add(
            file,
            format!(
                "{} that {} not text labels {} left out (choices, text areas, relations).",
                count(others, "region"),
                are(others),
                were(others)
            ),
        );
    }
    if unused_sets > 0 {
        notes.add(
            file,
            format!(
                "{} besides the one imported per task {} left out (Gloss keeps one set of \
                 regions per text: the first annotation not cancelled, else the first prediction).",
                count(unused_sets, "annotation or prediction"),
                were(unused_sets)
            ),
        );
    }
    Ok(drafts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::fixture;

    #[test]
    fn one_task_pre_annotated_with_code_point_regions() {
        let doc = fixture::places();
        let out = to_label_studio(&doc);
        let tasks: serde_json::Value = serde_json::from_str(&out).unwrap();
        let region = |n: usize,
                      start: usize,
                      end: usize,
                      text: &str,
                      label: &str,
                      score: Option<f64>| {
            let mut value =
                serde_json::json!({ "start": start, "end": end, "text": text, "labels": [label] });
            if let Some(score) = score {
                value["score"] = serde_json::json!(score);
            }
            serde_json::json!({
                "id": format!("gloss-{n}"), "from_name": "label", "to_name": "text",
                "type": "labels", "value": value,
            })
        };
        assert_eq!(
            tasks,
            serde_json::json!([{
                "data": { "text": doc.text },
                "predictions": [{
                    "model_version": format!("gloss {}", env!("CARGO_PKG_VERSION")),
                    "result": [
                        region(1, 2, 13, "Zoe\u{308} Martín", "PERSON", Some(0.9)),
                        region(2, 24, 28, "Київ", "PLACE", Some(0.95)),
                        region(3, 32, 34, "東京", "PLACE", None),
                        region(4, 39, 47, "Atlantis", "PLACE", Some(0.612)),
                        region(5, 51, 57, "Dec. 5", "DATE", None),
                        region(6, 59, 63, "Kiev", "PLACE", Some(0.88)),
                    ]
                }]
            }])
        );
        // Code points, not UTF-16 units: the emoji counts one, so 東京 starts at 32, not 33.
        let utf16: Vec<u16> = doc.text.encode_utf16().collect();
        assert_ne!(String::from_utf16(&utf16[32..34]).unwrap(), "東京");
        assert_eq!(String::from_utf16(&utf16[33..35]).unwrap(), "東京");
    }

    #[test]
    fn a_document_without_annotations_is_a_task_with_an_empty_prediction() {
        let mut doc = fixture::places();
        doc.annotations.clear();
        doc.entities.clear();
        let tasks: serde_json::Value = serde_json::from_str(&to_label_studio(&doc)).unwrap();
        assert_eq!(tasks[0]["predictions"][0]["result"], serde_json::json!([]));
        assert_eq!(tasks.as_array().unwrap().len(), 1);
    }
}
