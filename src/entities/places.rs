//! The seam to the place resolver: asks [`crate::places`] for GeoNames
//! candidates for each group of PLACE mentions, as the entity layer's
//! [`PlaceCandidate`]s. Tests swap in their own [`Resolver`].

use super::PlaceCandidate;

/// One group of PLACE mentions that the sieve thinks name one place: the
/// resolver's query.
pub use crate::places::PlaceQuery as PlaceGroup;

/// A place resolver: candidates for each group, best first, at most five;
/// an empty list means unknown. `text` is the whole document, for context.
pub type Resolver = dyn Fn(&[PlaceGroup], &str) -> Vec<Vec<PlaceCandidate>>;

/// The resolver `annotate` uses.
pub fn resolve(groups: &[PlaceGroup], text: &str) -> Vec<Vec<PlaceCandidate>> {
    crate::places::resolve(groups, text)
        .into_iter()
        .map(|found| {
            found
                .into_iter()
                .map(|c| {
                    let p = c.place;
                    PlaceCandidate::new(
                        p.geonames_id,
                        p.name,
                        p.country,
                        p.admin1,
                        (p.lat, p.lon),
                        p.kind.as_str(),
                        p.population,
                        c.score,
                    )
                })
                .collect()
        })
        .collect()
}

/// True if a PLACE name is an institution that resolves to the city it stands
/// in ("Kremlin" → Moscow): it shares the city's record but not its entity.
pub fn is_institution(name: &str) -> bool {
    crate::places::is_institution(name)
}
