//! Every TIMEX3 value the recognizer writes, in the golden files and on a sample
//! text, passes the timeline's value check (the one the page applies to a
//! person's edited value).

#[test]
fn every_value_the_recognizer_writes_is_valid() {
    let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut documents = Vec::new();
    for entry in std::fs::read_dir(golden).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let json = std::fs::read_to_string(&path).unwrap();
            documents.push(gloss::document::Document::from_json(&json).unwrap());
        }
    }
    let options = gloss::Options::with_reference_date("2025-12-21").unwrap();
    let text = "Talks resume on Friday, December 5, and again in the third quarter of 2026 \
                or next summer. Every Monday since the 1990s, at 3 p.m., for two weeks, \
                the council met; now it meets weekly, this weekend and tomorrow morning.";
    documents.push(gloss::annotate(text, &options));
    let values: Vec<&str> = documents
        .iter()
        .flat_map(|doc| &doc.annotations)
        .filter_map(|a| a.value.as_deref())
        .collect();
    assert!(values.len() >= 30, "{values:?}");
    for value in values {
        assert!(gloss::timeline::is_valid_timex_value(value), "{value}");
    }
}
