//! Organisations named after their place, after the name model: "Winnipeg
//! Free Press", "Canada West Foundation", "Kyiv Polytechnic Institute" open
//! with a place, and the model, which learnt places from 1996 Reuters, tags
//! the whole name a PLACE.
//!
//! [`mend`] makes a PLACE name of two words or more an ORG when its last word
//! is one of `data/names/organisation_heads.txt` ("Foundation", "Press",
//! "University", "Police") and the place gazetteer does not know the whole
//! name as a place. A PERSON name so ended is an ORG too: the model, which
//! reads "Trinity" as a given name, gave "Trinity College" PERSON at 0.9.
//! Words that end places as often as organisations ("Bank": the West Bank;
//! "Union": the Soviet Union; "Federation": the Russian Federation; "Court":
//! Earls Court) are not on the list.

use std::sync::OnceLock;

use super::tags::Class;
use super::Name;
use crate::places::gazetteer;
use crate::tokenize::Token;

const HEADS: &str = include_str!("../../data/names/organisation_heads.txt");

/// `organisation_heads.txt`: lowercase, sorted.
pub(crate) fn heads() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&str>> = OnceLock::new();
    super::word_list(HEADS, &LIST)
}

/// The names with each place or person named like an organisation made an ORG.
pub fn mend(text: &str, _tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    for name in &mut names {
        let whole = &text[name.range.clone()];
        let Some((_, last)) = whole.rsplit_once(' ') else {
            continue;
        };
        if matches!(name.class, Class::Loc | Class::Per)
            && last.starts_with(char::is_uppercase)
            && super::in_list(heads(), last)
            && gazetteer::lookup(whole).is_empty()
        {
            name.class = Class::Org;
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{assert_leaves, assert_mends, Tagged};

    #[test]
    fn a_place_named_like_an_organisation_is_one() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "He told the Winnipeg Free Press so.",
                &[("Winnipeg Free Press", Loc)],
                &[("Winnipeg Free Press", Org)],
            ),
            (
                "She leads the Canada West Foundation.",
                &[("Canada West Foundation", Loc)],
                &[("Canada West Foundation", Org)],
            ),
            (
                "Students of Kharkiv University protested.",
                &[("Kharkiv University", Loc)],
                &[("Kharkiv University", Org)],
            ),
            (
                "He entered Trinity College in 1805.",
                &[("Trinity College", Per)],
                &[("Trinity College", Org)],
            ),
        ];
        assert_mends(mend, cases);
    }

    #[test]
    fn places_and_other_names_stay() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // Places ending in a word that is no head; a known place; one word;
            // other classes; a lowercase last word.
            ("Settlers in the West Bank.", &[("West Bank", Loc)]),
            ("The Soviet Union fell.", &[("Soviet Union", Loc)]),
            (
                "Troops of the Russian Federation.",
                &[("Russian Federation", Loc)],
            ),
            ("Flights to Oxford.", &[("Oxford", Loc)]),
            ("Times Square filled.", &[("Times Square", Loc)]),
            (
                "The Kentucky State Police said.",
                &[("Kentucky State Police", Org)],
            ),
            ("Press Secretary Jen Psaki.", &[("Jen Psaki", Per)]),
            ("Sheriff John Ward said.", &[("John Ward", Per)]),
        ];
        assert_leaves(mend, cases);
    }
}
