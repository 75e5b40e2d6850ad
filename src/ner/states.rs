//! States and provinces after a town, after the name model: in "Charleston,
//! W.Va.", "Lexington, Ky." and "Regina, Sask." the model often misses the
//! abbreviation, or reads the town as an organisation.
//!
//! [`add`] looks at each PLACE or ORG name followed by a comma and one
//! untagged capitalised word that the gazetteer knows as a first-level
//! region of a country whose local news writes "Town, State" ([`COUNTRIES`];
//! [`crate::places::gazetteer::lookup`] holds the AP and Canadian Press
//! abbreviations): the word becomes a PLACE, and an ORG before it that the
//! gazetteer knows as a town of that region becomes a PLACE too, and so does
//! a PERSON the model was unsure of ("Stanford, California"; a person it was
//! sure of, or whose name is no town of that state, stays, with no state
//! added).

use super::tags::Class;
use super::Name;
use crate::places::gazetteer::{self, Entry};
use crate::places::PlaceKind;
use crate::tokenize::Token;

/// Countries whose local news names a town with its state or province, and
/// whose towns the gazetteer holds down to small ones (see
/// `data/places/README.md`): ISO 3166-1 codes, sorted.
const COUNTRIES: &[&str] = &["AU", "CA", "GB", "IE", "NZ", "US"];

/// The state or province `word` names ("W.Va.", "Calif.", "Ohio"), if any, and
/// whether it takes the full stop that follows it at once (`stop`), which
/// the tokenizer splits off before a comma or at a sentence's end ("Ky" +
/// ".").
fn state(word: &str, stop: bool) -> Option<(&'static Entry, bool)> {
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    let of = |w: &str| {
        gazetteer::lookup(w)
            .into_iter()
            .find(|e| e.kind == PlaceKind::Admin1 && COUNTRIES.contains(&e.country.as_str()))
    };
    of(word)
        .map(|e| (e, false))
        .or_else(|| of(&format!("{word}.")).filter(|_| stop).map(|e| (e, true)))
}

/// True if `town` is a place the gazetteer puts in `state`.
fn in_state(town: &str, state: &Entry) -> bool {
    gazetteer::lookup(town).iter().any(|e| {
        e.kind == PlaceKind::City && e.country == state.country && e.admin1 == state.admin1
    })
}

