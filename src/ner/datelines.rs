//! A dateline's place, after the name model: a story that opens with a
//! place in capitals and a dash ("DALLAS — Nick Burton...", "TORONTO - ")
//! names where it was filed. The model learnt Reuters' 1996 datelines
//! ("LONDON 1996-08-22"), and misses some written this way.
//!
//! [`add`] makes the capitalised words at the start of a line a PLACE when a
//! dash follows them (after an optional ", State" or "(AP)") and the place
//! gazetteer knows them (alone, as a town of 15,000 people or more, or a
//! region or country), unless a name covers them already.
//!
//! A scraped page may lose the dash ("WASHINGTON Barack Obama pardoned..."),
//! and the model then reads the place and the first words of the story as
//! one name. [`add`] cuts such a name, tagged PLACE or PERSON at a line
//! start, after its leading capitals when they name a place by the same test
//! (of four letters or more, as "US Army" and "UK Parliament" are names
//! whole): the capitals become the PLACE, and the rest a PERSON when the
//! model said PERSON or its first word is a given name, else no name.

use super::tags::Class;
use super::Name;
use crate::places::{gazetteer, PlaceKind};
use crate::tokenize::Token;

/// The most words a dateline's place has ("SALT LAKE CITY").
const MAX_WORDS: usize = 4;

/// The fewest people a town in a dateline without a state or country after
/// it must have.
const MIN_POPULATION_ALONE: u64 = 15_000;

/// Dashes that end a dateline.
const DASHES: &[&str] = &["—", "–", "-", "--", "―"];

/// A word written in capitals ("DALLAS", "ST.", "D.C.").
fn is_capitals(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '\'' || c == '’')
}

/// The names with each dateline's place added (with confidence
/// [`super::RULE_CONFIDENCE`]), in text order.
pub fn add(text: &str, tokens: &[Token], names: Vec<Name>) -> Vec<Name> {
    let names = cut_run_on_datelines(text, tokens, names);
    let mut added = Vec::new();
    for (first, token) in tokens.iter().enumerate() {
        if !super::at_line_start(text, token.start) {
            continue;
        }
        let words = tokens[first..]
            .iter()
            .take(MAX_WORDS)
            .take_while(|t| is_capitals(t.text(text)))
            .count();
        if words == 0 {
            continue;
        }
        let place = token.start..tokens[first + words - 1].end;
        // After the place: a dash, or ", State" or "(AP)" and then a dash.
        let rest = tokens[first + words..].iter().take(6).map(|t| t.text(text));
        let (mut dash, mut state) = (false, false);
        for word in rest {
            if DASHES.contains(&word) {
                dash = true;
                break;
            }
            state |= word == ",";
            if !(word == "," || word == "(" || word == ")" || word.starts_with(char::is_uppercase))
            {
                break;
            }
        }
        let covered = names
            .iter()
            .any(|n| n.range.start < place.end && place.start < n.range.end);
        // Alone, a town must be big: "GOLF - " and "CRICKET - " head reports of sport,
        // and a US hamlet has each name.
        let known = is_dateline_place(&text[place.clone()], state);
        if dash && !covered && known {
            added.push(Name {
                range: place,
                class: Class::Loc,
                confidence: super::RULE_CONFIDENCE,
            });
        }
    }
    super::merged(names, added)
}

/// True if the capitals `place` name a place a dateline may name.
fn is_dateline_place(place: &str, state: bool) -> bool {
    gazetteer::lookup(place)
        .iter()
        .any(|e| state || e.kind != PlaceKind::City || e.population >= MIN_POPULATION_ALONE)
}

