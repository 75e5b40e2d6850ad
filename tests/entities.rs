//! Entities through the public API: `annotate` links names, `link` applies a
//! person's edits deterministically and reports the ones whose mentions are
//! gone, place groups with the same GeoNames record merge, and for any list
//! of names every PERSON/PLACE/ORG annotation belongs to exactly one entity.

use gloss::document::{Annotation, Document, Label, Source};
use gloss::entities::places::PlaceGroup;
use gloss::entities::{
    link, link_document, link_with, EntityEdit, EntityEdits, MentionRef, PlaceCandidate,
};
use proptest::prelude::*;

/// A text made of `names` joined by `sep`, annotated with them (code points).
fn annotated(names: &[(Label, &str)], sep: &str) -> (String, Vec<Annotation>) {
    let mut text = String::new();
    let mut annotations = Vec::new();
    for &(label, name) in names {
        let start = text.chars().count();
        text.push_str(name);
        annotations.push(Annotation {
            start,
            end: start + name.chars().count(),
            label,
            text: name.to_string(),
            value: None,
            confidence: None,
            source: Source::Model,
            entity: None,
        });
        text.push_str(sep);
    }
    (text, annotations)
}

fn entity_ids(annotations: &[Annotation]) -> Vec<&str> {
    annotations
        .iter()
        .map(|a| a.entity.as_deref().unwrap_or("-"))
        .collect()
}

fn at(annotations: &[Annotation], n: usize) -> MentionRef {
    let a = &annotations[n];
    MentionRef {
        start: a.start,
        end: a.end,
        text: a.text.clone(),
    }
}

const P: Label = Label::Person;

#[test]
fn annotate_links_surnames_variants_and_aliases() {
    let options = gloss::Options::with_reference_date("2025-12-21").unwrap();
    let doc = gloss::annotate(
        "Rustem Umerov met U.S. envoys in Kyiv. Umerov said the United States would help. 😀 Kyiv's mayor agreed.",
        &options,
    );
    let linked: Vec<(&str, &str)> = doc
        .annotations
        .iter()
        .map(|a| (a.text.as_str(), a.entity.as_deref().unwrap()))
        .collect();
    assert_eq!(
        linked,
        [
            ("Rustem Umerov", "E1"),
            ("U.S.", "E2"),
            ("Kyiv", "E3"),
            ("Umerov", "E1"),
            ("United States", "E2"),
            ("Kyiv", "E3"),
        ]
    );
    let names: Vec<(&str, usize)> = doc
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.mentions))
        .collect();
    assert_eq!(
        names,
        [("Rustem Umerov", 2), ("United States", 2), ("Kyiv", 2)]
    );
}

#[test]
fn an_institution_shares_its_citys_record_but_not_its_entity() {
    // (mentions as PLACE, whether they are one entity)
    let cases: &[(&[&str], bool)] = &[
        (&["Moscow", "Kremlin"], false),
        (&["Kremlin", "Moscow"], false),
        (&["White House", "Washington"], false),
        (&["Kremlin", "Kremlin"], true),
        // Aliases of one place still merge.
        (&["Moscow", "Moskva"], true),
    ];
    for &(names, one) in cases {
        let names: Vec<(Label, &str)> = names.iter().map(|&n| (Label::Place, n)).collect();
        let (text, mut annotations) = annotated(&names, ". ");
        let linked = link(&text, &mut annotations, &EntityEdits::default());
        let ids = entity_ids(&annotations);
        assert_eq!(ids[0] == ids[1], one, "{names:?}: {ids:?}");
        assert!(
            linked.entities.iter().all(|e| e.geonames_id.is_some()),
            "{names:?}: every mention is placed"
        );
    }
}

#[test]
fn edits_merge_split_rename_in_order_and_report_the_stale_ones() {
    let names = [
        (P, "Ivan Petrov"),
        (P, "Petrov"),
        (P, "Ivan Sidorov"),
        (P, "Sidorov"),
    ];
    let (text, mut annotations) = annotated(&names, ". ");
    link(&text, &mut annotations, &EntityEdits::default());
    assert_eq!(entity_ids(&annotations), ["E1", "E1", "E2", "E2"]);

    let gone = MentionRef {
        start: 500,
        end: 505,
        text: "Smith".into(),
    };
    let edits = EntityEdits(vec![
        EntityEdit::Split {
            mention: at(&annotations, 1),
        },
        EntityEdit::Split {
            mention: at(&annotations, 3),
        },
        EntityEdit::Merge {
            mention: at(&annotations, 1),
            with: at(&annotations, 3),
        },
        EntityEdit::Rename {
            mention: at(&annotations, 3),
            name: " Mr. Petrov ".into(),
        },
        EntityEdit::Split {
            mention: gone.clone(),
        },
    ]);
    let linked = link(&text, &mut annotations, &edits);
    assert_eq!(entity_ids(&annotations), ["E1", "E2", "E3", "E2"]);
    let named: Vec<(&str, &str, usize)> = linked
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str(), e.mentions))
        .collect();
    assert_eq!(
        named,
        [
            ("E1", "Ivan Petrov", 1),
            ("E2", "Mr. Petrov", 2),
            ("E3", "Ivan Sidorov", 1)
        ]
    );
    assert_eq!(linked.unapplied, [EntityEdit::Split { mention: gone }]);
    // Same input, same output.
    let mut again = annotations.clone();
    assert_eq!(link(&text, &mut again, &edits), linked);
    assert_eq!(again, annotations);
}

