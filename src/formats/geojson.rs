//! GeoJSON (RFC 7946): the document's resolved places as a FeatureCollection,
//! one Point feature per place entity with a GeoNames record, its `id` the
//! entity id, its mentions listed with code-point offsets. Places the
//! resolver could not place have no coordinates and are left out.

use serde::Serialize;

use super::geonames_uri;
use crate::document::Document;

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    /// West, south, east, north; only when there are features.
    #[serde(skip_serializing_if = "Option::is_none")]
    bbox: Option<[f64; 4]>,
    features: Vec<Feature<'a>>,
}

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    geometry: Point,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    /// Longitude first, as RFC 7946 orders positions.
    coordinates: [f64; 2],
}

/// A feature's properties. `admin1` is `null` when the record has none, and
/// `geonames_id` and `geonames_uri` for a region Gloss curates without a
/// GeoNames record (Donbas), so that every feature has the same properties
/// (GIS tools build one table).
#[derive(Serialize)]
struct Properties<'a> {
    name: &'a str,
    geonames_id: Option<u32>,
    geonames_uri: Option<String>,
    country: Option<&'a str>,
    admin1: Option<&'a str>,
    kind: Option<&'a str>,
    mentions: usize,
    spans: Vec<Span<'a>>,
}

#[derive(Serialize)]
struct Span<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// Degrees to at most 6 decimals (about 10 cm), the precision RFC 7946 advises;
/// a tiny negative value becomes 0, not -0.
fn degrees(x: f64) -> f64 {
    (x * 1e6).round() / 1e6 + 0.0
}

pub(super) fn to_geojson(document: &Document) -> String {
    let mut features = Vec::new();
    // In the document's order of entities (first mention first).
    for e in &document.entities {
        let (Some(geonames_id), Some(lat), Some(lon)) = (e.geonames_id, e.lat, e.lon) else {
            continue;
        };
        let record = (geonames_id != 0).then_some(geonames_id);
        features.push(Feature {
            kind: "Feature",
            id: &e.id,
            geometry: Point {
                kind: "Point",
                coordinates: [degrees(lon), degrees(lat)],
            },
            properties: Properties {
                name: &e.name,
                geonames_id: record,
                geonames_uri: record.map(geonames_uri),
                country: e.country.as_deref(),
                admin1: e.admin1.as_deref(),
                kind: e.kind.as_deref(),
                mentions: e.mentions,
                spans: document
                    .annotations
                    .iter()
                    .filter(|a| a.entity.as_ref() == Some(&e.id))
                    .map(|a| Span {
                        start: a.start,
                        end: a.end,
                        text: &a.text,
                    })
                    .collect(),
            },
        });
    }
    let bbox = features.iter().map(|f| f.geometry.coordinates).fold(
        None,
        |bbox: Option<[f64; 4]>, [lon, lat]| {
            Some(match bbox {
                None => [lon, lat, lon, lat],
                Some([w, s, e, n]) => [w.min(lon), s.min(lat), e.max(lon), n.max(lat)],
            })
        },
    );
    let collection = Collection {
        kind: "FeatureCollection",
        bbox,
        features,
    };
    serde_json::to_string_pretty(&collection).expect("GeoJSON serializes") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::fixture;

    #[test]
    fn resolved_places_become_points_with_their_mentions() {
        let out = to_geojson(&fixture::places());
        assert!(out.starts_with("{\n  \"type\": \"FeatureCollection\",\n  \"bbox\": ["));
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let feature = |id: &str, lon: f64, lat: f64, props: serde_json::Value| {
            serde_json::json!({
                "type": "Feature", "id": id,
                "geometry": { "type": "Point", "coordinates": [lon, lat] },
                "properties": props,
            })
        };
        assert_eq!(
            value,
            serde_json::json!({
                "type": "FeatureCollection",
                "bbox": [30.5238, 35.6895, 139.69171, 50.45466],
                "features": [
                    feature("E2", 30.5238, 50.45466, serde_json::json!({
                        "name": "Kyiv", "geonames_id": 703448,
                        "geonames_uri": "https://sws.geonames.org/703448/",
                        "country": "UA", "admin1": "Kyiv City", "kind": "city", "mentions": 2,
                        // Code points: the emoji before them counts one.
                        "spans": [
                            { "start": 24, "end": 28, "text": "Київ" },
                            { "start": 59, "end": 63, "text": "Kiev" }
                        ]
                    })),
                    feature("E3", 139.69171, 35.6895, serde_json::json!({
                        "name": "東京", "geonames_id": 1850147,
                        "geonames_uri": "https://sws.geonames.org/1850147/",
                        "country": "JP", "admin1": "Tokyo", "kind": "city", "mentions": 1,
                        "spans": [{ "start": 32, "end": 34, "text": "東京" }]
                    })),
                ]
            })
        );
    }

    #[test]
    fn coordinates_keep_six_decimals_and_a_missing_admin1_is_null() {
        let mut doc = fixture::places();
        let kyiv = &mut doc.entities[1];
        (kyiv.lat, kyiv.lon, kyiv.admin1) = (Some(50.123_456_789), Some(-0.000_000_4), None);
        kyiv.candidates.clear();
        let out = to_geojson(&doc);
        assert!(
            out.contains("\"coordinates\": [\n          0.0,\n          50.123457\n"),
            "{out}"
        );
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            value["features"][0]["properties"]["admin1"],
            serde_json::Value::Null
        );
        assert_eq!(
            value["bbox"],
            serde_json::json!([0.0, 35.6895, 139.69171, 50.123457])
        );
    }

    #[test]
    fn without_resolved_places_the_collection_is_empty_and_has_no_bbox() {
        let mut doc = fixture::places();
        doc.entities.retain(|e| e.geonames_id.is_none());
        doc.annotations
            .retain(|a| matches!(a.entity.as_deref(), Some("E1" | "E4")));
        doc.validate().unwrap();
        assert_eq!(
            to_geojson(&doc),
            "{\n  \"type\": \"FeatureCollection\",\n  \"features\": []\n}\n"
        );
    }
}
