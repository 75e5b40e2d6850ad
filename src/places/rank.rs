//! Ranking gazetteer candidates for the PLACE entities of one document: a
//! prior from feature kind and population (country > capital > first-level
//! region > city, bigger first), then the document's context: the countries
//! and regions where the other places lie (weighted by belief), a state or country after a
//! comma ("Arlington, Va."), and institutions that stand for a capital
//! ("the White House"). One query per entity gives one sense per discourse.

use std::collections::HashMap;

use super::gazetteer::{admin1, by_id, demonym_country, lookup, neighbours, Entry};
use super::names::key;
use super::{Candidate, Place, PlaceKind, PlaceQuery};

/// At most this many candidates are returned per query.
const MAX_CANDIDATES: usize = 5;
/// Bonus for lying in a first-level region that another place of the text is in.
const SAME_ADMIN1: f32 = 2.5;
/// Bonus for lying in a country that another place of the text is in.
const SAME_COUNTRY: f32 = 2.0;
/// Bonus for lying beside a country that another place of the text is in
/// ("Gaza" beside Tel Aviv is not Gaza, Mozambique); half [`SAME_COUNTRY`],
/// so that "in" outweighs "beside" ("Pakistani officials ... Hyderabad").
const NEIGHBOUR: f32 = 1.0;
/// The kind weight of a first-level region in [`prior`].
const ADMIN1_WEIGHT: f32 = 1.6;
/// How much a mention of a country itself counts towards [`SAME_COUNTRY`].
const COUNTRY_MENTION: f32 = 0.35;
/// Bonus for the region or country named after a comma ("Paris, Texas").
const COMMA_HINT: f32 = 4.0;
/// Bonus for the place an institution of the text stands for.
const CUE: f32 = 1.5;

/// Institutions named in news that place the story in a capital.
const CUES: &[(&str, u32)] = &[
    ("Bundestag", 2950159),        // Berlin
    ("Capitol Hill", 4140963),     // Washington, D.C.
    ("Congress", 4140963),         // Washington, D.C.
    ("Downing Street", 2643743),   // London
    ("Elysee", 2988507),           // Paris
    ("Élysée", 2988507),           // Paris
    ("Kremlin", 524901),           // Moscow
    ("Pentagon", 4140963),         // Washington, D.C.
    ("State Department", 4140963), // Washington, D.C.
    ("Verkhovna Rada", 703448),    // Kyiv
    ("White House", 4140963),      // Washington, D.C.
    ("Whitehall", 2643743),        // London
];

/// The GeoNames id of the city an institution of [`CUES`] stands in.
fn institution_place(name: &str) -> Option<u32> {
    let name = key(name);
    CUES.iter()
        .find(|(cue, _)| key(cue) == name)
        .map(|&(_, id)| id)
}

/// True if the name is an institution ("the Kremlin") that a place query
/// resolves to the city it stands in: the institution and the city stay two
/// entities.
pub fn is_institution(name: &str) -> bool {
    institution_place(name).is_some()
}

/// Last words of facility names, whose other words name no place to resolve.
const FACILITIES: &[&str] = &[
    "airport",
    "bridge",
    "cathedral",
    "center",
    "centre",
    "church",
    "college",
    "hospital",
    "hotel",
    "mosque",
    "museum",
    "park",
    "road",
    "school",
    "stadium",
    "station",
    "street",
    "temple",
    "university",
];

/// Direction words dropped when "eastern Ukraine" itself is not in the gazetteer.
const DIRECTIONS: &[&str] = &[
    "central",
    "east",
    "eastern",
    "far",
    "north",
    "northeast",
    "northeastern",
    "northern",
    "northwest",
    "northwestern",
    "south",
    "southeast",
    "southeastern",
    "southern",
    "southwest",
    "southwestern",
    "west",
    "western",
];

/// Where the places of a text lie, as context for each other: for each
/// country and first-level region, the summed belief (softmax shares) of the
/// candidates lying there.
#[derive(Default)]
struct Context {
    countries: HashMap<String, f32>,
    admin1s: HashMap<(String, String), f32>,
}

