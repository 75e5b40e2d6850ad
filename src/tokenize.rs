//! Tokenizer and sentence splitter for raw English news text.
//!
//! Tokens follow the CoNLL-2003 / Penn Treebank conventions the name model was
//! trained on: punctuation and quotes are split off, the possessive `'s` and
//! contractions (`n't`, `'re`, …) are separate tokens, abbreviations such as
//! `U.S.`, `Dec.` and `J.` keep their period, and numbers such as `1,000`,
//! `3.5`, `1996-08-22`, `3-1` and `12/21/2025` stay whole, as do a sign or
//! point before a number (`+0.4`, `.596`), currency prefixes (`C$`, `US$`) and
//! list numbers at the start of a line (`1. Smith`). An abbreviation at the
//! end of a line gives its period to the sentence (`Corp` `.`), as in CoNLL.
//! Typographic apostrophes and dashes are treated like their ASCII twins.
//!
//! Sentences end at terminal punctuation before a capitalised word and at
//! every line break (headlines, bylines, datelines and table rows stand on
//! lines of their own in pasted news). After an abbreviation only a word that
//! typically opens a sentence ends one: "in the U.S. The …" but "U.S. Treasury".
//!
//! Invariants: token offsets are byte offsets into the input and always lie on
//! `char` boundaries; tokens are sorted, never overlap, and never contain
//! whitespace; a combining mark, variation selector, skin-tone modifier or
//! zero-width joiner stays with the character before it.

use std::ops::Range;

/// One token: a byte range into the text it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Token {
    /// The token's text within `source`.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// A tokenized text: tokens plus sentences as ranges of token indices.
#[derive(Clone, Debug, Default)]
pub struct Tokenized {
    /// All tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in order; each is a non-empty range into `tokens`, and
    /// together they cover every token exactly once.
    pub sentences: Vec<Range<usize>>,
}

/// Words that keep their trailing period as part of the token.
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "ave", "bros", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept",
    "dr", "e.g", "esq", "etc", "feb", "fig", "fri", "ft", "gen", "gov", "hon", "i.e", "inc", "jan",
    "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mon", "mr", "mrs", "ms", "mt", "no",
    "nov", "oct", "pp", "prof", "rep", "reps", "rev", "sat", "sen", "sens", "sep", "sept", "sgt",
    "sr", "st", "sun", "thu", "thur", "thurs", "tue", "tues", "vs", "wed",
];

/// Abbreviations that introduce a name, so a capitalised word after them does
/// not start a new sentence.
const TITLES: &[&str] = &[
    "adm", "capt", "cmdr", "col", "cpl", "dr", "gen", "gov", "hon", "lt", "maj", "messrs", "mr",
    "mrs", "ms", "mt", "no", "prof", "rep", "reps", "rev", "sen", "sens", "sgt", "st", "vs",
];

/// Capitalised words that usually open a sentence rather than continue a
/// name: after "U.S." they mark a sentence end.
const SENTENCE_OPENERS: &[&str] = &[
    "A", "After", "All", "An", "And", "As", "At", "But", "For", "He", "Her", "His", "However", "I",
    "If", "In", "It", "Its", "Mr.", "Mrs.", "Ms.", "No", "On", "One", "Our", "She", "Some", "That",
    "The", "Their", "There", "These", "They", "This", "Those", "We", "What", "When", "While",
    "Why", "You",
];

/// Contraction endings split off a word, longest first (`n't` before `'t`).
const CONTRACTIONS: &[&str] = &["n't", "'s", "'re", "'ve", "'ll", "'m", "'d"];

/// True for characters that never stand alone: combining marks, variation
/// selectors, emoji modifiers and joiners. They belong to the character before.
pub fn is_attached(c: char) -> bool {
    // Most text is Latin: nothing below U+0300 attaches.
    (c as u32) >= 0x0300
        && matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2
        | 0x05C4..=0x05C5 | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x0900..=0x0903 | 0x093A..=0x094F
        | 0x0951..=0x0957 | 0x0962..=0x0963 | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF
        | 0x302A..=0x302F | 0x3099..=0x309A | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

/// Maps typographic apostrophes and dashes to ASCII, for matching only.
pub fn fold_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => '-',
        _ => c,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_attached(c)
}

/// Splits `text` into tokens and sentences. Never fails, for any input.
pub fn tokenize(text: &str) -> Tokenized {
    let tokens = split_tokens(text);
    let sentences = split_sentences(text, &tokens);
    Tokenized { tokens, sentences }
}

