//! The WebAssembly binding: converts between JavaScript values and the core's
//! types, and nothing else. Objects cross as plain JSON-compatible values, the
//! same shape the CLI prints (offsets in code points).

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::calendar::Date;
use crate::document::Document;

/// Options as the page passes them: `{ reference_date, today }`, dates as
/// `YYYY-MM-DD` strings; `reference_date` may be null or absent.
#[derive(Deserialize)]
struct JsOptions {
    #[serde(default)]
    reference_date: Option<String>,
    today: String,
}

fn parse_date(field: &str, value: &str) -> Result<Date, JsError> {
    value
        .parse()
        .map_err(|e| JsError::new(&format!("The option {field} is refused: {e}")))
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}

fn options_of(options: JsValue) -> Result<crate::Options, JsError> {
    let options: JsOptions = serde_wasm_bindgen::from_value(options)
        .map_err(|e| JsError::new(&format!("options: {e}")))?;
    let reference_date = options
        .reference_date
        .as_deref()
        .map(|d| parse_date("reference_date", d))
        .transpose()?;
    let today = parse_date("today", &options.today)?;
    Ok(crate::Options {
        reference_date,
        today,
    })
}

/// Annotates `text`; returns the document as a plain object.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    to_js(&crate::annotate(text, &options_of(options)?))
}

/// Annotates `text` as `annotate` does, calling `progress(done, total)` as
/// the work advances (the page's worker posts it to the progress bar).
#[wasm_bindgen(js_name = annotateWithProgress)]
pub fn annotate_with_progress(
    text: &str,
    options: JsValue,
    progress: &js_sys::Function,
) -> Result<JsValue, JsError> {
    let document =
        crate::annotate_with_progress(text, &options_of(options)?, &mut |done, total| {
            // A throwing callback only loses a progress report.
            let _ = progress.call2(&JsValue::NULL, &done.into(), &total.into());
        });
    to_js(&document)
}

/// Reads a JS value as a document: through JSON text, so that the core's
/// strict reading (unknown fields refused) applies exactly as it does natively.
fn document_from_js(value: &JsValue) -> Result<Document, JsError> {
    Document::from_json(&json_of(value)?).map_err(|e| JsError::new(&e.to_string()))
}

fn json_of(value: &JsValue) -> Result<String, JsError> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| JsError::new("not a Gloss document: not JSON data"))
}

/// Checks a parsed JSON value against the export format; returns it as a
/// document object, or throws an error that says what is wrong.
#[wasm_bindgen(js_name = validateDocument)]
pub fn validate_document(value: JsValue) -> Result<JsValue, JsError> {
    to_js(&document_from_js(&value)?)
}

/// Recomputes a document's entities after the person's corrections and
/// applies its `edits`; returns `{ document, unapplied }`, `unapplied` being
/// the edits whose mentions are gone (they stay in the document's `edits`).
#[wasm_bindgen(js_name = linkEntities)]
pub fn link_entities(value: JsValue) -> Result<JsValue, JsError> {
    #[derive(serde::Serialize)]
    struct Linked {
        document: Document,
        unapplied: Vec<crate::entities::EntityEdit>,
    }
    let (document, unapplied) =
        crate::entities::link_json(&json_of(&value)?).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&Linked {
        document,
        unapplied,
    })
}

/// Converts a document (as `annotate` returns it) to the export format named
/// `format` (a `name` from `formats()`). Returns the file's text, or its
/// bytes (a `Uint8Array`) for a `binary` format.
#[wasm_bindgen(js_name = exportAs)]
pub fn export_as(value: JsValue, format: &str) -> Result<JsValue, JsError> {
    let format = crate::formats::Format::from_name(format)
        .ok_or_else(|| JsError::new(&format!("unknown export format {format:?}")))?;
    let bytes = crate::formats::export(&document_from_js(&value)?, format);
    Ok(if format.info().binary {
        js_sys::Uint8Array::from(bytes.as_slice()).into()
    } else {
        String::from_utf8(bytes)
            .expect("text formats are UTF-8")
            .into()
    })
}

/// Options of `importFiles`: `{ format?, reference_date?, today }`.
#[derive(Deserialize)]
struct JsImportOptions {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    reference_date: Option<String>,
    today: String,
}

