//! A place named before a person's office is a place, after the name model:
//! in "Ontario Premier Doug Ford", "Belgorod Governor Vyacheslav Gladkov" and
//! "Kherson regional Governor Oleksandr Prokudin" the model finds the person
//! but leaves the place untagged, as CoNLL-2003's training text, which it
//! learnt from, names a place before such a title a dozen times ("Orvieto
//! mayor Stefano Cimicchi", "Gabon President Omar Bongo"; always a place).
//!
//! [`add`] looks before each PERSON name for an office held for a place
//! (`data/names/place_offices.txt`: "Governor", "Mayor", "Premier", "Gov.")
//! and the words that qualify it ("Deputy", "acting", "regional"), each one
//! space apart, and before them for untagged capitalised words. When those
//! words are a prominent place ([`super::org_places::is_place`]: a country, a
//! region or a city of 50,000 people that is no surname), perhaps after a
//! "The" or a modifier that opens them ("Former Ontario Premier"), they
//! become a PLACE. Words of a longer name ("Real Madrid President") are left,
//! and so is a report of sport, where a city before "President" is a club's.

use std::sync::OnceLock;

use super::tags::Class;
use super::{org_places, titles, Name};
use crate::tokenize::Token;

const OFFICES: &str = include_str!("../../data/names/place_offices.txt");

/// Lower-case words that say which level of a place the office serves.
const LEVELS: [&str; 5] = ["city", "municipal", "provincial", "regional", "state"];

/// The most words a place before an office is read from.
const MAX_PLACE_WORDS: usize = 4;

fn offices() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&str>> = OnceLock::new();
    super::word_list(OFFICES, &LIST)
}

/// True if `word` ("Governor", "Gov.", "mayor", "Mayor-elect") is an office
/// held for a place.
fn is_office(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    let office = word
        .strip_suffix("-elect")
        .or_else(|| word.strip_suffix("-designate"))
        .unwrap_or(word);
    super::in_list(offices(), office)
}

/// The names with each name the model tagged whole across a place, an office
/// and a person ("New York Mayor Zohran Mamdani" ORG) split into the PLACE
/// and the PERSON. The person is two or three capitalised words.
fn split(text: &str, tokens: &[Token], names: Vec<Name>) -> Vec<Name> {
    let word = |i: usize| tokens[i].text(text);
    let person_word = |w: &str| {
        w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        if name.class == Class::Misc {
            out.push(name);
            continue;
        }
        let first = tokens.partition_point(|t| t.start < name.range.start);
        let last = tokens.partition_point(|t| t.end <= name.range.end);
        let office = (first + 1..last.saturating_sub(2)).find(|&k| {
            is_office(word(k))
                && (2..=3).contains(&(last - k - 1))
                && (k + 1..last).all(|i| person_word(word(i)))
        });
        let place = office.and_then(|k| {
            // Inside the name, nothing before the place counts as tagged.
            place_before(text, &tokens[..last], k + 1, |i| i < first)
                .filter(|place| place.start == first)
        });
        let (Some(k), Some(place)) = (office, place) else {
            out.push(name);
            continue;
        };
        out.push(Name {
            range: tokens[place.start].start..tokens[place.end - 1].end,
            class: Class::Loc,
            confidence: super::RULE_CONFIDENCE,
        });
        out.push(Name {
            range: tokens[k + 1].start..name.range.end,
            class: Class::Per,
            confidence: super::RULE_CONFIDENCE,
        });
    }
    out
}

/// True if `word` may stand between a place and its office ("Deputy",
/// "regional") or be one ("Prime Minister" has both).
fn qualifies_office(word: &str) -> bool {
    is_office(word) || titles::is_modifier(word) || LEVELS.contains(&word)
}

/// The token range of the place before the office that ends right before
/// token `first`, if any (see the module comment). `tagged(i)` tells whether
/// token `i` lies in a name.
fn place_before(
    text: &str,
    tokens: &[Token],
    first: usize,
    tagged: impl Fn(usize) -> bool,
) -> Option<std::ops::Range<usize>> {
    let adjacent = |i: usize| super::one_space_between(text, tokens[i].end, tokens[i + 1].start);
    let word = |i: usize| tokens[i].text(text);
    let office = first.checked_sub(1)?;
    if !is_office(word(office)) || !adjacent(office) || tagged(office) {
        return None;
    }
    // Back over the office's qualifiers, then over the capitalised words before them.
    let mut start = office;
    while start > 0
        && adjacent(start - 1)
        && !tagged(start - 1)
        && qualifies_office(word(start - 1))
    {
        start -= 1;
    }
    let end = start;
    let mut run = end;
    while run > 0
        && end - run < MAX_PLACE_WORDS
        && adjacent(run - 1)
        && !tagged(run - 1)
        && word(run - 1).starts_with(char::is_uppercase)
    {
        run -= 1;
    }
    // A word of a longer name before them ("Real Madrid President").
    let capitalised_before = run > 0
        && adjacent(run - 1)
        && word(run - 1).starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    if run == end || capitalised_before {
        return None;
    }
    // The run after any "The" or modifier that opens it.
    while run < end && (word(run) == "The" || titles::is_modifier(word(run))) {
        run += 1;
    }
    let place = || &text[tokens[run].start..tokens[end - 1].end];
    (run < end && org_places::is_place(place())).then_some(run..end)
}

