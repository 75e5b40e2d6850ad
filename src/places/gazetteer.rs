//! The place gazetteer: parses the compiled GeoNames lists in `data/places/`
//! and looks places up by name key.
//!
//! `gazetteer.tsv` (countries, first-level regions, continents, news regions,
//! cities of 50,000 people or more) is compiled into every build. `towns.tsv`
//! (smaller cities) is compiled into the native build; the page loads it on
//! demand and hands it to [`load_towns`].

use std::collections::HashMap;
use std::sync::OnceLock;

use super::names::{key, transliteration_key, without_dots};
use super::PlaceKind;

const CORE: &str = include_str!("../../data/places/gazetteer.tsv");
const ALIASES: &str = include_str!("../../data/places/aliases.tsv");
const DEMONYMS: &str = include_str!("../../data/places/demonyms.tsv");
const NEIGHBOURS: &str = include_str!("../../data/places/neighbours.tsv");
#[cfg(not(target_arch = "wasm32"))]
const TOWNS: &str = include_str!("../../data/places/towns.tsv");

/// One gazetteer line.
#[derive(Clone, Debug)]
pub struct Entry {
    /// GeoNames id (0 for a curated region without one).
    pub geonames_id: u32,
    /// What kind of place.
    pub kind: PlaceKind,
    /// A national capital.
    pub capital: bool,
    /// ISO 3166-1 alpha-2, empty for continents and regions spanning countries.
    pub country: String,
    /// GeoNames first-level code ("CA", "12"), empty when unknown.
    pub admin1: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// People living there, two significant digits (for a first-level region,
    /// the sum over its cities).
    pub population: u64,
    /// The GeoNames name.
    pub name: String,
}

/// Countries whose names are romanized from Cyrillic in several ways, so
/// that a name the gazetteer lacks is looked up by [`transliteration_key`].
const TRANSLITERATED: &[&str] = &["BY", "RU", "UA"];

/// A parsed list: entries and the index from name key to entries.
#[derive(Default)]
pub struct Gazetteer {
    /// Every place, in file order.
    pub entries: Vec<Entry>,
    by_key: HashMap<String, Vec<u32>>,
    /// The places of [`TRANSLITERATED`] countries by the loose key of each
    /// of their names, built on the first lookup that needs it.
    by_loose_key: OnceLock<HashMap<String, Vec<u32>>>,
}

impl Gazetteer {
    /// Parses lines of `geonames_id kind country admin1 lat lon population
    /// name alternates`; malformed lines are skipped.
    pub fn parse(text: &str) -> Gazetteer {
        let mut gazetteer = Gazetteer::default();
        for line in text.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 9 {
                continue;
            }
            let (kind, capital) = match cols[1] {
                "continent" => (PlaceKind::Continent, false),
                "country" => (PlaceKind::Country, false),
                "admin1" => (PlaceKind::Admin1, false),
                "capital" => (PlaceKind::City, true),
                "city" => (PlaceKind::City, false),
                "region" => (PlaceKind::Region, false),
                _ => (PlaceKind::Other, false),
            };
            let (Ok(geonames_id), Ok(lat), Ok(lon), Ok(population)) = (
                cols[0].parse(),
                cols[4].parse(),
                cols[5].parse(),
                cols[6].parse(),
            ) else {
                continue;
            };
            let index = gazetteer.entries.len() as u32;
            gazetteer.entries.push(Entry {
                geonames_id,
                kind,
                capital,
                country: cols[2].to_string(),
                admin1: cols[3].to_string(),
                lat,
                lon,
                population,
                name: cols[7].to_string(),
            });
            gazetteer.add_name(cols[7], index);
            for alternate in cols[8].split('|').filter(|a| !a.is_empty()) {
                gazetteer.add_name(alternate, index);
            }
        }
        gazetteer
    }

    /// Indexes `name` for entry `index`, once.
    fn add_name(&mut self, name: &str, index: u32) {
        let k = key(name);
        if k.is_empty() {
            return;
        }
        let list = self.by_key.entry(k).or_default();
        if !list.contains(&index) {
            list.push(index);
        }
    }

    /// Entries whose name key is `k`.
    fn get(&self, k: &str) -> impl Iterator<Item = &Entry> {
        self.by_key
            .get(k)
            .into_iter()
            .flatten()
            .map(|&i| &self.entries[i as usize])
    }

    /// Entries of [`TRANSLITERATED`] countries whose loose key is `loose`.
    fn get_loose(&self, loose: &str) -> impl Iterator<Item = &Entry> {
        let index = self.by_loose_key.get_or_init(|| {
            let mut index: HashMap<String, Vec<u32>> = HashMap::new();
            for (k, entries) in &self.by_key {
                for &i in entries {
                    let country = self.entries[i as usize].country.as_str();
                    if TRANSLITERATED.contains(&country) {
                        let list = index.entry(transliteration_key(k)).or_default();
                        if !list.contains(&i) {
                            list.push(i);
                        }
                    }
                }
            }
            index
        });
        index
            .get(loose)
            .into_iter()
            .flatten()
            .map(|&i| &self.entries[i as usize])
    }
}

