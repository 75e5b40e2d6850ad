//! A city or country tagged as a person, unsurely, is a place, after the name
//! model: "visited Kharkiv and Sumy" gave "Kharkiv" PERSON at 0.50, as a
//! name the training text never saw can look like a surname.
//!
//! [`mend`] makes a one-word PERSON name a PLACE when the model was unsure of
//! it (below [`UNSURE`]), the place gazetteer knows the word as a country, a
//! first-level region, a news region or a city of [`MIN_POPULATION`] people
//! or more, and the name lists know it as neither a given name nor a surname
//! ("Jordan", "Florence", "Hamilton" stay people). A word that also stands in
//! a longer person's name in the text ("Kharkiv" beside "Ivan Kharkiv") stays
//! a person.
//!
//! A person's name of several words that is, whole, the name of a large place
//! becomes a PLACE however sure the model was ("visited Kryvyi Rih and Bila
//! Tserkva" gave "Kryvyi Rih" PERSON at 0.98), unless its first word is a given
//! name ("Paris Hilton"), its last a surname, or it stands inside a longer
//! person's name in the text ("El Paso" beside "Juan El Paso"): two
//! words matching a place exactly are stronger evidence than one.
//!
//! The gazetteer part read is compiled into every build, so the page and the
//! CLI agree before the page has loaded its small towns.

use std::collections::{HashMap, HashSet};

use super::gazetteer::List;
use super::tags::Class;
use super::Name;
use crate::places::gazetteer;
use crate::places::PlaceKind;
use crate::tokenize::Token;

use super::UNSURE;

/// The smallest city a lone unsure person's name is taken for.
pub const MIN_POPULATION: u64 = 50_000;

/// True if `word` names a country, a region or a large city.
fn is_large_place(word: &str) -> bool {
    gazetteer::lookup(word).iter().any(|e| match e.kind {
        PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Region => true,
        PlaceKind::City => e.population >= MIN_POPULATION,
        _ => false,
    })
}

/// True if the name lists know `word` as a given name or a surname.
fn is_personal_name(word: &str) -> bool {
    super::listed(List::FirstName, word) || super::listed(List::Surname, word)
}

/// True if the several-word person's name `name` is, whole, a large place's,
/// and nothing in it or in the other `people` says it is a person.
fn is_place_not_person(name: &str, people: &[&str]) -> bool {
    if !name.contains(' ') {
        return false;
    }
    let words: Vec<&str> = name.split(' ').collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    words.len() >= 2
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.'))
        && !super::listed(List::FirstName, first)
        && !super::listed(List::Surname, last)
        && is_large_place(name)
        && !people
            .iter()
            .any(|p| p.len() > name.len() && p.contains(name))
}

