//! Entities: which PERSON, PLACE and ORG mentions of one document name the
//! same person, place or organisation. Runs after the recognizers and
//! overlap resolution: name-rule grouping ([`sieve`]) → GeoNames candidates for
//! each place group ([`places`]) → place groups whose best candidate is the
//! same record merge ("Kyiv"/"Kiev") → the person's edits ([`edits`]).
//! Each entity gets an id ("E1", in order of first mention), a canonical name
//! (its longest full form) and a mention count; the document carries them
//! (`gloss/3`, `docs/format.md`). Before linking, the pipeline (`annotate` in lib.rs) lets a
//! name's majority label correct its unsure mentions ([`feedback`]).

pub mod edits;
pub mod feedback;
pub mod normalize;
pub mod places;
pub mod sieve;
pub mod within;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::document::{Annotation, Document, DocumentError, Label, FORMAT};
use crate::ner::titles::is_title;
use crate::span::CharIndex;
pub use edits::{EntityEdit, EntityEdits, MentionRef};
use places::{PlaceGroup, Resolver};

/// The kinds of place a GeoNames record can be, as written in the export.
pub const PLACE_KINDS: [&str; 6] = ["continent", "country", "admin1", "city", "region", "other"];

/// How many candidates a place entity keeps for the person to choose from.
pub const MAX_CANDIDATES: usize = 5;

/// One GeoNames record a place name may stand for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceCandidate {
    /// GeoNames id (`https://sws.geonames.org/<id>/`).
    pub geonames_id: u32,
    /// GeoNames name ("Kyiv").
    pub name: String,
    /// ISO 3166-1 alpha-2 country code ("UA").
    pub country: String,
    /// First-level region name, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    /// Latitude, WGS 84 degrees.
    pub lat: f64,
    /// Longitude, WGS 84 degrees.
    pub lon: f64,
    /// One of [`PLACE_KINDS`].
    pub kind: String,
    /// Population, 0 when unknown.
    pub population: u64,
    /// The resolver's score, 0 to 1, three decimals.
    pub score: f64,
}

impl PlaceCandidate {
    /// A candidate as exported: coordinates to 5 decimals (about a metre),
    /// the score clamped to 0..1 and rounded to 3.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        geonames_id: u32,
        name: String,
        country: String,
        admin1: Option<String>,
        (lat, lon): (f64, f64),
        kind: &str,
        population: u64,
        score: f32,
    ) -> PlaceCandidate {
        let round = |x: f64, scale: f64| (x * scale).round() / scale;
        PlaceCandidate {
            geonames_id,
            name,
            country,
            admin1,
            lat: round(lat, 1e5),
            lon: round(lon, 1e5),
            kind: kind.to_string(),
            population,
            score: round(f64::from(score).clamp(0.0, 1.0), 1e3),
        }
    }
}

/// One entity of a document, as exported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// "E1", "E2", … in order of first mention.
    pub id: String,
    /// The label all its mentions share.
    pub label: Label,
    /// Canonical name: the longest full form among its mentions, or the person's.
    pub name: String,
    /// How many annotations refer to it (0 for a place named only within
    /// other names).
    pub mentions: usize,
    /// PLACE only, when resolved: the chosen GeoNames record's id …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u32>,
    /// … its country (ISO 3166-1 alpha-2) …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// … its first-level region …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    /// … latitude …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// … longitude …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// … and kind (one of [`PLACE_KINDS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// PLACE only: the resolver's top candidates, best first, for re-choosing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<PlaceCandidate>,
    /// PLACE only: its names inside ORG and MISC annotations ("Texas" in
    /// "Texas A&M University", [`within`]), in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub within: Vec<MentionRef>,
}

/// What [`link`] found.
#[derive(Clone, Debug, PartialEq)]
pub struct Linked {
    /// The entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// Edits that could not apply (their mentions are gone, or they make no sense).
    pub unapplied: Vec<EntityEdit>,
}

/// True for the labels that form entities.
pub fn is_name(label: Label) -> bool {
    matches!(label, Label::Person | Label::Place | Label::Org)
}

