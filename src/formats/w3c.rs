//! W3C Web Annotation JSON-LD: an `AnnotationPage` whose `partOf` is the
//! text, with one tagging annotation per mention (`TextPositionSelector` in
//! code points, as the model requires, and a `TextQuoteSelector`), the
//! TIMEX3 value as a `describing` body and a resolved place's GeoNames URI as
//! an `identifying` one. The reader takes such a page (pretty, or one per
//! line), places a mention by its position selector, else by its quote
//! selector (the occurrence whose prefix and suffix match), and checks the
//! one against the other.

use serde::Deserialize;

use super::import::{numbered_lines, Draft, ImportError, Mention};
use super::{geonames_uri, json, resolved_places};
use crate::document::{Document, DocumentId, Source};

pub(super) fn write(document: &Document, pretty: bool) -> String {
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
            if let Some(id) = super::geonames_id_of(&places, a) {
                bodies.push(serde_json::json!({ "type": "SpecificResource", "purpose": "identifying", "source": geonames_uri(id) }));
            }
            serde_json::json!({
                "id": format!("#annotation-{}", n + 1),
                "type": "Annotation",
                "motivation": "tagging",
                "creator": if a.source == Source::Person { "person" } else { "gloss" },
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

#[derive(Deserialize)]
struct Page {
    #[serde(rename = "partOf")]
    part_of: Option<Text>,
    #[serde(default)]
    items: Vec<Item>,
}

#[derive(Deserialize)]
struct Text {
    value: Option<String>,
    label: Option<DocumentId>,
}

#[derive(Deserialize)]
struct Item {
    #[serde(default)]
    creator: Option<serde_json::Value>,
    #[serde(default)]
    body: OneOrMany<Body>,
    target: Target,
}

/// A property the model lets be one value or a list (`body`, `selector`).
enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

// By hand rather than `#[serde(untagged)]`, which buffers every value and costs the wasm core more.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Either<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Either<T> {
            type Value = OneOrMany<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object or a list of objects")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(OneOrMany::One)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut many = Vec::new();
                while let Some(one) = seq.next_element()? {
                    many.push(one);
                }
                Ok(OneOrMany::Many(many))
            }
        }
        deserializer.deserialize_any(Either(std::marker::PhantomData))
    }
}

impl<T> Default for OneOrMany<T> {
    fn default() -> Self {
        OneOrMany::Many(Vec::new())
    }
}

impl<T> OneOrMany<T> {
    fn into_vec(self) -> Vec<T> {
        match self {
            OneOrMany::One(one) => vec![one],
            OneOrMany::Many(many) => many,
        }
    }
}

#[derive(Deserialize)]
struct Body {
    #[serde(default)]
    purpose: Option<String>,
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

#[derive(Deserialize)]
struct Target {
    #[serde(default)]
    selector: OneOrMany<Selector>,
}

#[derive(Deserialize)]
struct Selector {
    #[serde(rename = "type")]
    kind: String,
    start: Option<usize>,
    end: Option<usize>,
    exact: Option<String>,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
}

/// The GeoNames id of a GeoNames URI (`https://sws.geonames.org/703448/`, or `www.geonames.org/703448`).
fn geonames_id(uri: &str) -> Option<u32> {
    let rest = uri.split_once("geonames.org/")?.1;
    rest.split('/').next()?.parse().ok()
}

pub(super) fn read(file: &str, text: &str) -> Result<Vec<Draft>, ImportError> {
    // One page (pretty JSON), or one per line.
    let pages: Vec<(Option<usize>, &str)> =
        match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Ok(_) => vec![(None, text)],
            Err(_) => numbered_lines(text).map(|(n, l)| (Some(n), l)).collect(),
        };
    let mut drafts = Vec::new();
    for (line, json) in pages {
        let page: Page = serde_json::from_str(json).map_err(|e| {
            ImportError::new(
                file,
                line,
                format!("It is not a W3C Web Annotation AnnotationPage: {e}."),
            )
        })?;
        let fail = |problem: String| Err(ImportError::new(file, line, problem));
        let Some(Text {
            value: Some(value),
            label,
        }) = page.part_of
        else {
            return fail(
                "The AnnotationPage carries no text (partOf.value): Gloss needs the text its \
                 annotations point into."
                    .into(),
            );
        };
        let chars: Vec<char> = value.chars().collect();
        let mut mentions = Vec::new();
        for (n, item) in page.items.into_iter().enumerate() {
            let which = format!("Annotation {}", n + 1);
            let mut label_name = None;
            let mut mention = Mention {
                line,
                source: Some(match item.creator.as_ref().and_then(|c| c.as_str()) {
                    Some("gloss") => Source::Model,
                    _ => Source::Person,
                }),
                ..Mention::default()
            };
            for body in item.body.into_vec() {
                match body.purpose.as_deref() {
                    Some("tagging") | Some("classifying") | None if label_name.is_none() => {
                        label_name = body.value
                    }
                    Some("describing") => mention.value = body.value,
                    Some("identifying") => {
                        mention.geonames_id = body.source.as_deref().and_then(geonames_id)
                    }
                    _ => {}
                }
            }
            let Some(label_name) = label_name else {
                return fail(format!(
                    "{which} has no tagging body: its label is a body {{\"purpose\": \"tagging\", \"value\": \"PERSON\"}}."
                ));
            };
            mention.label = label_name;
            let selectors = item.target.selector.into_vec();
            let position = selectors.iter().find(|s| s.kind == "TextPositionSelector");
            let quote = selectors.iter().find(|s| s.kind == "TextQuoteSelector");
            match (position, quote) {
                (Some(Selector {
                    start: Some(start),
                    end: Some(end),
                    ..
                }), _) => {
                    mention.start = *start;
                    mention.end = *end;
                    mention.text = quote.and_then(|q| q.exact.clone());
                }
                (_, Some(q)) if q.exact.is_some() => {
                    let exact = q.exact.as_deref().unwrap_or_default();
                    let Some(start) = find_quote(&chars, exact, &q.prefix, &q.suffix) else {
                        return fail(format!(
                            "{which}'s quote {exact:?} is not in the text."
                        ));
                    };
                    mention.start = start;
                    mention.end = start + exact.chars().count();
                }
                _ => {
                    return fail(format!(
                        "{which} has no TextPositionSelector (start, end) or TextQuoteSelector (exact)."
                    ))
                }
            }
            mentions.push(mention);
        }
        drafts.push(Draft {
            id: label,
            text: value,
            mentions,
            line,
        });
    }
    Ok(drafts)
}

/// Where `exact` stands in `chars`: the occurrence whose prefix and suffix
/// match most characters of the selector's, the first on a tie.
fn find_quote(chars: &[char], exact: &str, prefix: &str, suffix: &str) -> Option<usize> {
    let exact: Vec<char> = exact.chars().collect();
    if exact.is_empty() || exact.len() > chars.len() {
        return None;
    }
    let prefix: Vec<char> = prefix.chars().collect();
    let suffix: Vec<char> = suffix.chars().collect();
    let score = |at: usize| {
        let before = prefix
            .iter()
            .rev()
            .zip(chars[..at].iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let after = suffix
            .iter()
            .zip(&chars[at + exact.len()..])
            .take_while(|(a, b)| a == b)
            .count();
        before + after
    };
    (0..=chars.len() - exact.len())
        .filter(|&at| chars[at..at + exact.len()] == exact[..])
        .max_by_key(|&at| (score(at), std::cmp::Reverse(at)))
}