/// Reads files of an importable format (`format`, a `name` from
/// `formats()`, else told by the files' names and content): `files` is
/// `[{name, bytes}]`, `bytes` a `Uint8Array`. Returns `{format, documents,
/// notes}` (see `formats::import`), or throws the reason, naming file and line.
#[wasm_bindgen(js_name = importFiles)]
pub fn import_files(files: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    #[derive(serde::Serialize)]
    struct Imported<'a> {
        format: &'a str,
        documents: Vec<Document>,
        notes: Vec<String>,
    }
    // Each `{name, bytes}` by hand: the bytes are copied in one go, not number by number.
    let files: Vec<(String, Vec<u8>)> = js_sys::Array::from(&files)
        .iter()
        .map(|file| {
            let field = |key: &str| js_sys::Reflect::get(&file, &JsValue::from_str(key)).ok();
            let name = field("name").and_then(|n| n.as_string());
            let bytes = field("bytes").filter(|b| b.is_instance_of::<js_sys::Uint8Array>());
            match (name, bytes) {
                (Some(name), Some(bytes)) => Ok((name, js_sys::Uint8Array::from(bytes).to_vec())),
                _ => Err(JsError::new(
                    "files: each is {name: string, bytes: Uint8Array}",
                )),
            }
        })
        .collect::<Result<_, _>>()?;
    let options: JsImportOptions = serde_wasm_bindgen::from_value(options)
        .map_err(|e| JsError::new(&format!("options: {e}")))?;
    let inputs: Vec<crate::formats::Input> = files
        .iter()
        .map(|(name, bytes)| crate::formats::Input { name, bytes })
        .collect();
    let format = match options.format.as_deref() {
        Some(name) => crate::formats::Format::from_name(name)
            .ok_or_else(|| JsError::new(&format!("unknown format {name:?}")))?,
        None => crate::formats::detect(&inputs)
            .ok_or_else(|| JsError::new(&crate::formats::undetected(&inputs)))?,
    };
    let import_options = crate::formats::ImportOptions {
        reference_date: options
            .reference_date
            .as_deref()
            .map(|d| parse_date("reference_date", d))
            .transpose()?,
        today: parse_date("today", &options.today)?,
    };
    let imported = crate::formats::import(format, &inputs, &import_options)
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&Imported {
        format: format.info().name,
        documents: imported.documents,
        notes: imported.notes,
    })
}

/// The labels, in display order: `[{name, title, key, temporal,
/// shown_by_default}]` (see `src/labels.rs`).
#[wasm_bindgen]
pub fn labels() -> Result<JsValue, JsError> {
    to_js(&crate::labels::LABELS)
}

/// The formats: `[{name, title, extension, mime_type, binary,
/// import_extensions}]` (see `src/formats.rs`).
#[wasm_bindgen]
pub fn formats() -> Result<JsValue, JsError> {
    to_js(&crate::formats::FORMATS)
}

/// The `format` tag of every exported document (`document::FORMAT`).
#[wasm_bindgen(js_name = documentFormat)]
pub fn document_format() -> String {
    crate::document::FORMAT.to_string()
}

/// The `format` tags Import reads, oldest first (`document::FORMATS_READ`).
#[wasm_bindgen(js_name = formatsRead)]
pub fn formats_read() -> Result<JsValue, JsError> {
    to_js(&crate::document::FORMATS_READ)
}

/// The document's DATE and TIME annotations in time order, each as
/// `{ annotation, start, end, precision, fuzzy }` (see `timeline::TimelineItem`).
#[wasm_bindgen]
pub fn timeline(value: JsValue) -> Result<JsValue, JsError> {
    to_js(&crate::timeline::timeline(&document_from_js(&value)?))
}

/// True when `value` is a well-formed TIMEX3 value (a person's edited date).
#[wasm_bindgen(js_name = isValidTimexValue)]
pub fn is_valid_timex_value(value: &str) -> bool {
    crate::timeline::is_valid_timex_value(value)
}

/// Adds the smaller towns (`pkg/towns.tsv`, fetched by the page after start)
/// to the place resolver; returns how many it holds. Later calls change nothing.
#[wasm_bindgen(js_name = loadTowns)]
pub fn load_towns(text: &str) -> usize {
    crate::places::gazetteer::load_towns(text)
}

/// The core's version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
