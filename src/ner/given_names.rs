//! A Ukrainian or Russian person's name, after the name model: it learnt
//! given names from 1996 Reuters and the US census, so "Kirill Dmitriev flew
//! to Miami" gave "Dmitriev" PERSON at 0.27 without "Kirill", and "Kirill
//! Dmitriev, head of the fund" at the start of a sentence nothing at all.
//!
//! [`mend`] finds a capitalised given name of
//! `data/names/given_names_east_slavic.txt` ("Kirill", "Oleksandr",
//! "Vyacheslav") followed, one space apart, by one or two capitalised words,
//! the last with a surname's ending ("-ov", "-enko", "-sky", "-chuk"), and no
//! capitalised word after them ("Taras Shevchenko National University" is
//! left). When nothing but PERSON names lies on those words, they become one
//! PERSON name.

use std::sync::OnceLock;

use super::tags::Class;
use super::Name;
use crate::tokenize::Token;

const GIVEN_NAMES: &str = include_str!("../../data/names/given_names_east_slavic.txt");

/// Endings of Ukrainian and Russian surnames in English spelling, and of
/// patronymics.
const SURNAME_ENDINGS: &[&str] = &[
    "chuk", "enko", "ev", "eva", "ich", "in", "ina", "iv", "ko", "ky", "kyi", "na", "ov", "ova",
    "sky", "skyi", "skiy", "uk", "yn", "yna", "ych",
];

fn given_names() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&str>> = OnceLock::new();
    super::word_list(GIVEN_NAMES, &LIST)
}

/// True if `word` is written like a name ([`super::is_name_word`]) and has
/// three letters or more.
fn is_name_word(word: &str) -> bool {
    word.chars().nth(2).is_some() && super::is_name_word(word)
}

fn has_surname_ending(word: &str) -> bool {
    SURNAME_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// The names with each person named with a listed given name made one
/// PERSON name (confidence [`super::RULE_CONFIDENCE`]), in text order.
pub fn mend(text: &str, tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    let word = |i: usize| tokens[i].text(text);
    let adjacent = |i: usize| super::one_space_between(text, tokens[i].end, tokens[i + 1].start);
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < tokens.len() {
        if !is_name_word(word(i)) || !super::in_list(given_names(), word(i)) {
            i += 1;
            continue;
        }
        // The capitalised words after the given name, one space apart.
        let mut end = i + 1;
        while end < tokens.len() && adjacent(end - 1) && is_name_word(word(end)) {
            end += 1;
        }
        let capitalised_after =
            end < tokens.len() && adjacent(end - 1) && word(end).starts_with(char::is_uppercase);
        if (2..=3).contains(&(end - i)) && !capitalised_after && has_surname_ending(word(end - 1)) {
            found.push(tokens[i].start..tokens[end - 1].end);
        }
        i = end;
    }
    let mut added = Vec::new();
    for range in found {
        let overlapping = |n: &Name| n.range.start < range.end && range.start < n.range.end;
        if names
            .iter()
            .any(|n| overlapping(n) && n.class != Class::Per)
        {
            continue;
        }
        let confidence = names
            .iter()
            .filter(|n| overlapping(n))
            .map(|n| n.confidence)
            .fold(super::RULE_CONFIDENCE, f32::max);
        names.retain(|n| !overlapping(n));
        added.push(Name {
            range,
            class: Class::Per,
            confidence,
        });
    }
    super::merged(names, added)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{assert_leaves, assert_mends, Tagged};

    #[test]
    fn a_listed_given_name_and_a_surname_are_a_person() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "Kirill Dmitriev, head of the fund, flew to Miami.",
                &[("Miami", Loc)],
                &[("Kirill Dmitriev", Per), ("Miami", Loc)],
            ),
            (
                "Envoy Kirill Dmitriev flew.",
                &[("Dmitriev", Per)],
                &[("Kirill Dmitriev", Per)],
            ),
            (
                "Vladimir Vladimirovich Putin spoke.",
                &[],
                &[("Vladimir Vladimirovich Putin", Per)],
            ),
            (
                "Said Oleksandr Prokudin.",
                &[("Oleksandr Prokudin", Per)],
                &[("Oleksandr Prokudin", Per)],
            ),
        ];
        assert_mends(mend, cases);
    }

    #[test]
    fn other_words_stay() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // No surname's ending, more capitalised words, another label,
            // a given name alone, a lowercase word.
            ("Ivan Franko Park opened.", &[]),
            ("Ivan Petrov Street opened.", &[]),
            ("Taras Shevchenko National University.", &[]),
            (
                "The Ivan Petrov Foundation.",
                &[("Ivan Petrov Foundation", Org)],
            ),
            ("Boris Johnson said.", &[("Boris Johnson", Per)]),
            ("Oleg said; ivan petrov too.", &[]),
            ("Ivan Kozlov", &[("Ivan Kozlov", Org)]),
        ];
        assert_leaves(mend, cases);
    }
}