/// The core list with its curated aliases added.
fn core() -> &'static Gazetteer {
    static CORE_GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    CORE_GAZETTEER.get_or_init(|| {
        let mut gazetteer = Gazetteer::parse(CORE);
        add_aliases(&mut gazetteer, ALIASES);
        gazetteer
    })
}

/// Adds `alias target note` lines; target is a country code, `CC.ADMIN1`, or
/// a GeoNames id.
fn add_aliases(gazetteer: &mut Gazetteer, text: &str) {
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (Some(alias), Some(target)) = (cols.next(), cols.next()) else {
            continue;
        };
        let found = gazetteer
            .entries
            .iter()
            .position(|e| match target.split_once('.') {
                Some((country, admin1)) => {
                    e.kind == PlaceKind::Admin1 && e.country == country && e.admin1 == admin1
                }
                None => match target.parse::<u32>() {
                    Ok(id) => e.geonames_id == id,
                    Err(_) => e.kind == PlaceKind::Country && e.country == target,
                },
            });
        if let Some(index) = found {
            gazetteer.add_name(alias, index as u32);
        }
    }
}

static TOWNS_GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();

/// Hands the page's on-demand `towns.tsv` to the resolver; later calls are
/// ignored. Returns how many towns it holds.
pub fn load_towns(text: &str) -> usize {
    TOWNS_GAZETTEER
        .get_or_init(|| Gazetteer::parse(text))
        .entries
        .len()
}

/// The towns list, if loaded (always, natively).
fn towns() -> Option<&'static Gazetteer> {
    #[cfg(not(target_arch = "wasm32"))]
    load_towns(TOWNS);
    TOWNS_GAZETTEER.get()
}

/// Every entry named `name` (core and towns), each place once: tried as
/// written, then without full stops.
pub fn lookup(name: &str) -> Vec<&'static Entry> {
    let k = key(name);
    let mut found: Vec<&'static Entry> = Vec::new();
    for k in [k.clone(), without_dots(&k)] {
        for gazetteer in std::iter::once(core()).chain(towns()) {
            for entry in gazetteer.get(&k) {
                if !found
                    .iter()
                    .any(|f| std::ptr::eq(*f, entry) || same_place(f, entry))
                {
                    found.push(entry);
                }
            }
        }
        if !found.is_empty() {
            return found;
        }
    }
    // "Kostiantynivka" for GeoNames' "Kostyantynivka": names of five letters or more only,
    // as short ones are too alike.
    if k.chars().count() >= 5 {
        let loose = transliteration_key(&k);
        for gazetteer in std::iter::once(core()).chain(towns()) {
            for entry in gazetteer.get_loose(&loose) {
                if !found.iter().any(|f| std::ptr::eq(*f, entry)) {
                    found.push(entry);
                }
            }
        }
    }
    found
}

/// Two lines for one place (a curated region may lack an id, so ids of 0 differ).
fn same_place(a: &Entry, b: &Entry) -> bool {
    a.geonames_id != 0 && a.geonames_id == b.geonames_id
}

