//! A name right after a person's title is a person's, after the name model:
//! it gave "Mayor-elect Zohran Mamdani" ORG at 0.98, as a name it never saw
//! after a title it rarely saw, though CoNLL-2003, which it learnt from,
//! names a person after such a title 646 times in 650.
//!
//! [`mend`] makes an ORG or PLACE name of two or three capitalised words a
//! PERSON when the word right before it, one space away and untagged, is a
//! title ([`super::titles::is_title`]: "Mayor", "Envoy", "President-elect")
//! and the name is no listed organisation, no known place and does not end
//! in an organisation's head word ("Senator Smith Foundation").
//!
//! A name ending in a regnal number ("Pope Leo XIV" had ORG, "Charles III")
//! is a person's too, when a royal style ([`STYLES`]) or a given name opens it.

use super::tags::Class;
use super::{institutions, organisations, titles, Name};
use crate::places::gazetteer;
use crate::tokenize::Token;

/// Styles that open a monarch's or a pope's name with a regnal number.
const STYLES: &[&str] = &[
    "Emperor", "Empress", "King", "Pope", "Prince", "Princess", "Queen", "Sultan", "Tsar",
];

/// True if `word` is a regnal number: "III", "XIV"; a lone "I", "V" or "X"
/// only after a style ("Elon X" is no king).
fn is_regnal(word: &str, after_style: bool) -> bool {
    (word.len() >= 2 || after_style)
        && word.len() <= 6
        && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
}

/// True if the name's `words` are a monarch's or a pope's with a regnal number.
fn is_regnal_name(words: &[&str]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let styled = STYLES.contains(first);
    (2..=4).contains(&words.len())
        && is_regnal(last, styled)
        && (styled || words.len() == 2 && super::listed(super::gazetteer::List::FirstName, first))
}

/// The names with each organisation or place named right after a person's
/// title made a PERSON (confidence at most [`super::RULE_CONFIDENCE`]).
pub fn mend(text: &str, tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    for i in 0..names.len() {
        let name = &names[i];
        if !matches!(name.class, Class::Org | Class::Loc) {
            continue;
        }
        let whole = &text[name.range.clone()];
        let words: Vec<&str> = whole.split(' ').collect();
        if is_regnal_name(&words) {
            let name = &mut names[i];
            name.class = Class::Per;
            name.confidence = name.confidence.min(super::RULE_CONFIDENCE);
            continue;
        }
        if !(2..=3).contains(&words.len()) || !words.iter().all(|w| super::is_name_word(w)) {
            continue;
        }
        let before = tokens.partition_point(|t| t.end <= name.range.start);
        let Some(title) = before.checked_sub(1).map(|b| &tokens[b]) else {
            continue;
        };
        let untagged = i == 0 || names[i - 1].range.end <= title.start;
        let last = words[words.len() - 1];
        if untagged
            && super::one_space_between(text, title.end, name.range.start)
            && titles::is_title(title.text(text))
            && !organisations::is_listed(whole)
            && !super::in_list(institutions::heads(), last)
            && gazetteer::lookup(whole).is_empty()
        {
            let name = &mut names[i];
            name.class = Class::Per;
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
    fn a_name_after_a_title_is_a_person() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "Mayor-elect Zohran Mamdani spoke.",
                &[("Zohran Mamdani", Org)],
                &[("Zohran Mamdani", Per)],
            ),
            (
                "U.S. Envoy Steve Witkoff met Kremlin aide Yuri Ushakov.",
                &[
                    ("U.S.", Loc),
                    ("Steve Witkoff", Loc),
                    ("Kremlin", Org),
                    ("Yuri Ushakov", Org),
                ],
                &[
                    ("U.S.", Loc),
                    ("Steve Witkoff", Per),
                    ("Kremlin", Org),
                    ("Yuri Ushakov", Per),
                ],
            ),
            (
                "Pope Leo XIV and King Charles III met; Henry VIII wed.",
                &[
                    ("Pope Leo XIV", Org),
                    ("King Charles III", Loc),
                    ("Henry VIII", Org),
                ],
                &[
                    ("Pope Leo XIV", Per),
                    ("King Charles III", Per),
                    ("Henry VIII", Per),
                ],
            ),
        ];
        assert_mends(mend, cases);
    }

    #[test]
    fn other_names_after_a_title_stay() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // A listed organisation, a known place, an organisation's head,
            // one word, no title, a tagged title, no space.
            ("Minister Wagner Group fighters.", &[("Wagner Group", Org)]),
            ("President New York spoke.", &[("New York", Loc)]),
            (
                "Senator Smith Foundation gave.",
                &[("Smith Foundation", Org)],
            ),
            ("President Gazprom spoke.", &[("Gazprom", Org)]),
            (
                "Shares of Nordvik Shipping rose.",
                &[("Nordvik Shipping", Org)],
            ),
            (
                "The Premier League Darts Tour.",
                &[("Premier League", Org), ("Darts Tour", Org)],
            ),
            (
                "Mayor, Nordvik Shipping said.",
                &[("Nordvik Shipping", Org)],
            ),
        ];
        assert_leaves(mend, cases);
    }
}