/// Groups the name annotations of `text` into entities, applies `edits`, and
/// sets each name annotation's `entity` (others get `None`). `annotations`
/// are sorted and valid for `text`. Deterministic.
pub fn link(text: &str, annotations: &mut [Annotation], edits: &EntityEdits) -> Linked {
    link_with(text, annotations, edits, &places::resolve)
}

/// [`link`] with a given place resolver.
pub fn link_with(
    text: &str,
    annotations: &mut [Annotation],
    edits: &EntityEdits,
    resolver: &Resolver,
) -> Linked {
    let index = CharIndex::new(text);
    let names: Vec<usize> = (0..annotations.len())
        .filter(|&i| is_name(annotations[i].label))
        .collect();
    let nested = names_within(annotations);
    // Places named within other names are mentions too, after every
    // annotation's: entities keep their ids, in order of first annotation.
    let mentions: Vec<sieve::Mention> = names
        .iter()
        .map(|&i| {
            (
                annotations[i].label,
                &annotations[i].text,
                annotations[i].end,
            )
        })
        .chain(nested.iter().map(|n| (Label::Place, &n.text, n.end)))
        .map(|(label, name, end)| sieve::Mention {
            label,
            text: name,
            end: index.byte_of_char(end).unwrap_or(text.len()),
        })
        .collect();
    let mut group = sieve::group(text, &mentions);

    // Place groups → candidates; groups with the same best record merge.
    let place_roots: Vec<usize> = (0..mentions.len())
        .filter(|&m| mentions[m].label == Label::Place && group[m] == m)
        .collect();
    let by_group = members_of(&group);
    let queries: Vec<PlaceGroup> = place_roots
        .iter()
        .map(|root| {
            let members = &by_group[root];
            let mut names: Vec<&str> = Vec::new();
            for &m in members {
                if !names.contains(&mentions[m].text) {
                    names.push(mentions[m].text);
                }
            }
            PlaceGroup {
                names,
                mentions: members.len(),
            }
        })
        .collect();
    let mut found = resolver(&queries, text);
    found.resize(place_roots.len(), Vec::new());
    let mut candidates: BTreeMap<usize, Vec<PlaceCandidate>> = BTreeMap::new();
    // Record → the groups resolved to it that stay apart, with their names
    // folded and whether they name an institution, which never merges.
    type Names = Vec<Vec<String>>;
    let mut by_record: BTreeMap<u32, Vec<(usize, Names, bool)>> = BTreeMap::new();
    let mut moved: BTreeMap<usize, usize> = BTreeMap::new();
    for ((&root, query), mut list) in place_roots.iter().zip(&queries).zip(found) {
        list.truncate(MAX_CANDIDATES);
        if let Some(best) = list.first() {
            let folded: Names = query
                .names
                .iter()
                .map(|n| normalize::words(n, Label::Place))
                .collect();
            let institution = query.names.iter().any(|n| places::is_institution(n));
            let groups = by_record.entry(best.geonames_id).or_default();
            match groups.iter_mut().find(|(_, other, other_institution)| {
                !institution && !other_institution && !extends(&folded, other)
            }) {
                Some((first, other, _)) => {
                    moved.insert(root, *first);
                    other.extend(folded);
                }
                None => groups.push((root, folded, institution)),
            }
        }
        candidates.insert(root, list);
    }
    // Each mention keeps the candidates of its own name group.
    let own_candidates: Vec<&[PlaceCandidate]> = group
        .iter()
        .map(|g| candidates.get(g).map_or(&[][..], Vec::as_slice))
        .collect();
    for g in group.iter_mut() {
        if let Some(&to) = moved.get(g) {
            *g = to;
        }
    }

    let mut state = edits::State {
        group,
        names: BTreeMap::new(),
        places: BTreeMap::new(),
    };
    let unapplied = edits::apply(&mut state, edits, annotations, &names, |m, id| {
        own_candidates[m].iter().any(|c| c.geonames_id == id)
    });

    // Entities in order of first mention.
    let mut order: Vec<(usize, Vec<usize>)> = members_of(&state.group).into_iter().collect();
    order.sort_by_key(|(_, members)| members[0]);
    let mut entities = Vec::with_capacity(order.len());
    let mut entity_of = vec![0; mentions.len()];
    for (n, (g, members)) in order.iter().enumerate() {
        let g = *g;
        let id = format!("E{}", n + 1);
        for &m in members {
            entity_of[m] = n;
        }
        let name = canonical_name(
            members
                .iter()
                .map(|&m| (mentions[m].text, mentions[m].label)),
        );
        let mut entity = Entity {
            id,
            label: mentions[members[0]].label,
            name: state.names.get(&g).cloned().unwrap_or(name),
            mentions: members.iter().filter(|&&m| m < names.len()).count(),
            geonames_id: None,
            country: None,
            admin1: None,
            lat: None,
            lon: None,
            kind: None,
            candidates: own_candidates[members[0]].to_vec(),
            within: members
                .iter()
                .filter_map(|&m| m.checked_sub(names.len()).map(|k| nested[k].clone()))
                .collect(),
        };
        entity.within.sort_by_key(|n| n.start);
        let chosen = match state.places.get(&g) {
            Some(&id) => members
                .iter()
                .flat_map(|&m| own_candidates[m])
                .find(|c| c.geonames_id == id),
            None => entity.candidates.first(),
        }
        .cloned();
        if let Some(place) = chosen {
            entity.geonames_id = Some(place.geonames_id);
            entity.country = Some(place.country);
            entity.admin1 = place.admin1;
            entity.lat = Some(place.lat);
            entity.lon = Some(place.lon);
            entity.kind = Some(place.kind);
        }
        entities.push(entity);
    }
    for a in annotations.iter_mut() {
        a.entity = None;
    }
    for (m, &i) in names.iter().enumerate() {
        annotations[i].entity = Some(entities[entity_of[m]].id.clone());
    }
    Linked {
        entities,
        unapplied,
    }
}

