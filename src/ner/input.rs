//! The tagger's input: a text's tokens and sentences, with what the features
//! need to know about each token (lowercase form, shape, word cluster,
//! name-list matches, place in its sentence) computed once per token and,
//! for what depends on the word alone, once per distinct word form.

use std::ops::Range;

use super::clusters::{Clusters, Path};
use super::gazetteer::{Gazetteer, LISTS};
use super::hash::{self, HashMap64};
use crate::tokenize::fold_punctuation;

/// The embedded lists and clusters features are computed from.
pub struct Resources {
    /// Place and personal-name lists.
    pub gazetteer: Gazetteer,
    /// Word clusters.
    pub clusters: Clusters,
}

impl Resources {
    /// The lists and clusters compiled into the binary.
    pub fn embedded() -> Resources {
        Resources {
            gazetteer: Gazetteer::embedded(),
            clusters: Clusters::embedded(),
        }
    }
}

/// What the features need to know about one token, computed once.
#[derive(Clone, Debug, Default)]
pub struct TokenInfo {
    /// Hash of the lowercase form.
    pub lower: u64,
    /// Hash of the word's shape (see `shape`).
    pub(super) shape: u64,
    /// Word cluster, if the word has one.
    pub(super) cluster: Option<Path>,
    /// Per name list, the token's position in a match (0: none).
    pub(super) gazetteer: [u8; LISTS],
    /// Starts with an uppercase letter.
    pub capitalised: bool,
    /// First token of its sentence.
    pub sentence_initial: bool,
    /// In a sentence with no lowercase letters (a headline).
    pub caps_sentence: bool,
    /// Index of the sentence it belongs to.
    pub sentence: u32,
    /// Index of its word form in [`TaggerInput::lexemes`].
    pub lexeme: u32,
    /// Index of its lowercase form among the document's distinct lowercase
    /// forms (`0..TaggerInput::lowercase_forms`).
    pub lower_id: u32,
}

impl TokenInfo {
    /// Where the token stands, as the features see it: first of its
    /// sentence (bit 0), in a headline (bit 1). Four values.
    pub fn flags(&self) -> u64 {
        (self.sentence_initial as u64) | (self.caps_sentence as u64) << 1
    }
}

/// What the features need to know about a word form, whatever its position.
pub(super) struct Lexical {
    pub(super) word: u64,
    pub(super) lower: u64,
    pub(super) shape: u64,
    /// Hashes of the first 1..=4 characters (0 for words of one character).
    pub(super) prefixes: [u64; 4],
    /// Hashes of the last 1..=4 characters (0 for words of one character).
    pub(super) suffixes: [u64; 4],
    pub(super) cluster: Option<Path>,
    pub(super) capitalised: bool,
    /// The raw token has a letter ([`char::is_alphabetic`]).
    pub(super) has_letter: bool,
    /// The raw token has a lowercase letter.
    pub(super) has_lowercase: bool,
    /// The raw token has no uppercase letter.
    pub(super) no_uppercase: bool,
}

impl Lexical {
    fn new(raw: &str, resources: &Resources) -> Lexical {
        let word = normal_form(raw);
        let lower = word.to_lowercase();
        let mut lexical = Lexical {
            word: hash::string(&word),
            lower: hash::string(&lower),
            shape: hash::string(&shape(&word)),
            prefixes: [0; 4],
            suffixes: [0; 4],
            cluster: resources.clusters.lookup(&word, &lower),
            capitalised: word.chars().next().is_some_and(char::is_uppercase),
            has_letter: raw.chars().any(char::is_alphabetic),
            has_lowercase: raw.chars().any(char::is_lowercase),
            no_uppercase: !raw.chars().any(char::is_uppercase),
        };
        let bounds: Vec<usize> = lower
            .char_indices()
            .map(|(b, _)| b)
            .chain([lower.len()])
            .collect();
        let chars = bounds.len() - 1;
        if chars > 1 {
            for k in 1..=4.min(chars) {
                lexical.prefixes[k - 1] = hash::string(&lower[..bounds[k]]);
                lexical.suffixes[k - 1] = hash::string(&lower[bounds[chars - k]..]);
            }
        }
        lexical
    }
}

/// The tagger's input: the tokens and sentences of one text, each word form
/// analysed once. Feature extraction and the document context read it.
pub struct TaggerInput {
    /// One entry per token.
    pub tokens: Vec<TokenInfo>,
    /// Sentences as token ranges, covering all tokens in order.
    pub sentences: Vec<Range<usize>>,
    /// Per distinct word form, the first token that has it.
    pub lexemes: Vec<usize>,
    /// Per distinct word form, how many tokens have it.
    pub lexeme_counts: Vec<u32>,
    /// Per distinct word form, what the features need to know about it.
    pub(super) lexicon: Vec<Lexical>,
    /// Number of distinct lowercase forms.
    pub lowercase_forms: usize,
}

