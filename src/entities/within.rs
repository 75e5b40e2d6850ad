//! Places named within organisation and event names: "Texas" in "Texas A&M
//! University", "New Milford" in "New Milford Police Department", "Ohio" in
//! "Southern District of Ohio", "Canada" in "Environment Canada", "Venice" in
//! "Venice International Film Festival".
//!
//! The name stays one ORG or MISC annotation, as CoNLL-2003 and OntoNotes
//! tag it; the place inside becomes a name of a PLACE entity (its `within`
//! list, `docs/format.md`), so the map shows where an organisation is.
//! Toponym corpora of local and web news (TR-News, LGL, GeoWebNews) mark
//! these places too.
//!
//! A run of capitalised words of the name is cut at its start or its end
//! into a place when that part is
//! - a country, first-level region, continent, news region or a city of at
//!   least 50,000 people that is no surname ([`org_places::is_place`]),
//! - a county ("Granville County"), or
//! - any town of the gazetteer, when an organisation head follows it
//!   ("Torrington Superior Court", "Bantam Police"): `data/names/organisation_heads.txt`
//!   and `data/entities/local_heads.txt`.
//!
//! Never the whole name, never a one-word name, and at most one place per
//! run of capitalised words.

use crate::document::Label;
use crate::ner::gazetteer::List;
use crate::ner::{in_list, institutions, is_common_word, listed, org_places, word_list};
use crate::places::{gazetteer, PlaceKind};

/// Words that join capitalised words inside a name without ending it.
const JOINERS: &[&str] = &["&", "and", "de", "for", "in", "of", "on", "the"];

/// Last words of organisation names, beside the heads the name rules use:
/// local offices a town or county names.
fn local_heads() -> &'static [&'static str] {
    word_list(
        include_str!("../../data/entities/local_heads.txt"),
        &LOCAL_HEADS,
    )
}
static LOCAL_HEADS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();

/// True for the labels whose names may hold a place.
pub fn may_hold_places(label: Label) -> bool {
    matches!(label, Label::Org | Label::Misc)
}

/// The byte ranges, within `name`, of the places it names (see the module).
pub fn places_in(name: &str) -> Vec<std::ops::Range<usize>> {
    let words: Vec<(usize, &str)> = name
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - name.as_ptr() as usize, w))
        .collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !capitalised(words[i].1) || is_joiner(words[i].1) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < words.len() && capitalised(words[j].1) && !is_joiner(words[j].1) {
            j += 1;
        }
        if let Some((a, b)) = place_in_run(&words, i, j) {
            let start = words[a].0;
            let last = words[b - 1];
            let end = last.0 + last.1.len();
            if !(start == 0 && end >= name.trim_end().len()) {
                found.push(start..end);
            }
        }
        i = j;
    }
    found
}

/// The words `a..b` of the run `i..j` that name a place: the longest part
/// from its start, else the longest to its end.
fn place_in_run(words: &[(usize, &str)], i: usize, j: usize) -> Option<(usize, usize)> {
    let phrase = |a: usize, b: usize| -> String {
        let parts: Vec<&str> = words[a..b].iter().map(|w| w.1).collect();
        parts.join(" ")
    };
    // A head anywhere after the place: "Torrington Superior Court".
    let head_after = |b: usize| {
        words[b.min(words.len())..].iter().any(|w| {
            let w = w.1.to_lowercase();
            let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            in_list(institutions::heads(), w) || in_list(local_heads(), w)
        })
    };
    // Not a possessive, which names a person or saint ("St. Paul's
    // Hospital"), nor common words ("Central", "Southern District"), nor a
    // demonym ("Canadian Tire").
    let may_be_place = |a: usize, b: usize| {
        let p = phrase(a, b);
        !is_possessive(words[b - 1].1)
            && gazetteer::demonym_country(&p).is_none()
            && (!words[a..b].iter().all(|w| is_common_word(w.1)) || is_country(&p))
    };
    let parts = || {
        (i + 1..=j)
            .rev()
            .map(|b| (i, b))
            .chain((i + 1..j).map(|a| (a, j)))
    };
    // A prominent place before a county ("U.S." before "U.S. District"),
    // a county before a town.
    let tests: [&PlaceTest<'_>; 3] = [
        &|p, _| org_places::is_place(p),
        &|p, _| org_places::is_county(p),
        &|p, b| head_after(b) && is_town(p),
    ];
    tests
        .iter()
        .find_map(|test| parts().find(|&(a, b)| may_be_place(a, b) && test(&phrase(a, b), b)))
}

/// A test of a phrase ending before word `b`.
type PlaceTest<'a> = dyn Fn(&str, usize) -> bool + 'a;

/// A populated place or region of the gazetteer, of any size, that is no
/// family name ("Pearson", "Campbell").
fn is_town(phrase: &str) -> bool {
    phrase.chars().any(char::is_lowercase)
        && !listed(List::Surname, phrase)
        && !gazetteer::lookup(phrase).is_empty()
}

fn is_country(phrase: &str) -> bool {
    gazetteer::lookup(phrase)
        .iter()
        .any(|e| e.kind == PlaceKind::Country)
}

fn is_joiner(word: &str) -> bool {
    JOINERS.contains(&word.to_lowercase().as_str())
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s") || word.ends_with("s'")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(name: &str) -> Vec<&str> {
        places_in(name).into_iter().map(|r| &name[r]).collect()
    }

    #[test]
    fn finds_the_place_an_organisation_or_event_is_named_after() {
        let cases: &[(&str, &[&str])] = &[
            ("Texas A&M University", &["Texas"]),
            ("New Milford Police Department", &["New Milford"]),
            ("Torrington Superior Court", &["Torrington"]),
            ("Granville County Fire Marshal", &["Granville County"]),
            ("Southern District of Ohio", &["Ohio"]),
            ("U.S. Department of Justice", &["U.S."]),
            ("Environment Canada", &["Canada"]),
            ("CBC Toronto", &["Toronto"]),
            ("Hospital Foundation of Manitoba", &["Manitoba"]),
            ("Venice International Film Festival", &["Venice"]),
            (
                "University of Michigan Center for Computer Security",
                &["Michigan"],
            ),
            ("Innocence Project of Texas", &["Texas"]),
            ("Kyiv City Council", &["Kyiv City"]),
            ("U.S. District Court", &["U.S."]),
            ("Turkey Petroleum Corporation", &["Turkey"]),
        ];
        for (name, want) in cases {
            assert_eq!(places(name), *want, "{name}");
        }
    }

    #[test]
    fn finds_no_place_in_names_that_hold_none() {
        let cases = [
            // One word, or the whole name a place: the name rules decide.
            "Canada",
            "New York",
            // No place in it.
            "Apple Inc.",
            "Bill & Melinda Gates Foundation",
            "Red Cross",
            // A surname that is also a city's name.
            "Lincoln Financial Group",
            // A small town's name without an organisation head after it.
            "Mason Capital",
            // Common words that are also towns' names, a demonym, a surname.
            "Central Hospital",
            "Southern District Court",
            "Canadian Tire",
            "Pearson International Airport",
            // Lowercase words are no names.
            "the police department",
            // A possessive: a saint's or a person's name.
            "St. Paul's Hospital",
            "Sydney's Bakery Ltd",
            // Capitals only: an acronym, not a town.
            "MASON POLICE DEPARTMENT",
        ];
        for name in cases {
            assert_eq!(places(name), Vec::<&str>::new(), "{name}");
        }
    }
}