#[test]
fn edits_survive_reannotation_while_their_words_stand() {
    let (text, mut annotations) = annotated(&[(P, "Anna Kovalenko"), (P, "Kovalenko")], ". ");
    let edits = EntityEdits(vec![EntityEdit::Split {
        mention: at(&annotations, 1),
    }]);
    // The text was edited in front: offsets shift, the words stand.
    let (moved, mut shifted) = annotated(&[(P, "Dr. Anna Kovalenko"), (P, "Kovalenko")], ". ");
    let linked = link(&moved, &mut shifted, &edits);
    assert!(linked.unapplied.is_empty());
    assert_eq!(entity_ids(&shifted), ["E1", "E2"]);
    // The word is gone: the edit is reported.
    let (_, mut other) = annotated(&[(P, "Anna Kovalenko"), (P, "Anna")], ". ");
    assert_eq!(link(&text, &mut other, &edits).unapplied, edits.0);
    // A merge across labels is refused, not applied.
    let (text, mut mixed) = annotated(&[(P, "Jordan"), (Label::Place, "Jordan")], ". ");
    let merge = EntityEdits(vec![EntityEdit::Merge {
        mention: at(&mixed, 0),
        with: at(&mixed, 1),
    }]);
    assert_eq!(link(&text, &mut mixed, &merge).unapplied.len(), 1);
    assert_eq!(entity_ids(&mixed), ["E1", "E2"]);
    annotations.clear();
}

fn place(id: u32, name: &str, country: &str, lat: f64, lon: f64) -> PlaceCandidate {
    PlaceCandidate {
        geonames_id: id,
        name: name.into(),
        country: country.into(),
        admin1: None,
        lat,
        lon,
        kind: "city".into(),
        population: 1000,
        score: 0.9,
    }
}

/// A resolver that knows Paris (France and Texas) and Kyiv under two names.
fn fake_resolver(groups: &[PlaceGroup], _text: &str) -> Vec<Vec<PlaceCandidate>> {
    groups
        .iter()
        .map(|g| match g.names[0] {
            "Paris" => vec![
                place(2988507, "Paris", "FR", 48.85, 2.35),
                place(4717560, "Paris", "US", 33.66, -95.56),
            ],
            "Kyiv" | "Kyjiw" | "Kijów" => vec![place(703448, "Kyiv", "UA", 50.45, 30.52)],
            // A resolver falling back from a bay to the city.
            "San Francisco" | "San Francisco Bay" => {
                vec![place(5391959, "San Francisco", "US", 37.77, -122.42)]
            }
            _ => Vec::new(),
        })
        .collect()
}

#[test]
fn place_groups_with_the_same_record_merge_and_choices_apply() {
    let names = [
        (Label::Place, "Kyiv"),
        (Label::Place, "Paris"),
        (Label::Place, "Kyjiw"),
        (Label::Place, "Kijów"),
    ];
    let (text, mut annotations) = annotated(&names, ", ");
    let linked = link_with(
        &text,
        &mut annotations,
        &EntityEdits::default(),
        &fake_resolver,
    );
    assert_eq!(entity_ids(&annotations), ["E1", "E2", "E1", "E1"]);
    let kyiv = &linked.entities[0];
    assert_eq!(
        (kyiv.geonames_id, kyiv.country.as_deref(), kyiv.mentions),
        (Some(703448), Some("UA"), 3)
    );
    assert_eq!(linked.entities[1].geonames_id, Some(2988507));
    assert_eq!(linked.entities[1].candidates.len(), 2);
    // One record, but one name is the other with a word added: a bay is not its city.
    let (text, mut bay) = annotated(
        &[
            (Label::Place, "San Francisco"),
            (Label::Place, "San Francisco Bay"),
        ],
        ", ",
    );
    link_with(&text, &mut bay, &EntityEdits::default(), &fake_resolver);
    assert_eq!(entity_ids(&bay), ["E1", "E2"]);

    let choose = EntityEdits(vec![
        EntityEdit::Place {
            mention: at(&annotations, 1),
            geonames_id: 4717560,
        },
        EntityEdit::Place {
            mention: at(&annotations, 0),
            geonames_id: 4717560,
        },
    ]);
    let linked = link_with(&text, &mut annotations, &choose, &fake_resolver);
    let paris = &linked.entities[1];
    assert_eq!(
        (paris.geonames_id, paris.country.as_deref(), paris.lat),
        (Some(4717560), Some("US"), Some(33.66))
    );
    // Paris, Texas is no candidate for Kyiv: reported.
    assert_eq!(linked.unapplied, choose.0[1..]);
}