/// The places named within the ORG and MISC annotations ([`within`]), in
/// text order.
fn names_within(annotations: &[Annotation]) -> Vec<MentionRef> {
    let mut found = Vec::new();
    for a in annotations
        .iter()
        .filter(|a| within::may_hold_places(a.label))
    {
        for r in within::places_in(&a.text) {
            let start = a.start + a.text[..r.start].chars().count();
            let name = &a.text[r];
            found.push(MentionRef {
                start,
                end: start + name.chars().count(),
                text: name.to_string(),
            });
        }
    }
    found
}

/// True if a name of one group is a name of the other with words added
/// ("San Francisco Bay", "Newfoundland and Labrador"): a resolver that placed
/// both on one record fell back from a feature it lacks to the place it is
/// named after, so the two stay apart.
fn extends(a: &[Vec<String>], b: &[Vec<String>]) -> bool {
    let within = |short: &[String], long: &[String]| {
        short.len() < long.len() && long.windows(short.len()).any(|w| w == short)
    };
    a.iter().any(|x| {
        b.iter()
            .any(|y| !x.is_empty() && !y.is_empty() && (within(x, y) || within(y, x)))
    })
}

/// The members of each group, in order.
fn members_of(group: &[usize]) -> BTreeMap<usize, Vec<usize>> {
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (m, &g) in group.iter().enumerate() {
        members.entry(g).or_default().push(m);
    }
    members
}

/// Recomputes a document's entities from its annotations and edits (after the
/// person's corrections) and makes it a current-format document. Returns the
/// edits that could not apply; they stay in the document.
pub fn link_document(document: &mut Document) -> Vec<EntityEdit> {
    let linked = link(&document.text, &mut document.annotations, &document.edits);
    document.format = FORMAT.to_string();
    document.entities = linked.entities;
    linked.unapplied
}

