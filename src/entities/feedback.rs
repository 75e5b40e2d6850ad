//! Grouping as evidence for recognition: when most mentions of one name in a
//! document carry one label, an unsure mention of the same name with another
//! label takes it ("Zelensky" tagged ORG once beside three PERSON mentions).
//! Conservative: a clear majority, and only over low-confidence mentions.

use std::collections::BTreeMap;

use super::is_name;
use super::normalize::{transliteration_key, words};
use crate::document::{Annotation, Label};

/// Only mentions the model was less sure of than this are relabelled.
const UNSURE: f64 = 0.6;

/// How many times more mentions the majority label needs than any other.
const MAJORITY: usize = 3;

/// Relabels unsure name mentions to the label their name mostly has in the
/// document; returns how many changed.
pub fn relabel_by_majority(annotations: &mut [Annotation]) -> usize {
    let key = |a: &Annotation| -> Vec<String> {
        // Folded without the label-specific legal forms, so labels compare alike.
        words(&a.text, Label::Person)
            .iter()
            .map(|w| transliteration_key(w))
            .collect()
    };
    let mut counts: BTreeMap<Vec<String>, [usize; 3]> = BTreeMap::new();
    let slot = |label| match label {
        Label::Person => 0,
        Label::Place => 1,
        _ => 2,
    };
    for a in annotations.iter().filter(|a| is_name(a.label)) {
        counts.entry(key(a)).or_default()[slot(a.label)] += 1;
    }
    let labels = [Label::Person, Label::Place, Label::Org];
    let mut changed = 0;
    for a in annotations.iter_mut().filter(|a| is_name(a.label)) {
        let Some(c) = counts.get(&key(a)) else {
            continue;
        };
        let (best, &most) = c
            .iter()
            .enumerate()
            .max_by_key(|&(_, n)| n)
            .expect("three labels");
        let clear = c
            .iter()
            .enumerate()
            .all(|(i, &n)| i == best || n * MAJORITY <= most);
        let unsure = a.confidence.is_some_and(|p| p < UNSURE);
        if clear && most >= 2 && unsure && a.label != labels[best] {
            a.label = labels[best];
            changed += 1;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Source;

    fn mention(label: Label, text: &str, confidence: Option<f64>) -> Annotation {
        Annotation {
            start: 0,
            end: text.chars().count(),
            label,
            text: text.into(),
            value: None,
            confidence,
            source: if confidence.is_some() {
                Source::Model
            } else {
                Source::Person
            },
            entity: None,
        }
    }

    use Label::{Org, Person as P, Place};

    #[test]
    fn an_unsure_minority_label_yields_to_a_clear_majority() {
        // (mentions, labels after)
        type Mentions<'a> = &'a [(Label, &'a str, Option<f64>)];
        let cases: &[(Mentions, &[Label])] = &[
            (
                &[
                    (P, "Zelensky", Some(0.9)),
                    (P, "Zelenskyy", Some(0.9)),
                    (P, "Zelensky", Some(0.8)),
                    (Org, "Zelensky", Some(0.4)),
                ],
                &[P, P, P, P],
            ),
            // A sure minority stays: a team named after its city.
            (
                &[
                    (Place, "Washington", Some(0.9)),
                    (Place, "Washington", Some(0.9)),
                    (Place, "Washington", Some(0.9)),
                    (Org, "Washington", Some(0.8)),
                ],
                &[Place, Place, Place, Org],
            ),
            // No clear majority: two to one is not enough.
            (
                &[
                    (P, "Jordan", Some(0.9)),
                    (P, "Jordan", Some(0.9)),
                    (Place, "Jordan", Some(0.3)),
                ],
                &[P, P, Place],
            ),
            // The person's own labels are evidence but never change.
            (
                &[
                    (Org, "Apple", None),
                    (Org, "Apple", None),
                    (Org, "Apple", None),
                    (P, "Apple", None),
                ],
                &[Org, Org, Org, P],
            ),
            // A lone mention has nothing to go by.
            (&[(Org, "Kyiv", Some(0.2))], &[Org]),
        ];
        for (mentions, expected) in cases {
            let mut annotations: Vec<Annotation> =
                mentions.iter().map(|&(l, t, c)| mention(l, t, c)).collect();
            relabel_by_majority(&mut annotations);
            let labels: Vec<Label> = annotations.iter().map(|a| a.label).collect();
            assert_eq!(&labels, expected, "{mentions:?}");
        }
    }
}
