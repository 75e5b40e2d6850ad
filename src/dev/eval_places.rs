//! `gloss eval places FILE`: scores place recognition and GeoNames resolution
//! against TR-News (see [`super::tr_news`]).
//!
//! Recognition: our PLACE mentions against the gold toponyms, exact span and
//! overlap. Resolution, over the gold toponyms with coordinates that a PLACE
//! mention overlaps: accuracy within 161 km, mean and median error, and AUC
//! (area under the sorted ln(1 + km) curve over ln(20039), lower is better;
//! after Gritta et al., "What's missing in geographical parsing?"). End to
//! end: the share of gold toponyms with coordinates found and placed within
//! 161 km. Adjectival demonyms ("Russian") are gold toponyms there but never
//! PLACE mentions for us, so every figure is printed with and without them.

use std::collections::HashSet;

use super::tr_news::{self, Article, Toponym};
use super::DevError;
use crate::document::Label;
use crate::places::{self, names::key, Candidate, PlaceQuery};
use crate::Options;

/// Half the Earth's circumference: the largest possible error, km.
const MAX_ERROR_KM: f64 = 20039.0;
/// "Within 100 miles", the usual threshold.
const NEAR_KM: f64 = 161.0;
/// Used when an article's `dltime` is not a date.
const FALLBACK_DATE: &str = "2017-01-01";

/// Resolves groups of mention texts; the top place of each group.
fn resolve_groups(groups: &[Vec<&str>], text: &str) -> Vec<Option<Candidate>> {
    let queries: Vec<PlaceQuery> = groups
        .iter()
        .map(|names| {
            let mut unique: Vec<&str> = Vec::new();
            for n in names {
                if !unique.contains(n) {
                    unique.push(n);
                }
            }
            PlaceQuery {
                names: unique,
                mentions: names.len(),
            }
        })
        .collect();
    places::resolve(&queries, text)
        .into_iter()
        .map(|c| c.into_iter().next())
        .collect()
}

/// Where the pipeline placed a mention: its entity's GeoNames record.
struct Placed {
    geonames_id: u32,
    name: String,
    country: String,
    at: (f64, f64),
}

/// A place the pipeline found: a PLACE annotation or a place named within
/// another name, code points, and where its entity is.
struct PlaceSpan {
    start: usize,
    end: usize,
    text: String,
    placed: Option<Placed>,
}

/// Great-circle distance in km.
fn haversine_km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

/// One gold toponym's outcome.
struct Outcome<'a> {
    docid: &'a str,
    gold: &'a Toponym,
    demonym: bool,
    exact: bool,
    overlap: bool,
    /// The overlapping PLACE mention's text.
    mention: String,
    /// When no PLACE mention overlaps: the label and text of another mention
    /// that does (a place tagged ORG, PERSON, MISC), for the miss listing.
    other: Option<(Label, String)>,
    /// The resolution of the overlapping mention: name, country, error km.
    placed: Option<(String, String, f64)>,
    /// Whether the top candidate has the gold GeoNames id.
    same_id: bool,
}

