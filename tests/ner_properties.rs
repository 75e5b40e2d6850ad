//! Properties of the name recognizer on arbitrary input: it never panics,
//! and what it returns is well-formed (on char boundaries, in order, never
//! overlapping, confidences in 0..=1).

use gloss::ner::find_names;
use gloss::tokenize::tokenize;
use proptest::prelude::*;

fn check(text: &str) -> Result<(), TestCaseError> {
    let names = find_names(text, &tokenize(text));
    let mut last_end = 0;
    for name in &names {
        prop_assert!(name.range.start < name.range.end && name.range.end <= text.len());
        prop_assert!(
            text.is_char_boundary(name.range.start) && text.is_char_boundary(name.range.end)
        );
        prop_assert!(
            name.range.start >= last_end,
            "overlap or disorder in {names:?}"
        );
        prop_assert!(
            (0.0..=1.0).contains(&name.confidence),
            "{}",
            name.confidence
        );
        last_end = name.range.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_gives_well_formed_names(text in "\\PC{0,200}") {
        check(&text)?;
    }

    #[test]
    fn news_like_text_gives_well_formed_names(
        words in proptest::collection::vec(
            prop_oneof![
                Just("Umerov"), Just("said"), Just("in"), Just("Kyiv"), Just("."), Just(","), Just("\""),
                Just("U.S."), Just("The"), Just("\n"), Just("’s"), Just("—"), Just("NATO"), Just("Zaporizhzhia"),
                Just("Mr."), Just("1996"), Just("("), Just(")"), Just("Ukrainian"), Just("Deutsche Bank"),
            ],
            0..60,
        )
    ) {
        check(&words.join(" "))?;
    }
}

#[test]
fn empty_and_blank_texts_have_no_names() {
    for text in ["", " ", "\n\n", "...", "\u{FEFF}"] {
        assert!(find_names(text, &tokenize(text)).is_empty(), "{text:?}");
    }
}
