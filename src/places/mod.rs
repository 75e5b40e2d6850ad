//! Places resolved to GeoNames, offline: each PLACE entity of a document gets
//! ranked gazetteer candidates (id, country, first-level region, coordinates).
//!
//! [`gazetteer`] holds the compiled GeoNames lists, [`names`] the name keys,
//! [`rank`] the ranking by feature kind, population and document context.
//! Data: GeoNames (CC BY 4.0), see `data/places/README.md`.

pub mod gazetteer;
pub mod names;
pub mod rank;

use serde::{Deserialize, Serialize};

pub use rank::{is_institution, resolve};

/// What kind of place a GeoNames record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// Africa, Europe...
    Continent,
    /// An independent country or territory with an ISO code.
    Country,
    /// A first-level region: state, province, oblast.
    Admin1,
    /// A populated place.
    City,
    /// A region news names that is neither: Donbas, Kashmir, the Sahel.
    Region,
    /// Anything else.
    Other,
}

impl PlaceKind {
    /// The name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Continent => "continent",
            PlaceKind::Country => "country",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::City => "city",
            PlaceKind::Region => "region",
            PlaceKind::Other => "other",
        }
    }
}

/// A GeoNames record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// GeoNames id (`https://sws.geonames.org/<id>/`); 0 for a curated region without one.
    pub geonames_id: u32,
    /// The GeoNames name.
    pub name: String,
    /// ISO 3166-1 alpha-2; "" for continents and regions spanning several countries.
    pub country: String,
    /// First-level region name (its own name for a first-level region).
    pub admin1: Option<String>,
    /// Latitude, degrees (WGS 84).
    pub lat: f64,
    /// Longitude, degrees (WGS 84).
    pub lon: f64,
    /// What kind of place.
    pub kind: PlaceKind,
    /// People living there (two significant digits).
    pub population: u64,
}

/// A place with its ranking score: the share of belief among the candidates of
/// one query, 0 to 1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The place.
    pub place: Place,
    /// Share of belief, 0 to 1.
    pub score: f32,
}

/// One query per PLACE entity: all its mention surface forms, and how many mentions.
#[derive(Clone, Debug)]
pub struct PlaceQuery<'a> {
    /// Surface forms ("Kyiv", "Kiev", "Kyiv's").
    pub names: Vec<&'a str>,
    /// How many mentions the entity has.
    pub mentions: usize,
}