impl Context {
    /// Adds (or with a negative `share`, removes) one candidate's belief.
    fn add(&mut self, entry: &Entry, share: f32) {
        if entry.country.is_empty() {
            return;
        }
        // Naming a country says less about where the other places lie than
        // naming a city or region in it: global news names "the U.S." everywhere.
        let weight = if entry.kind == PlaceKind::Country {
            COUNTRY_MENTION
        } else {
            1.0
        };
        *self.countries.entry(entry.country.clone()).or_default() += weight * share;
        if !entry.admin1.is_empty() && entry.kind != PlaceKind::Country {
            *self
                .admin1s
                .entry((entry.country.clone(), entry.admin1.clone()))
                .or_default() += share;
        }
    }

    /// Adds the belief of every candidate of `p` (`sign` -1 removes it).
    fn add_query(&mut self, p: &Pending, sign: f32) {
        for (entry, share) in p.entries.iter().zip(shares(&p.scores)) {
            self.add(entry, sign * share);
        }
    }

    /// The context bonus of `entry`, after adding `delta` (the query's own
    /// belief, negated) to this context.
    fn bonus_without(&self, delta: &Context, entry: &Entry) -> f32 {
        let mass = |total: Option<&f32>, own: Option<&f32>| {
            (total.copied().unwrap_or(0.0) + own.copied().unwrap_or(0.0)).clamp(0.0, 1.0)
        };
        let mut bonus = SAME_COUNTRY
            * mass(
                self.countries.get(&entry.country),
                delta.countries.get(&entry.country),
            );
        let near: f32 = neighbours(&entry.country)
            .map(|n| mass(self.countries.get(n), delta.countries.get(n)))
            .sum();
        bonus += NEIGHBOUR * near.min(1.0);
        if !entry.admin1.is_empty() && entry.kind != PlaceKind::Country {
            let key = (entry.country.clone(), entry.admin1.clone());
            bonus += SAME_ADMIN1 * mass(self.admin1s.get(&key), delta.admin1s.get(&key));
        }
        bonus
    }
}

/// Softmax of scores: each candidate's share of belief.
fn shares(scores: &[f32]) -> Vec<f32> {
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exps: Vec<f32> = scores.iter().map(|s| (s - max).exp()).collect();
    let total: f32 = exps.iter().sum();
    exps.into_iter().map(|e| e / total).collect()
}

/// The context-free score: feature kind, then population.
fn prior(entry: &Entry) -> f32 {
    let population = entry.population as f32;
    let (weight, population) = match entry.kind {
        PlaceKind::Country => (3.0, population),
        PlaceKind::Continent => (2.8, population),
        PlaceKind::Region => (2.4, population),
        // A region's population is summed over its cities; a tenth compares with one city.
        PlaceKind::Admin1 => (ADMIN1_WEIGHT, population / 10.0),
        PlaceKind::City if entry.capital => (2.0, population),
        // A city of millions is what its name means, even beside a region of that name.
        PlaceKind::City if population >= 1e6 => (1.6, population),
        PlaceKind::City | PlaceKind::Other => (0.0, population),
    };
    weight + 0.5 * (population + 10.0).log10()
}

/// A first-level region loses its kind's weight when a city of the same name
/// lies in it: news means the city ("Lviv", "Geneva", "Zaporizhzhia") unless
/// the text says otherwise (then context or a comma hint decides).
fn seat_penalty(entry: &Entry, entries: &[&Entry]) -> f32 {
    let has_seat = entry.kind == PlaceKind::Admin1
        && entries.iter().any(|e| {
            e.kind == PlaceKind::City && e.country == entry.country && e.admin1 == entry.admin1
        });
    if has_seat {
        -ADMIN1_WEIGHT
    } else {
        0.0
    }
}

/// A query's candidates and the regions named after its names in the text.
struct Pending {
    entries: Vec<&'static Entry>,
    /// Each entry's score without the other places of the text.
    base: Vec<f32>,
    scores: Vec<f32>,
    hints: Vec<&'static Entry>,
}

