//! Names joined by a lowercase particle, after the name model: the model
//! sometimes cuts "Cais do Sodré" into a place and a person, or "Lula da
//! Silva" into two people, at the particle it rarely saw in 1996 Reuters.
//!
//! [`join`] makes one name of two names that only a single particle
//! separates ("da", "de", "do", "van", "von"…: [`PARTICLES`]), with the
//! first name's class and the lower confidence.

use super::Name;
use crate::tokenize::Token;

/// The particles of Romance, Dutch and German names, lowercase, sorted. Not
/// English words ("of", "the") or Arabic articles, which news writes
/// hyphenated ("al-Assad").
const PARTICLES: [&str; 12] = [
    "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "van", "von",
];

/// The names with each pair that a particle alone separates joined, in text order.
pub fn join(text: &str, _tokens: &[Token], names: Vec<Name>) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::with_capacity(names.len());
    for name in names {
        if let Some(last) = out.last_mut() {
            let gap = &text[last.range.end..name.range.start];
            let particle = gap
                .strip_prefix(' ')
                .and_then(|g| g.strip_suffix(' '))
                .filter(|p| PARTICLES.binary_search(p).is_ok());
            if particle.is_some() {
                last.range.end = name.range.end;
                last.confidence = last.confidence.min(name.confidence);
                continue;
            }
        }
        out.push(name);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{assert_leaves, assert_mends, Tagged};
    use crate::ner::tags::Class;

    #[test]
    fn the_list_is_sorted() {
        assert!(PARTICLES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn names_a_particle_separates_are_one() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "They met at Cais do Sodré station.",
                &[("Cais", Loc), ("Sodré", Per)],
                &[("Cais do Sodré", Loc)],
            ),
            (
                "President Luiz Inácio Lula da Silva spoke.",
                &[("Luiz Inácio Lula", Per), ("Silva", Per)],
                &[("Luiz Inácio Lula da Silva", Per)],
            ),
            (
                "Louis van Gaal and Ursula von der Leyen.",
                &[
                    ("Louis", Per),
                    ("Gaal", Per),
                    ("Ursula von", Per),
                    ("Leyen", Per),
                ],
                &[("Louis van Gaal", Per), ("Ursula von der Leyen", Per)],
            ),
        ];
        assert_mends(join, cases);
    }

    #[test]
    fn other_neighbours_stay_apart() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // English words, two particles' worth of gap, or punctuation.
            ("Kyiv of Ukraine.", &[("Kyiv", Loc), ("Ukraine", Loc)]),
            ("Paris and London.", &[("Paris", Loc), ("London", Loc)]),
            ("Lula, da Silva.", &[("Lula", Per), ("Silva", Per)]),
            ("Porto do do Brasil.", &[("Porto", Loc), ("Brasil", Loc)]),
            ("Cais  do Sodré.", &[("Cais", Loc), ("Sodré", Per)]),
            // A particle before an untagged word joins nothing.
            ("Cais do sul.", &[("Cais", Loc)]),
        ];
        assert_leaves(join, cases);
    }
}
