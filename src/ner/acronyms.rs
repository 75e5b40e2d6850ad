//! Acronyms of common nouns are no names, after the name model: the model,
//! taught on 1996 Reuters where a word in capitals is most often an
//! organisation ("NATO", "FBI"), tags "AI", "COVID", "GDP", "DNA" or "SUV"
//! an ORG, and today's news writes them in every other paragraph.
//!
//! [`drop`] removes a PERSON, PLACE or ORG name whose whole text is one of
//! `data/names/common_acronyms.txt` written in capitals ("AI", "CEOs" with
//! its plural "s"), or for a listed word of five letters or more, in title
//! case as the British press writes it ("Covid-19"). "Ram", "Sim" and "Pin"
//! in title case are names, and stay. In CoNLL-2003's train and valid text the
//! listed words stand alone untagged 29 times in 31; the others, "HIV" and
//! "MRI", are MISC, which CoNLL gives some diseases and devices, so a MISC
//! stays. "TV" inside a name ("TV Azteca") is not the whole name, and stays.
//! Acronyms that also name an organisation ("PC", Canada's Progressive
//! Conservatives; "CCTV", China's state television) are not listed.

use std::sync::OnceLock;

use super::tags::Class;
use super::Name;
use crate::tokenize::Token;

const ACRONYMS: &str = include_str!("../../data/names/common_acronyms.txt");

fn is_listed(lower: &str) -> bool {
    static LIST: OnceLock<Vec<&str>> = OnceLock::new();
    super::word_list(ACRONYMS, &LIST)
        .binary_search(&lower)
        .is_ok()
}

/// True if `name` is a listed acronym as news writes it.
pub(crate) fn is_common_acronym(name: &str) -> bool {
    let lower = name.to_lowercase();
    if !is_listed(&lower) {
        return false;
    }
    let stem = name.strip_suffix('s').unwrap_or(name);
    let capitals = !stem.chars().any(char::is_lowercase);
    let mut letters = name.chars().filter(|c| c.is_alphabetic());
    let title_case = letters.next().is_some_and(char::is_uppercase)
        && letters.clone().all(char::is_lowercase)
        && letters.count() >= 4;
    capitals || title_case
}

/// The names without common acronyms taken for names.
pub fn drop(text: &str, _tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    names.retain(|name| name.class == Class::Misc || !is_common_acronym(&text[name.range.clone()]));
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{assert_leaves, assert_mends, Tagged};

    #[test]
    fn common_acronyms_are_no_names() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "AI tools and GDP figures helped, Microsoft said.",
                &[("AI", Org), ("GDP", Org), ("Microsoft", Org)],
                &[("Microsoft", Org)],
            ),
            (
                "COVID cases rose as SUVs and ATMs sold.",
                &[("COVID", Org), ("SUVs", Org), ("ATMs", Loc)],
                &[],
            ),
            (
                "Covid-19 spread in Leeds.",
                &[("Covid-19", Org), ("Leeds", Loc)],
                &[("Leeds", Loc)],
            ),
            (
                "The CEO and two MPs left.",
                &[("CEO", Org), ("MPs", Org)],
                &[],
            ),
        ];
        assert_mends(drop, cases);
    }

    /// Names that look like listed acronyms but are names.
    #[test]
    fn names_spelt_like_acronyms_stay() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // Title case of a short entry is a name.
            (
                "Ram Nath Kovind met Ram.",
                &[("Ram Nath Kovind", Per), ("Ram", Per)],
            ),
            ("Sim said so.", &[("Sim", Per)]),
            // A longer name holding an acronym.
            (
                "TV Azteca and the AI Act.",
                &[("TV Azteca", Org), ("AI Act", Misc)],
            ),
            // Not listed; MISC as CoNLL tags some diseases.
            ("NATO and the FBI met.", &[("NATO", Org), ("FBI", Org)]),
            ("HIV rates fell.", &[("HIV", Misc)]),
        ];
        assert_leaves(drop, cases);
    }
}