/// Ranked candidates (best first, at most 5) per query; empty = not in the gazetteer.
pub fn resolve(queries: &[PlaceQuery], text: &str) -> Vec<Vec<Candidate>> {
    let marks = Marks::new(text);
    let mut pending: Vec<Pending> = queries.iter().map(|q| candidates(q, &marks)).collect();
    let mut cue_countries: HashMap<String, f32> = HashMap::new();
    let mut cue_ids = Vec::new();
    for &(cue, id) in CUES {
        if contains_word(text, cue) {
            if let Some(entry) = by_id(id) {
                cue_countries.insert(entry.country.clone(), 1.0);
                cue_ids.push(id);
            }
        }
    }
    // "Ukrainian forces" says where the story is, as naming Ukraine would.
    for country in demonym_countries(text) {
        let weight = cue_countries.entry(country.to_string()).or_default();
        *weight = weight.max(COUNTRY_MENTION);
    }
    for p in &mut pending {
        p.base = p
            .entries
            .iter()
            .map(|e| {
                prior(e)
                    + hint_bonus(e, &p.hints)
                    + cue_bonus(e, &cue_ids)
                    + seat_penalty(e, &p.entries)
            })
            .collect();
        p.scores = p.base.clone();
    }
    for _ in 0..2 {
        let mut context = Context::default();
        for p in &pending {
            context.add_query(p, 1.0);
        }
        for (country, n) in &cue_countries {
            *context.countries.entry(country.clone()).or_default() += n;
        }
        let scores: Vec<Vec<f32>> = pending
            .iter()
            .map(|p| {
                // A query is no context for itself.
                let mut own = Context::default();
                own.add_query(p, -1.0);
                p.entries
                    .iter()
                    .zip(&p.base)
                    .map(|(e, base)| base + context.bonus_without(&own, e))
                    .collect()
            })
            .collect();
        for (p, s) in pending.iter_mut().zip(scores) {
            p.scores = s;
        }
    }
    pending.into_iter().map(ranked).collect()
}

/// Gazetteer entries for a query's names, and regions named after a comma.
fn candidates(query: &PlaceQuery, marks: &Marks) -> Pending {
    let mut entries: Vec<&'static Entry> = Vec::new();
    let mut hints = Vec::new();
    for name in &query.names {
        let (head, tail) = match name.split_once(',') {
            Some((head, tail)) => (head.trim(), Some(tail.trim())),
            None => (name.trim(), None),
        };
        let mut found = lookup(head);
        if !head.ends_with('.') && (marks.before_full_stop(head) || marks.after_comma(head)) {
            // The recognizer may leave the full stop of "Ky." to the sentence, and a
            // dateline may drop it ("EDMONTON, Ky (WBKO)").
            found.extend(lookup(&format!("{head}.")));
        }
        found.extend(postal_code(head, marks));
        if found.is_empty() {
            found = lookup(&strip_direction(head));
        }
        if found.is_empty() {
            found = inner_place(head);
        }
        if let Some(id) = institution_place(head) {
            // "the White House" as a place is where it stands.
            found = by_id(id).into_iter().collect();
        }
        if let Some(tail) = tail {
            hints.extend(lookup(tail).into_iter().filter(|e| is_container(e)));
        }
        hints.extend(comma_hints(head, marks));
        for entry in found {
            if !entries.iter().any(|e| std::ptr::eq(*e, entry)) {
                entries.push(entry);
            }
        }
    }
    Pending {
        entries,
        base: Vec::new(),
        scores: Vec::new(),
        hints,
    }
}

/// "eastern Ukraine" → "Ukraine"; names without a direction word stay.
fn strip_direction(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let skip = words
        .iter()
        .take_while(|w| DIRECTIONS.contains(&w.to_lowercase().as_str()))
        .count();
    if skip == 0 || skip == words.len() {
        return String::new();
    }
    words[skip..].join(" ")
}

