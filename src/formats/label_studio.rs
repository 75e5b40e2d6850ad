//! Label Studio tasks: a JSON list of one task, `{"data": {"text"},
//! "predictions": [...]}`, whose one prediction holds a `labels` region per
//! mention, so that Gloss output pre-annotates a Label Studio text project
//! (the labelling config is in `docs/format.md`). Label Studio's `Text` tag
//! counts region offsets in code points, as Gloss does (its emoji tests: "🐱
//! Warning: This is a test text" has "test" at 21..25), so they pass as they are.

use serde::Serialize;

use crate::document::Document;

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
