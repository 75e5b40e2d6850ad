//! Countries and regions named alone are places, after the name model: the
//! model sometimes tags "the US" or "Crimea" MISC, which in CoNLL-2003's
//! training text a whole mention naming a country or region is 2 times in
//! 4,652 (places 4,467, organisations such as national teams 177).
//!
//! [`mend`] makes a MISC name a PLACE when the place gazetteer
//! ([`crate::places::gazetteer::lookup`]) knows its whole text as a
//! continent, country or news region, or as a first-level region by an
//! abbreviation with full stops ("B.C.", "N.Y."), unless a number comes
//! before it ("300 B.C." is an era). Nationalities ("Ukrainian") and longer
//! names ("US Open", "Crimean War") stay MISC.

use super::tags::Class;
use super::Name;
use crate::places::gazetteer;
use crate::places::PlaceKind;
use crate::tokenize::Token;

/// True if the gazetteer knows `name` as a continent, country or news
/// region. Not a first-level region: sports divisions and adjectives name
/// some ("Eastern Division" in Fiji, "Western" in Zambia).
pub(super) fn is_region(name: &str) -> bool {
    gazetteer::lookup(name).iter().any(|e| {
        matches!(
            e.kind,
            PlaceKind::Continent | PlaceKind::Country | PlaceKind::Region
        )
    })
}

/// True if `name` is a dotted abbreviation ("B.C.", "Ont.") the gazetteer
/// knows as a first-level region.
fn is_abbreviated_region(name: &str) -> bool {
    name.ends_with('.')
        && !name.contains(char::is_whitespace)
        && gazetteer::lookup(name)
            .iter()
            .any(|e| e.kind == PlaceKind::Admin1)
}

/// The names with each MISC name that names a region made a PLACE.
pub fn mend(text: &str, tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    for name in &mut names {
        let words = &text[name.range.clone()];
        if name.class != Class::Misc {
            continue;
        }
        let after_number = || {
            super::word_before(text, tokens, name.range.start)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        };
        if is_region(words) || is_abbreviated_region(words) && !after_number() {
            name.class = Class::Loc;
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{assert_leaves, assert_mends, Tagged};

    #[test]
    fn a_region_tagged_misc_is_a_place() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            ("He urged the US to stay.", &[("US", Misc)], &[("US", Loc)]),
            (
                "Troops left Donbas.",
                &[("Donbas", Misc)],
                &[("Donbas", Loc)],
            ),
            ("Aid for Europe.", &[("Europe", Misc)], &[("Europe", Loc)]),
            (
                "Wildfires in B.C. spread.",
                &[("B.C.", Misc)],
                &[("B.C.", Loc)],
            ),
        ];
        assert_mends(mend, cases);
    }

    #[test]
    fn other_misc_names_stay() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // Nationalities, events and names that go on past the region.
            ("Ukrainian troops.", &[("Ukrainian", Misc)]),
            ("She won the US Open.", &[("US Open", Misc)]),
            ("The Crimean War ended.", &[("Crimean War", Misc)]),
            ("Reading Festival.", &[("Reading Festival", Misc)]),
            // A town or a first-level region is not enough.
            ("The Mobile World Congress.", &[("Mobile", Misc)]),
            ("EASTERN DIVISION", &[("EASTERN DIVISION", Misc)]),
            // An era after a year; a first-level region without full stops.
            ("Built in 300 B.C. by slaves.", &[("B.C.", Misc)]),
            ("The Western Cape Open.", &[("Western Cape", Misc)]),
            // Other classes are not this rule's.
            ("Japan beat Spain.", &[("Japan", Org), ("Spain", Org)]),
        ];
        assert_leaves(mend, cases);
    }
}