impl TaggerInput {
    /// Analyses the tokens `words` split into `sentences`.
    pub fn new(words: &[&str], sentences: &[Range<usize>], resources: &Resources) -> TaggerInput {
        let mut tokens: Vec<TokenInfo> = Vec::with_capacity(words.len());
        let mut lower_hashes = Vec::with_capacity(words.len());
        let mut lexicon: Vec<Lexical> = Vec::new();
        let mut lexemes = Vec::new();
        let mut lexeme_counts: Vec<u32> = Vec::new();
        let mut seen = HashMap64::<(&str, usize)>::default();
        // Per word form, its lowercase form's index.
        let mut lower_ids: Vec<u32> = Vec::new();
        let mut lower_seen = HashMap64::<u32>::default();
        // Per token of the current sentence, its word form.
        let mut forms: Vec<usize> = Vec::new();
        for (n, range) in sentences.iter().enumerate() {
            forms.clear();
            for &raw in &words[range.clone()] {
                // Most tokens of an article repeat earlier ones: analyse
                // each distinct form once.
                let key = hash::string(raw);
                let lexeme = match seen.get(&key) {
                    Some(&(form, n)) if form == raw => n,
                    _ => {
                        let lexical = Lexical::new(raw, resources);
                        let next = lower_seen.len() as u32;
                        lower_ids.push(*lower_seen.entry(lexical.lower).or_insert(next));
                        lexicon.push(lexical);
                        lexemes.push(range.start + forms.len());
                        lexeme_counts.push(0);
                        seen.insert(key, (raw, lexicon.len() - 1));
                        lexicon.len() - 1
                    }
                };
                lexeme_counts[lexeme] += 1;
                forms.push(lexeme);
            }
            let caps_sentence = forms.iter().filter(|&&f| lexicon[f].has_letter).count() >= 2
                && !forms.iter().any(|&f| lexicon[f].has_lowercase);
            for (i, &lexeme) in range.clone().zip(&forms) {
                let lexical = &lexicon[lexeme];
                let info = TokenInfo {
                    lower: lexical.lower,
                    shape: lexical.shape,
                    cluster: lexical.cluster,
                    capitalised: lexical.capitalised,
                    sentence_initial: i == range.start,
                    caps_sentence,
                    sentence: n as u32,
                    lexeme: lexeme as u32,
                    lower_id: lower_ids[lexeme],
                    ..TokenInfo::default()
                };
                lower_hashes.push(info.lower);
                tokens.push(info);
            }
        }
        let mut matches = Vec::new();
        resources.gazetteer.matches(&lower_hashes, &mut matches);
        for (info, m) in tokens.iter_mut().zip(matches) {
            info.gazetteer = m;
        }
        TaggerInput {
            tokens,
            sentences: sentences.to_vec(),
            lexemes,
            lexeme_counts,
            lexicon,
            lowercase_forms: lower_seen.len(),
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True if there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The token `offset` away from `i` if it is in `sentence`.
    pub fn neighbour(&self, i: usize, offset: isize, sentence: &Range<usize>) -> Option<usize> {
        let j = i as isize + offset;
        (j >= sentence.start as isize && j < sentence.end as isize).then_some(j as usize)
    }
}

/// A token as the model sees it: typographic quotes, apostrophes, dashes
/// and ellipses written the ASCII way the training text writes them.
pub fn normal_form(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{BB}'
            | '\u{2033}' => out.push('"'),
            '\u{2014}' | '\u{2015}' => out.push('-'),
            '\u{2026}' => out.push_str("..."),
            _ => out.push(fold_punctuation(c)),
        }
    }
    out
}

/// The shape of a word with runs collapsed: "Xx", "X.X.", "d-d", "xX".
fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    let mut run = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if Some(s) == last {
            run += 1;
            if run == 2 {
                // Keep one repeat to tell "Xx" from "Xxx"-style short words apart.
                continue;
            }
            if run > 2 {
                continue;
            }
        } else {
            run = 0;
        }
        out.push(s);
        last = Some(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{normal_form, shape};

    #[test]
    fn typographic_punctuation_reads_like_ascii() {
        assert_eq!(normal_form("“Umerov’s”—…"), "\"Umerov's\"-...");
    }

    #[test]
    fn shapes() {
        for (word, expected) in [
            ("Umerov", "Xxx"),
            ("U.S.", "X.X."),
            ("1996-08-22", "dd-dd-dd"),
            ("NATO", "XX"),
            ("a", "x"),
            ("McDonald", "XxXxx"),
            ("pro-Western", "xx-Xxx"),
        ] {
            assert_eq!(shape(word), expected, "{word}");
        }
    }
}