/// Scores every article; prints the figures, and the misses when asked.
pub fn run(path: &str, misses: bool) -> Result<(), DevError> {
    let xml = super::read_file(path)?;
    let articles =
        tr_news::parse(&xml).map_err(|what| DevError::Malformed(path.to_string(), what.into()))?;
    let demonyms: HashSet<&str> = include_str!("../../data/gazetteers/demonyms.txt")
        .lines()
        .collect();
    let is_demonym = |phrase: &str| {
        let k = key(phrase);
        demonyms.contains(k.as_str()) || k.strip_suffix('s').is_some_and(|s| demonyms.contains(s))
    };
    let mut outcomes = Vec::new();
    // Predicted PLACE spans, each marked whether it overlaps any gold toponym
    // (exactly / at all) and whether that toponym is a demonym.
    let mut predicted: Vec<(bool, bool, bool)> = Vec::new();
    // PLACE mentions that are not exactly a gold toponym: docid, text, and the
    // overlapping gold phrase (none for a false alarm).
    let mut wrong_spans: Vec<(&str, String, Option<&str>)> = Vec::new();
    let mut oracle_errors: Vec<f64> = Vec::new();
    for article in &articles {
        let date = article.dltime.get(..10).unwrap_or(FALLBACK_DATE);
        let options = Options::with_reference_date(date)
            .or_else(|| Options::with_reference_date(FALLBACK_DATE))
            .expect("fallback date parses");
        let doc = crate::annotate(&article.text, &options);
        // Each place the user gets, PLACE annotations and places named within
        // other names ("Texas" in "Texas A&M University"), is placed where
        // its entity is.
        let placed_at = |e: &crate::entities::Entity| {
            Some(Placed {
                geonames_id: e.geonames_id?,
                name: e.name.clone(),
                country: e.country.clone().unwrap_or_default(),
                at: (e.lat?, e.lon?),
            })
        };
        let mut places: Vec<PlaceSpan> = doc
            .annotations
            .iter()
            .filter(|a| a.label == Label::Place)
            .map(|a| PlaceSpan {
                start: a.start,
                end: a.end,
                text: a.text.clone(),
                placed: doc
                    .entities
                    .iter()
                    .find(|e| Some(&e.id) == a.entity.as_ref())
                    .and_then(placed_at),
            })
            .collect();
        for e in &doc.entities {
            for n in &e.within {
                places.push(PlaceSpan {
                    start: n.start,
                    end: n.end,
                    text: n.text.clone(),
                    placed: placed_at(e),
                });
            }
        }
        places.sort_by_key(|p| p.start);
        for a in &places {
            let hit = |t: &&Toponym| t.start < a.end && a.start < t.end;
            let gold = article.toponyms.iter().find(hit);
            let exact = article
                .toponyms
                .iter()
                .any(|t| t.start == a.start && t.end == a.end);
            let demonym = gold.is_some_and(|t| is_demonym(&t.phrase));
            predicted.push((exact, gold.is_some(), demonym));
            if !exact && !demonym {
                wrong_spans.push((
                    &article.docid,
                    a.text.clone(),
                    gold.map(|t| t.phrase.as_str()),
                ));
            }
        }
        for gold in &article.toponyms {
            let overlapping = places
                .iter()
                .find(|a| a.start < gold.end && gold.start < a.end);
            let exact = places
                .iter()
                .any(|a| a.start == gold.start && a.end == gold.end);
            let same_id = overlapping
                .and_then(|a| a.placed.as_ref())
                .is_some_and(|c| Some(c.geonames_id) == gold.geonames_id);
            let placed = match (overlapping, gold.coordinates) {
                (Some(a), Some(at)) => Some(match &a.placed {
                    Some(c) => (c.name.clone(), c.country.clone(), haversine_km(at, c.at)),
                    None => (String::new(), String::new(), MAX_ERROR_KM),
                }),
                _ => None,
            };
            outcomes.push(Outcome {
                docid: &article.docid,
                gold,
                demonym: is_demonym(&gold.phrase),
                exact,
                overlap: overlapping.is_some(),
                mention: overlapping.map_or(String::new(), |a| a.text.clone()),
                other: doc
                    .annotations
                    .iter()
                    .find(|a| a.start < gold.end && gold.start < a.end)
                    .map(|a| (a.label, a.text.clone())),
                placed,
                same_id,
            });
        }
        oracle_errors.extend(oracle(article, &is_demonym));
    }
    println!(
        "TR-News: {} articles, {} gold toponyms ({} with coordinates, {} adjectival demonyms)",
        articles.len(),
        outcomes.len(),
        outcomes
            .iter()
            .filter(|o| o.gold.coordinates.is_some())
            .count(),
        outcomes.iter().filter(|o| o.demonym).count()
    );
    for (title, keep_demonyms) in [("all gold toponyms", true), ("without demonyms", false)] {
        let kept: Vec<&Outcome> = outcomes
            .iter()
            .filter(|o| keep_demonyms || !o.demonym)
            .collect();
        let preds: Vec<&(bool, bool, bool)> =
            predicted.iter().filter(|p| keep_demonyms || !p.2).collect();
        println!("\n== {title} ==");
        for (what, hit_pred, hit_gold) in [
            (
                "exact",
                preds.iter().filter(|p| p.0).count(),
                kept.iter().filter(|o| o.exact).count(),
            ),
            (
                "overlap",
                preds.iter().filter(|p| p.1).count(),
                kept.iter().filter(|o| o.overlap).count(),
            ),
        ] {
            let p = ratio(hit_pred, preds.len());
            let r = ratio(hit_gold, kept.len());
            println!(
                "recognition ({what:7}) P {p:.3}  R {r:.3}  F1 {:.3}  ({} PLACE mentions, {} gold)",
                f1(p, r),
                preds.len(),
                kept.len()
            );
        }
        let errors: Vec<f64> = kept
            .iter()
            .filter_map(|o| o.placed.as_ref().map(|p| p.2))
            .collect();
        print_errors("resolution of recognized", &errors);
        let linked: Vec<&&Outcome> = kept
            .iter()
            .filter(|o| o.overlap && o.gold.geonames_id.is_some())
            .collect();
        println!(
            "same GeoNames id as gold: {:.3} of {} recognized linked toponyms",
            ratio(linked.iter().filter(|o| o.same_id).count(), linked.len()),
            linked.len()
        );
        // Our country and first-level region points are not GeoNames' own
        // (see data/places/README.md): this shows what that costs.
        let placed: Vec<&&Outcome> = kept.iter().filter(|o| o.placed.is_some()).collect();
        let near_or_same = placed
            .iter()
            .filter(|o| o.same_id || o.placed.as_ref().is_some_and(|p| p.2 <= NEAR_KM))
            .count();
        println!(
            "within 161 km or the gold GeoNames id: {:.3} of {} (end to end {:.3})",
            ratio(near_or_same, placed.len()),
            placed.len(),
            ratio(
                near_or_same,
                kept.iter().filter(|o| o.gold.coordinates.is_some()).count()
            )
        );
        let with_coordinates = kept.iter().filter(|o| o.gold.coordinates.is_some()).count();
        let near = errors.iter().filter(|&&e| e <= NEAR_KM).count();
        println!(
            "end to end: {near} of {with_coordinates} gold toponyms found and placed within 161 km = {:.3}",
            ratio(near, with_coordinates)
        );
    }
    println!();
    print_errors(
        "resolution of gold spans (no demonyms; resolver alone)",
        &oracle_errors,
    );
    if misses {
        println!(
            "\n== misses (docid, gold phrase -> gold place [code], our mention: what we did) =="
        );
        for o in &outcomes {
            let what = match (&o.placed, o.overlap) {
                (_, false) => match &o.other {
                    Some((label, text)) => format!("not recognized: {label:?} {text:?}"),
                    None => "not recognized".to_string(),
                },
                (None, true) => continue, // recognized, no gold coordinates to score
                (Some((_, _, e)), true) if *e <= NEAR_KM => continue,
                (Some((name, _, _)), true) if name.is_empty() => "not in the gazetteer".to_string(),
                (Some((name, country, e)), true) => {
                    format!("placed at {name} ({country}), {e:.0} km off")
                }
            };
            println!(
                "{}\t{}\t-> {} [{}]{}\t{:?}: {what}",
                o.docid,
                o.gold.phrase,
                o.gold.name,
                o.gold.fcode,
                if o.demonym { " (demonym)" } else { "" },
                o.mention
            );
        }
        println!("\n== PLACE mentions that are not a gold toponym (docid, ours: the gold one it overlaps, demonyms left out) ==");
        for (docid, text, gold) in &wrong_spans {
            match gold {
                Some(phrase) => println!("{docid}\t{text:?}\tboundary: gold {phrase:?}"),
                None => println!("{docid}\t{text:?}\tfalse alarm"),
            }
        }
    }
    Ok(())
}

