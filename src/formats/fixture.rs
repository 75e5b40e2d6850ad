//! A small linked document for the format tests: an emoji before everything
//! (one code point, two UTF-16 units), a combining diaeresis ("Zoe\u{308}"),
//! Cyrillic and CJK places, a place resolved twice under two spellings, one
//! resolved place whose GeoNames name differs from its entity name, and one
//! place that is not resolved.

use crate::document::Document;

/// `😀 Zoë Martín flew from Київ to 東京 and Atlantis on Dec. 5. Kiev cheered.`
pub(super) fn places() -> Document {
    let kyiv = serde_json::json!({
        "geonames_id": 703448, "name": "Kyiv", "country": "UA", "admin1": "Kyiv City",
        "lat": 50.45466, "lon": 30.5238, "kind": "city", "population": 2797553, "score": 0.97
    });
    let tokyo = serde_json::json!({
        "geonames_id": 1850147, "name": "Tokyo", "country": "JP", "admin1": "Tokyo",
        "lat": 35.6895, "lon": 139.69171, "kind": "city", "population": 8336599, "score": 0.9
    });
    let json = serde_json::json!({
        "format": "gloss/3",
        "text": "😀 Zoe\u{308} Martín flew from Київ to 東京 and Atlantis on Dec. 5. Kiev cheered.",
        "reference_date": "2025-12-21",
        "reference_date_source": "given",
        "annotations": [
            { "start": 2, "end": 13, "label": "PERSON", "text": "Zoe\u{308} Martín", "confidence": 0.9, "source": "model", "entity": "E1" },
            { "start": 24, "end": 28, "label": "PLACE", "text": "Київ", "confidence": 0.95, "source": "model", "entity": "E2" },
            { "start": 32, "end": 34, "label": "PLACE", "text": "東京", "source": "person", "entity": "E3" },
            { "start": 39, "end": 47, "label": "PLACE", "text": "Atlantis", "confidence": 0.612, "source": "model", "entity": "E4" },
            { "start": 51, "end": 57, "label": "DATE", "text": "Dec. 5", "value": "2025-12-05", "source": "model" },
            { "start": 59, "end": 63, "label": "PLACE", "text": "Kiev", "confidence": 0.88, "source": "model", "entity": "E2" }
        ],
        "entities": [
            { "id": "E1", "label": "PERSON", "name": "Zoe\u{308} Martín", "mentions": 1 },
            { "id": "E2", "label": "PLACE", "name": "Kyiv", "mentions": 2, "geonames_id": 703448,
              "country": "UA", "admin1": "Kyiv City", "lat": 50.45466, "lon": 30.5238, "kind": "city",
              "candidates": [kyiv] },
            { "id": "E3", "label": "PLACE", "name": "東京", "mentions": 1, "geonames_id": 1850147,
              "country": "JP", "admin1": "Tokyo", "lat": 35.6895, "lon": 139.69171, "kind": "city",
              "candidates": [tokyo] },
            { "id": "E4", "label": "PLACE", "name": "Atlantis", "mentions": 1 }
        ]
    });
    Document::from_json(&json.to_string()).expect("the fixture is a valid gloss/3 document")
}
