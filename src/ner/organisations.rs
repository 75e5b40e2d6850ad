//! Organisations the model was never taught, after the name model: trained
//! on news from 1996, it reads "on Facebook" or "owned by Amazon" like "on
//! Sunday" or "by Paris", and "Islamic State" like "Kerala State", and tags
//! a place or a person.
//!
//! [`mend`] makes a PLACE, PERSON or MISC name an ORG when its whole text is
//! one of the companies, online services, media and armed groups of
//! `data/names/organisations.txt` that today's news names every day ("OpenAI"
//! had MISC, "Zelenskyy's talks with Pfizer" a person). "The Amazon" (the
//! river, the rainforest) stays a place, and "Boeing" MISC before a model
//! number ("Boeing 787") a product. A listed name the model left untagged
//! becomes an ORG too when it is one capitalised word ("Hezbollah fighters
//! clashed", "SpaceX", "Anthropic"), unless it is also an English word or a
//! person's name ("Zoom", "Telegram", "Tesla", [`ALSO_WORDS`]), which may be
//! meant as such. A name whose word before it completes a listed name takes that
//! word in: the model, which learnt that a title is no part of a name,
//! leaves "General" out of "General Staff".

use std::sync::OnceLock;

use super::tags::Class;
use super::Name;
use crate::tokenize::Token;

const ORGANISATIONS: &str = include_str!("../../data/names/organisations.txt");

/// The list: lowercase, sorted.
fn organisations() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&str>> = OnceLock::new();
    super::word_list(ORGANISATIONS, &LIST)
}

/// Listed names that are also a river or a region: after "the", the place.
const ALSO_PLACES: &[&str] = &["amazon"];

/// One-word listed names that are also a common word, a place or a
/// person's name: added only when the model tagged them, or written in
/// camel case.
const ALSO_WORDS: &[&str] = &[
    "alphabet",
    "amazon",
    "bloomberg",
    "isis",
    "telegram",
    "tesla",
    "uber",
    "zoom",
];

/// True if `name`, in any case, is a listed organisation.
pub(crate) fn is_listed(name: &str) -> bool {
    super::in_list(organisations(), name)
}

/// True if `word` has a capital after its first letter and a small letter:
/// "SpaceX", "xAI", "TikTok", not "NATO" or "Pfizer".
fn is_camel_case(word: &str) -> bool {
    // Every listed name is ASCII: bytes are enough, and this runs on every token.
    let bytes = word.as_bytes();
    bytes.len() >= 3
        && bytes[1..].iter().any(u8::is_ascii_uppercase)
        && bytes.iter().any(u8::is_ascii_lowercase)
}

/// True if the untagged `word` is a listed organisation written as its name:
/// in camel case ("SpaceX"), or capitalised and no word besides
/// ("Hezbollah", not "Zoom"; not "HAMAS" in a shouted headline either).
fn is_untagged_name(word: &str) -> bool {
    let capitalised = word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.bytes().skip(1).all(|b| !b.is_ascii_uppercase());
    let plain = capitalised && !ALSO_WORDS.contains(&word.to_ascii_lowercase().as_str());
    (is_camel_case(word) || plain) && is_listed(word)
}