/// First-level region `admin1` (GeoNames code) of `country`.
pub fn admin1(country: &str, admin1: &str) -> Option<&'static Entry> {
    static INDEX: OnceLock<HashMap<(String, String), u32>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        core()
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == PlaceKind::Admin1)
            .map(|(i, e)| ((e.country.clone(), e.admin1.clone()), i as u32))
            .collect()
    });
    let &i = index.get(&(country.to_string(), admin1.to_string()))?;
    Some(&core().entries[i as usize])
}

/// The entry with GeoNames id `id` in the core list (cues name their place by id).
pub fn by_id(id: u32) -> Option<&'static Entry> {
    core().entries.iter().find(|e| e.geonames_id == id)
}

/// The countries that border `country` by land (ISO 3166-1 codes): "IL" →
/// Egypt, Jordan, Lebanon, Palestine, Syria.
pub fn neighbours(country: &str) -> impl Iterator<Item = &'static str> {
    static BY_COUNTRY: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    BY_COUNTRY
        .get_or_init(|| {
            NEIGHBOURS
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t'))
                .collect()
        })
        .get(country)
        .into_iter()
        .flat_map(|list| list.split(','))
}

/// The country (ISO 3166-1 code) an English demonym names: "Ukrainian" → "UA".
pub fn demonym_country(word: &str) -> Option<&'static str> {
    static SORTED: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    let sorted = SORTED.get_or_init(|| {
        DEMONYMS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    });
    sorted
        .binary_search_by(|(demonym, _)| demonym.cmp(&word))
        .ok()
        .map(|i| sorted[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_line_parses() {
        let lines = CORE.lines().count();
        assert_eq!(core().entries.len(), lines);
        assert!(lines > 10_000, "{lines}");
    }

    #[test]
    fn every_alias_reaches_its_place() {
        for line in ALIASES.lines().filter(|l| !l.starts_with('#')) {
            let alias = line.split('\t').next().unwrap();
            assert!(!lookup(alias).is_empty(), "alias {alias:?} found nothing");
        }
    }

    #[test]
    fn lookup_finds_names_alternates_and_aliases() {
        let cases: &[(&str, u32)] = &[
            ("Kyiv", 703448),
            ("Kiev", 703448),
            ("Bombay", 1275339),
            ("U.S.", 6252001),
            ("USA", 6252001),
            ("Calif.", 5332921),
            ("W.Va.", 4826850),
            ("Britain", 2635167),
            ("UAE", 290557),
            ("Europe", 6255148),
            // Transliterations GeoNames spells otherwise.
            ("Kostiantynivka", 705104),
            ("Sloviansk", 693468),
            ("Izium", 707292),
        ];
        for &(name, id) in cases {
            let ids: Vec<u32> = lookup(name).iter().map(|e| e.geonames_id).collect();
            assert!(ids.contains(&id), "{name}: {ids:?}");
        }
        assert!(lookup("Zzyzxqua").is_empty());
        // The loose key serves only Cyrillic-romanized places and names of five letters or more.
        assert!(lookup("Sumi").is_empty());
        assert!(lookup("Miamy").is_empty());
    }

    #[test]
    fn neighbours_are_by_land_and_mutual() {
        let of_israel: Vec<&str> = neighbours("IL").collect();
        assert_eq!(of_israel, ["EG", "JO", "LB", "PS", "SY"]);
        assert!(neighbours("PS").any(|n| n == "IL"));
        assert_eq!(neighbours("IS").count(), 0); // Iceland
        assert_eq!(neighbours("").count(), 0);
    }

    #[test]
    fn country_and_region_points_are_geonames_own_where_a_dump_has_them() {
        // Australia and Queensland from GeoNames' AU dump, where GeoNames-based gold puts
        // them; country-state-city's centres lay 299 and 261 km away.
        for (id, lat, lon) in [(2077456, -25.0, 135.0), (2152274, -20.0, 145.0)] {
            let entry = by_id(id).unwrap();
            assert_eq!((entry.lat, entry.lon), (lat, lon), "{}", entry.name);
        }
    }
}