#[test]
fn link_document_validates_and_round_trips_edits() {
    let options = gloss::Options::with_reference_date("2025-12-21").unwrap();
    let mut doc = gloss::annotate("Ivan Petrov met Petrov's aide in Kyiv.", &options);
    doc.edits = EntityEdits(vec![EntityEdit::Split {
        mention: at(&doc.annotations, 1),
    }]);
    assert!(link_document(&mut doc).is_empty());
    assert_eq!(entity_ids(&doc.annotations), ["E1", "E2", "E3"]);
    let json = serde_json::to_string(&doc).unwrap();
    assert!(
        json.contains(
            r#""edits":[{"edit":"split","mention":{"start":16,"end":22,"text":"Petrov"}}]"#
        ),
        "{json}"
    );
    assert_eq!(Document::from_json(&json).unwrap(), doc);
}

#[test]
fn validation_refuses_a_broken_entity_layer() {
    let options = gloss::Options::with_reference_date("2025-12-21").unwrap();
    let good = serde_json::to_value(gloss::annotate(
        "Rustem Umerov met Umerov's aide in Kyiv.",
        &options,
    ))
    .unwrap();
    type Breaker = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(Breaker, &str)> = vec![
        (
            Box::new(|d| d["annotations"][0]["entity"] = "E9".into()),
            "not in entities",
        ),
        (
            Box::new(|d| d["entities"][0]["mentions"] = 1.into()),
            "says 1 mentions",
        ),
        (
            Box::new(|d| {
                d["annotations"][2]
                    .as_object_mut()
                    .unwrap()
                    .remove("entity")
                    .map(drop)
                    .unwrap()
            }),
            "has no entity",
        ),
        (
            Box::new(|d| d["entities"][1]["id"] = "E1".into()),
            "used twice",
        ),
        (
            Box::new(|d| d["annotations"][2]["entity"] = "E1".into()),
            "is a PERSON",
        ),
        (
            Box::new(|d| d["entities"][0]["geonames_id"] = 1.into()),
            "only PLACE",
        ),
        (
            Box::new(
                |d| d["entities"][1] = serde_json::json!({"id": "E2", "label": "PLACE", "name": "Kyiv", "mentions": 1, "geonames_id": 1}),
            ),
            "go together",
        ),
        (
            Box::new(|d| {
                let c = serde_json::json!({"geonames_id": 2, "name": "Kyiv", "country": "UA", "lat": 50.45, "lon": 30.52, "kind": "city", "population": 1, "score": 0.5});
                d["entities"][1] = serde_json::json!({"id": "E2", "label": "PLACE", "name": "Kyiv", "mentions": 1, "geonames_id": 1, "country": "UA", "lat": 1.0, "lon": 2.0, "kind": "city", "candidates": [c]})
            }),
            "not one of its candidates",
        ),
        (
            Box::new(|d| d["entities"][0]["colour"] = "red".into()),
            "unknown field",
        ),
        (
            Box::new(|d| d["format"] = "gloss/1".into()),
            "gloss/1 documents carry no",
        ),
        (
            Box::new(|d| d["edits"] = serde_json::json!([{"edit": "join"}])),
            "unknown variant",
        ),
    ];
    assert!(Document::from_json(&good.to_string()).is_ok());
    for (n, (break_it, expected)) in cases.iter().enumerate() {
        let mut doc = good.clone();
        break_it(&mut doc);
        let message = Document::from_json(&doc.to_string())
            .unwrap_err()
            .to_string();
        assert!(message.contains(expected), "case {n}: {message}");
    }
    // A linked gloss/2 document (no MISC) is read as it is.
    let mut linked_two = good.clone();
    linked_two["format"] = "gloss/2".into();
    assert_eq!(
        Document::from_json(&linked_two.to_string())
            .unwrap()
            .entities,
        Document::from_json(&good.to_string()).unwrap().entities
    );
    // A gloss/1 document (no entities) is still read, and so is an unlinked gloss/2 one.
    let mut old = good.clone();
    old["format"] = "gloss/1".into();
    old.as_object_mut().unwrap().remove("entities");
    for a in old["annotations"].as_array_mut().unwrap() {
        a.as_object_mut().unwrap().remove("entity");
    }
    assert!(Document::from_json(&old.to_string()).is_ok());
    old["format"] = "gloss/2".into();
    assert!(Document::from_json(&old.to_string()).is_ok());
}