/// The names with the states of "Town, State" added as PLACE names (with
/// confidence [`super::RULE_CONFIDENCE`]), in text order. `names` are in
/// text order.
pub fn add(text: &str, tokens: &[Token], names: Vec<Name>) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::with_capacity(names.len());
    let mut names = names.into_iter().peekable();
    // The first token after the names handled so far.
    let mut next = 0;
    while let Some(mut name) = names.next() {
        while next < tokens.len() && tokens[next].start < name.range.end {
            next += 1;
        }
        let after_comma = tokens
            .get(next)
            .filter(|t| t.text(text) == ",")
            .and(tokens.get(next + 1));
        let (Some(word), Class::Loc | Class::Org | Class::Per) = (after_comma, name.class) else {
            out.push(name);
            continue;
        };
        // The state's word is untagged, or tagged a place already.
        let tagged = names.peek().filter(|n| n.range.start < word.end);
        let untagged = tagged.is_none();
        let stop = tokens
            .get(next + 2)
            .is_some_and(|t| t.start == word.end && t.text(text) == ".");
        let found = match tagged {
            Some(n) if n.class != Class::Loc || n.range != (word.start..word.end) => None,
            _ => state(word.text(text), stop),
        };
        let Some((state, dotted)) = found else {
            out.push(name);
            continue;
        };
        let town = in_state(&text[name.range.clone()], state);
        if name.class == Class::Per && !(town && name.confidence < super::UNSURE) {
            // "Bernie Sanders, Vermont": a person, and no state added.
            out.push(name);
            continue;
        }
        if town && name.class != Class::Loc {
            name.class = Class::Loc;
        }
        out.push(name);
        if untagged {
            out.push(Name {
                range: word.start..word.end + usize::from(dotted),
                class: Class::Loc,
                confidence: super::RULE_CONFIDENCE,
            });
            next += 2;
        } else if let Some(tagged) = names.peek_mut().filter(|_| dotted) {
            // Tagged without its full stop: "Ky." is the abbreviation, not "Ky".
            tagged.range.end = word.end + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{assert_leaves, assert_mends, Tagged};

    #[test]
    fn states_after_a_town_and_a_comma_are_places() {
        // The tokenizer splits the full stop off "Calif." before a comma.
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "Charleston, W.Va., and Lexington, Ky.",
                &[("Charleston", Loc), ("Lexington", Org)],
                &[
                    ("Charleston", Loc),
                    ("W.Va.", Loc),
                    ("Lexington", Loc),
                    ("Ky.", Loc),
                ],
            ),
            (
                "Fresno, Calif., voted.",
                &[("Fresno", Loc)],
                &[("Fresno", Loc), ("Calif.", Loc)],
            ),
            // Canadian Press abbreviations and Canadian provinces.
            (
                "Regina, Sask., and Toronto, Ont. voted.",
                &[("Regina", Loc), ("Sask", Loc), ("Toronto", Org)],
                &[
                    ("Regina", Loc),
                    ("Sask.", Loc),
                    ("Toronto", Loc),
                    ("Ont.", Loc),
                ],
            ),
            (
                "He moved to Erie, Pa. in May.",
                &[("Erie", Loc)],
                &[("Erie", Loc), ("Pa.", Loc)],
            ),
            // An organisation the gazetteer does not place in that state
            // stays one; the state is still a place.
            (
                "Reuters, Calif., said.",
                &[("Reuters", Org)],
                &[("Reuters", Org), ("Calif.", Loc)],
            ),
            // The state tagged already: the town is mended, and the
            // abbreviation takes its full stop.
            (
                "Lexington, Ky., voted.",
                &[("Lexington", Org), ("Ky", Loc)],
                &[("Lexington", Loc), ("Ky.", Loc)],
            ),
            (
                "Dayton, Ohio. Then more.",
                &[("Dayton", Loc), ("Ohio", Loc)],
                &[("Dayton", Loc), ("Ohio", Loc)],
            ),
            // Already tagged: nothing added.
            (
                "Dayton, Ohio, voted.",
                &[("Dayton", Loc), ("Ohio", Loc)],
                &[("Dayton", Loc), ("Ohio", Loc)],
            ),
        ];
        assert_mends(add, cases);
    }

    #[test]
    fn an_unsure_person_named_like_a_town_of_the_state_is_that_town() {
        use crate::ner::rule_tests::{owned, run_at};
        use Class::*;
        let text = "A university in Stanford, California, and Dallas, Texas.";
        let tagged: Tagged = &[("Stanford", Per), ("Dallas", Per)];
        assert_eq!(
            run_at(text, tagged, add, 0.4),
            owned(&[
                ("Stanford", Loc),
                ("California", Loc),
                ("Dallas", Loc),
                ("Texas", Loc)
            ])
        );
        // A sure person stays, and so does a name that is no town there.
        assert_eq!(run_at(text, tagged, add, 0.9), owned(tagged));
        let senator = "Bernie Sanders, Vermont, spoke.";
        assert_eq!(
            run_at(senator, &[("Bernie Sanders", Per)], add, 0.4),
            owned(&[("Bernie Sanders", Per)])
        );
    }

    #[test]
    fn other_words_after_a_comma_are_left_alone() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // Not after a place or an organisation.
            ("Smith, Ky. said.", &[("Smith", Per)]),
            ("Yes, Calif. voted.", &[]),
            // Not a state.
            ("Paris, France.", &[("Paris", Loc)]),
            ("Boston, Mass General said.", &[("Boston", Loc)]),
            ("Kyiv, Ukraine.", &[("Kyiv", Loc)]),
            // A first-level region of a country outside the list.
            ("Lusaka, Western said.", &[("Lusaka", Loc)]),
            ("Lexington, and more.", &[("Lexington", Org)]),
            ("Lexington, Ky-based.", &[("Lexington", Org)]),
            // The word after the comma tagged as something else.
            (
                "Lexington, Ky. Smith said.",
                &[("Lexington", Org), ("Ky. Smith", Per)],
            ),
            (
                "Reading, Berkshire, voted.",
                &[("Reading", Org), ("Berkshire", Loc)],
            ),
        ];
        assert_leaves(add, cases);
    }
}
