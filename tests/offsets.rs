//! The Rust twin of the page's offset conversion (`www/js/offsets.js`):
//! both are checked against the same table, `tests/offset-cases.json`, so
//! code points and UTF-16 units mean the same on both sides.

use gloss::span::{utf16_offset, CharIndex};

#[derive(serde::Deserialize)]
struct Table {
    cases: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    what: String,
    text: String,
    /// `[code point offset, UTF-16 offset]` for every position of the text.
    offsets: Vec<(usize, usize)>,
}

fn table() -> Table {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/offset-cases.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("the table is readable"))
        .expect("the table parses")
}

#[test]
fn code_points_map_to_the_utf16_offsets_of_the_shared_table() {
    let table = table();
    assert!(table.cases.len() >= 10);
    for case in &table.cases {
        let index = CharIndex::new(&case.text);
        assert_eq!(
            case.offsets.len(),
            index.len_chars() + 1,
            "{}: one pair per position",
            case.what
        );
        for &(code_point, utf16) in &case.offsets {
            let byte = index
                .byte_of_char(code_point)
                .unwrap_or_else(|| panic!("{}: code point {code_point} in range", case.what));
            assert_eq!(index.char_of_byte(byte), code_point, "{}", case.what);
            assert_eq!(
                utf16_offset(&case.text, byte),
                utf16,
                "{}: code point {code_point}",
                case.what
            );
        }
    }
}

#[test]
fn the_table_has_every_kind_of_text_the_page_must_handle() {
    let texts: String = table().cases.into_iter().map(|c| c.text).collect();
    let has = |f: fn(char) -> bool| texts.chars().any(f);
    assert!(has(|c| c > '\u{FFFF}'), "astral characters (emoji)");
    assert!(
        has(|c| ('\u{0300}'..='\u{036F}').contains(&c)),
        "combining marks"
    );
    assert!(has(|c| ('\u{0400}'..='\u{04FF}').contains(&c)), "Cyrillic");
    assert!(has(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "CJK");
    assert!(
        has(|c| ('\u{0590}'..='\u{06FF}').contains(&c)),
        "Hebrew or Arabic"
    );
}