/// An entity's name: the longest form among its mentions; on a tie the form
/// (folded) used most often, then one not in capitals ("Kyiv" over a
/// dateline's "KYIV"), then the first.
fn canonical_name<'a>(mentions: impl Iterator<Item = (&'a str, Label)> + Clone) -> String {
    let mut uses: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    for (text, label) in mentions.clone() {
        *uses.entry(normalize::words(text, label)).or_default() += 1;
    }
    let mut best: Option<(usize, usize, bool, String)> = None;
    for (text, label) in mentions {
        let form = display_name(text);
        let uses = uses[&normalize::words(text, label)];
        let rank = (
            form.chars().count(),
            uses,
            form.chars().any(char::is_lowercase),
        );
        if best.as_ref().is_none_or(|b| rank > (b.0, b.1, b.2)) {
            best = Some((rank.0, rank.1, rank.2, form));
        }
    }
    best.map(|b| b.3).unwrap_or_default()
}

/// Reads a document from JSON and links it ([`link_document`]), ignoring the
/// entities it carries (they may be stale after corrections); the rest must be
/// a valid document. The page's "recompute entities" step.
pub fn link_json(json: &str) -> Result<(Document, Vec<EntityEdit>), DocumentError> {
    let mut document: Document =
        serde_json::from_str(json).map_err(|e| DocumentError::NotADocument(e.to_string()))?;
    document.entities.clear();
    for a in &mut document.annotations {
        a.entity = None;
    }
    document.validate()?;
    let unapplied = link_document(&mut document);
    Ok((document, unapplied))
}

/// A mention as an entity's name: words joined by single spaces, without a
/// leading title or "the" and a trailing possessive ("President Putin's" → "Putin").
fn display_name(text: &str) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while words.len() > 1 && (is_title(words[0]) || words[0].eq_ignore_ascii_case("the")) {
        words.remove(0);
    }
    if let Some(last) = words.last_mut() {
        for suffix in ["'s", "’s"] {
            if let Some(stem) = last.strip_suffix(suffix).filter(|s| !s.is_empty()) {
                *last = stem;
            }
        }
    }
    words.join(" ")
}