/// The names with each place, person or other name that is a listed
/// organisation made an ORG, and each untagged listed one-word name written
/// as a name added as one.
pub fn mend(text: &str, tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    let mut added = Vec::new();
    for token in tokens {
        let word = token.text(text);
        let range = token.start..token.end;
        if is_untagged_name(word)
            && !names
                .iter()
                .any(|n| n.range.start < range.end && range.start < n.range.end)
        {
            added.push(Name {
                range,
                class: Class::Org,
                confidence: super::RULE_CONFIDENCE,
            });
        }
    }
    if !added.is_empty() {
        // "BioNTech SE" with "SE" tagged alone: one organisation.
        for name in &mut added {
            let next = names.iter().position(|n| {
                n.class == Class::Org
                    && super::one_space_between(text, name.range.end, n.range.start)
            });
            if let Some(i) = next {
                name.range.end = names.remove(i).range.end;
            }
        }
        names.extend(added);
        names.sort_by_key(|n| n.range.start);
    }
    // "General [Staff]": the word before completes a listed name.
    for name in &mut names {
        let first = tokens.partition_point(|t| t.start < name.range.start);
        let Some(before) = first.checked_sub(1).map(|i| &tokens[i]) else {
            continue;
        };
        let spaced = super::one_space_between(text, before.end, name.range.start);
        let capitalised = before.text(text).starts_with(char::is_uppercase);
        if spaced && capitalised && is_listed(&text[before.start..name.range.end]) {
            name.range.start = before.start;
        }
    }
    for name in &mut names {
        if !matches!(name.class, Class::Loc | Class::Per | Class::Misc)
            || !is_listed(&text[name.range.clone()])
        {
            continue;
        }
        let also_place = ALSO_PLACES.contains(&text[name.range.clone()].to_lowercase().as_str());
        let after_the = super::word_before(text, tokens, name.range.start)
            .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        if name.class == Class::Loc && also_place && after_the {
            continue;
        }
        // "Boeing 787", "Airbus A320": the maker's name on a model is a product.
        let before_model = super::word_after(text, tokens, name.range.end)
            .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()));
        if name.class == Class::Misc && before_model {
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
    fn a_listed_organisation_tagged_place_or_person_is_one() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "She posted it on Instagram and Facebook.",
                &[("Instagram", Loc), ("Facebook", Loc)],
                &[("Instagram", Org), ("Facebook", Org)],
            ),
            (
                "A retailer owned by Amazon held meetings.",
                &[("Amazon", Loc)],
                &[("Amazon", Org)],
            ),
            (
                "Wal-Mart cut prices.",
                &[("Wal-Mart", Per)],
                &[("Wal-Mart", Org)],
            ),
            // After "the", only a name that is also a place stays one.
            (
                "A car in the Wal-Mart parking lot.",
                &[("Wal-Mart", Loc)],
                &[("Wal-Mart", Org)],
            ),
            (
                "Fighters of Islamic State fled.",
                &[("Islamic State", Loc)],
                &[("Islamic State", Org)],
            ),
            // Other names too; media with their "The".
            (
                "OpenAI's chatbot was shown.",
                &[("OpenAI", Misc)],
                &[("OpenAI", Org)],
            ),
            (
                "It was reported in The Guardian.",
                &[("The Guardian", Loc)],
                &[("The Guardian", Org)],
            ),
            (
                "Pfizer and Moderna shipped doses.",
                &[("Pfizer", Per), ("Moderna", Loc)],
                &[("Pfizer", Org), ("Moderna", Org)],
            ),
            // An untagged listed name in camel case is added.
            (
                "Pfizer and BioNTech SE raced.",
                &[("Pfizer", Org), ("SE", Org)],
                &[("Pfizer", Org), ("BioNTech SE", Org)],
            ),
            (
                "Elon Musk's SpaceX and xAI grew.",
                &[("Elon Musk", Per)],
                &[("Elon Musk", Per), ("SpaceX", Org), ("xAI", Org)],
            ),
            // So is a capitalised one that is no word besides.
            (
                "Hezbollah fighters clashed as Anthropic grew.",
                &[],
                &[("Hezbollah", Org), ("Anthropic", Org)],
            ),
            // The word the model left out completes a listed name.
            (
                "Ukraine's General Staff said.",
                &[("Ukraine", Loc), ("Staff", Per)],
                &[("Ukraine", Loc), ("General Staff", Org)],
            ),
        ];
        assert_mends(mend, cases);
    }

    #[test]
    fn other_names_stay() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // The river and the rainforest.
            ("Fires burn in the Amazon.", &[("Amazon", Loc)]),
            // Longer names, other classes, unlisted names.
            ("Amazon Basin floods.", &[("Amazon Basin", Loc)]),
            ("The Google Doodle.", &[("Google Doodle", Misc)]),
            ("Born in Paris.", &[("Paris", Loc)]),
            ("Facebook said.", &[("Facebook", Org)]),
            // The word before completes no listed name, or is a word.
            ("Major General Staff Smith spoke.", &[("Smith", Per)]),
            ("The general staff said.", &[]),
            // A product: the maker's name before a model number.
            ("It flew a Boeing 787.", &[("Boeing", Misc)]),
            // Untagged plain words stay words; unlisted camel case stays untagged.
            ("Zoom in on Telegram Road.", &[]),
            ("The iPhone and McCarthy.", &[]),
            ("A Tesla parked.", &[]),
            ("HAMAS SAYS NO; the hamas of it.", &[]),
        ];
        assert_leaves(mend, cases);
    }
}
