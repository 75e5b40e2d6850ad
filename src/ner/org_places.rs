//! Places the model tagged ORG, after the name model: "Edmonton", "Plymouth
//! County" or "Queensland" named alone, as in "officials in Edmonton said" or
//! "shelled Kherson", are places. CoNLL-2003, which the model learned from,
//! is full of sports results where a city or county names its team
//! ("Essex beat Kent", "homered for Cleveland"), so the model often reads a
//! place in a list, a heading or a short sentence as a team.
//!
//! [`mend`] weighs the gazetteer against organisation cues. An ORG name whose
//! whole text is a prominent place ([`is_place`]) or ends in a county word
//! ("Adair County", [`COUNTY_WORDS`]) becomes a PLACE, except
//! - in a text about sport (`data/names/sport_words.txt`, scores such as "6-3"), where a
//!   place is a team unless a locative word comes before it ("in Milwaukee");
//! - after a word that makes it a medium's or a team's name ("the newspaper
//!   Granma", [`ORG_BEFORE`]), or beside a number ("Essex 532-8");
//! - a short all-capital word the gazetteer knows only as a city ("INA" is
//!   Ina, Japan), which is far more often an acronym.
//!
//! One sense per text: a name kept ORG once is kept everywhere in the text.
//! A name longer than the place ("Reading FC", "Kentucky State Police") and
//! a name that is no place ("the Kremlin") stay ORG.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::sync::OnceLock;

use super::gazetteer::List;
use super::tags::Class;
use super::Name;
use crate::places::gazetteer;
use crate::places::PlaceKind;
use crate::tokenize::Token;

/// The fewest people a city needs: a smaller town's name is too often a
/// surname or a company's ("Sears" is a town in Michigan).
const MIN_CITY: u64 = 50_000;

/// Last words of names of second-level regions, which the gazetteer lacks.
const COUNTY_WORDS: &[&str] = &[
    "Borough",
    "County",
    "District",
    "Oblast",
    "Parish",
    "Prefecture",
    "Province",
    "Raion",
    "Shire",
];

const SPORT_WORDS: &str = include_str!("../../data/names/sport_words.txt");

/// Words found in reports of sport and seldom elsewhere
/// (`data/names/sport_words.txt`: lowercase, sorted).
fn sport_words() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&str>> = OnceLock::new();
    super::word_list(SPORT_WORDS, &LIST)
}

/// How many sport words or scores make a text a report of sport.
const SPORT_TEXT: usize = 2;

/// Words before a place that say it is a place, also in a report of sport.
const LOCATIVE: &[&str] = &["across", "in", "near", "outside", "throughout"];

/// Words before a name that make it an organisation's (lowercase, sorted).
const ORG_BEFORE: &[&str] = &[
    "agency",
    "broadcaster",
    "club",
    "daily",
    "magazine",
    "newspaper",
    "side",
    "team",
];

/// True if the gazetteer knows `name` as a country, first-level region,
/// continent, news region or a city of [`MIN_CITY`] people or more. Not as a
/// city: a short all-capital name (an acronym) or a family name ("Norton",
/// "Kennedy": a person's or a firm's).
pub(crate) fn is_place(name: &str) -> bool {
    let acronym = name.len() <= 4 && !name.contains(|c: char| c.is_lowercase() || c == '.');
    let surname = || super::listed(List::Surname, name);
    gazetteer::lookup(name).iter().any(|e| match e.kind {
        PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Continent | PlaceKind::Region => true,
        PlaceKind::City => !acronym && e.population >= MIN_CITY && !surname(),
        PlaceKind::Other => false,
    })
}