/// Checks the entity layer of a document: ids unique, every reference to an
/// existing entity of the same label, mention counts right, either all name
/// annotations linked or none (a document not yet linked), place fields only
/// on places and in range. `gloss/1` documents carry none of it.
pub fn check(document: &Document) -> Result<(), String> {
    let linked = document
        .annotations
        .iter()
        .filter(|a| a.entity.is_some())
        .count();
    if document.format == "gloss/1" {
        if linked > 0 || !document.entities.is_empty() || !document.edits.is_empty() {
            return Err("gloss/1 documents carry no entity, entities or edits".into());
        }
        return Ok(());
    }
    let mut ids: BTreeMap<&str, &Entity> = BTreeMap::new();
    for e in &document.entities {
        if ids.insert(&e.id, e).is_some() {
            return Err(format!("entity id {:?} is used twice", e.id));
        }
        check_entity(e).map_err(|m| format!("entity {}: {m}", e.id))?;
    }
    let names = document
        .annotations
        .iter()
        .filter(|a| is_name(a.label))
        .count();
    if linked == 0 && document.entities.is_empty() {
        return Ok(());
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (n, a) in document.annotations.iter().enumerate() {
        let which = format!("annotation {} ({} {}..{})", n + 1, a.label, a.start, a.end);
        match (&a.entity, is_name(a.label)) {
            (Some(_), false) => {
                return Err(format!(
                    "{which}: only PERSON, PLACE and ORG have an entity"
                ))
            }
            (None, true) => {
                return Err(format!(
                    "{which}: has no entity, but {linked} of the {names} names have one"
                ))
            }
            (Some(id), true) => {
                let Some(e) = ids.get(id.as_str()) else {
                    return Err(format!("{which}: entity {id:?} is not in entities"));
                };
                if e.label != a.label {
                    return Err(format!("{which}: entity {id} is a {}", e.label));
                }
                *counts.entry(id).or_default() += 1;
            }
            (None, false) => {}
        }
    }
    let index = CharIndex::new(&document.text);
    for e in &document.entities {
        check_within(e, &document.annotations, &document.text, &index)
            .map_err(|m| format!("entity {}: {m}", e.id))?;
    }
    for e in &document.entities {
        let found = counts.get(e.id.as_str()).copied().unwrap_or(0);
        if found != e.mentions {
            return Err(format!(
                "entity {} says {} mentions, but {found} annotations refer to it",
                e.id, e.mentions
            ));
        }
    }
    Ok(())
}

/// A PLACE entity's names within other names: each is its text, and lies
/// inside an ORG or MISC annotation without being all of it; an entity with
/// no mention has at least one.
fn check_within(
    e: &Entity,
    annotations: &[Annotation],
    text: &str,
    index: &CharIndex,
) -> Result<(), String> {
    if e.mentions == 0 && e.within.is_empty() {
        return Err("has no mention".into());
    }
    if !e.within.is_empty() && e.label != Label::Place {
        return Err("only PLACE entities are named within other names".into());
    }
    for n in &e.within {
        let which = format!("name within {}..{}", n.start, n.end);
        let slice = index
            .byte_of_char(n.start)
            .zip(index.byte_of_char(n.end))
            .filter(|(a, b)| a < b)
            .and_then(|(a, b)| text.get(a..b));
        if slice != Some(n.text.as_str()) {
            return Err(format!("{which}: is not the text {:?}", n.text));
        }
        let holder = annotations.iter().any(|a| {
            within::may_hold_places(a.label)
                && a.start <= n.start
                && n.end <= a.end
                && (a.start, a.end) != (n.start, n.end)
        });
        if !holder {
            return Err(format!("{which}: lies inside no ORG or MISC annotation"));
        }
    }
    Ok(())
}

fn check_entity(e: &Entity) -> Result<(), String> {
    if !is_name(e.label) {
        return Err(format!("label {} does not form entities", e.label));
    }
    if e.name.trim().is_empty() {
        return Err("empty name".into());
    }
    let place = [
        e.geonames_id.is_some(),
        e.country.is_some(),
        e.lat.is_some(),
        e.lon.is_some(),
        e.kind.is_some(),
    ];
    let resolved = place.iter().all(|&p| p);
    if e.label != Label::Place
        && (place.contains(&true) || e.admin1.is_some() || !e.candidates.is_empty())
    {
        return Err("only PLACE entities carry GeoNames fields".into());
    }
    if !resolved && (place.contains(&true) || e.admin1.is_some()) {
        return Err("geonames_id, country, lat, lon and kind go together".into());
    }
    if resolved {
        check_place(
            e.country.as_deref().unwrap_or(""),
            e.lat.unwrap_or(0.0),
            e.lon.unwrap_or(0.0),
            e.kind.as_deref().unwrap_or(""),
        )?;
    }
    if let (Some(id), false) = (e.geonames_id, e.candidates.is_empty()) {
        if !e.candidates.iter().any(|c| c.geonames_id == id) {
            return Err(format!("geonames_id {id} is not one of its candidates"));
        }
    }
    let mut seen = BTreeSet::new();
    for c in &e.candidates {
        check_place(&c.country, c.lat, c.lon, &c.kind)
            .map_err(|m| format!("candidate {}: {m}", c.geonames_id))?;
        if !(0.0..=1.0).contains(&c.score) {
            return Err(format!(
                "candidate {}: score must be between 0 and 1",
                c.geonames_id
            ));
        }
        if !seen.insert(c.geonames_id) {
            return Err(format!("candidate {} is listed twice", c.geonames_id));
        }
    }
    Ok(())
}

fn check_place(country: &str, lat: f64, lon: f64, kind: &str) -> Result<(), String> {
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!(
            "country {country:?} is not an ISO 3166-1 alpha-2 code"
        ));
    }
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("coordinates {lat}, {lon} are out of range"));
    }
    if !PLACE_KINDS.contains(&kind) {
        return Err(format!(
            "kind {kind:?} is not one of {}",
            PLACE_KINDS.join(", ")
        ));
    }
    Ok(())
}
