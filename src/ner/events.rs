//! Events, treaties, laws, awards and storms are other names (MISC), after the name model:
//! the model, which learnt MISC mostly from nationalities, tags "Battle of
//! Bakhmut" or "Paris Agreement" as an organisation, a place or a person.
//!
//! [`mend`] makes a name of two words or more MISC when its last word is an
//! event head (`data/names/event_heads.txt`: "Agreement", "Cup", "Prize",
//! "War") or it opens with an event word and "of"
//! (`data/names/event_openers.txt`: "Battle of", "Siege of", "Treaty of"),
//! or opens with a storm word (`data/names/storm_words.txt`: "Hurricane
//! Katrina", "Cyclone Phailin"). A name right after a capitalised storm word
//! that the model left out ("Hurricane [Laura]", "Tropical Storm [Marco]")
//! takes it in and is MISC. In CoNLL-2003's train and valid text names
//! with such heads and openers are MISC 225 times in 227 (the other two:
//! "Penn Treaty", a company).

use std::sync::OnceLock;

use super::tags::Class;
use super::Name;
use crate::tokenize::Token;

const HEADS: &str = include_str!("../../data/names/event_heads.txt");
const OPENERS: &str = include_str!("../../data/names/event_openers.txt");
const STORMS: &str = include_str!("../../data/names/storm_words.txt");

fn is_in(source: &'static str, cell: &'static OnceLock<Vec<&'static str>>, word: &str) -> bool {
    word.starts_with(char::is_uppercase) && super::in_list(super::word_list(source, cell), word)
}

/// True if the words of a name make it an event, a treaty or an award.
fn is_event(words: &[&str]) -> bool {
    static HEAD_LIST: OnceLock<Vec<&str>> = OnceLock::new();
    static OPENER_LIST: OnceLock<Vec<&str>> = OnceLock::new();
    static STORM_LIST: OnceLock<Vec<&str>> = OnceLock::new();
    match words {
        [_, .., last] if is_in(HEADS, &HEAD_LIST, last) => true,
        [first, _, ..] if is_in(STORMS, &STORM_LIST, first) => true,
        [first, "of", _, ..] => is_in(OPENERS, &OPENER_LIST, first),
        _ => false,
    }
}

/// The names with each person, place or organisation name that names an
/// event, a treaty or an award made MISC (a changed label gets confidence
/// [`super::RULE_CONFIDENCE`]).
pub fn mend(text: &str, tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    static STORM_LIST: OnceLock<Vec<&str>> = OnceLock::new();
    for name in &mut names {
        let first = tokens.partition_point(|t| t.start < name.range.start);
        // "Hurricane [Laura]": the storm word joins the name.
        let spaced = |a: &Token, b: usize| super::one_space_between(text, a.end, b);
        if let Some(storm) = first.checked_sub(1).map(|i| &tokens[i]) {
            if spaced(storm, name.range.start) && is_in(STORMS, &STORM_LIST, storm.text(text)) {
                name.range.start = storm.start;
                // "Tropical Storm Marco".
                if let Some(tropical) = first.checked_sub(2).map(|i| &tokens[i]) {
                    if tropical.text(text) == "Tropical" && spaced(tropical, storm.start) {
                        name.range.start = tropical.start;
                    }
                }
                if name.class != Class::Misc {
                    name.class = Class::Misc;
                    name.confidence = name.confidence.min(super::RULE_CONFIDENCE);
                }
                continue;
            }
        }
        if name.class == Class::Misc {
            continue;
        }
        let words: Vec<&str> = tokens[first..]
            .iter()
            .take_while(|t| t.end <= name.range.end)
            .map(|t| t.text(text))
            .collect();
        if is_event(&words) {
            name.class = Class::Misc;
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
    fn events_treaties_and_awards_are_misc() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "The Battle of Bakhmut ended.",
                &[("Battle of Bakhmut", Org)],
                &[("Battle of Bakhmut", Misc)],
            ),
            (
                "He left the Paris Agreement.",
                &[("Paris Agreement", Org)],
                &[("Paris Agreement", Misc)],
            ),
            (
                "The HEROES Act passed the House.",
                &[("HEROES Act", Org), ("House", Org)],
                &[("HEROES Act", Misc), ("House", Org)],
            ),
            (
                "Cyclone Phailin and Hurricane Katrina hit.",
                &[("Cyclone Phailin", Org), ("Hurricane Katrina", Per)],
                &[("Cyclone Phailin", Misc), ("Hurricane Katrina", Misc)],
            ),
            (
                "She won the Nobel Prize and the Davis Cup.",
                &[("Nobel Prize", Per), ("Davis Cup", Loc)],
                &[("Nobel Prize", Misc), ("Davis Cup", Misc)],
            ),
            (
                "After the Siege of Mariupol and the Russia-Ukraine War.",
                &[("Siege of Mariupol", Loc), ("Russia-Ukraine War", Org)],
                &[("Siege of Mariupol", Misc), ("Russia-Ukraine War", Misc)],
            ),
            (
                "The Treaty of Versailles.",
                &[("Treaty of Versailles", Loc)],
                &[("Treaty of Versailles", Misc)],
            ),
            // A storm word the model left out joins the name.
            (
                "Hurricane Laura hit Cameron, and Tropical Storm Marco faded.",
                &[("Laura", Per), ("Cameron", Loc), ("Marco", Misc)],
                &[
                    ("Hurricane Laura", Misc),
                    ("Cameron", Loc),
                    ("Tropical Storm Marco", Misc),
                ],
            ),
        ];
        assert_mends(mend, cases);
    }

    #[test]
    fn other_names_stay() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // One word alone, or the word not last.
            ("Cup holders Chelsea.", &[("Cup", Org), ("Chelsea", Org)]),
            ("The War Office said.", &[("War Office", Org)]),
            ("Prize Bond holders.", &[("Prize Bond", Org)]),
            // A storm word alone, or not first.
            ("The Hurricanes won.", &[("Hurricanes", Org)]),
            ("Storm said.", &[("Storm", Per)]),
            ("The storm Laura.", &[("Laura", Per)]),
            ("Hurricanes Laura won.", &[("Laura", Per)]),
            ("Desert Storm Inc. rose.", &[("Desert Storm Inc.", Org)]),
            // An opener without "of", or "of" ending the name.
            (
                "Battle Mountain Gold rose.",
                &[("Battle Mountain Gold", Org)],
            ),
            ("Warren Buffett spoke.", &[("Warren Buffett", Per)]),
            // A head in lower case is not part of a name.
            ("the cup final", &[]),
            // Already MISC.
            ("The World Cup.", &[("World Cup", Misc)]),
        ];
        assert_leaves(mend, cases);
    }
}
