//! The annotation labels of the export format, defined once: the [`Label`]
//! enum and the [`LABELS`] table, one row per label with every fact the CLI
//! and the page need. The page reads the table through the wasm binding
//! (`labels()`) and lists no label itself; `tests/label_table.rs` checks that
//! the schema, the CSS and the format description agree with it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// What an annotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    /// A person, real or fictional.
    Person,
    /// A place: country, region, city, geographic feature.
    Place,
    /// An organisation: company, agency, team, party.
    Org,
    /// Any other name: a nationality, an event, a work, a product
    /// (CoNLL-2003's MISC). Not an entity: it has no `entity` id.
    Misc,
    /// A calendar date or period (TIMEX3 DATE).
    Date,
    /// A time of day, possibly with a date (TIMEX3 TIME).
    Time,
    /// A length of time, "three years" (TIMEX3 DURATION).
    Duration,
    /// A recurring time, "every Monday" (TIMEX3 SET).
    Set,
}

/// One label's facts, as the page receives them from `labels()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LabelInfo {
    /// The label itself (not sent to the page: `name` stands for it there).
    #[serde(skip)]
    pub label: Label,
    /// As written in JSON and in the page: "PERSON". The page's CSS keys
    /// its colours by it (`[data-label="PERSON"]`, `--PERSON-bg`, `--PERSON-fg`).
    pub name: &'static str,
    /// Readable name: "Person".
    pub title: &'static str,
    /// The key that applies the label in the page, a lower-case letter.
    pub key: char,
    /// Carries a TIMEX3 `value`.
    pub temporal: bool,
    /// Shown when the page opens. MISC, DURATION and SET start hidden: they
    /// are frequent in news text and rarely what a reader looks for.
    pub shown_by_default: bool,
    /// The version of the export format that has the label first (`gloss/N`):
    /// a page restoring a state saved before it shows the label as by default.
    pub since: u8,
}

const fn row(
    label: Label,
    name: &'static str,
    title: &'static str,
    key: char,
    temporal: bool,
    shown_by_default: bool,
    since: u8,
) -> LabelInfo {
    LabelInfo {
        label,
        name,
        title,
        key,
        temporal,
        shown_by_default,
        since,
    }
}

/// Every label, in display order (the order of [`Label`]).
pub const LABELS: [LabelInfo; 8] = [
    row(Label::Person, "PERSON", "Person", 'p', false, true, 1),
    row(Label::Place, "PLACE", "Place", 'l', false, true, 1),
    row(Label::Org, "ORG", "Organisation", 'o', false, true, 1),
    row(Label::Misc, "MISC", "Other name", 'm', false, false, 3),
    row(Label::Date, "DATE", "Date", 'd', true, true, 1),
    row(Label::Time, "TIME", "Time", 't', true, true, 1),
    row(Label::Duration, "DURATION", "Duration", 'u', true, false, 1),
    row(Label::Set, "SET", "Recurring time", 's', true, false, 1),
];

// Row i describes the label with discriminant i, so `Label::info` is an index.
const _: () = {
    let mut i = 0;
    while i < LABELS.len() {
        assert!(
            LABELS[i].label as usize == i,
            "LABELS must follow the order of Label"
        );
        i += 1;
    }
};

/// The wire names, for serde's "expected one of" message.
const NAMES: [&str; LABELS.len()] = {
    let mut names = [""; LABELS.len()];
    let mut i = 0;
    while i < LABELS.len() {
        names[i] = LABELS[i].name;
        i += 1;
    }
    names
};

impl Label {
    /// Every label, in display order.
    pub const ALL: [Label; LABELS.len()] = {
        let mut all = [Label::Person; LABELS.len()];
        let mut i = 0;
        while i < LABELS.len() {
            all[i] = LABELS[i].label;
            i += 1;
        }
        all
    };

    /// This label's row of [`LABELS`].
    pub fn info(self) -> &'static LabelInfo {
        &LABELS[self as usize]
    }

    /// The label as written in JSON and in the page ("PERSON").
    pub fn as_str(self) -> &'static str {
        self.info().name
    }

    /// True for the temporal labels, which carry a TIMEX3 `value`.
    pub fn is_temporal(self) -> bool {
        self.info().temporal
    }

    /// The label written `name` ("PERSON"), if there is one.
    pub fn from_name(name: &str) -> Option<Label> {
        LABELS.iter().find(|l| l.name == name).map(|l| l.label)
    }

    /// The label an imported file means by `name`: Gloss's own names, or
    /// another tool's ([`FOREIGN_NAMES`]), in any case ("per", "B-LOC"'s
    /// "LOC", "Location"). `None` for a label Gloss has no counterpart of
    /// (MONEY, PERCENT, CARDINAL…).
    pub fn from_foreign_name(name: &str) -> Option<Label> {
        let upper = name.trim().to_ascii_uppercase();
        Label::from_name(&upper).or_else(|| {
            FOREIGN_NAMES
                .binary_search_by(|(n, _)| n.cmp(&upper.as_str()))
                .ok()
                .map(|i| FOREIGN_NAMES[i].1)
        })
    }
}