/// Bytes of text whose characters are indexed at once by [`split_tokens`].
const SEGMENT_BYTES: usize = 1 << 16;

/// Tokenizes the text in segments of about [`SEGMENT_BYTES`], each ending
/// just after a white-space character, so that the character index (16 bytes
/// per character) stays small. No rule looks past the white space after a
/// token, so the tokens are those of the text indexed whole.
fn split_tokens(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut from = (start + SEGMENT_BYTES).min(text.len());
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let end = text[from..]
            .char_indices()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(text.len(), |(i, c)| from + i + c.len_utf8());
        split_segment(text, start..end, &mut tokens);
        start = end;
    }
    tokens
}

/// Tokenizes `text[segment]`, which ends after white space or at the end.
fn split_segment(text: &str, segment: Range<usize>, tokens: &mut Vec<Token>) {
    let chars: Vec<(usize, char)> = text[segment.clone()]
        .char_indices()
        .map(|(b, c)| (segment.start + b, c))
        .collect();
    let end_of = |i: usize| chars.get(i).map_or(segment.end, |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        // A sign or point before a number belongs to it: "+0.435", ".596".
        let number_prefix = matches!(c, '+' | '.')
            && chars.get(i + 1).is_some_and(|&(_, n)| n.is_ascii_digit())
            && (i == 0 || chars[i - 1].1.is_whitespace() || chars[i - 1].1 == '(');
        if is_word_char(c) || number_prefix {
            i = scan_word(&chars, if number_prefix { i + 1 } else { i });
            let word = &text[chars[start].0..end_of(i)];
            let next = chars.get(i).map(|&(_, c)| c);
            if next == Some('.') && keeps_period(text, &chars, start, i, word) {
                i += 1;
            } else if next == Some('$')
                && word.len() <= 3
                && word.chars().all(|c| c.is_ascii_uppercase())
            {
                // Currency prefixes: "C$", "US$", "HK$".
                i += 1;
            }
            push_word(text, chars[start].0, end_of(i), tokens);
            continue;
        }
        // Punctuation and symbols: runs of dots or dashes stay whole.
        let folded = fold_punctuation(c);
        if folded == '.' || folded == '-' || c == '\u{2014}' {
            while i < chars.len() && fold_punctuation(chars[i].1) == folded {
                i += 1;
            }
        } else {
            i += 1;
        }
        while i < chars.len() && is_attached(chars[i].1) {
            // A joiner also pulls in the character it joins (emoji sequences).
            let joiner = chars[i].1 == '\u{200D}';
            i += 1;
            if joiner && i < chars.len() && !chars[i].1.is_whitespace() {
                i += 1;
            }
        }
        tokens.push(Token {
            start: chars[start].0,
            end: end_of(i),
        });
    }
}

/// Scans a word from `i`: letters, digits and marks, joined by inner `.`,
/// `-`, `'`, `/`, `&`, and by `,`/`:` between digits ("1,000", "10:30").
fn scan_word(chars: &[(usize, char)], mut i: usize) -> usize {
    loop {
        while i < chars.len() && is_word_char(chars[i].1) {
            i += 1;
        }
        let (Some(&(_, c)), Some(&(_, next))) = (chars.get(i), chars.get(i + 1)) else {
            return i;
        };
        let prev = chars[i - 1].1;
        let joins = match fold_punctuation(c) {
            '.' | '-' | '\'' | '&' => is_word_char(next),
            '/' => next.is_alphanumeric() && prev.is_alphanumeric(),
            ',' | ':' => prev.is_ascii_digit() && next.is_ascii_digit(),
            _ => false,
        };
        if !joins {
            return i;
        }
        i += 1;
    }
}

/// True if the period at `chars[end]` after `word` (from `chars[start]`)
/// belongs to it: an abbreviation ("U.S.", "Dec.", "J.") not at the end of
/// a line, or the number of a list item at the start of a line ("1. Smith").
/// CoNLL-2003 gives a line-final abbreviation's period to the sentence.
fn keeps_period(text: &str, chars: &[(usize, char)], start: usize, end: usize, word: &str) -> bool {
    let rest = &text[chars.get(end + 1).map_or(text.len(), |&(b, _)| b)..];
    let line_ends = rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n');
    if is_abbreviation(word) {
        let lower = word.to_lowercase();
        return !line_ends || TITLES.binary_search(&lower.as_str()).is_ok();
    }
    let line_starts = text[..chars[start].0]
        .trim_end_matches([' ', '\t'])
        .ends_with('\n')
        || chars[start].0 == 0;
    line_starts
        && word.len() <= 2
        && word.chars().all(|c| c.is_ascii_digit())
        && rest.starts_with(' ')
}

fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    let mut chars = word.chars();
    let single_letter =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
    single_letter
        || (word.contains('.') && !word.ends_with('.') && word.chars().any(char::is_alphabetic))
        || ABBREVIATIONS.binary_search(&lower.as_str()).is_ok()
}

/// Pushes a word, splitting off a contraction ending ("Germany's" → "Germany" "'s").
fn push_word(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    let word = &text[start..end];
    let folded: String = word
        .chars()
        .map(fold_punctuation)
        .collect::<String>()
        .to_lowercase();
    for ending in CONTRACTIONS {
        if folded.len() > ending.len() && folded.ends_with(ending) {
            // Count the ending in chars, since a curly apostrophe is 3 bytes.
            let ending_chars = ending.chars().count();
            let split = word
                .char_indices()
                .rev()
                .nth(ending_chars - 1)
                .map_or(0, |(b, _)| b);
            if split > 0 {
                tokens.push(Token {
                    start,
                    end: start + split,
                });
                tokens.push(Token {
                    start: start + split,
                    end,
                });
                return;
            }
        }
    }
    tokens.push(Token { start, end });
}

/// The most tokens a sentence holds: a longer run without a sentence end
/// (a megabyte of `(` or of `Mr. `) is cut, so that work and memory per
/// sentence stay bounded. News sentences hold a few dozen.
pub const MAX_SENTENCE_TOKENS: usize = 1000;

fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut begin = 0;
    for i in 0..tokens.len() {
        let next = tokens.get(i + 1);
        let ends_here = match next {
            None => true,
            Some(_) if i + 1 - begin >= MAX_SENTENCE_TOKENS => true,
            Some(next) => {
                let gap = &text[tokens[i].end..next.start];
                gap.contains('\n') || ends_sentence(text, tokens, i)
            }
        };
        if ends_here {
            sentences.push(begin..i + 1);
            begin = i + 1;
        }
    }
    sentences
}

/// True if the sentence ends after token `i` (which has a successor).
fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    const CLOSERS: &[&str] = &["\"", "'", ")", "]", "\u{201D}", "\u{2019}", "\u{BB}"];
    let word = tokens[i].text(text);
    let next = tokens[i + 1].text(text);
    // A closing quote or bracket right after terminal punctuation ends it instead.
    if CLOSERS.contains(&next) && tokens[i].end == tokens[i + 1].start && is_terminal(word) {
        return false;
    }
    let (word, lookahead) =
        if CLOSERS.contains(&word) && i > 0 && is_terminal(tokens[i - 1].text(text)) {
            (".", next)
        } else {
            (word, next)
        };
    let next_starts = lookahead.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || "\"'\u{201C}\u{2018}([".contains(c)
    });
    if matches!(word, "." | "!" | "?" | "..." | "\u{2026}")
        || word.chars().all(|c| c == '.' || c == '!' || c == '?')
    {
        return next_starts || word != ".";
    }
    // An abbreviation at the end of a sentence keeps its period ("… in the U.S. The …"),
    // but "U.S. Treasury" is one phrase: only a word that typically opens a
    // sentence, a quote or a number ends it.
    if let Some(stem) = word.strip_suffix('.') {
        let lower = stem.to_lowercase();
        let is_title = TITLES.binary_search(&lower.as_str()).is_ok();
        let is_initial = stem.chars().count() == 1;
        let opens_sentence = SENTENCE_OPENERS.contains(&lookahead)
            || lookahead.chars().next().is_some_and(|c| !c.is_alphabetic());
        return stem.contains('.') && !is_title && next_starts && !is_initial && opens_sentence;
    }
    false
}

