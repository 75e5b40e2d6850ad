//! A name right before a place noun is a place, after the name model: in
//! "Lisbon's Cais do Sodré district" or "the Zaporizhzhia region" the model
//! may tag an organisation or a person, but the noun says where.
//!
//! [`mend`] makes a person or organisation name a PLACE when the next word,
//! lower case and after one space, is a place noun
//! (`data/names/place_nouns.txt`, shared with [`super::appositives`]) other
//! than those an organisation owns or makes ("the Adani port", "the Disney
//! resort", "the Lloyd's settlement"). In CoNLL-2003's train and valid text a
//! name before such a noun is a place or an adjective (MISC, "Kurdish
//! region") 115 times in 117.

use super::appositives::class_of_noun;
use super::tags::Class;
use super::Name;
use crate::tokenize::Token;

/// Place nouns that follow an organisation's name as often as a place's.
const OWNED: [&str; 3] = ["port", "resort", "settlement"];

/// The names with each person or organisation name that stands before a
/// place noun made a PLACE (a changed label gets confidence
/// [`super::RULE_CONFIDENCE`]).
pub fn mend(text: &str, tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    for name in &mut names {
        if !matches!(name.class, Class::Per | Class::Org) {
            continue;
        }
        let after = tokens.partition_point(|t| t.start < name.range.end);
        let Some(next) = tokens.get(after) else {
            continue;
        };
        let word = next.text(text);
        let adjacent = super::one_space_between(text, name.range.end, next.start);
        if adjacent && !OWNED.contains(&word) && class_of_noun(word) == Some(Class::Loc) {
            name.class = Class::Loc;
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
    fn a_name_before_a_place_noun_is_a_place() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "Bars in Lisbon's Cais do Sodré district.",
                &[("Lisbon", Loc), ("Cais do Sodré", Org)],
                &[("Lisbon", Loc), ("Cais do Sodré", Loc)],
            ),
            (
                "Strikes hit the Zaporizhzhia region.",
                &[("Zaporizhzhia", Per)],
                &[("Zaporizhzhia", Loc)],
            ),
            (
                "The Pokrovsk district was shelled.",
                &[("Pokrovsk", Org)],
                &[("Pokrovsk", Loc)],
            ),
        ];
        assert_mends(mend, cases);
    }

    #[test]
    fn other_names_before_nouns_stay() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // An owned place, a noun that is not a place's, a capitalised
            // word (part of another name) or no space between.
            ("The Adani port grew.", &[("Adani", Org)]),
            ("The Disney resort reopened.", &[("Disney", Org)]),
            ("The Smith family left.", &[("Smith", Per)]),
            ("Kyiv City Council met.", &[("Kyiv City Council", Org)]),
            ("Acme\u{a0}district office.", &[("Acme", Org)]),
            // Adjectives and places are not this rule's.
            ("The Kurdish region voted.", &[("Kurdish", Misc)]),
            ("The Kyiv region.", &[("Kyiv", Loc)]),
        ];
        assert_leaves(mend, cases);
    }
}
