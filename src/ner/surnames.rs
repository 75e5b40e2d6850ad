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
//!
//! The people today's news names by surname alone, without their full name
//! ("Zelenskyy said", "Starmer's Labour", "Musk's xAI", which the model of
//! 1996 news tags ORG or PLACE), count as named in every text:
//! `data/names/public_figures.txt` lists them.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::tags::Class;
use super::Name;
use crate::places::gazetteer;
use crate::places::PlaceKind;
use crate::tokenize::Token;

/// Only names the model was less sure of than this change.
pub const UNSURE: f32 = 0.8;

const PUBLIC_FIGURES: &str = include_str!("../../data/names/public_figures.txt");

/// The surnames of the listed public figures (the last word of each name), lowercase.
fn public_surnames() -> &'static HashSet<&'static str> {
    static SURNAMES: OnceLock<HashSet<&str>> = OnceLock::new();
    SURNAMES.get_or_init(|| {
        PUBLIC_FIGURES
            .lines()
            .filter_map(|name| name.rsplit_once(' '))
            .map(|(_, last)| last)
            .collect()
    })
}

/// True if `word` (a capitalised token) is a listed public figure's surname.
fn is_public_surname(word: &str) -> bool {
    // This runs on capitalised tokens outside names: lowercase short ASCII ones on the stack.
    let mut buffer = [0u8; 24];
    if word.is_ascii() && word.len() <= buffer.len() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).expect("ASCII");
        return lower.len() >= 3 && public_surnames().contains(lower);
    }
    word.chars().count() >= 3 && public_surnames().contains(word.to_lowercase().as_str())
}

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
            && (surnames.contains(word) || is_public_surname(word))
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
            && (surnames.contains(word) || is_public_surname(word))
            && !super::organisations::is_listed(word)
            && !is_country_or_region(word)
        {
            name.class = Class::Per;
            name.confidence = name.confidence.min(super::RULE_CONFIDENCE);
        }
    }
    super::merged(names, added)
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
    fn a_public_figure_named_by_surname_alone_is_that_person() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "Zelenskyy said the talks would continue.",
                &[("Zelenskyy", Org)],
                &[("Zelenskyy", Per)],
            ),
            (
                "Zelensky's office declined to comment.",
                &[("Zelensky", Org)],
                &[("Zelensky", Per)],
            ),
            (
                "Meloni met Macron in Rome.",
                &[("Meloni", Per), ("Macron", Loc), ("Rome", Loc)],
                &[("Meloni", Per), ("Macron", Per), ("Rome", Loc)],
            ),
            (
                "Musk's xAI raised money.",
                &[("Musk", Org), ("xAI", Org)],
                &[("Musk", Per), ("xAI", Org)],
            ),
            // Untagged: added, as a surname named in full in the text is.
            ("Yermak resigned on Friday.", &[], &[("Yermak", Per)]),
        ];
        for &(text, tagged, expected) in cases {
            assert_eq!(unsure(text, tagged), owned(expected), "{text}");
        }
    }

    #[test]
    fn names_that_only_share_a_public_figures_surname_stay() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // A longer name: the Trump Organization, Powell River (a town), Lake Vance.
            (
                "The Trump Organization sued.",
                &[("Trump Organization", Org)],
            ),
            ("Ferries left Powell River.", &[("Powell River", Loc)]),
            // Beside another capitalised word the model missed: not added alone.
            ("He saw Lake Vance at dawn.", &[]),
            // A first name is no surname ("Donald" of Donald Trump).
            ("Donald said no.", &[("Donald", Org)]),
            // Lower case, or not capitalised: no name.
            ("a musk ox", &[]),
        ];
        for &(text, tagged) in cases {
            assert_eq!(unsure(text, tagged), owned(tagged), "{text}");
        }
        // Sure of it (0.9): the model's tagging stays.
        let sure: Tagged = &[("Vance", Loc)];
        assert_eq!(run("Vance is a town in Alabama.", sure, mend), owned(sure));
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
