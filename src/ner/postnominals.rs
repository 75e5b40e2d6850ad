//! Post-nominal letters after a person's name, after the name model:
//! "Charles W. Murphy, M.D., Ph.D." names one person, but the model, taught
//! on 1996 Reuters datelines where "Md." is Maryland, tags "M.D." a place.
//!
//! [`drop`] removes a name that is one of `data/names/postnominals.txt`
//! (degrees, licences, honours) standing right after a person's name and a
//! comma, or after another such letters and a comma.

use std::sync::OnceLock;

use super::tags::Class;
use super::Name;
use crate::tokenize::Token;

const POSTNOMINALS: &str = include_str!("../../data/names/postnominals.txt");

/// The list: lowercase, sorted.
fn postnominals() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&str>> = OnceLock::new();
    super::word_list(POSTNOMINALS, &LIST)
}

fn is_postnominal(text: &str) -> bool {
    super::in_list(postnominals(), text)
}

/// The names without post-nominal letters taken for names.
pub fn drop(text: &str, _tokens: &[Token], names: Vec<Name>) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::with_capacity(names.len());
    // Where the last person's name, or the letters after it, end.
    let mut person_end = None;
    for name in names {
        let after_person = person_end.is_some_and(|end| text[end..name.range.start].trim() == ",");
        if after_person && name.class != Class::Per && is_postnominal(&text[name.range.clone()]) {
            person_end = Some(name.range.end);
            continue;
        }
        person_end = (name.class == Class::Per).then_some(name.range.end);
        out.push(name);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{assert_leaves, assert_mends, Tagged};

    #[test]
    fn letters_after_a_person_are_no_name() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "Charles W. Murphy, M.D., has been named a professor.",
                &[("Charles W. Murphy", Per), ("M.D.", Loc)],
                &[("Charles W. Murphy", Per)],
            ),
            (
                "Maury Rosenstein, M.D., Ph.D., spoke in Boston.",
                &[
                    ("Maury Rosenstein", Per),
                    ("M.D.", Loc),
                    ("Ph.D.", Org),
                    ("Boston", Loc),
                ],
                &[("Maury Rosenstein", Per), ("Boston", Loc)],
            ),
            (
                "Jane Doe, MBA, joined.",
                &[("Jane Doe", Per), ("MBA", Org)],
                &[("Jane Doe", Per)],
            ),
        ];
        assert_mends(drop, cases);
    }

    #[test]
    fn other_names_stay() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // Not after a person and a comma.
            (
                "Baltimore, Md., voted.",
                &[("Baltimore", Loc), ("Md.", Loc)],
            ),
            ("Doctors in MD clinics.", &[("MD", Loc)]),
            (
                "Smith and MD Anderson.",
                &[("Smith", Per), ("MD Anderson", Org)],
            ),
            // A place after a person and a comma.
            (
                "John Smith, Boston, wrote.",
                &[("John Smith", Per), ("Boston", Loc)],
            ),
        ];
        assert_leaves(drop, cases);
    }
}
