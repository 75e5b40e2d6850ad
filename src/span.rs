//! Offset units. The core works in byte offsets into UTF-8 text; the exported
//! format counts Unicode code points (Python string indices, the W3C Web
//! Annotation convention); the page counts UTF-16 code units.
//!
//! Where each conversion lives: bytes ↔ code points, for export and import,
//! here ([`CharIndex`]); code points ↔ UTF-16, for display and selection, in
//! the page (`www/js/offsets.js`). [`utf16_offset`] is that module's Rust
//! twin: both are checked against one table, `tests/offset-cases.json`.

/// Maps byte offsets of one text to code-point offsets and back.
pub struct CharIndex {
    /// `starts[i]` is the byte offset of code point `i`; the last entry is the text length.
    starts: Vec<usize>,
}

impl CharIndex {
    /// Builds the index for `text` (one entry per code point).
    pub fn new(text: &str) -> CharIndex {
        let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        starts.push(text.len());
        CharIndex { starts }
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.starts.len() - 1
    }

    /// Code-point offset of a byte offset that lies on a char boundary.
    ///
    /// # Panics
    /// If `byte` is not a char boundary of the text: that is a bug in the caller.
    pub fn char_of_byte(&self, byte: usize) -> usize {
        self.starts
            .binary_search(&byte)
            .expect("byte offset is on a char boundary")
    }

    /// Byte offset of a code-point offset, or `None` past the end.
    pub fn byte_of_char(&self, char_offset: usize) -> Option<usize> {
        self.starts.get(char_offset).copied()
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
}
