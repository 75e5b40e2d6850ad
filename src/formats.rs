//! The export formats, defined once in [`FORMATS`] (name, extension, media
//! type; the CLI's `--format` and the page's export menu list them from
//! there), and the conversions from a [`Document`]: `gloss/2` JSON itself,
//! CoNLL (BIO tags per token), brat standoff (`.ann`), doccano JSON Lines and
//! W3C Web Annotation JSON-LD.
//!
//! Every format here counts offsets in code points, like `gloss/2` (brat,
//! doccano and the W3C model all index characters, not UTF-16 units).

use std::fmt::Write;

use serde::Serialize;

use crate::document::Document;
use crate::span::CharIndex;
use crate::tokenize::tokenize;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `gloss/2` JSON itself, pretty-printed: what `gloss annotate FILE` prints.
    Gloss,
    /// One token per line with a BIO tag, a blank line between sentences.
    Conll,
    /// brat standoff annotation (`.ann`), to sit beside the text as `.txt`.
    Brat,
    /// One doccano line: `{"text": ..., "label": [[start, end, "LABEL"], ...]}`.
    Doccano,
    /// W3C Web Annotation JSON-LD: an `AnnotationPage` of tagging annotations.
    W3c,
}

/// One export format's facts, as the page receives them from `formats()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FormatInfo {
    /// The format itself (not sent to the page: `name` stands for it there).
    #[serde(skip)]
    pub format: Format,
    /// The value of `--format` and of the page's export menu: "conll".
    pub name: &'static str,
    /// Readable name: "CoNLL".
    pub title: &'static str,
    /// File extension, without the dot.
    pub extension: &'static str,
    /// Media type of the file.
    pub mime_type: &'static str,
}

const fn row(
    format: Format,
    name: &'static str,
    title: &'static str,
    extension: &'static str,
    mime_type: &'static str,
) -> FormatInfo {
    FormatInfo {
        format,
        name,
        title,
        extension,
        mime_type,
    }
}

/// Every export format, `gloss/2` first (the order of [`Format`]).
pub const FORMATS: [FormatInfo; 5] = [
    row(
        Format::Gloss,
        "gloss",
        "Gloss JSON",
        "json",
        "application/json",
    ),
    row(Format::Conll, "conll", "CoNLL", "conll", "text/plain"),
    row(Format::Brat, "brat", "brat standoff", "ann", "text/plain"),
    row(
        Format::Doccano,
        "doccano",
        "doccano",
        "jsonl",
        "application/jsonl",
    ),
    // The media type the Web Annotation protocol gives its JSON-LD.
    row(
        Format::W3c,
        "w3c",
        "W3C Web Annotation",
        "jsonld",
        "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"",
    ),
];

// Row i describes the format with discriminant i, so `Format::info` is an index.
const _: () = {
    let mut i = 0;
    while i < FORMATS.len() {
        assert!(
            FORMATS[i].format as usize == i,
            "FORMATS must follow the order of Format"
        );
        i += 1;
    }
};

impl Format {
    /// This format's row of [`FORMATS`].
    pub fn info(self) -> &'static FormatInfo {
        &FORMATS[self as usize]
    }

    /// The format called `name` (`--format`, the page's menu).
    pub fn from_name(name: &str) -> Option<Format> {
        FORMATS.iter().find(|f| f.name == name).map(|f| f.format)
    }

    /// Every format's name, joined by `separator`: for usage lines and error messages.
    pub fn names(separator: &str) -> String {
        FORMATS.map(|f| f.name).join(separator)
    }
}

/// Writes `document` in `format`. The document must be valid
/// ([`Document::validate`]); offsets outside the text are skipped.
pub fn convert(document: &Document, format: Format) -> String {
    match format {
        Format::Gloss => {
            serde_json::to_string_pretty(document).expect("documents serialize") + "\n"
        }
        Format::Conll => to_conll(document),
        Format::Brat => to_brat(document),
        Format::Doccano => to_doccano(document),
        Format::W3c => to_w3c(document, true),
    }
}

/// Writes `document` as one line of JSON Lines, ending in a newline, for the
/// formats that are one JSON value per document (gloss, doccano, w3c): how
/// a batch writes them. `None` for the others.
pub fn convert_line(document: &Document, format: Format) -> Option<String> {
    match format {
        Format::Gloss => Some(json(document) + "\n"),
        Format::Doccano => Some(to_doccano(document)),
        Format::W3c => Some(to_w3c(document, false)),
        Format::Conll | Format::Brat => None,
    }
}

