//! The core's label and format tables are the only lists: the JSON Schema,
//! the page's stylesheet and the format description must agree with them,
//! and the page's code must not keep a list of its own.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use gloss::formats::{Format, FORMATS};
use gloss::labels::LABELS;

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn names(filter: impl Fn(&gloss::labels::LabelInfo) -> bool) -> Vec<String> {
    LABELS
        .iter()
        .filter(|l| filter(l))
        .map(|l| l.name.to_string())
        .collect()
}

/// Every `NAME` in `text` written as `{before}NAME{after}`, NAME upper case.
fn upper_names_between(text: &str, before: &str, after: &str) -> BTreeSet<String> {
    text.match_indices(before)
        .filter_map(|(at, _)| {
            let rest = &text[at + before.len()..];
            let end = rest.find(|c: char| !(c.is_ascii_uppercase() || c == '_'))?;
            (end > 0 && rest[end..].starts_with(after)).then(|| rest[..end].to_string())
        })
        .collect()
}

#[test]
fn the_schema_lists_the_labels_of_the_table_and_their_value_rule() {
    let schema: serde_json::Value =
        serde_json::from_str(&read("schema/gloss-document.schema.json")).unwrap();
    let annotation = &schema["$defs"]["annotation"];
    let enumerated = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap_or_else(|| panic!("not a list: {v}"))
            .iter()
            .map(|n| n.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        enumerated(&annotation["properties"]["label"]["enum"]),
        names(|_| true),
        "schema label enum"
    );
    // The schema refuses a value on exactly the labels that are not temporal,
    // and an entity on exactly those that name no entity.
    let rule_refusing = |field: &str| {
        annotation["allOf"]
            .as_array()
            .expect("annotation allOf")
            .iter()
            .find(|rule| rule["then"]["not"]["required"][0] == field)
            .unwrap_or_else(|| panic!("no rule refusing {field}"))["if"]["properties"]["label"]
            ["enum"]
            .clone()
    };
    assert_eq!(
        enumerated(&rule_refusing("value")),
        names(|l| !l.temporal),
        "schema: labels without a value"
    );
    assert_eq!(
        enumerated(&rule_refusing("entity")),
        names(|l| !gloss::entities::is_name(l.label)),
        "schema: labels without an entity"
    );
}

#[test]
fn the_stylesheet_colours_every_label_and_no_other() {
    let css = read("www/style.css");
    let all: BTreeSet<String> = names(|_| true).into_iter().collect();
    for label in &all {
        let rule = format!(
            "[data-label=\"{label}\"] {{ --bg: var(--{label}-bg); --fg: var(--{label}-fg); }}"
        );
        assert!(css.contains(&rule), "www/style.css lacks the rule {rule}");
    }
    assert_eq!(
        upper_names_between(&css, "[data-label=\"", "\"]"),
        all,
        "[data-label] rules"
    );
    assert_eq!(
        upper_names_between(&css, "--", "-bg:"),
        all,
        "--LABEL-bg colours"
    );
    assert_eq!(
        upper_names_between(&css, "--", "-fg:"),
        all,
        "--LABEL-fg colours"
    );
}

#[test]
fn the_format_description_has_a_row_per_label_and_per_format() {
    let doc = read("docs/format.md");
    let rows = |heading: &str| -> BTreeSet<String> {
        let section = doc
            .split("\n## ")
            .find(|s| s.starts_with(heading))
            .unwrap_or_else(|| panic!("docs/format.md has no section {heading}"));
        section
            .lines()
            .filter_map(|l| l.strip_prefix("| `")?.split('`').next())
            .map(str::to_string)
            .collect()
    };
    assert_eq!(rows("Labels"), names(|_| true).into_iter().collect());
    let others: BTreeSet<String> = FORMATS
        .iter()
        .filter(|f| f.format != Format::Gloss)
        .map(|f| f.name.to_string())
        .collect();
    assert_eq!(rows("Other formats"), others);
    // How a batch lays out several documents: said for every format.
    let every: BTreeSet<String> = FORMATS.iter().map(|f| f.name.to_string()).collect();
    assert_eq!(rows("Several documents in one output"), every);
    // What import reads and how it counts: said for every importable format.
    let importable: BTreeSet<String> = FORMATS
        .iter()
        .filter(|f| !f.import_extensions.is_empty())
        .map(|f| f.name.to_string())
        .collect();
    assert_eq!(rows("Import"), importable);
}

#[test]
fn the_page_code_lists_no_label_or_format_of_its_own() {
    let www = Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let mut files = vec![www.join("index.html")];
    for entry in fs::read_dir(www.join("js")).unwrap() {
        files.push(entry.unwrap().path());
    }
    // "gloss" names the page itself everywhere; the other names must come from the core.
    let words: Vec<&str> = LABELS
        .iter()
        .map(|l| l.name)
        .chain(
            FORMATS
                .iter()
                .filter(|f| f.format != Format::Gloss)
                .map(|f| f.name),
        )
        .collect();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for word in &words {
            for quote in ['\'', '"', '`'] {
                let quoted = format!("{quote}{word}{quote}");
                assert!(
                    !text.contains(&quoted),
                    "{} writes {quoted}: take it from the core's table instead",
                    file.display()
                );
            }
        }
    }
}
