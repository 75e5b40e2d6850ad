//! A region Gloss curates without a GeoNames record (Donbas,
//! `data/places/regions.tsv`: geonames_id 0) keeps its point but links
//! nowhere: no W3C identifying body or brat normalization to
//! https://sws.geonames.org/0/, and null ids in GeoJSON.

use gloss::formats::{convert, Format};

#[test]
fn a_curated_region_without_a_geonames_record_links_nowhere() {
    // Donbas (data/places/regions.tsv) has coordinates and geonames_id 0.
    let options = gloss::Options::with_reference_date("2025-12-21").unwrap();
    let document = gloss::annotate(
        "Fighting in Donbas went on, officials in Kyiv said.",
        &options,
    );
    let donbas = document
        .entities
        .iter()
        .find(|e| e.name == "Donbas")
        .expect("an entity");
    assert_eq!(
        (donbas.geonames_id, donbas.kind.as_deref()),
        (Some(0), Some("region"))
    );
    let w3c = convert(&document, Format::W3c);
    assert!(!w3c.contains("sws.geonames.org/0/") && w3c.contains("sws.geonames.org/703448/"));
    let brat = convert(&document, Format::Brat);
    assert!(
        !brat.contains("GeoNames:0") && brat.contains("GeoNames:703448"),
        "{brat}"
    );
    let geojson: serde_json::Value =
        serde_json::from_str(&convert(&document, Format::Geojson)).unwrap();
    let region = &geojson["features"][0]["properties"];
    assert_eq!(region["name"], "Donbas");
    assert!(region["geonames_id"].is_null() && region["geonames_uri"].is_null());
    assert_eq!(geojson["features"][1]["properties"]["geonames_id"], 703448);
}
