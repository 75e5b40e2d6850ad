//! Offset units. The core works in byte offsets into UTF-8 text; the exported
//! format counts Unicode code points (Python string indices, the W3C Web
//! Annotation convention); the page counts UTF-16 code units.
//!
//! Where each conversion lives: bytes ↔ code points, for export and import,
//! here ([`CharIndex`]); code points ↔ UTF-16, for display and selection, in
//! the page (`www/js/offsets.js`). [`utf16_offset`] is that module's Rust
//! twin: both are checked against one table, `tests/offset-cases.json`.

/// Maps byte offsets of one text to code-point offsets and back.
///
/// It keeps the byte offset of every [`STRIDE`]th code point and counts the
/// rest in the text, so it takes a few bytes per hundred code points rather
/// than eight per code point: memory stays small for a long text.
pub struct CharIndex<'a> {
    text: &'a str,
    /// `marks[k]` is the byte offset of code point `k * STRIDE`.
    marks: Vec<usize>,
    chars: usize,
}

/// Code points between two kept byte offsets of a [`CharIndex`].
const STRIDE: usize = 64;

impl<'a> CharIndex<'a> {
    /// Builds the index for `text`.
    pub fn new(text: &'a str) -> CharIndex<'a> {
        let mut marks = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut chars = 0;
        for (b, _) in text.char_indices() {
            if chars % STRIDE == 0 {
                marks.push(b);
            }
            chars += 1;
        }
        CharIndex { text, marks, chars }
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.chars
    }

    /// Code-point offset of a byte offset that lies on a char boundary.
    ///
    /// # Panics
    /// If `byte` is not a char boundary of the text: that is a bug in the caller.
    pub fn char_of_byte(&self, byte: usize) -> usize {
        assert!(
            self.text.is_char_boundary(byte),
            "byte offset is on a char boundary"
        );
        // The last kept offset at or before `byte`, then count on from it.
        let k = self.marks.partition_point(|&m| m <= byte).saturating_sub(1);
        let from = self.marks.get(k).copied().unwrap_or(0);
        k * STRIDE + self.text[from..byte].chars().count()
    }

    /// Byte offset of a code-point offset, or `None` past the end.
    pub fn byte_of_char(&self, char_offset: usize) -> Option<usize> {
        if char_offset > self.chars {
            return None;
        }
        let k = char_offset / STRIDE;
        let Some(&from) = self.marks.get(k) else {
            return Some(self.text.len()); // the end of a text of k * STRIDE code points
        };
        let rest = char_offset - k * STRIDE;
        Some(
            self.text[from..]
                .char_indices()
                .nth(rest)
                .map_or(self.text.len(), |(b, _)| from + b),
        )
    }
}

/// UTF-16 length of `text[..byte]`: the JavaScript string index of a byte
/// offset, as `www/js/offsets.js` computes it from code points.
pub fn utf16_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_bytes_to_code_points_and_utf16() {
        let text = "😀 Zoë Кyiv “東京”";
        let index = CharIndex::new(text);
        assert_eq!(index.len_chars(), text.chars().count());
        for (char_offset, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_of_byte(byte), char_offset);
            assert_eq!(index.byte_of_char(char_offset), Some(byte));
        }
        assert_eq!(index.byte_of_char(index.len_chars()), Some(text.len()));
        assert_eq!(index.byte_of_char(index.len_chars() + 1), None);
        // The emoji is one code point but two UTF-16 units.
        let z = text.find('Z').unwrap();
        assert_eq!((index.char_of_byte(z), utf16_offset(text, z)), (2, 3));
    }

    /// Past the kept offsets, and at the end, every offset still maps both ways.
    #[test]
    fn converts_every_offset_of_a_long_text() {
        for n in [
            0,
            1,
            STRIDE - 1,
            STRIDE,
            STRIDE + 1,
            3 * STRIDE,
            5 * STRIDE + 7,
        ] {
            let text: String = "aé😀東".chars().cycle().take(n).collect();
            let index = CharIndex::new(&text);
            assert_eq!(index.len_chars(), n);
            for (char_offset, (byte, _)) in text.char_indices().enumerate() {
                assert_eq!(index.char_of_byte(byte), char_offset, "{n}");
                assert_eq!(index.byte_of_char(char_offset), Some(byte), "{n}");
            }
            assert_eq!(index.char_of_byte(text.len()), n);
            assert_eq!(index.byte_of_char(n), Some(text.len()));
            assert_eq!(index.byte_of_char(n + 1), None);
        }
    }

    #[test]
    #[should_panic(expected = "char boundary")]
    fn refuses_a_byte_inside_a_character() {
        CharIndex::new("é").char_of_byte(1);
    }
}