/// Other tools' names of Gloss's labels, upper case, sorted: CoNLL-2003
/// (`PER`, `LOC`, `ORG`), OntoNotes 5 as spaCy tags it (`GPE`, `FAC`, `LOC`,
/// `DATE`, `TIME`), MUC-7 and Stanford NER (`LOCATION`, `ORGANIZATION`),
/// WNUT-17 (`GEO-LOC`, `CORPORATION`, `GROUP`, `CREATIVE-WORK`,
/// `PRODUCT`), TimeML's TIMEX3 types. Where one tool splits what Gloss calls
/// one label, each part maps to it: OntoNotes' nationalities, events, works,
/// products, laws and languages are MISC, as CoNLL-2003 counts them.
pub const FOREIGN_NAMES: [(&str, Label); 21] = [
    ("CITY", Label::Place),
    ("CORPORATION", Label::Org),
    ("COUNTRY", Label::Place),
    ("CREATIVE-WORK", Label::Misc),
    ("EVENT", Label::Misc),
    ("FAC", Label::Place),
    ("GEO-LOC", Label::Place),
    ("GPE", Label::Place),
    ("LANGUAGE", Label::Misc),
    ("LAW", Label::Misc),
    ("LOC", Label::Place),
    ("LOCATION", Label::Place),
    ("NORP", Label::Misc),
    ("ORGANISATION", Label::Org),
    ("ORGANIZATION", Label::Org),
    ("PER", Label::Person),
    ("PERS", Label::Person),
    ("PRODUCT", Label::Misc),
    ("TIMEX", Label::Date),
    ("TIMEX3", Label::Date),
    ("WORK_OF_ART", Label::Misc),
];

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// By hand rather than derived, so the wire names come from the table.
impl Serialize for Label {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Label, D::Error> {
        let name = String::deserialize(deserializer)?;
        Label::from_name(&name).ok_or_else(|| serde::de::Error::unknown_variant(&name, &NAMES))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_keys_are_distinct_and_round_trip() {
        for (i, a) in LABELS.iter().enumerate() {
            assert!(a.key.is_ascii_lowercase(), "{}: key {:?}", a.name, a.key);
            assert!(a.name.bytes().all(|b| b.is_ascii_uppercase()), "{}", a.name);
            for b in &LABELS[i + 1..] {
                assert_ne!(a.name, b.name);
                assert_ne!(a.key, b.key, "{} and {} share a key", a.name, b.name);
            }
            assert_eq!(Label::from_name(a.name), Some(a.label));
            let json = serde_json::to_string(&a.label).unwrap();
            assert_eq!(json, format!("\"{}\"", a.name));
            assert_eq!(serde_json::from_str::<Label>(&json).unwrap(), a.label);
        }
        assert_eq!(Label::from_name("person"), None);
        let refused = serde_json::from_str::<Label>("\"person\"").unwrap_err();
        assert!(refused
            .to_string()
            .contains("unknown variant `person`, expected one of `PERSON`"));
    }

    #[test]
    fn foreign_names_map_to_labels_and_the_rest_is_left_out() {
        assert!(FOREIGN_NAMES.windows(2).all(|w| w[0].0 < w[1].0), "sorted");
        for (name, _) in FOREIGN_NAMES {
            assert_eq!(name, name.to_ascii_uppercase());
            assert_eq!(Label::from_name(name), None, "{name} is Gloss's own");
        }
        let cases = [
            ("PERSON", Some(Label::Person)),
            ("person", Some(Label::Person)),
            ("PER", Some(Label::Person)),
            ("LOC", Some(Label::Place)),
            ("GPE", Some(Label::Place)),
            ("Location", Some(Label::Place)),
            ("ORG", Some(Label::Org)),
            ("Organization", Some(Label::Org)),
            ("DATE", Some(Label::Date)),
            ("time", Some(Label::Time)),
            ("SET", Some(Label::Set)),
            ("MISC", Some(Label::Misc)),
            ("NORP", Some(Label::Misc)),
            ("work_of_art", Some(Label::Misc)),
            // No counterpart: left out by the importers, which say so.
            ("MONEY", None),
            ("CARDINAL", None),
            ("", None),
            ("PERSONS", None),
        ];
        for (name, label) in cases {
            assert_eq!(Label::from_foreign_name(name), label, "{name}");
        }
    }

    #[test]
    fn the_page_gets_plain_rows() {
        let json = serde_json::to_value(LABELS[6]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"name": "DURATION", "title": "Duration", "key": "u", "temporal": true, "shown_by_default": false, "since": 1})
        );
    }
}
