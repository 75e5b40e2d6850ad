//! Hyphenated compounds of places, after the name model: "Russia-Ukraine
//! war" names Russia and Ukraine, "US-proposed" names the US,
//! "Ukrainian-U.S. talks" names the U.S.
//!
//! The model tags such a word whole, as a PLACE ("Ukrainian-U.S.") or as
//! MISC ("US-proposed", as CoNLL-2003 annotates "London-based"), or not at
//! all. [`split`] cuts a one-word name other than a person's, or an
//! untagged word, at its hyphens and keeps the parts that are places when every
//! other part is a nationality ("Ukrainian") or a lowercase word
//! ("proposed", "led"); a capitalised other part ("Air-India",
//! "Coca-Cola") leaves the word alone. A word that is itself a known place
//! ("Guinea-Bissau", "Winston-Salem") stays whole. A compound of
//! nationalities only ("Ukrainian-American") is a MISC name.
//!
//! A place part is a country, first-level region, continent or news region,
//! or a city of [`MIN_CITY`] people or more, in the GeoNames gazetteer
//! ([`crate::places::gazetteer::lookup`]); nationalities come from
//! `data/gazetteers/demonyms.txt`.

use std::ops::Range;
use std::sync::OnceLock;

use super::tags::Class;
use super::Name;
use crate::places::gazetteer;
use crate::places::PlaceKind;
use crate::tokenize::Token;

/// The fewest people a city needs to count as a place part: smaller towns
/// share their names with the words of company names ("Packard", "Benz").
const MIN_CITY: u64 = 100_000;

const DEMONYMS: &str = include_str!("../../data/gazetteers/demonyms.txt");

/// Hyphens the tokenizer keeps inside a word (it folds these to '-').
fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}'
    )
}

/// What one part of a compound is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Place,
    Demonym,
    /// A word starting in lowercase, or a number ("proposed", "19").
    Word,
    /// Anything else: a capitalised word that is not a place.
    Name,
}

fn is_demonym(word: &str) -> bool {
    static LIST: OnceLock<Vec<&str>> = OnceLock::new();
    let list = LIST.get_or_init(|| {
        let mut list: Vec<&str> = DEMONYMS.lines().filter(|l| !l.is_empty()).collect();
        list.sort_unstable();
        list
    });
    list.binary_search(&word.to_lowercase().as_str()).is_ok()
}

/// True if `name` is a prominent place (see the module comment).
fn is_place(name: &str) -> bool {
    gazetteer::lookup(name).iter().any(|e| match e.kind {
        PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Continent | PlaceKind::Region => true,
        PlaceKind::City => e.population >= MIN_CITY,
        PlaceKind::Other => false,
    })
}

fn part(word: &str) -> Part {
    if !word.starts_with(char::is_uppercase) {
        Part::Word
    } else if is_place(word) {
        Part::Place
    } else if is_demonym(word) {
        Part::Demonym
    } else {
        Part::Name
    }
}

/// What a compound word stands for.
#[derive(Debug, PartialEq)]
enum Reading {
    /// Not a compound of places: leave it as it is.
    Whole,
    /// Places, as byte ranges within the word.
    Places(Vec<Range<usize>>),
    /// Nationalities only ("Ukrainian-American").
    Nationalities,
}

fn read(word: &str) -> Reading {
    if !word.contains(is_hyphen) || is_place(word) {
        return Reading::Whole;
    }
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in word.char_indices() {
        if is_hyphen(c) {
            parts.push(start..i);
            start = i + c.len_utf8();
        }
    }
    parts.push(start..word.len());
    if parts.iter().any(|p| p.is_empty()) {
        return Reading::Whole;
    }
    let kinds: Vec<Part> = parts.iter().map(|p| part(&word[p.clone()])).collect();
    if kinds.contains(&Part::Name) {
        return Reading::Whole;
    }
    let places: Vec<Range<usize>> = parts
        .into_iter()
        .zip(&kinds)
        .filter(|(_, k)| **k == Part::Place)
        .map(|(p, _)| p)
        .collect();
    if !places.is_empty() {
        Reading::Places(places)
    } else if kinds.iter().all(|k| *k == Part::Demonym) {
        Reading::Nationalities
    } else {
        Reading::Whole
    }
}