/// Errors of the resolver given the gold spans (demonyms left out), grouped by
/// phrase key as the entity layer would.
fn oracle(article: &Article, is_demonym: &dyn Fn(&str) -> bool) -> Vec<f64> {
    let gold: Vec<&Toponym> = article
        .toponyms
        .iter()
        .filter(|t| t.coordinates.is_some() && !is_demonym(&t.phrase))
        .collect();
    let mut keys: Vec<String> = Vec::new();
    let mut groups: Vec<Vec<&str>> = Vec::new();
    let mut group_of = Vec::new();
    for t in &gold {
        let k = key(&t.phrase);
        let g = match keys.iter().position(|x| *x == k) {
            Some(g) => g,
            None => {
                keys.push(k);
                groups.push(Vec::new());
                keys.len() - 1
            }
        };
        groups[g].push(&t.phrase);
        group_of.push(g);
    }
    let tops = resolve_groups(&groups, &article.text);
    gold.iter()
        .zip(group_of)
        .map(|(t, g)| match (&tops[g], t.coordinates) {
            (Some(c), Some(at)) => haversine_km(at, (c.place.lat, c.place.lon)),
            _ => MAX_ERROR_KM,
        })
        .collect()
}

/// Prints accuracy within 161 km, mean, median and AUC of `errors`.
fn print_errors(title: &str, errors: &[f64]) {
    let mut sorted = errors.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let near = sorted.iter().filter(|&&e| e <= NEAR_KM).count();
    let mean = sorted.iter().sum::<f64>() / n.max(1) as f64;
    let median = match n {
        0 => 0.0,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    };
    println!(
        "{title}: {n} toponyms  acc@161km {:.3}  mean {mean:.0} km  median {median:.0} km  AUC {:.3}",
        ratio(near, n),
        auc(&sorted)
    );
}

/// Area under the sorted, normalised ln(1 + error) curve (trapezoids), 0 to 1.
fn auc(sorted: &[f64]) -> f64 {
    if sorted.len() < 2 {
        return sorted
            .first()
            .map_or(0.0, |e| (1.0 + e).ln() / MAX_ERROR_KM.ln());
    }
    let logs: Vec<f64> = sorted.iter().map(|e| (1.0 + e).ln()).collect();
    let area: f64 = logs.windows(2).map(|w| (w[0] + w[1]) / 2.0).sum();
    area / ((logs.len() - 1) as f64 * MAX_ERROR_KM.ln())
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_and_auc() {
        let kyiv = (50.45, 30.52);
        let moscow = (55.75, 37.62);
        let d = haversine_km(kyiv, moscow);
        assert!((d - 756.0).abs() < 10.0, "{d}");
        assert_eq!(haversine_km(kyiv, kyiv), 0.0);
        assert_eq!(auc(&[0.0, 0.0]), 0.0);
        assert!((auc(&[MAX_ERROR_KM, MAX_ERROR_KM]) - 1.0).abs() < 1e-3);
    }
}
