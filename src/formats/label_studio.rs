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
            model_version: format!("gloss {}", crate::VERSION),
            result,
        }],
    }];
    serde_json::to_string_pretty(&tasks).expect("Label Studio tasks serialize") + "\n"
}
