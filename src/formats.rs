//! The export formats, defined once in [`FORMATS`] (name, extension, media
//! type; the CLI's `--format` and the page's export menu list them from
//! there), and the conversions from a [`Document`]: `gloss/2` JSON itself,
//! CoNLL (BIO tags per token), brat standoff (`.ann`), doccano JSON Lines and
//! W3C Web Annotation JSON-LD here; spaCy JSON Lines ([`spacy`]), Label
//! Studio tasks ([`label_studio`]), CSV of mentions and of entities
//! ([`csv`]) and GeoJSON places ([`geojson`]) in their own modules.
//!
//! Every format here counts offsets in code points, like `gloss/2` (brat,
//! doccano, the W3C model, spaCy and Label Studio's text regions all index
//! characters, not UTF-16 units); `docs/format.md` says so per format.

mod csv;
#[cfg(test)]
mod fixture;
mod geojson;
mod label_studio;
mod spacy;

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use crate::document::{Annotation, Document};
use crate::entities::Entity;
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
    /// spaCy / Prodigy JSON Lines: text, character spans and tokens.
    Spacy,
    /// A Label Studio task list whose `predictions` pre-annotate a project.
    LabelStudio,
    /// CSV, one row per mention.
    MentionsCsv,
    /// CSV, one row per entity.
    EntitiesCsv,
    /// GeoJSON: a FeatureCollection of the resolved places.
    Geojson,
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
pub const FORMATS: [FormatInfo; 10] = [
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
    row(
        Format::Spacy,
        "spacy",
        "spaCy / Prodigy",
        "spacy.jsonl",
        "application/jsonl",
    ),
    row(
        Format::LabelStudio,
        "label-studio",
        "Label Studio tasks",
        "label-studio.json",
        "application/json",
    ),
    // Two CSV tables: the extension says which, so that both can sit in one folder.
    row(
        Format::MentionsCsv,
        "mentions-csv",
        "CSV of mentions",
        "mentions.csv",
        "text/csv",
    ),
    row(
        Format::EntitiesCsv,
        "entities-csv",
        "CSV of entities",
        "entities.csv",
        "text/csv",
    ),
    row(
        Format::Geojson,
        "geojson",
        "GeoJSON places",
        "geojson",
        "application/geo+json",
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
        Format::Spacy => spacy::to_spacy(document),
        Format::LabelStudio => label_studio::to_label_studio(document),
        Format::MentionsCsv => csv::mentions(document),
        Format::EntitiesCsv => csv::entities(document),
        Format::Geojson => geojson::to_geojson(document),
    }
}

/// Writes `document` as one line of JSON Lines, ending in a newline, for the
/// formats that are one JSON value per document (gloss, doccano, w3c, spacy):
/// how a batch writes them. `None` for the others.
pub fn convert_line(document: &Document, format: Format) -> Option<String> {
    match format {
        Format::Gloss => Some(json(document) + "\n"),
        Format::Doccano => Some(to_doccano(document)),
        Format::W3c => Some(to_w3c(document, false)),
        Format::Spacy => Some(spacy::to_spacy(document)),
        Format::Conll
        | Format::Brat
        | Format::LabelStudio
        | Format::MentionsCsv
        | Format::EntitiesCsv
        | Format::Geojson => None,
    }
}

/// The GeoNames URI of a record: what the W3C `identifying` body and the
/// GeoJSON `geonames_uri` link to.
pub fn geonames_uri(geonames_id: u32) -> String {
    format!("https://sws.geonames.org/{geonames_id}/")
}

/// The document's place entities that have a GeoNames record, by id.
fn resolved_places(document: &Document) -> BTreeMap<&str, &Entity> {
    document
        .entities
        .iter()
        .filter(|e| e.geonames_id.is_some())
        .map(|e| (e.id.as_str(), e))
        .collect()
}

/// The GeoNames id of the place `annotation` names, when it is resolved.
fn geonames_id_of(places: &BTreeMap<&str, &Entity>, annotation: &Annotation) -> Option<u32> {
    places.get(annotation.entity.as_deref()?)?.geonames_id
}

/// The annotations as `(start, end, label)` in bytes, in order; offsets
/// outside the text are skipped.
fn byte_spans(document: &Document, index: &CharIndex) -> Vec<(usize, usize, &'static str)> {
    document
        .annotations
        .iter()
        .filter_map(|a| {
            Some((
                index.byte_of_char(a.start)?,
                index.byte_of_char(a.end)?,
                a.label.as_str(),
            ))
        })
        .collect()
}

