//! Organisations the model was never taught, after the name model: trained
//! on news from 1996, it reads "on Facebook" or "owned by Amazon" like "on
//! Sunday" or "by Paris", and "Islamic State" like "Kerala State", and tags
//! a place or a person.
//!
//! [`mend`] makes a PLACE or PERSON name an ORG when its whole text is one of
//! the companies, online services and armed groups of
//! `data/names/organisations.txt` that today's news names every day. "The
//! Amazon" (the river, the rainforest) stays a place.

use std::sync::OnceLock;

use super::tags::Class;
use super::Name;
use crate::tokenize::Token;

const ORGANISATIONS: &str = include_str!("../../data/names/organisations.txt");

/// The list: lowercase, sorted.
fn organisations() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&str>> = OnceLock::new();
    super::word_list(ORGANISATIONS, &LIST)
}

/// Listed names that are also a river or a region: after "the", the place.
const ALSO_PLACES: &[&str] = &["amazon"];

fn is_listed(name: &str) -> bool {
    super::in_list(organisations(), name)
}

/// The names with each place or person that is a listed organisation made an ORG.
pub fn mend(text: &str, tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    for name in &mut names {
        if !matches!(name.class, Class::Loc | Class::Per) || !is_listed(&text[name.range.clone()]) {
            continue;
        }
        let also_place = ALSO_PLACES.contains(&text[name.range.clone()].to_lowercase().as_str());
        let after_the = super::word_before(text, tokens, name.range.start)
            .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        if name.class == Class::Loc && also_place && after_the {
            continue;
        }
        name.class = Class::Org;
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{assert_leaves, assert_mends, Tagged};

    #[test]
    fn a_listed_organisation_tagged_place_or_person_is_one() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "She posted it on Instagram and Facebook.",
                &[("Instagram", Loc), ("Facebook", Loc)],
                &[("Instagram", Org), ("Facebook", Org)],
            ),
            (
                "A retailer owned by Amazon held meetings.",
                &[("Amazon", Loc)],
                &[("Amazon", Org)],
            ),
            (
                "Wal-Mart cut prices.",
                &[("Wal-Mart", Per)],
                &[("Wal-Mart", Org)],
            ),
            // After "the", only a name that is also a place stays one.
            (
                "A car in the Wal-Mart parking lot.",
                &[("Wal-Mart", Loc)],
                &[("Wal-Mart", Org)],
            ),
            (
                "Fighters of Islamic State fled.",
                &[("Islamic State", Loc)],
                &[("Islamic State", Org)],
            ),
        ];
        assert_mends(mend, cases);
    }

    #[test]
    fn other_names_stay() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // The river and the rainforest.
            ("Fires burn in the Amazon.", &[("Amazon", Loc)]),
            // Longer names, other classes, unlisted names.
            ("Amazon Basin floods.", &[("Amazon Basin", Loc)]),
            ("The Google Doodle.", &[("Google Doodle", Misc)]),
            ("Born in Paris.", &[("Paris", Loc)]),
            ("Facebook said.", &[("Facebook", Org)]),
        ];
        assert_leaves(mend, cases);
    }
}