/// The names with the place before each person's office added as a PLACE
/// name (confidence [`super::RULE_CONFIDENCE`]), in text order. `names` are
/// in text order.
pub fn add(text: &str, tokens: &[Token], names: Vec<Name>) -> Vec<Name> {
    if org_places::is_sport_text(text, tokens) {
        return names;
    }
    let names = split(text, tokens, names);
    if !names.iter().any(|n| n.class == Class::Per) {
        return names;
    }
    let tagged = |i: usize| {
        let token = &tokens[i];
        let n = names.partition_point(|n| n.range.end <= token.start);
        names.get(n).is_some_and(|n| n.range.start < token.end)
    };
    let mut added = Vec::new();
    for name in names.iter().filter(|n| n.class == Class::Per) {
        let first = tokens.partition_point(|t| t.start < name.range.start);
        if tokens
            .get(first)
            .is_none_or(|t| t.start != name.range.start)
        {
            continue;
        }
        if let Some(place) = place_before(text, tokens, first, tagged) {
            added.push(Name {
                range: tokens[place.start].start..tokens[place.end - 1].end,
                class: Class::Loc,
                confidence: super::RULE_CONFIDENCE,
            });
        }
    }
    super::merged(names, added)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{assert_leaves, assert_mends, Tagged};

    #[test]
    fn a_place_before_an_office_is_a_place() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "Ontario Premier Doug Ford criticised the tariffs.",
                &[("Doug Ford", Per)],
                &[("Ontario", Loc), ("Doug Ford", Per)],
            ),
            (
                "On Monday, Belgorod Governor Vyacheslav Gladkov said.",
                &[("Vyacheslav Gladkov", Per)],
                &[("Belgorod", Loc), ("Vyacheslav Gladkov", Per)],
            ),
            (
                "Kherson regional Governor Oleksandr Prokudin said.",
                &[("Oleksandr Prokudin", Per)],
                &[("Kherson", Loc), ("Oleksandr Prokudin", Per)],
            ),
            (
                "The Quebec Premier Jean Charest spoke.",
                &[("Jean Charest", Per)],
                &[("Quebec", Loc), ("Jean Charest", Per)],
            ),
            (
                "He met Former Quebec Premier Jean Charest.",
                &[("Jean Charest", Per)],
                &[("Quebec", Loc), ("Jean Charest", Per)],
            ),
            (
                "New York Gov. Kathy Hochul and Kyiv Mayor Vitali Klitschko spoke.",
                &[("Kathy Hochul", Per), ("Vitali Klitschko", Per)],
                &[
                    ("New York", Loc),
                    ("Kathy Hochul", Per),
                    ("Kyiv", Loc),
                    ("Vitali Klitschko", Per),
                ],
            ),
            (
                "Ukraine Deputy Prime Minister Yulia Svyrydenko signed.",
                &[("Yulia Svyrydenko", Per)],
                &[("Ukraine", Loc), ("Yulia Svyrydenko", Per)],
            ),
            // An elect; one name across place, office and person.
            (
                "Kyiv Mayor-elect Ivan Petrenko spoke.",
                &[("Ivan Petrenko", Per)],
                &[("Kyiv", Loc), ("Ivan Petrenko", Per)],
            ),
            (
                "New York Mayor Zohran Mamdani spoke.",
                &[("New York Mayor Zohran Mamdani", Org)],
                &[("New York", Loc), ("Zohran Mamdani", Per)],
            ),
        ];
        assert_mends(add, cases);
    }

    #[test]
    fn other_words_before_an_office_stay() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // Not a place, a tagged place, part of a longer name, a title
            // that is not a place's office, no person after, no space.
            ("Republican Senator Rick Scott voted.", &[("Rick Scott", Per)]),
            ("Health Minister Viktor Liashko spoke.", &[("Viktor Liashko", Per)]),
            (
                "Texas Governor Greg Abbott spoke.",
                &[("Texas", Loc), ("Greg Abbott", Per)],
            ),
            ("Real Madrid President Florentino Perez said.", &[("Florentino Perez", Per)]),
            ("Chelsea coach Enzo Maresca said.", &[("Enzo Maresca", Per)]),
            ("The Ontario Premier spoke.", &[]),
            ("The Former Premier Jean Charest spoke.", &[("Jean Charest", Per)]),
            ("Ontario Premier, Doug Ford, spoke.", &[("Doug Ford", Per)]),
            (
                "Real Madrid President Florentino Perez said.",
                &[("Real Madrid President Florentino Perez", Org)],
            ),
            ("He joined the Chicago Mayor Office.", &[("Chicago Mayor Office", Org)]),
            // A report of sport: a city before "President" is a club's.
            (
                "Barcelona President Joan Laporta praised the striker after the 3-1 win; the midfielder scored.",
                &[("Joan Laporta", Per)],
            ),
        ];
        assert_leaves(add, cases);
    }

    #[test]
    fn offices_are_sorted_lowercase() {
        assert!(offices().windows(2).all(|w| w[0] < w[1]));
        assert!(offices().iter().all(|w| *w == w.to_lowercase()));
    }
}
