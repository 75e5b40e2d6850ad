//! Seats of power that stand for the government in them, after the name
//! model: "the Kremlin said" and "the White House denied it" name who acts,
//! an organisation, as today's news annotation has it; CoNLL-2003 (1996)
//! tagged them places, and so does the model.
//!
//! [`mend`] makes a PLACE that is one of `data/names/seats_of_power.txt` an
//! ORG, unless a preposition of place stands before it ("at the White
//! House", "outside Downing Street"): then it is the building or street.

use std::sync::OnceLock;

use super::tags::Class;
use super::Name;
use crate::tokenize::Token;

const SEATS: &str = include_str!("../../data/names/seats_of_power.txt");

/// Prepositions after which a seat is where something happens.
const LOCATIVES: &[&str] = &[
    "across", "around", "at", "behind", "beyond", "in", "inside", "into", "near", "on", "outside",
    "to", "toward", "towards", "within",
];

/// The list: lowercase, sorted.
fn seats() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&str>> = OnceLock::new();
    super::word_list(SEATS, &LIST)
}

fn is_seat(name: &str) -> bool {
    let name = name.to_lowercase();
    super::in_list(seats(), name.strip_prefix("the ").unwrap_or(&name))
}

/// The names with each listed seat of power that is not a place of action made an ORG.
pub fn mend(text: &str, tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    for name in &mut names {
        if name.class != Class::Loc || !is_seat(&text[name.range.clone()]) {
            continue;
        }
        // The word before the name, and before its "the".
        let mut before = super::word_before(text, tokens, name.range.start);
        if before.is_some_and(|w| w.eq_ignore_ascii_case("the")) {
            let the = tokens.partition_point(|t| t.end <= name.range.start) - 1;
            before = super::word_before(text, tokens, tokens[the].start);
        }
        if before.is_some_and(|w| LOCATIVES.contains(&w.to_lowercase().as_str())) {
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
    fn a_seat_that_acts_is_its_government() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "The Kremlin said talks would go on.",
                &[("Kremlin", Loc)],
                &[("Kremlin", Org)],
            ),
            (
                "A White House spokesman denied it.",
                &[("White House", Loc)],
                &[("White House", Org)],
            ),
            (
                "Criticism from Downing Street and the Élysée grew.",
                &[("Downing Street", Loc), ("Élysée", Loc)],
                &[("Downing Street", Org), ("Élysée", Org)],
            ),
            (
                "Officials told the White House on Monday.",
                &[("White House", Loc)],
                &[("White House", Org)],
            ),
        ];
        assert_mends(mend, cases);
    }

    #[test]
    fn a_seat_where_something_happens_is_a_place() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            ("They met at the White House.", &[("White House", Loc)]),
            (
                "Protesters gathered outside Downing Street.",
                &[("Downing Street", Loc)],
            ),
            ("He was driven to the Kremlin.", &[("Kremlin", Loc)]),
            ("A dinner in the Elysee Palace.", &[("Elysee Palace", Loc)]),
            // Other classes and other places stay.
            ("The Kremlin said.", &[("Kremlin", Org)]),
            ("Moscow said.", &[("Moscow", Loc)]),
            (
                "The White House Down sequel.",
                &[("White House Down", Misc)],
            ),
            ("Whitehall Street was closed.", &[("Whitehall Street", Loc)]),
        ];
        assert_leaves(mend, cases);
    }
}