fn to_conll(document: &Document) -> String {
    let text = &document.text;
    let index = CharIndex::new(text);
    // Annotation spans in bytes, in order.
    let spans: Vec<(usize, usize, &str)> = document
        .annotations
        .iter()
        .filter_map(|a| {
            Some((
                index.byte_of_char(a.start)?,
                index.byte_of_char(a.end)?,
                a.label.as_str(),
            ))
        })
        .collect();
    let tokenized = tokenize(text);
    let mut out = String::new();
    // A document that says what it is starts as CoNLL-2003 documents do.
    if let Some(id) = &document.id {
        let _ = writeln!(out, "-DOCSTART- {}\tO\n", json(id));
    }
    let mut next_span = 0;
    for sentence in &tokenized.sentences {
        let mut inside: Option<usize> = None;
        for token in &tokenized.tokens[sentence.clone()] {
            while next_span < spans.len() && spans[next_span].1 <= token.start {
                next_span += 1;
            }
            // A token belongs to a span if it starts inside it.
            let tag = match spans.get(next_span) {
                Some(&(start, end, label)) if token.start >= start && token.start < end => {
                    let prefix = if inside == Some(next_span) { "I" } else { "B" };
                    inside = Some(next_span);
                    format!("{prefix}-{label}")
                }
                _ => {
                    inside = None;
                    "O".to_string()
                }
            };
            let _ = writeln!(out, "{}\t{tag}", token.text(text));
        }
        out.push('\n');
    }
    out
}

