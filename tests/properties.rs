//! Properties that hold for any text at all: annotating never panics, spans
//! are sorted, non-overlapping, on character boundaries, and each
//! annotation's `text` is exactly its slice; tokens keep their invariants;
//! every export format writes the document and gloss JSON reads it back.
//! The checks are [`gloss::dev::fuzz::check_text`], which `gloss fuzz` runs
//! for as long as one likes.

use proptest::prelude::*;

/// Pieces of news-like text, mixed with hostile Unicode, so that random
/// strings also exercise the recognizers and not only the tokenizer: the
/// fuzzer's own.
const FRAGMENTS: &[&str] = gloss::dev::fuzz::PIECES;

fn newsy_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
            1 => Just(" ".to_string()),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), newsy_text()]
}

/// The invariants `gloss fuzz` checks: one definition for both.
fn check_document(text: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(gloss::dev::fuzz::check_text(text), Ok(()));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn annotate_gives_a_valid_document_for_any_text(text in any_text()) {
        check_document(&text)?;
    }

    #[test]
    fn offset_units_agree_with_std(text in any_text()) {
        let index = gloss::span::CharIndex::new(&text);
        for (n, (byte, _)) in text.char_indices().enumerate() {
            prop_assert_eq!(index.char_of_byte(byte), n);
            prop_assert_eq!(gloss::span::utf16_offset(&text, byte), text[..byte].encode_utf16().count());
        }
    }
}

#[test]
fn hostile_and_huge_inputs_are_fine() {
    for text in [
        "",
        " ",
        "\n\n\n",
        "\u{FEFF}",
        "\u{0}",
        "é",
        "\u{301}",
        "💥".repeat(10_000).as_str(),
        "a. ".repeat(20_000).as_str(),
    ] {
        check_document(text).unwrap();
    }
}