/// For a mention the gazetteer lacks, the places named by its longest run of
/// capitalised words at its start or end that it has: "Winnipeg Free Press" → Winnipeg,
/// "Calgary-North West" → Calgary, "Nazi Germany" → Germany (the recognizer's
/// span is sometimes too long). A building or a street is not its namesake
/// town: "St. Michael's Hospital" and "Memphis St." give nothing.
fn inner_place(name: &str) -> Vec<&'static Entry> {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let facility = words
        .last()
        .is_some_and(|w| FACILITIES.contains(&w.to_lowercase().as_str()));
    if facility || crate::ner::streets::is_street(name) {
        return Vec::new();
    }
    for len in (1..words.len()).rev() {
        // Only a run at either end: a word inside a longer name ("Martín" in
        // "Zoë Martín-Ødegaard") is rarely the place it names.
        let ends = [&words[..len], &words[words.len() - len..]];
        for run in ends {
            let capitalised = run.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !DIRECTIONS.contains(&w.to_lowercase().as_str())
            });
            if !capitalised || run.iter().all(|w| w.len() < 3) {
                continue;
            }
            let found = lookup(&run.join(" "));
            if !found.is_empty() {
                return found;
            }
        }
    }
    Vec::new()
}

/// Where a text has ", " and "." — found once per [`resolve`], so that each
/// name's checks cost its occurrences, not a scan of the whole text (a long
/// document has thousands of place names).
struct Marks<'t> {
    text: &'t str,
    /// Byte offsets of every ", ", bucketed by the one ASCII-lowercased byte
    /// before it, and by the two bytes before it (for names of two bytes or
    /// more: a long text has thousands of commas after each letter).
    commas: Vec<Vec<usize>>,
    commas_after_pair: HashMap<[u8; 2], Vec<usize>>,
    /// Byte offsets of every ".", bucketed the same way (exact bytes).
    stops: Vec<Vec<usize>>,
    stops_after_pair: HashMap<[u8; 2], Vec<usize>>,
}

impl<'t> Marks<'t> {
    fn new(text: &'t str) -> Marks<'t> {
        let bytes = text.as_bytes();
        let mut commas = vec![Vec::new(); 256];
        let mut stops = vec![Vec::new(); 256];
        let mut commas_after_pair: HashMap<[u8; 2], Vec<usize>> = HashMap::new();
        let mut stops_after_pair: HashMap<[u8; 2], Vec<usize>> = HashMap::new();
        for (at, &b) in bytes.iter().enumerate().skip(1) {
            let before = bytes[at - 1];
            let pair = (at >= 2).then(|| [bytes[at - 2], before]);
            if b == b',' && bytes.get(at + 1) == Some(&b' ') {
                commas[usize::from(before.to_ascii_lowercase())].push(at);
                if let Some(pair) = pair {
                    let key = pair.map(|b| b.to_ascii_lowercase());
                    commas_after_pair.entry(key).or_default().push(at);
                }
            } else if b == b'.' {
                stops[usize::from(before)].push(at);
                if let Some(pair) = pair {
                    stops_after_pair.entry(pair).or_default().push(at);
                }
            }
        }
        Marks {
            text,
            commas,
            commas_after_pair,
            stops,
            stops_after_pair,
        }
    }

    /// The marks `name` may end right before: those after its last two
    /// bytes (`fold` applied), or after its one byte.
    fn after_end<'a>(
        one: &'a [Vec<usize>],
        pairs: &'a HashMap<[u8; 2], Vec<usize>>,
        name: &str,
        fold: fn(u8) -> u8,
    ) -> &'a [usize] {
        match *name.as_bytes() {
            [] => &[],
            [last] => &one[usize::from(fold(last))],
            [.., a, b] => pairs.get(&[fold(a), fold(b)]).map_or(&[], Vec::as_slice),
        }
    }

    /// Where `name` (any ASCII case) starts right before a ", ".
    fn before_comma<'a>(&'a self, name: &'a str) -> impl Iterator<Item = usize> + 'a {
        Self::after_end(&self.commas, &self.commas_after_pair, name, |b| {
            b.to_ascii_lowercase()
        })
        .iter()
        .filter_map(move |&comma| {
            let at = comma.checked_sub(name.len())?;
            self.text
                .get(at..comma)
                .is_some_and(|s| s.eq_ignore_ascii_case(name))
                .then_some(at)
        })
    }

    /// Whether `name`, exactly, stands right before a "." somewhere.
    fn before_full_stop(&self, name: &str) -> bool {
        if name.is_empty() {
            return self.text.contains('.');
        }
        Self::after_end(&self.stops, &self.stops_after_pair, name, |b| b)
            .iter()
            .any(|&stop| {
                stop.checked_sub(name.len())
                    .and_then(|at| self.text.get(at..stop))
                    == Some(name)
            })
    }

    /// Whether ", " followed by `name` stands somewhere.
    fn after_comma(&self, name: &str) -> bool {
        self.commas.iter().flatten().any(|&comma| {
            self.text
                .get(comma + 2..)
                .is_some_and(|rest| rest.starts_with(name))
        })
    }
}