fn to_brat(document: &Document) -> String {
    let chars: Vec<char> = document.text.chars().collect();
    let mut out = String::new();
    let mut notes = 0;
    for (n, a) in document.annotations.iter().enumerate() {
        if a.end > chars.len() {
            continue;
        }
        // brat mentions cannot hold a line break: split into fragments around them.
        let mut fragments = Vec::new();
        let mut start = None;
        for (i, c) in chars.iter().enumerate().take(a.end).skip(a.start) {
            match (c == &'\n' || c == &'\r', start) {
                (false, None) => start = Some(i),
                (true, Some(s)) => {
                    fragments.push(format!("{s} {i}"));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            fragments.push(format!("{s} {}", a.end));
        }
        let shown: String = a
            .text
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        let _ = writeln!(
            out,
            "T{}\t{} {}\t{}",
            n + 1,
            a.label,
            fragments.join(";"),
            shown
        );
        if let Some(value) = &a.value {
            notes += 1;
            let _ = writeln!(out, "#{notes}\tAnnotatorNotes T{}\t{value}", n + 1);
        }
    }
    out
}

fn to_doccano(document: &Document) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<&'a crate::document::DocumentId>,
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

fn to_w3c(document: &Document, pretty: bool) -> String {
    let chars: Vec<char> = document.text.chars().collect();
    let context = |from: usize, to: usize| {
        chars[from.min(chars.len())..to.min(chars.len())]
            .iter()
            .collect::<String>()
    };
    let items: Vec<serde_json::Value> = document
        .annotations
        .iter()
        .enumerate()
        .map(|(n, a)| {
            let mut bodies = vec![serde_json::json!({ "type": "TextualBody", "purpose": "tagging", "value": a.label.as_str() })];
            if let Some(value) = &a.value {
                bodies.push(serde_json::json!({ "type": "TextualBody", "purpose": "describing", "value": value }));
            }
            serde_json::json!({
                "id": format!("#annotation-{}", n + 1),
                "type": "Annotation",
                "motivation": "tagging",
                "creator": if a.source == crate::document::Source::Person { "person" } else { "gloss" },
                "body": bodies,
                "target": {
                    "source": "#text",
                    "selector": [
                        { "type": "TextPositionSelector", "start": a.start, "end": a.end },
                        {
                            "type": "TextQuoteSelector",
                            "exact": a.text,
                            "prefix": context(a.start.saturating_sub(32), a.start),
                            "suffix": context(a.end, a.end + 32),
                        }
                    ]
                }
            })
        })
        .collect();
    let mut text = serde_json::json!({ "id": "#text", "type": "Text", "value": document.text });
    if let Some(id) = &document.id {
        // The Web Annotation context's `label` (rdfs:label) names the text.
        text["label"] = serde_json::Value::String(id.to_string());
    }
    let page = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationPage",
        "partOf": text,
        "items": items,
    });
    if pretty {
        serde_json::to_string_pretty(&page).expect("JSON values serialize") + "\n"
    } else {
        json(&page) + "\n"
    }
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data serializes")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Annotation, Label, ReferenceDateSource, Source, FORMAT};

    fn sample() -> Document {
        let text = "😀 Rustem Umerov met\nin Kyiv on Dec. 5.";
        let chars: Vec<char> = text.chars().collect();
        let mark = |start: usize, end: usize, label, value: Option<&str>| Annotation {
            start,
            end,
            label,
            text: chars[start..end].iter().collect(),
            value: value.map(str::to_string),
            confidence: None,
            source: Source::Model,
            entity: None,
        };
        Document {
            format: FORMAT.into(),
            id: None,
            text: text.into(),
            reference_date: "2025-12-21".into(),
            reference_date_source: ReferenceDateSource::Given,
            annotations: vec![
                mark(2, 15, Label::Person, None),
                mark(16, 23, Label::Place, None), // "met\nin " crosses a line: artificial, for brat
                mark(31, 37, Label::Date, Some("2025-12-05")),
            ],
            entities: Vec::new(),
            edits: Default::default(),
        }
    }

    #[test]
    fn conll_tags_tokens_with_bio() {
        let out = convert(&sample(), Format::Conll);
        let tagged: Vec<&str> = out.lines().collect();
        assert_eq!(
            tagged,
            [
                "😀\tO",
                "Rustem\tB-PERSON",
                "Umerov\tI-PERSON",
                "met\tB-PLACE",
                "", // a line break ends the sentence, and a new sentence starts a new chunk
                "in\tB-PLACE",
                "Kyiv\tO",
                "on\tO",
                "Dec.\tB-DATE",
                "5\tI-DATE",
                ".\tO",
                ""
            ]
        );
    }

    #[test]
    fn brat_counts_code_points_and_splits_at_line_breaks() {
        let out = convert(&sample(), Format::Brat);
        assert_eq!(
            out,
            "T1\tPERSON 2 15\tRustem Umerov\nT2\tPLACE 16 19;20 23\tmet in \nT3\tDATE 31 37\tDec. 5\n#1\tAnnotatorNotes T3\t2025-12-05\n"
        );
    }

    #[test]
    fn doccano_and_w3c_carry_offsets_and_labels() {
        let doc = sample();
        let line: serde_json::Value =
            serde_json::from_str(&convert(&doc, Format::Doccano)).unwrap();
        assert_eq!(line["label"][0], serde_json::json!([2, 15, "PERSON"]));
        let page: serde_json::Value = serde_json::from_str(&convert(&doc, Format::W3c)).unwrap();
        let third = &page["items"][2];
        assert_eq!(
            third["target"]["selector"][0],
            serde_json::json!({"type": "TextPositionSelector", "start": 31, "end": 37})
        );
        assert_eq!(third["target"]["selector"][1]["exact"], "Dec. 5");
        assert_eq!(third["target"]["selector"][1]["suffix"], ".");
        assert_eq!(third["body"][1]["value"], "2025-12-05");
    }

    #[test]
    fn every_format_is_found_by_its_name_and_gloss_is_the_cli_json() {
        for (i, f) in FORMATS.iter().enumerate() {
            assert_eq!(Format::from_name(f.name), Some(f.format));
            for g in &FORMATS[i + 1..] {
                assert_ne!(f.name, g.name);
                assert_ne!(f.extension, g.extension);
            }
        }
        assert_eq!(Format::from_name("xml"), None);
        assert_eq!(Format::names("|"), "gloss|conll|brat|doccano|w3c");
        let doc = sample();
        let json = convert(&doc, Format::Gloss);
        assert!(json.ends_with("}\n") && json.contains("\n  \"text\": "));
        assert_eq!(Document::from_json(&json).unwrap(), doc);
    }

    #[test]
    fn a_document_with_an_id_says_so_in_every_batch_format() {
        let mut doc = sample();
        assert!(!convert(&doc, Format::Conll).contains("DOCSTART"));
        doc.id = Some(crate::document::DocumentId::Text("a\tb.txt".into()));
        let conll = convert(&doc, Format::Conll);
        assert!(
            conll.starts_with("-DOCSTART- \"a\\tb.txt\"\tO\n\n😀\tO\n"),
            "{conll}"
        );
        for format in [Format::Gloss, Format::Doccano, Format::W3c] {
            let line = convert_line(&doc, format).unwrap();
            assert_eq!(line.lines().count(), 1, "{format:?}");
            let value: serde_json::Value = serde_json::from_str(&line).unwrap();
            let id = if format == Format::W3c {
                &value["partOf"]["label"]
            } else {
                &value["id"]
            };
            assert_eq!(id, "a\tb.txt", "{format:?}");
        }
        assert_eq!(
            Document::from_json(&convert_line(&doc, Format::Gloss).unwrap()).unwrap(),
            doc
        );
        assert_eq!(convert_line(&doc, Format::Conll), None);
        assert_eq!(convert_line(&doc, Format::Brat), None);
    }
}
