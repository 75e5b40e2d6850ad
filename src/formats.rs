//! The export and import formats, defined once in [`FORMATS`] (name,
//! extension, media type, the extensions import reads; the CLI's `--format`
//! and `--from` and the page's menus list them from there), and the
//! dispatch to each format's module, which writes a [`Document`] and, for
//! the formats import reads, reads it back: CoNLL ([`conll`]), brat standoff
//! and its zip ([`brat`]), doccano ([`doccano`]), W3C Web Annotation
//! ([`w3c`]), spaCy ([`spacy`]), Label Studio ([`label_studio`]); CSV
//! ([`csv`]) and GeoJSON ([`geojson`]) are written only. What every importer
//! shares is in [`import`].
//!
//! Every format here counts offsets in code points, like `gloss/3` (brat,
//! doccano, the W3C model, spaCy and Label Studio's text regions all index
//! characters, not UTF-16 units); `docs/format.md` says so per format.

mod brat;
mod conll;
mod csv;
mod doccano;
#[cfg(test)]
mod fixture;
mod geojson;
mod import;
mod label_studio;
mod spacy;
mod w3c;
mod zip;

pub use import::{ImportError, ImportOptions, Imported, Input};

use std::collections::BTreeMap;

use serde::Serialize;

use crate::document::{Annotation, Document, DocumentId};
use crate::entities::Entity;
use crate::span::CharIndex;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `gloss/3` JSON itself, pretty-printed: what `gloss annotate FILE` prints.
    Gloss,
    /// One token per line with a BIO tag, a blank line between sentences.
    Conll,
    /// brat standoff annotation (`.ann`), to sit beside the text as `.txt`.
    Brat,
    /// A zip of the text (`.txt`), its `.ann` and brat's `annotation.conf`.
    BratZip,
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
    /// Bytes rather than text (a zip): the page receives a `Uint8Array`.
    pub binary: bool,
    /// The file extensions import reads this format from (several formats
    /// share `json` and `jsonl`: their content tells them apart); empty for
    /// a format that is only written.
    pub import_extensions: &'static [&'static str],
}

const fn row(
    format: Format,
    name: &'static str,
    title: &'static str,
    extension: &'static str,
    mime_type: &'static str,
    import_extensions: &'static [&'static str],
) -> FormatInfo {
    FormatInfo {
        format,
        name,
        title,
        extension,
        mime_type,
        binary: false,
        import_extensions,
    }
}

