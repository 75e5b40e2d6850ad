//! A participle that opens a sentence is no name, after the name model:
//! "Born in England, Norton spent..." gave "Born" PLACE at 0.93, as the
//! model knows capitalised words before "in" mostly as places, and
//! Wikipedia's biographies open sentences so.
//!
//! [`drop`] removes a one-word name at a sentence start that is one of
//! [`PARTICIPLES`] when a preposition follows it.

use super::Name;
use crate::tokenize::Token;

/// Past participles that open a sentence about where someone or something
/// is from or was ("Born in", "Based in", "Raised by").
pub const PARTICIPLES: &[&str] = &[
    "Based",
    "Born",
    "Buried",
    "Educated",
    "Elected",
    "Founded",
    "Headquartered",
    "Located",
    "Married",
    "Raised",
    "Situated",
    "Stationed",
    "Trained",
];

/// Prepositions after such a participle.
const PREPOSITIONS: &[&str] = &["at", "by", "in", "into", "near", "on", "to"];

/// True if the token before byte `start` ends a sentence, or there is none.
fn at_sentence_start(text: &str, tokens: &[Token], start: usize) -> bool {
    match super::word_before(text, tokens, start) {
        None => true,
        Some(w) => {
            matches!(w, "." | "!" | "?" | "\"" | "“" | "(" | ":" | ";")
                || super::at_line_start(text, start)
        }
    }
}

/// The names without each sentence-opening participle before a preposition.
pub fn drop(text: &str, tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    names.retain(|name| {
        let word = &text[name.range.clone()];
        if !PARTICIPLES.contains(&word) {
            return true;
        }
        let next = super::word_after(text, tokens, name.range.end);
        !(next.is_some_and(|w| PREPOSITIONS.contains(&w))
            && at_sentence_start(text, tokens, name.range.start))
    });
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{assert_leaves, assert_mends, Tagged};
    use crate::ner::tags::Class;

    #[test]
    fn an_opening_participle_before_a_preposition_is_no_name() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "Born in England, Norton moved.",
                &[("Born", Loc), ("England", Loc), ("Norton", Per)],
                &[("England", Loc), ("Norton", Per)],
            ),
            (
                "He left. Based in Paris, the firm grew.",
                &[("Based", Loc), ("Paris", Loc)],
                &[("Paris", Loc)],
            ),
        ];
        assert_mends(drop, cases);
    }

    #[test]
    fn names_stay() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // Max Born the physicist; not before a preposition; not at a sentence start.
            ("Max Born won.", &[("Max Born", Per)]),
            ("Born said so.", &[("Born", Per)]),
            (
                "They met Born in Berlin.",
                &[("Born", Per), ("Berlin", Loc)],
            ),
        ];
        assert_leaves(drop, cases);
    }
}
