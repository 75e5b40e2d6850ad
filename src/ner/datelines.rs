//! A dateline's place, after the name model: a story that opens with a
//! place in capitals and a dash ("DALLAS — Nick Burton...", "TORONTO - ")
//! names where it was filed. The model learnt Reuters' 1996 datelines
//! ("LONDON 1996-08-22"), and misses some written this way.
//!
//! [`add`] makes the capitalised words at the start of a line a PLACE when a
//! dash follows them (after an optional ", State" or "(AP)") and the place
//! gazetteer knows them (alone, as a town of 15,000 people or more, or a
//! region or country), unless a name covers them already.

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
pub fn add(text: &str, tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    let mut added = Vec::new();
    for (first, token) in tokens.iter().enumerate() {
        let line_start = text[..token.start].trim_end_matches([' ', '\t']);
        if !(line_start.is_empty() || line_start.ends_with('\n')) {
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
        let known = gazetteer::lookup(&text[place.clone()])
            .iter()
            .any(|e| state || e.kind != PlaceKind::City || e.population >= MIN_POPULATION_ALONE);
        if dash && !covered && known {
            added.push(Name {
                range: place,
                class: Class::Loc,
                confidence: super::RULE_CONFIDENCE,
            });
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
        ];
        assert_leaves(add, cases);
    }
}
