//! A small word scanner for the temporal grammar: alphanumeric runs and single
//! punctuation marks, lowercased, with byte offsets and spacing.
//!
//! The shared tokenizer keeps "1996-08-22" or "p.m" whole; date patterns are
//! easier to write over finer pieces ("1996" "-" "08" "-" "22"), so this
//! module scans the text itself. Offsets are byte offsets on char boundaries.

use std::borrow::Cow;

use crate::tokenize::{fold_punctuation, is_attached};

/// One scanned piece of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// The lowered text, borrowed from the text when it is already lowercase
    /// (most words), so a word costs no allocation of its own.
    lower: Cow<'a, str>,
    /// True if whitespace (or the start of text) comes right before.
    pub spaced: bool,
    /// True if a line break comes between this word and the one before.
    pub newline: bool,
    /// True if the first character is an uppercase letter.
    pub capitalized: bool,
}

impl Word<'_> {
    /// ASCII-lowercased text, typographic apostrophes and dashes folded.
    pub fn lower(&self) -> &str {
        &self.lower
    }

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
pub fn scan(text: &str) -> Vec<Word<'_>> {
    Scanner::new(text).collect()
}

/// The words of a text one at a time, so a caller can hold only a window of
/// them ([`scan`] collects them all).
pub struct Scanner<'a> {
    text: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
}

impl<'a> Scanner<'a> {
    /// A scanner at the start of `text`.
    pub fn new(text: &'a str) -> Scanner<'a> {
        Scanner {
            text,
            chars: text.char_indices().peekable(),
        }
    }
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let mut spaced = false;
        let mut newline = false;
        let (start, c) = loop {
            let (i, c) = self.chars.next()?;
            if !c.is_whitespace() {
                break (i, c);
            }
            spaced = true;
            newline |= c == '\n';
        };
        // The start of text counts as whitespace.
        spaced |= start == 0;
        let mut end = start + c.len_utf8();
        let lower = if c.is_alphanumeric() {
            while let Some(&(i, next)) = self.chars.peek() {
                if next.is_alphanumeric() || is_attached(next) {
                    end = i + next.len_utf8();
                    self.chars.next();
                } else {
                    break;
                }
            }
            let piece = &self.text[start..end];
            if piece.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(piece.to_ascii_lowercase())
            } else {
                Cow::Borrowed(piece)
            }
        } else {
            // Marks attached to a symbol (emoji modifiers) stay with it, out of `lower`.
            while let Some(&(i, next)) = self.chars.peek() {
                if is_attached(next) {
                    end = i + next.len_utf8();
                    self.chars.next();
                } else {
                    break;
                }
            }
            match fold_punctuation(c) {
                '\'' if c != '\'' => Cow::Borrowed("'"),
                '-' if c != '-' => Cow::Borrowed("-"),
                _ => Cow::Borrowed(&self.text[start..start + c.len_utf8()]),
            }
        };
        Some(Word {
            start,
            end,
            lower,
            spaced,
            newline,
            capitalized: c.is_uppercase(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_dates_into_pieces_with_spacing() {
        let words = scan("On 1996-08-22, at 3 p.m.\nZoë’s");
        let lowers: Vec<&str> = words.iter().map(Word::lower).collect();
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