/// The US state whose postal code `name` is, when written in capitals after a
/// comma ("LONDON, KY"); elsewhere "IN" or "OR" is no place.
fn postal_code(name: &str, marks: &Marks) -> Option<&'static Entry> {
    if name.len() != 2 || !name.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    if !marks.after_comma(name) {
        return None;
    }
    admin1("US", name)
}

/// A place that can contain cities: a country or first-level region.
fn is_container(entry: &Entry) -> bool {
    matches!(entry.kind, PlaceKind::Country | PlaceKind::Admin1)
}

/// The first-level regions or countries written right after `name` and a
/// comma in the text: "Arlington, Va.", "Paris, Texas", "Tours, France".
fn comma_hints(name: &str, marks: &Marks) -> Vec<&'static Entry> {
    let text = marks.text;
    let mut hints = Vec::new();
    if name.is_empty() {
        return hints;
    }
    // Datelines write "LONDON, Ky.": compare without case.
    for at in marks.before_comma(name) {
        let Some(rest) = text[at + name.len()..].strip_prefix(", ") else {
            continue;
        };
        let words: Vec<&str> = rest.split_whitespace().take(3).collect();
        for n in (1..=words.len()).rev() {
            let phrase = words[..n].join(" ");
            let phrase = phrase.trim_end_matches([',', ';', ':', ')', '"', '”']);
            if !phrase.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            // "Ky" without its full stop, as datelines write it, is "Ky.".
            let dotted = (!phrase.ends_with('.')).then(|| lookup(&format!("{phrase}.")));
            let mut found: Vec<_> = lookup(phrase)
                .into_iter()
                .chain(dotted.into_iter().flatten())
                .filter(|e| is_container(e))
                .collect();
            found.extend(postal_code(phrase, marks));
            if !found.is_empty() {
                hints.extend(found);
                break;
            }
        }
    }
    hints
}

/// `COMMA_HINT` for lying in (or being) a hinted region or country.
fn hint_bonus(entry: &Entry, hints: &[&Entry]) -> f32 {
    let inside = hints.iter().any(|h| {
        !std::ptr::eq(*h, entry)
            && h.country == entry.country
            && (h.kind == PlaceKind::Country || h.admin1 == entry.admin1)
    });
    if inside {
        COMMA_HINT
    } else {
        0.0
    }
}

fn cue_bonus(entry: &Entry, cue_ids: &[u32]) -> f32 {
    if cue_ids.contains(&entry.geonames_id) {
        CUE
    } else {
        0.0
    }
}

/// `cue` in `text` as whole words.
/// The countries whose demonyms the text uses, each once.
fn demonym_countries(text: &str) -> Vec<&'static str> {
    let mut found: Vec<&'static str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(demonym_country)
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

