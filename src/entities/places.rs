//! The seam to the place resolver: asks for GeoNames candidates for each group
//! of PLACE mentions. Until `src/places/` (the GeoNames resolver) is merged it
//! finds nothing, and place entities carry no GeoNames fields.

use super::PlaceCandidate;

/// One group of PLACE mentions that the sieve thinks name one place.
pub struct PlaceGroup<'a> {
    /// The distinct names the group's mentions use ("Kyiv", "Kiev").
    pub names: Vec<&'a str>,
    /// How many mentions the group has.
    pub mentions: usize,
}

/// A place resolver: candidates for each group, best first, at most five;
/// an empty list means unknown. `text` is the whole document, for context.
pub type Resolver = dyn Fn(&[PlaceGroup], &str) -> Vec<Vec<PlaceCandidate>>;

/// The resolver `annotate` uses.
pub fn resolve(groups: &[PlaceGroup], _text: &str) -> Vec<Vec<PlaceCandidate>> {
    // Once `src/places/` is merged, this body becomes:
    //   let queries: Vec<_> = groups.iter().map(|g| crate::places::PlaceQuery { names: g.names.clone(), mentions: g.mentions }).collect();
    //   crate::places::resolve(&queries, text).into_iter().map(|found| found.into_iter().map(|c| {
    //       let p = c.place;
    //       PlaceCandidate::new(p.geonames_id, p.name, p.country, p.admin1, (p.lat, p.lon), p.kind.as_str(), p.population, c.score)
    //   }).collect()).collect()
    groups.iter().map(|_| Vec::new()).collect()
}
