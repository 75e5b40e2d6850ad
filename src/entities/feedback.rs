//! The document as evidence for recognition. An unsure name mention takes the
//! label that the rest of the document gives the same name: the label most
//! of its mentions carry ("Zelensky" tagged ORG once beside three PERSON
//! mentions) or, for a name of several words, all its sure mentions carry
//! ("Chasiv Yar" PERSON beside a sure PLACE "Chasiv Yar"), the label of the
//! full name whose surname it is ("Zelensky's" tagged ORG beside "Volodymyr
//! Zelenskyy"), or the label of the list it
//! stands in ("Kharkiv, Odesa and Dnipro"), or the label of the long form an
//! acronym spells ("ECB" tagged MISC beside "European Central Bank"); an
//! acronym a name defines in brackets right after it and that the model
//! left untagged ("European Central Bank (ECB)") is added.
//! Conservative: only mentions the model was unsure of change, and never
//! against a sure mention of the name.

use std::collections::{BTreeMap, BTreeSet};

use super::is_name;
use super::normalize::{transliteration_key, words};
use super::sieve::{bracketed_acronym, initials, looks_like_acronym};
use crate::document::{Annotation, Label};
use crate::span::CharIndex;

/// Only mentions the model was less sure of than this are relabelled.
const UNSURE: f64 = 0.6;

/// How many times more mentions the majority label needs than any other.
const MAJORITY: usize = 3;

