//! A name described right after it is what the description says, after the
//! name model: in "Nordvik, a Norwegian shipping company, said" the model
//! has only the unseen word to go on and may tag a person or a place, while
//! the apposition says organisation.
//!
//! [`mend`] reads the words after a name's comma: a determiner ("a", "an",
//! "the", "another"), at most four words, and the phrase's last word before
//! a comma, a full stop or a linking word ("in", "of", "that", "based").
//! When that word is an organisation noun (`data/names/organisation_nouns.txt`:
//! "company", "bank", "party") the name is an ORG; a place noun
//! (`data/names/place_nouns.txt`: "city", "village", "province") makes it a
//! PLACE. A possessive ("the party's nominee") describes someone else, so it
//! changes nothing. A copula after the name ("The Beatles were an English
//! rock band", "Arsenal is a football club") describes it too, but changes a
//! person only when the model was unsure of it ("Trump is a party to the
//! suit" stays). A country stays a place ("Nigeria is the largest oil
//! producer").

use std::sync::OnceLock;

use super::tags::Class;
use super::Name;
use crate::tokenize::Token;

const ORGANISATION_NOUNS: &str = include_str!("../../data/names/organisation_nouns.txt");
const PLACE_NOUNS: &str = include_str!("../../data/names/place_nouns.txt");

/// Words that end an appositive phrase without being part of it.
const LINKS: [&str; 21] = [
    "and", "at", "based", "by", "for", "from", "in", "known", "near", "of", "on", "or", "owned",
    "run", "since", "that", "to", "where", "which", "whose", "with",
];

/// Verbs that describe their subject as an apposition does: "The Beatles
/// were an English rock band".
const COPULAS: [&str; 4] = ["are", "is", "was", "were"];

/// The most words between the determiner and the phrase's last word.
const MAX_WORDS: usize = 4;

/// The class a describing noun gives the name it describes.
pub(super) fn class_of_noun(word: &str) -> Option<Class> {
    static ORGANISATIONS: OnceLock<Vec<&str>> = OnceLock::new();
    static PLACES: OnceLock<Vec<&str>> = OnceLock::new();
    if super::word_list(ORGANISATION_NOUNS, &ORGANISATIONS)
        .binary_search(&word)
        .is_ok()
    {
        Some(Class::Org)
    } else if super::word_list(PLACE_NOUNS, &PLACES)
        .binary_search(&word)
        .is_ok()
    {
        Some(Class::Loc)
    } else {
        None
    }
}

/// The class the apposition starting at token `comma` (a comma right after a
/// name) gives that name, if it is one of this rule's.
fn apposition_class(text: &str, tokens: &[Token], comma: usize) -> Option<Class> {
    let word = |i: usize| tokens.get(i).map(|t| t.text(text));
    if word(comma)? != "," && !COPULAS.contains(&word(comma)?) {
        return None;
    }
    if !matches!(word(comma + 1)?, "a" | "an" | "the" | "another") {
        return None;
    }
    let first = comma + 2;
    let mut last = None;
    for i in first..=first + MAX_WORDS {
        let w = word(i)?;
        if matches!(w, "'s" | "'" | "\u{2019}s" | "\u{2019}") {
            // "the party's nominee": the noun owns something else.
            return None;
        }
        let is_word = w.chars().all(|c| c.is_alphabetic() || c == '-');
        if !is_word || LINKS.contains(&w) {
            break;
        }
        last = Some(w);
    }
    let head = last?;
    if head.starts_with(char::is_uppercase) {
        return None;
    }
    class_of_noun(head)
}

/// The names, each person, place or organisation name that an apposition
/// describes as an organisation or a place given that class (a changed label
/// gets confidence [`super::RULE_CONFIDENCE`]).
pub fn mend(text: &str, tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    for name in &mut names {
        if name.class == Class::Misc {
            continue;
        }
        let after = tokens.partition_point(|t| t.start < name.range.end);
        let Some(class) = apposition_class(text, tokens, after) else {
            continue;
        };
        let copula = tokens[after].text(text) != ",";
        if copula && name.class == Class::Per && name.confidence >= super::UNSURE {
            continue;
        }
        // "Nigeria, the largest oil producer": a country described by its trade.
        let country = name.class == Class::Loc
            && class == Class::Org
            && super::regions::is_region(&text[name.range.clone()]);
        if country {
            continue;
        }
        let adjacent = if copula {
            super::one_space_between(text, name.range.end, tokens[after].start)
        } else {
            tokens[after].start == name.range.end
        };
        if adjacent && class != name.class {
            name.class = class;
            name.confidence = name.confidence.min(super::RULE_CONFIDENCE);
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{assert_leaves, assert_mends, Tagged};

    #[test]
    fn an_apposition_names_the_class() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "Nordvik, a Norwegian shipping company, said profits rose.",
                &[("Nordvik", Per), ("Norwegian", Misc)],
                &[("Nordvik", Org), ("Norwegian", Misc)],
            ),
            (
                "Ukrenergo, the state-owned grid operator, reported damage.",
                &[("Ukrenergo", Loc)],
                &[("Ukrenergo", Org)],
            ),
            (
                "Kostiantynivka, a town in the Donetsk region, was shelled.",
                &[("Kostiantynivka", Per), ("Donetsk", Loc)],
                &[("Kostiantynivka", Loc), ("Donetsk", Loc)],
            ),
            (
                "He grew up in Zelenopillia, a village of 300.",
                &[("Zelenopillia", Org)],
                &[("Zelenopillia", Loc)],
            ),
        ];
        assert_mends(mend, cases);
    }

    #[test]
    fn a_copula_describes_its_subject() {
        use crate::ner::rule_tests::{owned, run_at};
        use Class::*;
        let text = "The Beatles were an English rock band. Arsenal is a football club.";
        let tagged: Tagged = &[("Beatles", Per), ("English", Misc), ("Arsenal", Loc)];
        let expected = &[("Beatles", Org), ("English", Misc), ("Arsenal", Org)];
        assert_eq!(run_at(text, tagged, mend, 0.4), owned(expected));
        // A sure person stays a person; a place keeps the copula's class.
        let sure = &[("Beatles", Per), ("English", Misc), ("Arsenal", Org)];
        assert_eq!(run_at(text, tagged, mend, 0.9), owned(sure));
        assert_eq!(
            run_at(
                "Trump is a party to the suit.",
                &[("Trump", Per)],
                mend,
                0.9
            ),
            owned(&[("Trump", Per)])
        );
    }

    #[test]
    fn other_appositions_change_nothing() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // The noun owns something else, or is not the phrase's last word.
            ("Trump, the party's nominee, spoke.", &[("Trump", Per)]),
            (
                "Smith, a spokesman for the company, said.",
                &[("Smith", Per)],
            ),
            ("Jones, a former bank manager, said.", &[("Jones", Per)]),
            // No determiner, a capitalised head, or no comma right after the name.
            ("Biden, a Democrat, said.", &[("Biden", Per)]),
            ("Apple, company officials said.", &[("Apple", Org)]),
            ("Apple said, a company statement showed.", &[("Apple", Org)]),
            // Already the class, or MISC.
            ("Kyiv, the capital city, was hit.", &[("Kyiv", Loc)]),
            ("Ukrainian, a language of Europe.", &[("Ukrainian", Misc)]),
            // A linking word ends the phrase before the noun; too many words.
            ("Lee, a man of the village, spoke.", &[("Lee", Per)]),
            (
                "Park, a big old quiet green leafy town, opened.",
                &[("Park", Per)],
            ),
        ];
        assert_leaves(mend, cases);
    }
}
