//! A small word scanner for the temporal grammar: alphanumeric runs and single
//! punctuation marks, lowercased, with byte offsets and spacing.
//!
//! The shared tokenizer keeps "1996-08-22" or "p.m" whole; date patterns are
//! easier to write over finer pieces ("1996" "-" "08" "-" "22"), so this
//! module scans the text itself. Offsets are byte offsets on char boundaries.

use crate::tokenize::{fold_punctuation, is_attached};

/// One scanned piece of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// ASCII-lowercased text, typographic apostrophes and dashes folded.
    pub lower: String,
    /// True if whitespace (or the start of text) comes right before.
    pub spaced: bool,
    /// True if a line break comes between this word and the one before.
    pub newline: bool,
    /// True if the first character is an uppercase letter.
    pub capitalized: bool,
}

impl Word {
    /// True for a run of ASCII digits.
    pub fn is_number(&self) -> bool {
        !self.lower.is_empty() && self.lower.bytes().all(|b| b.is_ascii_digit())
    }

    /// The value of an all-digit word of at most 9 digits.
    pub fn number(&self) -> Option<u32> {
        if self.is_number() && self.lower.len() <= 9 {
            self.lower.parse().ok()
        } else {
            None
        }
    }

    /// True for a single punctuation or symbol character.
    pub fn is_punct(&self) -> bool {
        self.lower
            .chars()
            .next()
            .is_some_and(|c| !c.is_alphanumeric())
    }
}

/// Scans `text` into words. Linear in the text length; never fails.
pub fn scan(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut spaced = true;
    let mut newline = false;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            spaced = true;
            newline |= c == '\n';
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut lower = String::new();
        if c.is_alphanumeric() {
            lower.push(c.to_ascii_lowercase());
            while let Some(&(i, next)) = chars.peek() {
                if next.is_alphanumeric() || is_attached(next) {
                    lower.push(next.to_ascii_lowercase());
                    end = i + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
        } else {
            lower.push(fold_punctuation(c));
            // Marks attached to a symbol (emoji modifiers) stay with it.
            while let Some(&(i, next)) = chars.peek() {
                if is_attached(next) {
                    end = i + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
        }
        words.push(Word {
            start,
            end,
            lower,
            spaced,
            newline,
            capitalized: c.is_uppercase(),
        });
        spaced = false;
        newline = false;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_dates_into_pieces_with_spacing() {
        let words = scan("On 1996-08-22, at 3 p.m.\nZoë’s");
        let lowers: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
        assert_eq!(
            lowers,
            [
                "on", "1996", "-", "08", "-", "22", ",", "at", "3", "p", ".", "m", ".", "zoë", "'",
                "s"
            ]
        );
        assert!(words[1].spaced && !words[2].spaced);
        assert!(words[13].newline && words[13].capitalized);
        assert_eq!(
            &"On 1996-08-22, at 3 p.m.\nZoë’s"[words[13].start..words[13].end],
            "Zoë"
        );
    }

    #[test]
    fn never_splits_a_character() {
        let text = "e\u{301}🎉👍🏽 東京 ١٢";
        for w in scan(text) {
            assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
        }
    }
}