/// Every export format, `gloss/3` first (the order of [`Format`]).
pub const FORMATS: [FormatInfo; 11] = [
    row(
        Format::Gloss,
        "gloss",
        "Gloss JSON",
        "json",
        "application/json",
        &["json", "jsonl"],
    ),
    row(
        Format::Conll,
        "conll",
        "CoNLL",
        "conll",
        "text/plain",
        &["conll", "iob", "bio", "tsv"],
    ),
    // brat's .ann points into the .txt of the same name: import takes both.
    row(
        Format::Brat,
        "brat",
        "brat standoff",
        "ann",
        "text/plain",
        &["ann", "txt"],
    ),
    FormatInfo {
        binary: true,
        ..row(
            Format::BratZip,
            "brat-zip",
            "brat standoff, zip of .txt, .ann and annotation.conf",
            "brat.zip",
            "application/zip",
            &["zip"],
        )
    },
    row(
        Format::Doccano,
        "doccano",
        "doccano",
        "jsonl",
        "application/jsonl",
        &["jsonl", "json"],
    ),
    // The media type the Web Annotation protocol gives its JSON-LD.
    row(
        Format::W3c,
        "w3c",
        "W3C Web Annotation",
        "jsonld",
        "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"",
        &["jsonld", "json", "jsonl"],
    ),
    row(
        Format::Spacy,
        "spacy",
        "spaCy / Prodigy",
        "spacy.jsonl",
        "application/jsonl",
        &["jsonl"],
    ),
    row(
        Format::LabelStudio,
        "label-studio",
        "Label Studio tasks",
        "label-studio.json",
        "application/json",
        &["json"],
    ),
    // Two CSV tables: the extension says which, so that both can sit in one folder.
    row(
        Format::MentionsCsv,
        "mentions-csv",
        "CSV of mentions",
        "mentions.csv",
        "text/csv",
        &[],
    ),
    row(
        Format::EntitiesCsv,
        "entities-csv",
        "CSV of entities",
        "entities.csv",
        "text/csv",
        &[],
    ),
    row(
        Format::Geojson,
        "geojson",
        "GeoJSON places",
        "geojson",
        "application/geo+json",
        &[],
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

    /// True when import reads this format.
    pub fn is_importable(self) -> bool {
        !self.info().import_extensions.is_empty()
    }
}

/// Writes `document` in `format`: the file's bytes. The document must be
/// valid ([`Document::validate`]); offsets outside the text are skipped.
pub fn export(document: &Document, format: Format) -> Vec<u8> {
    match format {
        Format::BratZip => brat::write_zip(document),
        _ => convert(document, format).into_bytes(),
    }
}

/// Writes `document` in a text `format` (every format but the binary
/// `brat-zip`, whose text part, the `.ann`, this gives; [`export`] gives the zip).
pub fn convert(document: &Document, format: Format) -> String {
    match format {
        Format::Gloss => {
            serde_json::to_string_pretty(document).expect("documents serialize") + "\n"
        }
        Format::Conll => conll::write(document),
        Format::Brat | Format::BratZip => brat::write(document),
        Format::Doccano => doccano::write(document),
        Format::W3c => w3c::write(document, true),
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
        Format::Doccano => Some(doccano::write(document)),
        Format::W3c => Some(w3c::write(document, false)),
        Format::Spacy => Some(spacy::to_spacy(document)),
        Format::Conll
        | Format::Brat
        | Format::BratZip
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

/// The document's place entities that have a GeoNames record, by id. A
/// region Gloss curates without one (`geonames_id` 0: Donbas) has no URI to
/// link to.
fn resolved_places(document: &Document) -> BTreeMap<&str, &Entity> {
    document
        .entities
        .iter()
        .filter(|e| e.geonames_id.is_some_and(|id| id != 0))
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

/// The format of the files given to import: the zip, the brat pair, or
/// each file's extension and, for the JSON ones, its content (a gloss
/// document's `format`, a W3C page's `type`, Label Studio's `data`, spaCy's
/// `spans`, doccano's `label`). `None` when nothing tells, or the files are
/// of several formats.
pub fn detect(inputs: &[Input]) -> Option<Format> {
    let extension = |name: &str| -> String {
        let name = name.to_ascii_lowercase();
        // The longest table extension that ends the name: "x.spacy.jsonl" is spaCy's.
        FORMATS
            .iter()
            .map(|f| f.extension)
            .filter(|e| name.ends_with(&format!(".{e}")))
            .max_by_key(|e| e.len())
            .map_or_else(
                || name.rsplit_once('.').map_or("", |(_, e)| e).to_string(),
                str::to_string,
            )
    };
    let extensions: Vec<String> = inputs.iter().map(|i| extension(i.name)).collect();
    let has = |e: &str| {
        extensions
            .iter()
            .any(|x| x == e || x.ends_with(&format!(".{e}")))
    };
    if has("zip") {
        return Some(Format::BratZip);
    }
    if has("ann") {
        return Some(Format::Brat);
    }
    let [input] = inputs else {
        let first = detect(inputs.first().map(std::slice::from_ref)?)?;
        return inputs
            .iter()
            .all(|i| detect(std::slice::from_ref(i)) == Some(first))
            .then_some(first);
    };
    let by_extension = FORMATS
        .iter()
        .find(|f| f.extension == extensions[0] && f.extension.contains('.'))
        .map(|f| f.format);
    if by_extension.is_some_and(Format::is_importable) {
        return by_extension;
    }
    if matches!(extensions[0].as_str(), "conll" | "iob" | "bio" | "tsv") {
        return Some(Format::Conll);
    }
    let text = std::str::from_utf8(input.bytes).ok()?;
    let text = text.trim_start_matches('\u{feff}').trim_start();
    // The first JSON value: the whole file, else its first line (JSON Lines).
    let first: serde_json::Value = serde_json::from_str(text)
        .or_else(|_| serde_json::from_str(text.lines().next().unwrap_or("")))
        .ok()?;
    let object = match &first {
        serde_json::Value::Array(tasks) => {
            return tasks
                .first()
                .is_none_or(|t| t.get("data").is_some())
                .then_some(Format::LabelStudio)
        }
        serde_json::Value::Object(object) => object,
        _ => return None,
    };
    let key = |k: &str| object.contains_key(k);
    Some(if key("format") {
        Format::Gloss
    } else if key("@context") || key("items") || key("partOf") {
        Format::W3c
    } else if key("data") {
        Format::LabelStudio
    } else if key("spans") || key("tokens") {
        Format::Spacy
    } else if key("label") || key("entities") {
        Format::Doccano
    } else {
        return None;
    })
}

/// Why [`detect`] tells no format for `inputs`, a sentence naming them.
pub fn undetected(inputs: &[Input]) -> String {
    let names: Vec<&str> = inputs.iter().map(|i| i.name).collect();
    let lone_text = matches!(inputs, [one] if one.name.to_ascii_lowercase().ends_with(".txt"));
    format!(
        "Gloss cannot tell the format of {} from {} and content{}.",
        names.join(", "),
        if names.len() == 1 {
            "its name"
        } else {
            "their names"
        },
        if lone_text {
            ": a .txt alone is plain text (to annotate it, paste it or use gloss annotate; \
             brat's .txt comes with its .ann)"
        } else if names.len() > 1 {
            ", or they are of several formats"
        } else {
            ""
        }
    )
}

/// Reads the documents of `inputs` in `format` ([`detect`] tells it),
/// each a valid `gloss/3` document: the file's own `gloss` documents as
/// they are, the other formats' mentions with the reference date of
/// `options` and their entities linked. In a batch (several documents) a
/// document the file gives no id gets its file's name as `id`, and the line
/// it starts on when the file holds several. A malformed file refuses the
/// whole import, naming the file and line.
pub fn import(
    format: Format,
    inputs: &[Input],
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let mut notes = import::Notes::default();
    let mut read: Vec<(String, Vec<Document>)> = Vec::new();
    let build = |file: &str, drafts: Vec<import::Draft>, notes: &mut import::Notes| {
        drafts
            .into_iter()
            .map(|d| import::build(d, file, options, notes))
            .collect::<Result<Vec<Document>, ImportError>>()
    };
    if matches!(format, Format::Brat | Format::BratZip) {
        for (file, draft) in brat::read(inputs, &mut notes)? {
            let document = import::build(draft, &file, options, &mut notes)?;
            read.push((file, vec![document]));
        }
    } else {
        for input in inputs {
            let file = input.name;
            let text = import::text_of(file, input.bytes)?;
            let json = import::without_bom(text);
            let documents = match format {
                Format::Gloss => read_gloss(file, json)?,
                Format::Conll => build(file, conll::read(file, text)?, &mut notes)?,
                Format::Doccano => build(file, doccano::read(file, json)?, &mut notes)?,
                Format::W3c => build(file, w3c::read(file, json)?, &mut notes)?,
                Format::Spacy => build(file, spacy::read(file, json)?, &mut notes)?,
                Format::LabelStudio => build(
                    file,
                    label_studio::read(file, json, &mut notes)?,
                    &mut notes,
                )?,
                Format::Brat
                | Format::BratZip
                | Format::MentionsCsv
                | Format::EntitiesCsv
                | Format::Geojson => {
                    return Err(ImportError::new(
                        file,
                        None,
                        format!(
                            "Gloss does not import {}: it is written only.",
                            format.info().title
                        ),
                    ))
                }
            };
            if documents.is_empty() {
                return Err(ImportError::new(
                    file,
                    None,
                    format!("It holds no {} document.", format.info().title),
                ));
            }
            read.push((file.to_string(), documents));
        }
    }
    let batch = read.iter().map(|(_, d)| d.len()).sum::<usize>() > 1;
    let mut documents = Vec::new();
    for (file, docs) in read {
        let several = docs.len() > 1;
        for (n, mut document) in docs.into_iter().enumerate() {
            if batch && document.id.is_none() {
                document.id = Some(DocumentId::Text(if several {
                    format!("{file}#{}", n + 1)
                } else {
                    file.clone()
                }));
            }
            documents.push(document);
        }
    }
    Ok(Imported {
        documents,
        notes: notes.into_lines(),
    })
}

/// `gloss/1`, `gloss/2` or `gloss/3` documents: one JSON document, or one per line.
fn read_gloss(file: &str, text: &str) -> Result<Vec<Document>, ImportError> {
    let whole = Document::from_json(text);
    let many_lines = text.trim().lines().count() > 1;
    match whole {
        Ok(document) => Ok(vec![document]),
        Err(crate::document::DocumentError::NotADocument(_)) if many_lines => {
            import::numbered_lines(text)
                .map(|(n, line)| {
                    Document::from_json(line)
                        .map_err(|e| ImportError::new(file, Some(n), sentence(&e.to_string())))
                })
                .collect()
        }
        Err(e) => Err(ImportError::new(file, None, sentence(&e.to_string()))),
    }
}

/// `message` as a sentence: a capital first letter.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
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
            "gloss|conll|brat|brat-zip|doccano|w3c|spacy|label-studio|mentions-csv|entities-csv|geojson"
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
        for format in [Format::Gloss, Format::Doccano, Format::W3c, Format::Spacy] {
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
