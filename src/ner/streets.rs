//! Streets and squares after the name model: "Memphis St.", "Elm Avenue"
//! and "Tiananmen Square" are places, which the model often tags as an
//! organisation or a person, or cuts before "St.".
//!
//! [`mend`] looks at each name whose last word, or the untagged word right
//! after it, is a street type (`data/names/street_types.txt`: "Street",
//! "St.", "Avenue", "Square"): the name, with that word and its full stop,
//! becomes a PLACE. A person's name stays one when the word is also a common
//! surname ("Barry Lane"), and an abbreviation before a capitalised word is
//! "Saint" ("St. Louis"), not a street.

use std::sync::OnceLock;

use super::gazetteer::List;
use super::tags::Class;
use super::Name;
use crate::tokenize::Token;

const STREET_TYPES: &str = include_str!("../../data/names/street_types.txt");

fn street_types() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&str>> = OnceLock::new();
    super::word_list(STREET_TYPES, &LIST)
}

/// The street type `word` is ("Street", "St", "AVE", read without its full
/// stop and in any case; never a word in lower case): whether it is an
/// abbreviation, which takes the full stop after it.
fn street_type(word: &str) -> Option<bool> {
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    let lower = word.to_lowercase();
    street_types()
        .iter()
        .find_map(|t| match t.strip_suffix('.') {
            Some(bare) => (bare == lower).then_some(true),
            None => (*t == lower).then_some(false),
        })
}

/// True if the last word of `name` is a street type ("Memphis St.", "Elm
/// Avenue"): a street, which is not the town it is named after.
pub fn is_street(name: &str) -> bool {
    name.split_whitespace()
        .last()
        .is_some_and(|w| street_type(w.strip_suffix('.').unwrap_or(w)).is_some())
}

/// The street type at token `i`, if it is one: the index of the token it
/// ends at (its full stop, when the tokenizer split one off an
/// abbreviation), or `None` when it is not a street's ("St." before a
/// capitalised word is "Saint").
fn street_type_at(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let word = tokens.get(i)?.text(text);
    let bare = word.strip_suffix('.').unwrap_or(word);
    let abbreviation = street_type(bare)?;
    let split_stop = abbreviation
        && bare.len() == word.len()
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.start == tokens[i].end && t.text(text) == ".");
    let end = if split_stop { i + 1 } else { i };
    let saint = abbreviation
        && tokens.get(end + 1).is_some_and(|t| {
            t.start == tokens[end].end + 1 && t.text(text).starts_with(char::is_uppercase)
        });
    (!saint).then_some(end)
}

/// True if a person's name may end in `word`: it is a common surname.
fn surname_like(word: &str) -> bool {
    super::listed(List::Surname, word.strip_suffix('.').unwrap_or(word))
}

/// The names with streets and squares made PLACE names (a changed label
/// gets confidence [`super::RULE_CONFIDENCE`]), in text order. `names` are
/// in text order.
pub fn mend(text: &str, tokens: &[Token], names: Vec<Name>) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::with_capacity(names.len());
    let starts: Vec<usize> = names.iter().map(|n| n.range.start).collect();
    let mut next_start = starts.into_iter().skip(1);
    // The first token at or after the current name's end.
    let mut after = 0;
    for mut name in names {
        let following = next_start.next();
        while after < tokens.len() && tokens[after].start < name.range.end {
            after += 1;
        }
        let last = after
            .checked_sub(1)
            .filter(|&l| tokens[l].start >= name.range.start);
        let Some(last) = last else {
            out.push(name);
            continue;
        };
        // The street type ends the name, or stands right after it untagged.
        let inside = (last > 0 && tokens[last - 1].start >= name.range.start)
            .then(|| street_type_at(text, tokens, last))
            .flatten()
            .map(|end| (last, end));
        let adjacent = || {
            let t = tokens.get(after)?;
            let untagged = following.is_none_or(|s| s >= t.end);
            (untagged && super::one_space_between(text, name.range.end, t.start))
                .then(|| street_type_at(text, tokens, after))
                .flatten()
                .map(|end| (after, end))
        };
        let Some((word, end)) = inside.or_else(adjacent) else {
            out.push(name);
            continue;
        };
        let word_text = tokens[word].text(text);
        if name.class == Class::Per && surname_like(word_text) {
            out.push(name);
            continue;
        }
        if name.class != Class::Loc {
            name.class = Class::Loc;
            name.confidence = name.confidence.min(super::RULE_CONFIDENCE);
        }
        name.range.end = name.range.end.max(tokens[end].end);
        out.push(name);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{assert_leaves, assert_mends, Tagged};

    #[test]
    fn streets_are_told_by_their_last_word() {
        for (name, street) in [
            ("Memphis St.", true),
            ("Oxford St", true),
            ("Elm Avenue", true),
            ("Tiananmen Square", true),
            ("Memphis", false),
            ("St. Louis", false),
            ("Wall Street Journal", false),
            ("Kyiv street", false),
        ] {
            assert_eq!(is_street(name), street, "{name}");
        }
    }

    #[test]
    fn the_list_is_sorted_lowercase() {
        let list = street_types();
        assert!(list.windows(2).all(|w| w[0] < w[1]));
        assert!(list.iter().all(|w| *w == w.to_lowercase()));
    }

    #[test]
    fn streets_and_squares_are_places() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "A crash on Memphis St. closed it.",
                &[("Memphis St.", Org)],
                &[("Memphis St.", Loc)],
            ),
            (
                "They live on Elm Avenue now.",
                &[("Elm Avenue", Per)],
                &[("Elm Avenue", Loc)],
            ),
            // Cut before its type: the type joins the place.
            (
                "Protesters filled Tiananmen Square.",
                &[("Tiananmen", Loc)],
                &[("Tiananmen Square", Loc)],
            ),
            // At a sentence's end the tokenizer splits the full stop off.
            (
                "It happened on Memphis St.",
                &[("Memphis", Org)],
                &[("Memphis St.", Loc)],
            ),
            (
                "Traders on Wall Street sold.",
                &[("Wall Street", Org)],
                &[("Wall Street", Loc)],
            ),
            (
                "He lives at 10 Downing Street, London.",
                &[("Downing Street", Loc), ("London", Loc)],
                &[("Downing Street", Loc), ("London", Loc)],
            ),
        ];
        assert_mends(mend, cases);
    }

    #[test]
    fn other_names_are_left_alone() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // The name goes on past the street type.
            (
                "The Wall Street Journal said.",
                &[("Wall Street Journal", Org)],
            ),
            ("The Main Street Bank said.", &[("Main Street Bank", Org)]),
            // A person whose surname is also a street type.
            ("Barry Lane won.", &[("Barry Lane", Per)]),
            ("Said Square, the minister.", &[("Said Square", Per)]),
            // "St." before a capitalised word is "Saint".
            (
                "Memphis St. Jude hospital.",
                &[("Memphis", Loc), ("St. Jude", Org)],
            ),
            ("Officials in Mobile St. Louis.", &[("Mobile", Loc)]),
            // Not a street type, or not written as a name's.
            ("Kyiv street fighting.", &[("Kyiv", Loc)]),
            ("The Street said.", &[]),
            ("Boston Road.", &[("Boston Road", Loc)]),
            // The word after the name is another name.
            (
                "Okafor Square Capital said.",
                &[("Okafor", Per), ("Square Capital", Org)],
            ),
        ];
        assert_leaves(mend, cases);
    }
}