fn to_conll(document: &Document) -> String {
    let text = &document.text;
    let spans = byte_spans(document, &CharIndex::new(text));
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
    let places = resolved_places(document);
    let mut out = String::new();
    let mut notes = 0;
    let mut normalizations = 0;
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
        let _ = writeln!(
            out,
            "T{}\t{} {}\t{}",
            n + 1,
            a.label,
            fragments.join(";"),
            one_line(&a.text)
        );
        if let Some(value) = &a.value {
            notes += 1;
            let _ = writeln!(out, "#{notes}\tAnnotatorNotes T{}\t{value}", n + 1);
        }
        // A resolved place is normalized to its GeoNames record, named as GeoNames names it.
        if let Some(place) = a.entity.as_deref().and_then(|id| places.get(id)) {
            if let Some(id) = place.geonames_id {
                let name = place
                    .candidates
                    .iter()
                    .find(|c| c.geonames_id == id)
                    .map_or(&place.name, |c| &c.name);
                normalizations += 1;
                let _ = writeln!(
                    out,
                    "N{normalizations}\tReference T{} GeoNames:{id}\t{}",
                    n + 1,
                    one_line(name)
                );
            }
        }
    }
    out
}

/// `text` with its line breaks as spaces: a brat line holds one annotation.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect()
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
    let places = resolved_places(document);
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
            if let Some(id) = geonames_id_of(&places, a) {
                bodies.push(serde_json::json!({ "type": "SpecificResource", "purpose": "identifying", "source": geonames_uri(id) }));
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
    use crate::formats::fixture;

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
        assert_eq!(
            Format::names("|"),
            "gloss|conll|brat|doccano|w3c|spacy|label-studio|mentions-csv|entities-csv|geojson"
        );
        let doc = sample();
        let json = convert(&doc, Format::Gloss);
        assert!(json.ends_with("}\n") && json.contains("\n  \"text\": "));
        assert_eq!(Document::from_json(&json).unwrap(), doc);
    }

    #[test]
    fn brat_normalizes_resolved_places_right_after_their_mentions() {
        let out = convert(&fixture::places(), Format::Brat);
        assert_eq!(
            out,
            "T1\tPERSON 2 13\tZoe\u{308} Martín\n\
             T2\tPLACE 24 28\tКиїв\n\
             N1\tReference T2 GeoNames:703448\tKyiv\n\
             T3\tPLACE 32 34\t東京\n\
             N2\tReference T3 GeoNames:1850147\tTokyo\n\
             T4\tPLACE 39 47\tAtlantis\n\
             T5\tDATE 51 57\tDec. 5\n\
             #1\tAnnotatorNotes T5\t2025-12-05\n\
             T6\tPLACE 59 63\tKiev\n\
             N3\tReference T6 GeoNames:703448\tKyiv\n"
        );
        // brat's reader: `N<id> Reference <T id> <DB>:<ID>`, and each N line
        // comes after the T line it refers to.
        let mut seen = Vec::new();
        for line in out.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields[0].starts_with('T') {
                seen.push(fields[0]);
            } else if fields[0].starts_with('N') {
                let words: Vec<&str> = fields[1].split(' ').collect();
                assert_eq!(words[0], "Reference", "{line}");
                assert_eq!(seen.last(), Some(&words[1]), "{line}");
                assert!(words[2].starts_with("GeoNames:"), "{line}");
            }
        }
    }

    #[test]
    fn w3c_identifies_resolved_places_by_their_geonames_uri() {
        let doc = fixture::places();
        let page: serde_json::Value = serde_json::from_str(&convert(&doc, Format::W3c)).unwrap();
        let items = page["items"].as_array().unwrap();
        let identified: Vec<(&str, Option<&str>)> = items
            .iter()
            .map(|item| {
                let bodies = item["body"].as_array().unwrap();
                let identifying: Vec<&serde_json::Value> = bodies
                    .iter()
                    .filter(|b| b["purpose"] == "identifying")
                    .collect();
                assert!(identifying.len() <= 1);
                (
                    item["target"]["selector"][1]["exact"].as_str().unwrap(),
                    identifying.first().map(|b| {
                        assert_eq!(b["type"], "SpecificResource");
                        b["source"].as_str().unwrap()
                    }),
                )
            })
            .collect();
        assert_eq!(
            identified,
            [
                ("Zoe\u{308} Martín", None),
                ("Київ", Some("https://sws.geonames.org/703448/")),
                ("東京", Some("https://sws.geonames.org/1850147/")),
                ("Atlantis", None),
                ("Dec. 5", None),
                ("Kiev", Some("https://sws.geonames.org/703448/")),
            ]
        );
        // Everything else is as before: the tagging body first, code-point selectors.
        let tokyo = &items[2];
        assert_eq!(
            tokyo["body"][0],
            serde_json::json!({"type": "TextualBody", "purpose": "tagging", "value": "PLACE"})
        );
        assert_eq!(
            tokyo["target"]["selector"][0],
            serde_json::json!({"type": "TextPositionSelector", "start": 32, "end": 34})
        );
        assert_eq!(tokyo["body"].as_array().unwrap().len(), 2);
        // Without entities (gloss/1), no annotation is identified.
        let mut unlinked = doc.clone();
        unlinked.entities.clear();
        unlinked
            .annotations
            .iter_mut()
            .for_each(|a| a.entity = None);
        assert!(!convert(&unlinked, Format::W3c).contains("identifying"));
        assert!(!convert(&unlinked, Format::Brat).contains("\nN1\t"));
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