fn contains_word(text: &str, cue: &str) -> bool {
    text.match_indices(cue).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + cue.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Candidate indices, best first: score, then population, then id.
fn order(p: &Pending) -> Vec<usize> {
    let mut order: Vec<usize> = (0..p.entries.len()).collect();
    order.sort_by(|&a, &b| {
        p.scores[b]
            .total_cmp(&p.scores[a])
            .then(p.entries[b].population.cmp(&p.entries[a].population))
            .then(p.entries[a].geonames_id.cmp(&p.entries[b].geonames_id))
    });
    order
}

/// The best candidates as places, with softmax shares as scores.
fn ranked(p: Pending) -> Vec<Candidate> {
    let order = order(&p);
    let shares = shares(&p.scores);
    order
        .into_iter()
        .take(MAX_CANDIDATES)
        .map(|i| Candidate {
            place: place(p.entries[i]),
            score: shares[i],
        })
        .collect()
}

fn place(entry: &Entry) -> Place {
    let admin1 = match entry.kind {
        PlaceKind::Admin1 => Some(entry.name.clone()),
        _ if entry.admin1.is_empty() => None,
        _ => admin1(&entry.country, &entry.admin1).map(|e| e.name.clone()),
    };
    Place {
        geonames_id: entry.geonames_id,
        name: entry.name.clone(),
        country: entry.country.clone(),
        admin1,
        lat: entry.lat,
        lon: entry.lon,
        kind: entry.kind,
        population: entry.population,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resolves one-mention queries for `names` in `text`; the top GeoNames ids.
    fn tops(names: &[&str], text: &str) -> Vec<Option<u32>> {
        let queries: Vec<PlaceQuery> = names
            .iter()
            .map(|n| PlaceQuery {
                names: vec![n],
                mentions: 1,
            })
            .collect();
        resolve(&queries, text)
            .iter()
            .map(|c| c.first().map(|c| c.place.geonames_id))
            .collect()
    }

    #[test]
    fn ambiguous_names_follow_the_document() {
        // (names, text, expected top id of the first name)
        let cases: &[(&[&str], &str, u32)] = &[
            (&["Paris"], "Talks in Paris.", 2988507),
            (&["Paris", "Texas"], "Paris in Texas got rain.", 4717560),
            (&["Paris"], "He moved to Paris, Texas, in May.", 4717560),
            (
                &["Georgia", "Tbilisi"],
                "Georgia said Tbilisi would talk.",
                614540,
            ),
            (
                &["Georgia", "Atlanta"],
                "Atlanta is the capital of Georgia.",
                4197000,
            ),
            (&["Georgia"], "Georgia voted.", 614540),
            (&["Washington"], "Congress met in Washington.", 4140963),
            (
                &["Washington", "Seattle"],
                "Seattle, the largest city in Washington.",
                5815135,
            ),
            (
                &["Arlington"],
                "A fire in Arlington, Va., on Monday.",
                4744709,
            ),
            (
                &["Arlington"],
                "A fire in Arlington, Texas, on Monday.",
                4671240,
            ),
            (&["Kyiv's"], "Kyiv's mayor spoke.", 703448),
            (&["Kiev"], "In Kiev, snow.", 703448),
            (&["Kharkov"], "In Kharkov, snow.", 706483),
            (&["Odessa"], "Odessa, Ukraine's port.", 698740),
            (&["Bombay"], "Bombay flooded.", 1275339),
            (&["U.S."], "The U.S. said.", 6252001),
            (&["the United States"], "The United States said.", 6252001),
            (&["Britain"], "Britain said.", 2635167),
            (&["New York"], "New York is big.", 5128581),
            (&["eastern Ukraine"], "Fighting in eastern Ukraine.", 690791),
            (&["Calif."], "Los Angeles, Calif.", 5332921),
            (&["Ky"], "A town in Ky. got rain.", 6254925),
            (&["KY"], "LONDON, KY (AP) - Rain.", 6254925),
            (&["London"], "LONDON, KY (AP) - Rain.", 4298960),
            (&["Ky"], "EDMONTON, Ky (WBKO) - Rain.", 6254925),
            (&["EDMONTON"], "EDMONTON, Ky (WBKO) - Rain.", 4290886),
            (&["Man"], "Winnipeg, Man. - Snow.", 6065171),
            (
                &["Far North Queensland"],
                "Rain in Far North Queensland.",
                2152274,
            ),
            (&["B.C."], "Vancouver, B.C.", 5909050),
            (&["White House"], "The White House said.", 4140963),
            // The leading part of a long name, as news shortens it.
            (&["Ludwigshafen"], "A plant in Ludwigshafen.", 2875376),
            (
                &["Newcastle", "Leeds"],
                "Trains from Leeds to Newcastle were cancelled.",
                2641673,
            ),
            // A neighbouring country's places are context too.
            (
                &["Gaza", "Tel Aviv", "Jerusalem"],
                "Strikes hit southern Gaza, while protesters gathered in Tel Aviv and Jerusalem.",
                0,
            ),
            // UK counties, and a state or province after a comma for their namesakes.
            (&["Kent", "Essex"], "Floods hit Kent and Essex.", 3333158),
            (
                &["London", "Essex", "Surrey"],
                "Trains from London to Essex and Surrey stopped.",
                2643743,
            ),
            (&["Surrey"], "A crash in Surrey, B.C., on Monday.", 6159905),
            (&["Kent"], "A rally in Kent, Ohio, on Monday.", 5159537),
            // US counties: the state after a comma or the other places choose among namesakes.
            (
                &["Metcalfe County"],
                "Deputies in Metcalfe County said.",
                4300606,
            ),
            (
                &["Monroe County"],
                "Deputies in Monroe County, Ind., said.",
                4261526,
            ),
            (
                &["Monroe County", "Rochester", "Buffalo"],
                "Snow in Rochester and Buffalo; Monroe County closed schools.",
                5127305,
            ),
            (&["PLYMOUTH CO."], "PLYMOUTH CO., Mass. - A crash.", 4947607),
            // A demonym is context; without one the bigger city wins.
            (&["Hyderabad"], "Floods hit Hyderabad.", 1269843),
            (
                &["Hyderabad"],
                "Pakistani officials said floods hit Hyderabad.",
                1176734,
            ),
            // A word that merely contains a demonym is none.
            (
                &["Hyderabad"],
                "Pakistanis said floods hit Hyderabad.",
                1269843,
            ),
        ];
        for (names, text, expected) in cases {
            assert_eq!(
                tops(names, text)[0],
                Some(*expected),
                "{names:?} in {text:?}"
            );
        }
    }

    #[test]
    fn news_regions_resolve() {
        for name in [
            "Donbas",
            "the Gaza Strip",
            "Kashmir",
            "Crimea",
            "the Sahel",
            "Middle East",
        ] {
            let found = resolve(
                &[PlaceQuery {
                    names: vec![name],
                    mentions: 1,
                }],
                "",
            );
            assert!(!found[0].is_empty(), "{name}");
        }
    }

    #[test]
    fn unknown_names_give_no_candidates() {
        // False-positive table: not places, or not in the gazetteer.
        for name in [
            "Zzyzxqua",
            "",
            "the",
            "Microsoftland",
            "Umerov",
            "IN",
            "OR",
            "St. Michael's Hospital",
            "University Hospital",
            "Memphis St.",
            "Wall Street",
            "Houston Avenue",
        ] {
            assert_eq!(tops(&[name], "Some text."), vec![None], "{name}");
        }
    }

    #[test]
    fn a_bare_county_name_is_the_town() {
        // Metcalfe, Mississippi, not Metcalfe County, Kentucky.
        let found = &resolve(
            &[PlaceQuery {
                names: vec!["Metcalfe"],
                mentions: 1,
            }],
            "Rain in Metcalfe.",
        )[0];
        assert!(!found.is_empty());
        assert!(found.iter().all(|c| c.place.geonames_id != 4300606));
    }

    #[test]
    fn candidates_are_ranked_scored_and_capped() {
        let found = &resolve(
            &[PlaceQuery {
                names: vec!["Springfield"],
                mentions: 2,
            }],
            "",
        )[0];
        assert_eq!(found.len(), MAX_CANDIDATES);
        assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(found.iter().all(|c| c.score > 0.0 && c.score <= 1.0));
        assert_eq!(found[0].place.country, "US");
        assert_eq!(found[0].place.kind.as_str(), "city");
        assert!(found[0].place.admin1.is_some());
    }
}