const NAMES: &[(Label, &str)] = &[
    (P, "Ivan Petrov"),
    (P, "Ivan Sidorov"),
    (P, "Ivan"),
    (P, "Petrov"),
    (P, "Petrova"),
    (P, "Donald Trump"),
    (P, "Donald Tusk"),
    (P, "Trump"),
    (P, "Zelensky"),
    (P, "Volodymyr Zelenskyy"),
    (P, "Georgia"),
    (Label::Place, "Georgia"),
    (Label::Place, "U.S."),
    (Label::Place, "United States"),
    (Label::Place, "Kyiv's"),
    (Label::Place, "Kiev"),
    (Label::Org, "NSDC"),
    (Label::Org, "National Security and Defense Council"),
    (Label::Org, "Зеленський"),
    (Label::Org, "😀"),
    (Label::Date, "Friday"),
];

proptest! {
    #[test]
    fn every_name_belongs_to_exactly_one_entity(picks in prop::collection::vec(0..NAMES.len(), 0..30), sep in prop::sample::select(vec![" ", ". ", " (", ") "])) {
        let names: Vec<(Label, &str)> = picks.iter().map(|&i| NAMES[i]).collect();
        let (text, mut annotations) = annotated(&names, sep);
        let linked = link(&text, &mut annotations, &EntityEdits::default());
        let mut again = annotations.clone();
        prop_assert_eq!(&link(&text, &mut again, &EntityEdits::default()), &linked, "deterministic");
        let mut first_seen = Vec::new();
        for a in &annotations {
            match (&a.entity, gloss::entities::is_name(a.label)) {
                (Some(id), true) => {
                    let e = linked.entities.iter().filter(|e| &e.id == id).collect::<Vec<_>>();
                    prop_assert_eq!(e.len(), 1);
                    prop_assert_eq!(e[0].label, a.label, "never across labels");
                    if !first_seen.contains(id) { first_seen.push(id.clone()); }
                }
                (None, false) => {}
                other => prop_assert!(false, "{:?} on {:?}", other, a),
            }
        }
        let ids: Vec<String> = linked.entities.iter().map(|e| e.id.clone()).collect();
        prop_assert_eq!(&ids, &first_seen, "ids in order of first mention");
        let expected: Vec<String> = (1..=ids.len()).map(|n| format!("E{n}")).collect();
        prop_assert_eq!(ids, expected);
        let total: usize = linked.entities.iter().map(|e| e.mentions).sum();
        prop_assert_eq!(total, annotations.iter().filter(|a| a.entity.is_some()).count());
    }
}

#[test]
fn link_json_recomputes_stale_entities_after_corrections() {
    let options = gloss::Options::with_reference_date("2025-12-21").unwrap();
    let mut doc = serde_json::to_value(gloss::annotate(
        "Rustem Umerov met Umerov's aide in Kyiv.",
        &options,
    ))
    .unwrap();
    // The person relabelled "Kyiv" as ORG: its entity is stale.
    doc["annotations"][2]["label"] = "ORG".into();
    assert!(Document::from_json(&doc.to_string()).is_err());
    let (linked, unapplied) = gloss::entities::link_json(&doc.to_string()).unwrap();
    assert!(unapplied.is_empty());
    assert_eq!(linked.entities[1].label, Label::Org);
    assert_eq!(
        Document::from_json(&serde_json::to_string(&linked).unwrap()).unwrap(),
        linked
    );
    assert!(gloss::entities::link_json("{}").is_err());
}

#[test]
fn the_example_in_docs_format_md_is_a_valid_document() {
    let docs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/format.md")).unwrap();
    let start = docs
        .find("```json\n{\n  \"format\": \"gloss/3\"")
        .expect("example")
        + "```json\n".len();
    let end = start + docs[start..].find("```").unwrap();
    let doc = Document::from_json(&docs[start..end]).unwrap();
    assert_eq!(doc.entities[1].geonames_id, Some(703448));
}