fn is_terminal(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '\u{2026}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_give_the_tokens_of_the_whole_text() {
        let pieces = [
            "U.S.",
            "Dec.",
            "\n",
            "+0.5",
            ".596",
            "e\u{301}",
            "👨\u{200D}👩",
            "C$",
            "1.",
            "Smith",
            "(",
            "...",
            "--",
            "n't",
            "Germany's",
            " ",
            "\u{A0}",
            "\u{3000}",
            "\t",
            "\u{200D}",
        ];
        let mut text = String::new();
        let mut n = 0usize;
        while text.len() < 5 * SEGMENT_BYTES {
            n = n.wrapping_mul(31).wrapping_add(7);
            text.push_str(pieces[n % pieces.len()]);
            if n % 3 == 0 {
                text.push(' ');
            }
        }
        let mut whole = Vec::new();
        split_segment(&text, 0..text.len(), &mut whole);
        assert!(whole.len() > 10_000);
        assert!(split_tokens(&text) == whole);
        // A segment's nominal end inside a character (found by `gloss fuzz`).
        for prefix in 0..4 {
            let text = "a".repeat(prefix) + &"😀😀 ".repeat(2 * SEGMENT_BYTES / 9);
            let mut whole = Vec::new();
            split_segment(&text, 0..text.len(), &mut whole);
            assert!(split_tokens(&text) == whole, "{prefix}");
        }
    }

    #[test]
    fn a_run_without_a_sentence_end_is_cut_into_bounded_sentences() {
        for unit in ["(", "Mr. "] {
            let text = unit.repeat(2500);
            let tokenized = tokenize(&text);
            assert_eq!(tokenized.tokens.len(), 2500, "{unit}");
            let lengths: Vec<usize> = tokenized.sentences.iter().map(|s| s.len()).collect();
            assert_eq!(lengths, [1000, 1000, 500], "{unit}");
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).tokens.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn follows_conll_conventions() {
        let cases: &[(&str, &[&str])] = &[
            ("Germany's U.S. envoy", &["Germany", "'s", "U.S.", "envoy"]),
            ("Germany’s envoy", &["Germany", "’s", "envoy"]),
            ("They don't know.", &["They", "do", "n't", "know", "."]),
            (
                "said \"no\" (again)",
                &["said", "\"", "no", "\"", "(", "again", ")"],
            ),
            ("“Yes,” she said", &["“", "Yes", ",", "”", "she", "said"]),
            (
                "1,000 people, 3.5 pct",
                &["1,000", "people", ",", "3.5", "pct"],
            ),
            (
                "on 1996-08-22 and 12/21/2025",
                &["on", "1996-08-22", "and", "12/21/2025"],
            ),
            (
                "won 3-1 at 10:30 a.m. today",
                &["won", "3-1", "at", "10:30", "a.m.", "today"],
            ),
            (
                "Mr. J. Smith of Anglo-Dutch Corp.",
                &["Mr.", "J.", "Smith", "of", "Anglo-Dutch", "Corp."],
            ),
            ("Dec. 21 — Kyiv", &["Dec.", "21", "—", "Kyiv"]),
            ("wait... what", &["wait", "...", "what"]),
            (
                "O'Brien and Jones' car",
                &["O'Brien", "and", "Jones", "'", "car"],
            ),
            ("Зеленський заявив", &["Зеленський", "заявив"]),
            ("東京 in 2025", &["東京", "in", "2025"]),
            ("rose +0.435 to .596", &["rose", "+0.435", "to", ".596"]),
            (
                "fell C$ 1.15 to US$2",
                &["fell", "C$", "1.15", "to", "US$", "2"],
            ),
            (
                "1. Michelle Freeman\n2. Ludmila",
                &["1.", "Michelle", "Freeman", "2.", "Ludmila"],
            ),
            ("won 2. Then", &["won", "2", ".", "Then"]),
            (
                "Lear Corp.\nShares of Gov.\nCarroll",
                &["Lear", "Corp", ".", "Shares", "of", "Gov.", "Carroll"],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), *expected, "{text}");
        }
    }

    #[test]
    fn keeps_marks_and_emoji_sequences_whole() {
        assert_eq!(
            words("Zoe\u{301} 👍🏽 👨‍👩‍👧 ok"),
            ["Zoe\u{301}", "👍🏽", "👨‍👩‍👧", "ok"]
        );
        assert_eq!(words("a\u{00A0}b\r\nc"), ["a", "b", "c"]);
    }

    #[test]
    fn splits_sentences_but_not_after_titles_or_initials() {
        let text = "Mr. Smith met J. Jones in the U.S. on Monday. They talked!\n\nHEADLINE here\n\"Next,\" he said. U.S. Treasury yields fell in the U.S. The dollar rose.";
        let t = tokenize(text);
        let sentences: Vec<String> = t
            .sentences
            .iter()
            .map(|r| {
                t.tokens[r.clone()]
                    .iter()
                    .map(|k| k.text(text))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(
            sentences,
            [
                "Mr. Smith met J. Jones in the U.S. on Monday .",
                "They talked !",
                "HEADLINE here",
                "\" Next , \" he said .",
                "U.S. Treasury yields fell in the U.S.",
                "The dollar rose ."
            ]
        );
    }
}
