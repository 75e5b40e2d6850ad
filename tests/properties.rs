//! Properties that hold for any text at all: annotating never panics, spans
//! are sorted, non-overlapping, on character boundaries, and each
//! annotation's `text` is exactly its slice; tokens keep their invariants.

use proptest::prelude::*;

/// Pieces of news-like text, mixed with hostile Unicode, so that random
/// strings also exercise the recognizers and not only the tokenizer.
const FRAGMENTS: &[&str] = &[
    "Rustem Umerov",
    "Kyiv",
    "said on Friday",
    "December 5",
    "Dec. 21",
    "5 December 2025",
    "2025-12-21",
    "12/21/2025",
    "in 2024",
    "last week",
    "3 p.m.",
    "the U.S.",
    "Germany's",
    "“quoted”",
    " — ",
    "...",
    ", ",
    ". ",
    "\n\n",
    "\r\n",
    "\u{A0}",
    "😀",
    "👨‍👩‍👧",
    "e\u{301}",
    "Зеленський",
    "東京",
    "'s",
    "n't",
    "May",
    "Sunday Times",
    "3-1",
    "(",
    ")",
    "\"",
    "Mr.",
    "J.",
    "\u{200D}",
    "\u{FE0F}",
    "0",
    "1996",
    "-",
    "/",
    ":",
];

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

fn check_document(text: &str) -> Result<(), TestCaseError> {
    let options = gloss::Options::with_reference_date("2025-12-21").unwrap();
    let document = gloss::annotate(text, &options);
    prop_assert_eq!(&document.text, text);
    // validate() checks sorted, non-overlapping, in range, and text == slice.
    prop_assert!(document.validate().is_ok(), "{:?}", document.validate());
    let chars: Vec<char> = text.chars().collect();
    for a in &document.annotations {
        prop_assert_eq!(
            chars[a.start..a.end].iter().collect::<String>(),
            a.text.clone()
        );
        prop_assert_eq!(
            a.value.is_some(),
            a.label.is_temporal(),
            "value iff temporal: {:?}",
            a
        );
        prop_assert!(
            !a.text.starts_with(char::is_whitespace) && !a.text.ends_with(char::is_whitespace),
            "{:?}",
            a
        );
    }
    prop_assert_eq!(
        gloss::annotate(text, &options),
        document,
        "annotate is deterministic"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn annotate_gives_a_valid_document_for_any_text(text in any_text()) {
        check_document(&text)?;
    }

    #[test]
    fn tokens_are_sorted_disjoint_and_cover_all_non_space(text in any_text()) {
        let tokenized = gloss::tokenize::tokenize(&text);
        let mut previous_end = 0;
        for token in &tokenized.tokens {
            prop_assert!(token.start >= previous_end && token.start < token.end);
            prop_assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
            // Whatever lies between tokens is whitespace only.
            prop_assert!(text[previous_end..token.start].chars().all(char::is_whitespace));
            prop_assert!(!token.text(&text).starts_with(char::is_whitespace));
            previous_end = token.end;
        }
        prop_assert!(text[previous_end..].chars().all(char::is_whitespace));
        let covered: usize = tokenized.sentences.iter().map(|s| s.len()).sum();
        prop_assert_eq!(covered, tokenized.tokens.len());
        let mut next = 0;
        for sentence in &tokenized.sentences {
            prop_assert!(sentence.start == next && !sentence.is_empty());
            next = sentence.end;
        }
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