/// The names with hyphenated compounds of places split into their place
/// parts, and the places of untagged compound words added, in text order.
/// Person names are left alone.
pub fn split(text: &str, tokens: &[Token], names: Vec<Name>) -> Vec<Name> {
    let mut out = Vec::with_capacity(names.len());
    let mut next = 0;
    let places = |range: Range<usize>, confidence: f32, out: &mut Vec<Name>| {
        let word = &text[range.clone()];
        match read(word) {
            Reading::Places(parts) => {
                out.extend(parts.into_iter().map(|p| Name {
                    range: range.start + p.start..range.start + p.end,
                    class: Class::Loc,
                    confidence,
                }));
                true
            }
            _ => false,
        }
    };
    for name in names {
        // Untagged words before this name.
        while next < tokens.len() && tokens[next].end <= name.range.start {
            let t = tokens[next];
            places(t.start..t.end, super::RULE_CONFIDENCE, &mut out);
            next += 1;
        }
        while next < tokens.len() && tokens[next].start < name.range.end {
            next += 1;
        }
        let word = &text[name.range.clone()];
        if name.class == Class::Per || word.contains(char::is_whitespace) {
            out.push(name);
            continue;
        }
        if places(name.range.clone(), name.confidence, &mut out) {
            continue;
        }
        let class = match read(word) {
            Reading::Nationalities => Class::Misc,
            _ => name.class,
        };
        out.push(Name { class, ..name });
    }
    for t in &tokens[next..] {
        places(t.start..t.end, super::RULE_CONFIDENCE, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{assert_leaves, assert_mends, Tagged};

    #[test]
    fn compounds_of_places_become_their_places() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "Ukrainian-U.S. talks resumed.",
                &[("Ukrainian-U.S.", Loc)],
                &[("U.S.", Loc)],
            ),
            (
                "Russian-U.S. ties worsened.",
                &[("Russian-U.S.", Org)],
                &[("U.S.", Loc)],
            ),
            ("The US-proposed plan.", &[], &[("US", Loc)]),
            (
                "The US-proposed plan.",
                &[("US-proposed", Misc)],
                &[("US", Loc)],
            ),
            (
                "A London-based bank.",
                &[("London-based", Misc)],
                &[("London", Loc)],
            ),
            (
                "The Russia-Ukraine war.",
                &[],
                &[("Russia", Loc), ("Ukraine", Loc)],
            ),
            (
                "The Russia–Ukraine war.",
                &[("Russia–Ukraine", Misc)],
                &[("Russia", Loc), ("Ukraine", Loc)],
            ),
            (
                "A UK-led coalition met in Paris.",
                &[("Paris", Loc)],
                &[("UK", Loc), ("Paris", Loc)],
            ),
            (
                "A Kyiv-based group and a Texas-based firm.",
                &[("Kyiv-based", Org)],
                &[("Kyiv", Loc), ("Texas", Loc)],
            ),
            (
                "Ukrainian-American writers.",
                &[("Ukrainian-American", Loc)],
                &[("Ukrainian-American", Misc)],
            ),
        ];
        assert_mends(split, cases);
    }

    /// Hyphenated names that are not compounds of places stay as they are.
    #[test]
    fn other_hyphenated_names_are_kept_whole() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            ("Guinea-Bissau voted.", &[("Guinea-Bissau", Loc)]),
            ("Baden-Württemberg voted.", &[("Baden-Württemberg", Loc)]),
            ("Winston-Salem voted.", &[("Winston-Salem", Loc)]),
            ("Wilkes-Barre voted.", &[("Wilkes-Barre", Loc)]),
            ("Schleswig-Holstein voted.", &[("Schleswig-Holstein", Loc)]),
            ("Bosnia-Herzegovina voted.", &[("Bosnia-Herzegovina", Loc)]),
            ("Air-India flew.", &[("Air-India", Org)]),
            ("Coca-Cola rose.", &[("Coca-Cola", Org)]),
            ("Mercedes-Benz rose.", &[("Mercedes-Benz", Org)]),
            ("Jean-Paul Belmondo acted.", &[("Jean-Paul Belmondo", Per)]),
            (
                "Paris-Georgia Smith spoke.",
                &[("Paris-Georgia Smith", Per)],
            ),
            ("A pro-Russian rally.", &[("pro-Russian", Misc)]),
            ("A Russian-born writer.", &[("Russian-born", Misc)]),
            ("COVID-19 spread.", &[("COVID-19", Misc)]),
            ("An F-16 flew.", &[]),
            ("A well-known writer, a so-called deal.", &[]),
            (
                "Russia and Ukraine met.",
                &[("Russia", Loc), ("Ukraine", Loc)],
            ),
        ];
        assert_leaves(split, cases);
    }
}