/// The names with each PLACE or PERSON name at a line start that runs from a
/// place in capitals into title-case words cut in two (see the module doc).
fn cut_run_on_datelines(text: &str, tokens: &[Token], names: Vec<Name>) -> Vec<Name> {
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        if !super::at_line_start(text, name.range.start)
            || !matches!(name.class, Class::Loc | Class::Per)
        {
            out.push(name);
            continue;
        }
        let first = tokens.partition_point(|t| t.start < name.range.start);
        let inside: Vec<&Token> = tokens[first..]
            .iter()
            .take_while(|t| t.end <= name.range.end)
            .collect();
        let capitals = inside
            .iter()
            .take(MAX_WORDS)
            .take_while(|t| is_capitals(t.text(text)))
            .count();
        let rest = &inside[capitals.min(inside.len())..];
        let place = capitals > 0 && {
            let range = name.range.start..inside[capitals - 1].end;
            text[range.clone()]
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                >= 4
                && is_dateline_place(&text[range], false)
        };
        let cut = place
            && rest
                .first()
                .is_some_and(|t| t.text(text).starts_with(char::is_uppercase));
        if !cut {
            out.push(name);
            continue;
        }
        out.push(Name {
            range: name.range.start..inside[capitals - 1].end,
            class: Class::Loc,
            confidence: name.confidence.min(super::RULE_CONFIDENCE),
        });
        let first = rest[0].text(text);
        if name.class == Class::Per || super::listed(super::gazetteer::List::FirstName, first) {
            out.push(Name {
                range: rest[0].start..name.range.end,
                class: Class::Per,
                confidence: name.confidence.min(super::RULE_CONFIDENCE),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{assert_leaves, assert_mends, Tagged};

    #[test]
    fn a_place_in_capitals_before_a_dash_at_a_line_start_is_a_place() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "DALLAS — Nick Burton is a city boy.",
                &[("Nick Burton", Per)],
                &[("DALLAS", Loc), ("Nick Burton", Per)],
            ),
            (
                "Title\nSALT LAKE CITY, Utah (AP) - Snow fell.",
                &[("Utah", Loc), ("AP", Org)],
                &[("SALT LAKE CITY", Loc), ("Utah", Loc), ("AP", Org)],
            ),
            ("TORONTO -- Rain.", &[], &[("TORONTO", Loc)]),
            // A dateline whose dash a scrape lost, run into the story's first name.
            (
                "WASHINGTON Barack Obama pardoned a turkey.",
                &[("WASHINGTON Barack Obama", Loc)],
                &[("WASHINGTON", Loc)],
            ),
            (
                "WASHINGTON Barack Obama pardoned a turkey.",
                &[("WASHINGTON Barack Obama", Per)],
                &[("WASHINGTON", Loc), ("Barack Obama", Per)],
            ),
            (
                "Title\nLONDON Joe Root scored.",
                &[("LONDON Joe Root", Loc)],
                &[("LONDON", Loc), ("Joe Root", Per)],
            ),
        ];
        assert_mends(add, cases);
    }

    #[test]
    fn other_capitals_stay() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // Tagged already, not at a line start, no dash, not a place.
            ("KYIV - Shelling.", &[("KYIV", Loc)]),
            ("He said DALLAS — twice.", &[]),
            ("DALLAS is big.", &[]),
            ("BREAKING — A fire.", &[]),
            ("NATO — the alliance.", &[("NATO", Org)]),
            ("UPDATE 2 - Stocks rose.", &[]),
            ("GOLF - LEADING SCORES", &[]),
            ("CRICKET - ENGLISH COUNTY", &[("ENGLISH COUNTY", Misc)]),
            // Names whole: short capitals, an ORG, not at a line start, no place.
            ("US Army units moved.", &[("US Army", Loc)]),
            ("KENYA Airways flew.", &[("KENYA Airways", Org)]),
            (
                "He saw WASHINGTON Barack Obama.",
                &[("WASHINGTON Barack Obama", Loc)],
            ),
            (
                "BREAKING Barack Obama spoke.",
                &[("BREAKING Barack Obama", Per)],
            ),
            ("NEW YORK", &[("NEW YORK", Loc)]),
        ];
        assert_leaves(add, cases);
    }
}