/// Relabels unsure name mentions to the label their name mostly has in the
/// document, or the one label a name of several words has in all its sure
/// mentions; returns how many changed.
pub fn relabel_by_majority(annotations: &mut [Annotation]) -> usize {
    let key = |a: &Annotation| -> Vec<String> {
        // Folded without the label-specific legal forms, so labels compare alike.
        words(&a.text, Label::Person)
            .iter()
            .map(|w| transliteration_key(w))
            .collect()
    };
    let mut counts: BTreeMap<Vec<String>, [usize; 3]> = BTreeMap::new();
    let mut sure_counts: BTreeMap<Vec<String>, [usize; 3]> = BTreeMap::new();
    let slot = |label| match label {
        Label::Person => 0,
        Label::Place => 1,
        _ => 2,
    };
    for a in annotations.iter().filter(|a| is_name(a.label)) {
        counts.entry(key(a)).or_default()[slot(a.label)] += 1;
        if !is_unsure(a) {
            sure_counts.entry(key(a)).or_default()[slot(a.label)] += 1;
        }
    }
    let labels = [Label::Person, Label::Place, Label::Org];
    let mut changed = 0;
    // Only an unsure mention may change: the others need no key.
    for a in annotations
        .iter_mut()
        .filter(|a| is_name(a.label) && is_unsure(a))
    {
        let key = key(a);
        let Some(c) = counts.get(&key) else {
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
        let label = if clear && most >= 2 {
            Some(labels[best])
        } else {
            one_sure_label(&key, sure_counts.get(&key)).map(|i| labels[i])
        };
        if let Some(label) = label.filter(|&l| l != a.label) {
            a.label = label;
            changed += 1;
        }
    }
    changed
}

/// The slot of the one label every sure mention of a name of several words
/// gives it, if any: "Chasiv Yar" sure PLACE after "in" settles an unsure
/// PERSON "reached Chasiv Yar". A name of one word ("Jordan") is too often
/// both a person and a place to be settled by one sure mention.
fn one_sure_label(key: &[String], sure: Option<&[usize; 3]>) -> Option<usize> {
    let sure = sure?;
    let mut labels = (0..3).filter(|&i| sure[i] > 0);
    let first = labels.next()?;
    (key.len() >= 2 && labels.next().is_none()).then_some(first)
}

fn is_unsure(a: &Annotation) -> bool {
    a.confidence.is_some_and(|p| p < UNSURE)
}

/// The transliteration keys of a name's words, as a PERSON name.
fn person_key(text: &str) -> Vec<String> {
    words(text, Label::Person)
        .iter()
        .map(|w| transliteration_key(w))
        .collect()
}

/// Relabels as PERSON an unsure one-word PLACE or ORG mention that is the
/// surname of a full PERSON name in the document, unless the word also has a
/// sure PLACE or ORG mention there ("Ford" the company beside "Bill Ford").
/// Returns how many changed.
pub fn relabel_surnames(annotations: &mut [Annotation]) -> usize {
    let mut surnames: BTreeSet<String> = BTreeSet::new();
    let mut sure_other: BTreeSet<Vec<String>> = BTreeSet::new();
    for a in annotations.iter().filter(|a| is_name(a.label)) {
        let key = person_key(&a.text);
        if a.label == Label::Person && key.len() >= 2 && !is_unsure(a) {
            surnames.extend(key.last().cloned());
        } else if a.label != Label::Person && !is_unsure(a) {
            sure_other.insert(key);
        }
    }
    let mut changed = 0;
    for a in annotations.iter_mut() {
        if !matches!(a.label, Label::Place | Label::Org) || !is_unsure(a) {
            continue;
        }
        let key = person_key(&a.text);
        if key.len() == 1 && surnames.contains(&key[0]) && !sure_other.contains(&key) {
            a.label = Label::Person;
            changed += 1;
        }
    }
    changed
}

/// Relabels an acronym the model tagged MISC or was unsure of ("ECB" MISC,
/// "NSDC" PERSON) with the label of the long forms in the document that it
/// spells ("European Central Bank" ORG), when they all share one label and
/// no sure mention of the acronym says otherwise. Returns how many changed.
pub fn relabel_acronyms(annotations: &mut [Annotation]) -> usize {
    let open = |a: &Annotation| a.label == Label::Misc || is_name(a.label) && is_unsure(a);
    if !annotations
        .iter()
        .any(|a| open(a) && looks_like_acronym(&a.text))
    {
        return 0;
    }
    let mut spelled: BTreeMap<String, BTreeSet<Label>> = BTreeMap::new();
    let mut sure: BTreeMap<String, BTreeSet<Label>> = BTreeMap::new();
    for a in annotations.iter().filter(|a| is_name(a.label)) {
        if looks_like_acronym(&a.text) {
            if !is_unsure(a) {
                sure.entry(words(&a.text, a.label).concat())
                    .or_default()
                    .insert(a.label);
            }
            continue;
        }
        // Only a name of two words or more spells an acronym.
        if !a.text.contains(' ') {
            continue;
        }
        for initial in initials(&words(&a.text, a.label)) {
            spelled.entry(initial).or_default().insert(a.label);
        }
    }
    let mut changed = 0;
    for a in annotations.iter_mut() {
        if !open(a) || !looks_like_acronym(&a.text) {
            continue;
        }
        let key = words(&a.text, Label::Misc).concat();
        let Some(labels) = spelled.get(&key) else {
            continue;
        };
        let (Some(&label), 1) = (labels.first(), labels.len()) else {
            continue;
        };
        let contradicted = sure
            .get(&key)
            .is_some_and(|s| s.iter().any(|&l| l != label));
        if label != a.label && !contradicted {
            a.label = label;
            changed += 1;
        }
    }
    changed
}

/// Adds the acronym a name defines in brackets right after it ("European
/// Central Bank (ECB)"), when the model left it untagged and the name's
/// initials spell it and it is no common noun's ("GDP"), with the name's
/// label and confidence. `annotations`
/// are in text order, offsets in code points of `text`. Returns how many
/// were added.
pub fn add_defined_acronyms(
    text: &str,
    index: &CharIndex,
    annotations: &mut Vec<Annotation>,
) -> usize {
    let mut added = Vec::new();
    for (i, a) in annotations.iter().enumerate() {
        if !is_name(a.label) || looks_like_acronym(&a.text) {
            continue;
        }
        let Some(end) = index.byte_of_char(a.end) else {
            continue;
        };
        // Right after one space, so that it starts two bytes on.
        let rest = &text[end..];
        let Some(acronym) = bracketed_acronym(rest).filter(|_| rest.starts_with(" (")) else {
            continue;
        };
        // "Gross Domestic Product (GDP)" tagged ORG is still no name.
        let spelled = !crate::ner::acronyms::is_common_acronym(acronym)
            && initials(&words(&a.text, a.label)).contains(&words(acronym, a.label).concat());
        let start = index.char_of_byte(end + 2);
        let stop = start + acronym.chars().count();
        let tagged = annotations[i + 1..]
            .iter()
            .take_while(|b| b.start < stop)
            .any(|b| b.end > start);
        if spelled && !tagged {
            added.push(Annotation {
                start,
                end: stop,
                label: a.label,
                text: acronym.to_string(),
                value: None,
                confidence: a.confidence,
                source: a.source,
                entity: None,
            });
        }
    }
    let count = added.len();
    if count > 0 {
        annotations.extend(added);
        annotations.sort_by_key(|a| (a.start, a.end));
    }
    count
}

/// What may stand between two members of a list of names.
const LIST_SEPARATORS: [&str; 6] = [",", ", ", ", and ", " and ", ", or ", " or "];

/// Relabels an unsure name mention in a list of three or more names whose
/// other members all share one label, sure ones ("struck Kharkiv, Odesa and
/// Dnipro"). `annotations` are in text order, offsets in code points of
/// `text`. Returns how many changed.
pub fn relabel_lists(text: &str, index: &CharIndex, annotations: &mut [Annotation]) -> usize {
    let gap = |a: &Annotation, b: &Annotation| -> Option<&str> {
        let (from, to) = (index.byte_of_char(a.end)?, index.byte_of_char(b.start)?);
        text.get(from..to)
    };
    // Runs of consecutive name mentions joined by list separators, with at
    // least one comma: "A and B" alone is not a list.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut comma = false;
    for i in 0..=annotations.len() {
        let joined = i > 0
            && i < annotations.len()
            && is_name(annotations[i - 1].label)
            && is_name(annotations[i].label)
            && gap(&annotations[i - 1], &annotations[i])
                .is_some_and(|g| LIST_SEPARATORS.contains(&g));
        if joined {
            comma |= gap(&annotations[i - 1], &annotations[i]).is_some_and(|g| g.contains(','));
            continue;
        }
        if i - start >= 3 && comma {
            runs.push((start, i));
        }
        start = i;
        comma = false;
    }
    let mut changed = 0;
    for (from, to) in runs {
        let members = &annotations[from..to];
        let odd: Vec<usize> = (from..to)
            .filter(|&i| {
                members
                    .iter()
                    .filter(|m| m.label != annotations[i].label)
                    .count()
                    == members.len() - 1
            })
            .collect();
        // Exactly one member differs from all the others, which agree and are sure.
        if let [i] = odd[..] {
            let others: Vec<&Annotation> = (from..to)
                .filter(|&j| j != i)
                .map(|j| &annotations[j])
                .collect();
            let label = others[0].label;
            if others.iter().all(|o| o.label == label && !is_unsure(o))
                && is_unsure(&annotations[i])
            {
                annotations[i].label = label;
                changed += 1;
            }
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

    use Label::{Misc, Org, Person as P, Place};

    #[test]
    fn an_untagged_acronym_defined_in_brackets_is_added() {
        let text = "The European Central Bank (ECB), the Security Service of Ukraine (SBU) and the Federal Security Service (FSB) met. The Kremlin (Moscow) said. Gross Domestic Product (GDP) rose.";
        let index = CharIndex::new(text);
        let at = |s: &str, label: Label| {
            let start = text.find(s).unwrap();
            Annotation {
                start: index.char_of_byte(start),
                end: index.char_of_byte(start + s.len()),
                ..mention(label, s, Some(0.9))
            }
        };
        // "FSB" spells the Russian name, not the English one: left alone.
        let mut annotations = vec![
            at("European Central Bank", Org),
            at("Security Service of Ukraine", Org),
            at("SBU", Org),
            at("Federal Security Service", Org),
            at("Kremlin", Org),
            at("Moscow", Place),
            at("Gross Domestic Product", Org),
        ];
        assert_eq!(add_defined_acronyms(text, &index, &mut annotations), 1);
        let found: Vec<(&str, Label)> = annotations
            .iter()
            .map(|a| (a.text.as_str(), a.label))
            .collect();
        assert_eq!(
            found,
            [
                ("European Central Bank", Org),
                ("ECB", Org),
                ("Security Service of Ukraine", Org),
                ("SBU", Org),
                ("Federal Security Service", Org),
                ("Kremlin", Org),
                ("Moscow", Place),
                ("Gross Domestic Product", Org)
            ]
        );
        let ecb = &annotations[1];
        let bytes = index.byte_of_char(ecb.start).unwrap()..index.byte_of_char(ecb.end).unwrap();
        assert_eq!(&text[bytes], "ECB");
    }

    #[test]
    fn an_acronym_takes_the_label_of_the_long_form_it_spells() {
        type Mentions<'a> = &'a [(Label, &'a str, Option<f64>)];
        let cases: &[(Mentions, &[Label])] = &[
            // MISC, sure or not, and an unsure name take the long form's label.
            (
                &[
                    (Org, "European Central Bank", Some(0.98)),
                    (Misc, "ECB", Some(0.9)),
                ],
                &[Org, Org],
            ),
            (
                &[
                    (Org, "National Security and Defense Council", Some(0.9)),
                    (P, "NSDC", Some(0.4)),
                ],
                &[Org, Org],
            ),
            (
                &[
                    (Place, "Democratic Republic of Congo", Some(0.9)),
                    (Org, "DRC", Some(0.5)),
                ],
                &[Place, Place],
            ),
            // A sure name stays; so does one whose long forms disagree, or
            // that a sure mention of the acronym contradicts.
            (
                &[(Org, "Islamic State", Some(0.9)), (Place, "IS", Some(0.9))],
                &[Org, Place],
            ),
            (
                &[
                    (Org, "Central Bank", Some(0.9)),
                    (P, "Charles Brown", Some(0.9)),
                    (Misc, "CB", Some(0.9)),
                ],
                &[Org, P, Misc],
            ),
            (
                &[
                    (Org, "European Central Bank", Some(0.9)),
                    (Place, "ECB", Some(0.9)),
                    (Misc, "ECB", Some(0.5)),
                ],
                &[Org, Place, Misc],
            ),
            // Not an acronym, or no long form spells it.
            (
                &[
                    (Org, "European Central Bank", Some(0.9)),
                    (Misc, "Ecb", Some(0.5)),
                ],
                &[Org, Misc],
            ),
            (&[(Misc, "NATO", Some(0.5))], &[Misc]),
        ];
        for &(mentions, expected) in cases {
            let mut annotations: Vec<Annotation> = mentions
                .iter()
                .map(|&(label, text, confidence)| mention(label, text, confidence))
                .collect();
            relabel_acronyms(&mut annotations);
            let labels: Vec<Label> = annotations.iter().map(|a| a.label).collect();
            assert_eq!(labels, expected, "{mentions:?}");
        }
    }

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
            // A name of several words: one sure mention settles the unsure.
            (
                &[
                    (Place, "Chasiv Yar", Some(0.85)),
                    (P, "Chasiv Yar", Some(0.47)),
                ],
                &[Place, Place],
            ),
            // Unless the sure mentions disagree.
            (
                &[
                    (Place, "New York", Some(0.9)),
                    (Org, "New York", Some(0.9)),
                    (P, "New York", Some(0.4)),
                ],
                &[Place, Org, P],
            ),
            // Only unsure ones change: two sure labels stay.
            (
                &[
                    (Place, "Santa Clara", Some(0.9)),
                    (Org, "Santa Clara", Some(0.7)),
                ],
                &[Place, Org],
            ),
        ];
        for (mentions, expected) in cases {
            let mut annotations: Vec<Annotation> =
                mentions.iter().map(|&(l, t, c)| mention(l, t, c)).collect();
            relabel_by_majority(&mut annotations);
            let labels: Vec<Label> = annotations.iter().map(|a| a.label).collect();
            assert_eq!(&labels, expected, "{mentions:?}");
        }
    }

    /// A piece of text, a mention when it has a label (and a confidence).
    type Piece<'a> = (&'a str, Option<(Label, Option<f64>)>);

    /// A text of pieces, with the mentions among them.
    fn document(pieces: &[Piece]) -> (String, Vec<Annotation>) {
        let mut text = String::new();
        let mut annotations = Vec::new();
        for &(piece, mark) in pieces {
            let start = text.chars().count();
            text.push_str(piece);
            if let Some((label, confidence)) = mark {
                let mut a = mention(label, piece, confidence);
                a.start = start;
                a.end = start + piece.chars().count();
                annotations.push(a);
            }
        }
        (text, annotations)
    }

    fn labels_after(pieces: &[Piece], rule: fn(&str, &mut [Annotation]) -> usize) -> Vec<Label> {
        let (text, mut annotations) = document(pieces);
        rule(&text, &mut annotations);
        annotations.iter().map(|a| a.label).collect()
    }

    const SURE: Option<f64> = Some(0.95);
    const SHY: Option<f64> = Some(0.5);

    #[test]
    fn an_unsure_surname_takes_the_label_of_its_full_name() {
        let surnames = |_: &str, a: &mut [Annotation]| relabel_surnames(a);
        type Case<'a> = (&'a [Piece<'a>], &'a [Label]);
        let cases: &[Case] = &[
            (
                &[
                    ("Volodymyr Zelenskyy", Some((P, SURE))),
                    (" said. ", None),
                    ("Zelensky", Some((Org, SHY))),
                    ("'s aide", None),
                ],
                &[P, P],
            ),
            (
                &[
                    ("Rustem Umerov", Some((P, SURE))),
                    (" met ", None),
                    ("Umerov", Some((Place, SHY))),
                ],
                &[P, P],
            ),
            // False positives: a sure mention of the word as a company stays
            // evidence against; a sure label never changes; an unsure full
            // name is no evidence; two words are not a surname.
            (
                &[
                    ("Bill Ford", Some((P, SURE))),
                    (" and ", None),
                    ("Ford", Some((Org, SURE))),
                    (" and ", None),
                    ("Ford", Some((Org, SHY))),
                ],
                &[P, Org, Org],
            ),
            (
                &[
                    ("Michael Jordan", Some((P, SURE))),
                    (" in ", None),
                    ("Jordan", Some((Place, SURE))),
                ],
                &[P, Place],
            ),
            (
                &[
                    ("Anna Smith", Some((P, SHY))),
                    (" of ", None),
                    ("Smith", Some((Org, SHY))),
                ],
                &[P, Org],
            ),
            (
                &[
                    ("John Lewis", Some((P, SURE))),
                    (" at ", None),
                    ("John Lewis Partnership", Some((Org, SHY))),
                ],
                &[P, Org],
            ),
        ];
        for (pieces, expected) in cases {
            assert_eq!(&labels_after(pieces, surnames), expected, "{pieces:?}");
        }
    }

    #[test]
    fn an_unsure_member_of_a_list_takes_the_label_of_the_others() {
        let lists =
            |text: &str, a: &mut [Annotation]| relabel_lists(text, &CharIndex::new(text), a);
        type Case<'a> = (&'a [Piece<'a>], &'a [Label]);
        let cases: &[Case] = &[
            (
                &[
                    ("Drones struck ", None),
                    ("Kharkiv", Some((Place, SURE))),
                    (", ", None),
                    ("Odesa", Some((Org, SHY))),
                    (" and ", None),
                    ("Dnipro", Some((Place, SURE))),
                ],
                &[Place, Place, Place],
            ),
            (
                &[
                    ("😀 ", None),
                    ("Київ", Some((Place, SURE))),
                    (", ", None),
                    ("Lviv", Some((Place, SURE))),
                    (", and ", None),
                    ("Kherson", Some((Org, SHY))),
                ],
                &[Place, Place, Place],
            ),
            // False positives: two names are not a list; a sure member stays;
            // other words between names break the list; no majority, no change.
            (
                &[
                    ("Reuters", Some((Org, SURE))),
                    (" and ", None),
                    ("Lviv", Some((Place, SHY))),
                ],
                &[Org, Place],
            ),
            (
                &[
                    ("Apple", Some((Org, SURE))),
                    (", ", None),
                    ("Amazon", Some((Org, SURE))),
                    (" and ", None),
                    ("Georgia", Some((Place, SURE))),
                ],
                &[Org, Org, Place],
            ),
            (
                &[
                    ("Kharkiv", Some((Place, SURE))),
                    (", said ", None),
                    ("Odesa", Some((Org, SHY))),
                    (", and ", None),
                    ("Dnipro", Some((Place, SURE))),
                ],
                &[Place, Org, Place],
            ),
            (
                &[
                    ("Smith", Some((P, SURE))),
                    (", ", None),
                    ("Reuters", Some((Org, SHY))),
                    (", ", None),
                    ("London", Some((Place, SURE))),
                ],
                &[P, Org, Place],
            ),
        ];
        for (pieces, expected) in cases {
            assert_eq!(&labels_after(pieces, lists), expected, "{pieces:?}");
        }
    }
}