/// The names with each unsure one-word person name that names a large place
/// made a PLACE (confidence at most [`super::RULE_CONFIDENCE`]).
pub fn mend(text: &str, _tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    let people: Vec<&str> = names
        .iter()
        .filter(|n| n.class == Class::Per)
        .map(|n| &text[n.range.clone()])
        .collect();
    // Every word of the people's names of more than one word.
    let in_longer_people: HashSet<&str> = people
        .iter()
        .filter(|t| t.contains(' '))
        .flat_map(|t| t.split(' '))
        .collect();
    // A text names the same people again and again: each name is weighed once.
    let mut weighed: HashMap<&str, bool> = HashMap::new();
    for name in &mut names {
        let word = &text[name.range.clone()];
        if name.class == Class::Per
            && *weighed
                .entry(word)
                .or_insert_with(|| is_place_not_person(word, &people))
        {
            name.class = Class::Loc;
            name.confidence = name.confidence.min(super::RULE_CONFIDENCE);
            continue;
        }
        if name.class != Class::Per
            || name.confidence >= UNSURE
            || !word.chars().all(|c| c.is_alphabetic() || c == '-')
            || in_longer_people.contains(word)
            || is_personal_name(word)
            || !is_large_place(word)
        {
            continue;
        }
        name.class = Class::Loc;
        name.confidence = name.confidence.min(super::RULE_CONFIDENCE);
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::run;

    /// Runs the rule on `text` with `word` tagged PERSON at `confidence`.
    fn label(text: &str, word: &str, confidence: f32, others: &[(&str, Class)]) -> Class {
        let tokenized = crate::tokenize::tokenize(text);
        let mut names: Vec<Name> = others
            .iter()
            .map(|&(w, class)| {
                let start = text.find(w).unwrap();
                Name {
                    range: start..start + w.len(),
                    class,
                    confidence: 0.99,
                }
            })
            .collect();
        let start = text.find(word).unwrap();
        names.push(Name {
            range: start..start + word.len(),
            class: Class::Per,
            confidence,
        });
        names.sort_by_key(|n| n.range.start);
        let out = mend(text, &tokenized.tokens, names);
        out.iter().find(|n| n.range.start == start).unwrap().class
    }

    #[test]
    fn an_unsure_person_that_is_a_large_place_is_a_place() {
        assert_eq!(
            label("She visited Kharkiv and Sumy.", "Kharkiv", 0.5, &[]),
            Class::Loc
        );
        assert_eq!(
            label("Talks in Mariupol ended.", "Mariupol", 0.45, &[]),
            Class::Loc
        );
        assert_eq!(
            label("Aid reached Ukraine.", "Ukraine", 0.4, &[]),
            Class::Loc
        );
        // Two words naming a large place: however sure the model was.
        assert_eq!(
            label("She visited Kryvyi Rih.", "Kryvyi Rih", 0.98, &[]),
            Class::Loc
        );
        assert_eq!(
            label("Drones hit Bila Tserkva.", "Bila Tserkva", 0.9, &[]),
            Class::Loc
        );
        assert_eq!(label("El Paso said.", "El Paso", 0.4, &[]), Class::Loc);
        // The rule_tests helper agrees: a sure tagging is left alone.
        assert_eq!(
            run("She visited Kharkiv.", &[("Kharkiv", Class::Per)], mend),
            vec![("Kharkiv".to_string(), Class::Per)]
        );
    }

    #[test]
    fn people_stay_people() {
        // Sure of it; a given name or surname; a small town; two words;
        // a word of a longer person's name in the text.
        assert_eq!(label("Kharkiv said.", "Kharkiv", 0.7, &[]), Class::Per);
        assert_eq!(label("Jordan scored.", "Jordan", 0.4, &[]), Class::Per);
        assert_eq!(label("Florence smiled.", "Florence", 0.4, &[]), Class::Per);
        assert_eq!(label("Hamilton won.", "Hamilton", 0.4, &[]), Class::Per);
        assert_eq!(
            label("Zelenopillia spoke.", "Zelenopillia", 0.4, &[]),
            Class::Per
        );
        assert_eq!(
            label("Paris Hilton came.", "Paris Hilton", 0.4, &[]),
            Class::Per
        );
        // Several words: a given name first, a surname last, a part of a
        // longer person's name, a place too small for the compiled list.
        assert_eq!(
            label(
                "Florence Nightingale came.",
                "Florence Nightingale",
                0.4,
                &[]
            ),
            Class::Per
        );
        assert_eq!(
            label("Santa Clara spoke.", "Santa Clara", 0.4, &[]),
            Class::Per
        );
        assert_eq!(
            label(
                "El Paso said; Juan El Paso won.",
                "El Paso",
                0.4,
                &[("Juan El Paso", Class::Per)]
            ),
            Class::Per
        );
        assert_eq!(
            label("Chasiv Yar spoke.", "Chasiv Yar", 0.4, &[]),
            Class::Per
        );
        assert_eq!(
            label(
                "Ivan Lviv came; Lviv said.",
                "Lviv said",
                0.4,
                &[("Ivan Lviv", Class::Per)]
            ),
            Class::Per
        );
    }
}