/// "Adair County", "Fars Province": capitalised words ending in a county word.
pub(crate) fn is_county(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2
        && COUNTY_WORDS.contains(words.last().expect("two words"))
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// A score: two numbers joined by a hyphen ("6-3", "133-5").
fn is_score(word: &str) -> bool {
    let mut parts = word.split('-');
    let mut number = || {
        parts
            .next()
            .is_some_and(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    };
    number() && number() && parts.next().is_none()
}

/// True if a word reads as sport: a sport word or a score.
fn is_sport(word: &str) -> bool {
    // Most words are neither: rule them out before any allocation.
    let first = word.as_bytes().first().copied().unwrap_or(0);
    if !first.is_ascii_alphanumeric() || word.len() > 12 {
        return false;
    }
    if first.is_ascii_digit() {
        return is_score(word);
    }
    let list = sport_words();
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        list.binary_search(&word.to_ascii_lowercase().as_str())
            .is_ok()
    } else {
        list.binary_search(&word).is_ok()
    }
}

/// True if the text reports sport: it holds [`SPORT_TEXT`] sport words or
/// scores, so that a place named there may be a team.
pub(crate) fn is_sport_text(text: &str, tokens: &[Token]) -> bool {
    let mut sport_words = tokens.iter().filter(|t| is_sport(t.text(text)));
    sport_words.nth(SPORT_TEXT - 1).is_some()
}

/// The index of the token whose `edge` (start or end) is at byte `at`, found
/// by binary search (tokens are in text order).
fn token_at(tokens: &[Token], edge: fn(&Token) -> usize, at: usize) -> Option<usize> {
    let i = tokens.partition_point(|t| edge(t) < at);
    tokens.get(i).filter(|t| edge(t) == at).map(|_| i)
}

fn starts_with_digit(t: Option<&Token>, text: &str) -> bool {
    t.is_some_and(|t| t.text(text).starts_with(|c: char| c.is_ascii_digit()))
}

/// The names with each ORG name that is a place made a PLACE (see the module
/// comment).
pub fn mend(text: &str, tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    // Whether the text reports sport, counted once and only when needed.
    let sport = OnceCell::new();
    let is_sport_text = || *sport.get_or_init(|| is_sport_text(text, tokens));
    let word = |i: usize| tokens[i].text(text).to_lowercase();
    // Per ORG name that is a place: its index, and whether a cue keeps it ORG.
    let mut found: Vec<(usize, bool)> = Vec::new();
    for (n, name) in names.iter().enumerate() {
        let words = &text[name.range.clone()];
        if name.class != Class::Org || !(is_place(words) || is_county(words)) {
            continue;
        }
        let (Some(first), Some(last)) = (
            token_at(tokens, |t| t.start, name.range.start),
            token_at(tokens, |t| t.end, name.range.end),
        ) else {
            continue;
        };
        let before = first.checked_sub(1).map(word);
        let locative = before.as_deref().is_some_and(|w| LOCATIVE.contains(&w));
        let org_before = before
            .as_deref()
            .is_some_and(|w| ORG_BEFORE.binary_search(&w).is_ok());
        let number = starts_with_digit(tokens.get(last + 1), text)
            || first > 0 && starts_with_digit(tokens.get(first - 1), text);
        let keep = org_before || number || (!locative && is_sport_text());
        found.push((n, keep));
    }
    let kept: HashSet<&str> = found
        .iter()
        .filter(|(_, keep)| *keep)
        .map(|&(n, _)| &text[names[n].range.clone()])
        .collect();
    let flip: Vec<usize> = found
        .iter()
        .filter(|&&(n, _)| !kept.contains(&text[names[n].range.clone()]))
        .map(|&(n, _)| n)
        .collect();
    for n in flip {
        names[n].class = Class::Loc;
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{assert_leaves, assert_mends, Tagged};

    #[test]
    fn a_place_tagged_org_is_a_place() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "Edmonton needs to start eating its vegetables.",
                &[("Edmonton", Org)],
                &[("Edmonton", Loc)],
            ),
            (
                "Russian forces shelled Kherson overnight.",
                &[("Kherson", Org)],
                &[("Kherson", Loc)],
            ),
            (
                "Arlington officials closed the road.",
                &[("Arlington", Org)],
                &[("Arlington", Loc)],
            ),
            (
                "A man from Adair County was arrested.",
                &[("Adair County", Org)],
                &[("Adair County", Loc)],
            ),
            (
                "Police in NSW said the boy was safe.",
                &[("NSW", Org)],
                &[("NSW", Loc)],
            ),
            // A locative word wins over a report of sport.
            (
                "The coach saw the 6-3 win in Milwaukee.",
                &[("Milwaukee", Org)],
                &[("Milwaukee", Loc)],
            ),
            // Every mention of the name.
            (
                "Winnipeg grew. Winnipeg's mayor spoke.",
                &[("Winnipeg", Org), ("Winnipeg", Org)],
                &[("Winnipeg", Loc), ("Winnipeg", Loc)],
            ),
        ];
        assert_mends(mend, cases);
    }

    #[test]
    fn teams_and_organisations_stay() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // Reports of sport: the place names a team.
            (
                "By stumps Kent had reached 108 for three wickets.",
                &[("Kent", Org)],
            ),
            (
                "Jim Thome homered for Cleveland in the ninth inning.",
                &[("Jim Thome", Per), ("Cleveland", Org)],
            ),
            (
                "Milan won 2-1. The striker joined Milan from Torino.",
                &[("Milan", Org), ("Milan", Org), ("Torino", Org)],
            ),
            // A number beside it, a word that makes it a medium or a team.
            ("Essex 532-8 declared.", &[("Essex", Org)]),
            (
                "The newspaper Granma said so. Granma called it great.",
                &[("Granma", Org), ("Granma", Org)],
            ),
            ("The team Toronto signed him.", &[("Toronto", Org)]),
            // A short all-capital word known only as a town is an acronym.
            ("The agency (INA) said.", &[("INA", Org)]),
            // Names longer than the place, and names that are no place.
            ("Reading FC won.", &[("Reading FC", Org)]),
            ("The Kremlin said no.", &[("Kremlin", Org)]),
            ("Sears cut jobs.", &[("Sears", Org)]),
            // A city that is also a family name.
            ("Norton lost his fortune.", &[("Norton", Org)]),
            (
                "Kentucky State Police said.",
                &[("Kentucky State Police", Org)],
            ),
            // Other classes are not this rule's.
            ("Paris Hilton sang.", &[("Paris Hilton", Per)]),
            ("Born in Paris.", &[("Paris", Loc)]),
            // A county word after a lowercase word is no county's name.
            ("The school District said.", &[("school District", Org)]),
        ];
        assert_leaves(mend, cases);
    }

    #[test]
    fn word_lists_are_sorted_lowercase() {
        for list in [sport_words(), ORG_BEFORE] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| *w == w.to_lowercase()));
        }
    }
}
