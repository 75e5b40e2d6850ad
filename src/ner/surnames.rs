//! One sense per text for people's surnames, after the name model: a story
//! that names "Joshua Norton" once and then "Norton" a dozen times means the
//! same man each time, yet the model, which never saw the surname, tags some
//! of the lone ones ORG or PLACE ("Norton initially made a living...").
//!
//! [`mend`] makes a one-word ORG, PLACE or MISC name a PERSON when it is the
//! last word of a person's name of two words or more in the same text and the
//! model was unsure of it (below [`UNSURE`]). A sure tagging stays ("Ford
//! said sales rose" beside "Henry Ford" is the company), and so does a
//! listed organisation ("Bloomberg" beside "Michael Bloomberg") or a
//! country or first-level region ("Jordan" beside "Michael Jordan").
//!
//! Such a surname the model left untagged ("Peskov declined to comment"
//! after "Dmitry Peskov") is added as that person, unless news text has the
//! word in lower case ("best", "ford", "young"): then a capital may only
//! open a sentence; nor when a capitalised word stands beside it, as it is
//! then part of a longer name the model missed ("Kim Il-Sung").

use std::collections::HashSet;

use super::tags::Class;
use super::Name;
use crate::places::gazetteer;
use crate::places::PlaceKind;
use crate::tokenize::Token;

/// Only names the model was less sure of than this change.
pub const UNSURE: f32 = 0.8;

/// True if `word` names a country or a first-level region.
fn is_country_or_region(word: &str) -> bool {
    gazetteer::lookup(word)
        .iter()
        .any(|e| matches!(e.kind, PlaceKind::Country | PlaceKind::Admin1))
}

/// The names with each unsure lone surname of a person in the text made a
/// PERSON, and each untagged one that is no common word added as one.
pub fn mend(text: &str, tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    let surnames: HashSet<&str> = names
        .iter()
        .filter(|n| n.class == Class::Per)
        .filter_map(|n| text[n.range.clone()].rsplit_once(' '))
        .map(|(_, last)| last)
        .filter(|last| last.chars().count() >= 2 && last.starts_with(char::is_uppercase))
        .collect();
    if surnames.is_empty() {
        return names;
    }
    let mut added = Vec::new();
    let mut next_name = 0;
    let capitalised =
        |t: Option<&Token>| t.is_some_and(|t| t.text(text).starts_with(char::is_uppercase));
    for (i, token) in tokens.iter().enumerate() {
        let word = token.text(text);
        // Most tokens: a lowercase word or a mark (this runs on every token).
        if !word
            .starts_with(|c: char| c.is_ascii_uppercase() || (!c.is_ascii() && c.is_uppercase()))
        {
            continue;
        }
        while next_name < names.len() && names[next_name].range.end <= token.start {
            next_name += 1;
        }
        let covered = names
            .get(next_name)
            .is_some_and(|n| n.range.start < token.end);
        // Beside another capitalised word it is part of a longer name ("Kim
        // Il-Sung", "the Yorkshire Ripper") the model did not find.
        let in_longer = capitalised(i.checked_sub(1).and_then(|j| tokens.get(j)))
            || capitalised(tokens.get(i + 1));
        if !covered
            && !in_longer
            && surnames.contains(word)
            && !super::is_common_word(word)
            && !super::organisations::is_listed(word)
            && !is_country_or_region(word)
        {
            added.push(Name {
                range: token.start..token.end,
                class: Class::Per,
                confidence: super::RULE_CONFIDENCE,
            });
        }
    }
    for name in &mut names {
        let word = &text[name.range.clone()];
        if matches!(name.class, Class::Org | Class::Loc | Class::Misc)
            && name.confidence < UNSURE
            && surnames.contains(word)
            && !super::organisations::is_listed(word)
            && !is_country_or_region(word)
        {
            name.class = Class::Per;
            name.confidence = name.confidence.min(super::RULE_CONFIDENCE);
        }
    }
    if !added.is_empty() {
        names.extend(added);
        names.sort_by_key(|n| n.range.start);
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{owned, run, run_at, Tagged};

    /// The rule on names tagged at 0.5, below [`UNSURE`].
    fn unsure(text: &str, tagged: Tagged) -> Vec<(String, Class)> {
        run_at(text, tagged, mend, 0.5)
    }

    #[test]
    fn an_unsure_lone_surname_of_a_person_in_the_text_is_that_person() {
        use Class::*;
        assert_eq!(
            unsure(
                "Joshua Norton came. Norton made a living.",
                &[("Joshua Norton", Per), ("Norton", Org)]
            ),
            owned(&[("Joshua Norton", Per), ("Norton", Per)])
        );
        assert_eq!(
            unsure(
                "Oleksandr Syrskyi spoke; Syrskyi's plan held.",
                &[("Oleksandr Syrskyi", Per), ("Syrskyi", Loc)]
            ),
            owned(&[("Oleksandr Syrskyi", Per), ("Syrskyi", Per)])
        );
    }

    #[test]
    fn an_untagged_surname_of_a_person_in_the_text_is_added_unless_a_common_word() {
        use Class::*;
        assert_eq!(
            run(
                "Dmitry Peskov spoke. Peskov declined to comment.",
                &[("Dmitry Peskov", Per)],
                mend
            ),
            owned(&[("Dmitry Peskov", Per), ("Peskov", Per)])
        );
        // "best" and "young" are common words in lower case.
        let best: Tagged = &[("George Best", Per)];
        assert_eq!(
            run("George Best played. Best of all, he won.", best, mend),
            owned(best)
        );
        let young: Tagged = &[("Neil Young", Per)];
        assert_eq!(
            run("Neil Young sang. Young people came.", young, mend),
            owned(young)
        );
    }

    #[test]
    fn sure_taggings_organisations_countries_and_other_names_stay() {
        use Class::*;
        // Sure of it (0.9).
        let ford: Tagged = &[("Henry Ford", Per), ("Ford", Org)];
        assert_eq!(
            run("Henry Ford founded it. Ford said sales rose.", ford, mend),
            owned(ford)
        );
        let cases: &[(&str, Tagged)] = &[
            // A listed organisation; a country; no two-word person's name it ends;
            // the first word of one.
            (
                "Michael Bloomberg spoke. Bloomberg reported it.",
                &[("Michael Bloomberg", Per), ("Bloomberg", Org)],
            ),
            (
                "Michael Jordan scored. Jordan closed its border.",
                &[("Michael Jordan", Per), ("Jordan", Loc)],
            ),
            ("Norton made a living.", &[("Norton", Org)]),
            (
                "Kyiv Smith spoke. Kyiv was shelled.",
                &[("Kyiv Smith", Per), ("Kyiv", Loc)],
            ),
        ];
        for &(text, tagged) in cases {
            assert_eq!(unsure(text, tagged), owned(tagged), "{text}");
        }
    }
}
