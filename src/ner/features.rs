//! Feature extraction: what the model sees of each token.
//!
//! Features are hashed keys (see [`hash`]); each is a template number mixed
//! with the hashes of its parts. First-pass features describe the token and
//! its window: word, lowercase form, shape, affixes, capitalisation in its
//! sentence, word clusters, gazetteer matches. Second-pass features add
//! document context (see [`super::context`]): how the same word was tagged
//! elsewhere in the article by the first pass.

use std::ops::Range;

use super::clusters::{Clusters, Path};
use super::context::DocContext;
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
    shape: u64,
    cluster: Option<Path>,
    gazetteer: [u8; LISTS],
    /// Starts with an uppercase letter.
    pub capitalised: bool,
    /// First token of its sentence.
    pub sentence_initial: bool,
    /// In a sentence with no lowercase letters (a headline).
    pub caps_sentence: bool,
    /// Index of the sentence it belongs to.
    pub sentence: u32,
    /// Index of its word form in [`Doc::lexemes`].
    pub lexeme: u32,
    /// Index of its lowercase form among the document's distinct lowercase
    /// forms (`0..Doc::lowercase_forms`).
    pub lower_id: u32,
}

/// What the features need to know about a word form, whatever its position.
struct Lexical {
    word: u64,
    lower: u64,
    shape: u64,
    prefixes: [u64; 4],
    suffixes: [u64; 4],
    cluster: Option<Path>,
    capitalised: bool,
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

/// A document ready for feature extraction.
pub struct Doc {
    /// One entry per token.
    pub tokens: Vec<TokenInfo>,
    /// Sentences as token ranges, covering all tokens in order.
    pub sentences: Vec<Range<usize>>,
    /// Per distinct word form, the first token that has it.
    pub lexemes: Vec<usize>,
    /// Per distinct word form, how many tokens have it.
    pub lexeme_counts: Vec<u32>,
    /// Per distinct word form, what the features need to know about it.
    lexicon: Vec<Lexical>,
    /// Number of distinct lowercase forms.
    pub lowercase_forms: usize,
}

/// Where a token stands relative to the token whose features are computed:
/// the features that look at one token alone depend only on its word form
/// and this role, so a tagger can score them once per word form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The token itself.
    Own,
    /// One token before.
    Before1,
    /// One token after.
    After1,
    /// Two tokens before.
    Before2,
    /// Two tokens after.
    After2,
}

impl Role {
    /// All roles, in index order.
    pub const ALL: [Role; 5] = [
        Role::Own,
        Role::Before1,
        Role::After1,
        Role::Before2,
        Role::After2,
    ];

    /// The neighbour roles with their token offsets.
    pub const NEIGHBOURS: [(isize, Role); 4] = [
        (-1, Role::Before1),
        (1, Role::After1),
        (-2, Role::Before2),
        (2, Role::After2),
    ];
}

const BOS: u64 = 0x5EED_0001;
const EOS: u64 = 0x5EED_0002;

impl Doc {
    /// Analyses the tokens `words` split into `sentences`.
    pub fn new(words: &[&str], sentences: &[Range<usize>], resources: &Resources) -> Doc {
        let mut tokens: Vec<TokenInfo> = Vec::with_capacity(words.len());
        let mut lower_hashes = Vec::with_capacity(words.len());
        let mut lexicon: Vec<Lexical> = Vec::new();
        let mut lexemes = Vec::new();
        let mut lexeme_counts: Vec<u32> = Vec::new();
        let mut seen = HashMap64::<(&str, usize)>::default();
        // Per word form, its lowercase form's index.
        let mut lower_ids: Vec<u32> = Vec::new();
        let mut lower_seen = HashMap64::<u32>::default();
        for (n, range) in sentences.iter().enumerate() {
            let caps_sentence = {
                let letters = words[range.clone()]
                    .iter()
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .count();
                letters >= 2
                    && !words[range.clone()]
                        .iter()
                        .any(|w| w.chars().any(char::is_lowercase))
            };
            for i in range.clone() {
                // Most tokens of an article repeat earlier ones: analyse
                // each distinct form once.
                let raw = words[i];
                let key = hash::string(raw);
                let lexeme = match seen.get(&key) {
                    Some(&(form, n)) if form == raw => n,
                    _ => {
                        let lexical = Lexical::new(raw, resources);
                        let next = lower_seen.len() as u32;
                        lower_ids.push(*lower_seen.entry(lexical.lower).or_insert(next));
                        lexicon.push(lexical);
                        lexemes.push(i);
                        lexeme_counts.push(0);
                        seen.insert(key, (raw, lexicon.len() - 1));
                        lexicon.len() - 1
                    }
                };
                let lexical = &lexicon[lexeme];
                lexeme_counts[lexeme] += 1;
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
        Doc {
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

    /// Pushes the feature keys of token `i` of sentence `sentence`; with a
    /// document context, the second-pass features too. They are the
    /// [`Self::token_features`] of the token and of its neighbours (or
    /// [`boundary_features`] past the sentence's ends) and the
    /// [`Self::window_features`].
    pub fn features(
        &self,
        i: usize,
        sentence: &Range<usize>,
        context: Option<&DocContext>,
        out: &mut Vec<u32>,
    ) {
        let mut push = |template: u64, parts: &[u64]| out.push(feature_key(template, parts));
        self.token_features(i, Role::Own, &mut push);
        for (offset, role) in Role::NEIGHBOURS {
            match self.neighbour(i, offset, sentence) {
                Some(j) => self.token_features(j, role, &mut push),
                None => boundary_features(role, &mut push),
            }
        }
        self.window_features(i, sentence, &mut push);
        if let Some(context) = context {
            context.features(self, i, sentence, &mut push);
        }
    }

    /// The token `offset` away from `i` if it is in `sentence`.
    pub fn neighbour(&self, i: usize, offset: isize, sentence: &Range<usize>) -> Option<usize> {
        let j = i as isize + offset;
        (j >= sentence.start as isize && j < sentence.end as isize).then_some(j as usize)
    }

    /// Pushes, through `push(template, parts)`, the features that token `j`
    /// contributes in `role` by itself: they depend on its word form only.
    pub fn token_features(&self, j: usize, role: Role, push: &mut impl FnMut(u64, &[u64])) {
        // Template numbers are part of the trained model: renumbering one
        // means retraining.
        let t = &self.lexicon[self.tokens[j].lexeme as usize];
        let cluster = |n: u8| t.cluster.map_or(0, |c| c.prefix(n));
        match role {
            Role::Own => {
                // Bias and the word itself.
                push(0, &[]);
                push(1, &[t.word]);
                push(2, &[t.lower]);
                push(9, &[t.shape]);
                // Affixes: "-enko", "-ov", "-burg" carry a lot for unseen names.
                for k in 0..4 {
                    if t.prefixes[k] != 0 {
                        push(13 + k as u64, &[t.prefixes[k]]);
                        push(17 + k as u64, &[t.suffixes[k]]);
                    }
                }
                // Word clusters at several depths.
                if t.cluster.is_some() {
                    for n in [4, 8, 12, 16] {
                        push(30 + n as u64, &[cluster(n)]);
                    }
                }
            }
            Role::Before1 => {
                push(3, &[t.lower]);
                push(10, &[t.shape]);
                push(50, &[cluster(8)]);
                push(52, &[cluster(16)]);
            }
            Role::After1 => {
                push(4, &[t.lower]);
                push(11, &[t.shape]);
                push(51, &[cluster(8)]);
                push(53, &[cluster(16)]);
            }
            Role::Before2 => push(5, &[t.lower]),
            Role::After2 => push(6, &[t.lower]),
        }
    }

    /// Pushes the features of token `i` that combine it with its
    /// neighbours or its position: word pairs, shape windows, capitalisation
    /// in context, cluster pairs, name-list matches.
    pub fn window_features(
        &self,
        i: usize,
        sentence: &Range<usize>,
        push: &mut impl FnMut(u64, &[u64]),
    ) {
        let t = &self.tokens[i];
        let at = |offset: isize| self.neighbour(i, offset, sentence).map(|j| &self.tokens[j]);
        let lower =
            |offset: isize| at(offset).map_or(if offset < 0 { BOS } else { EOS }, |t| t.lower);
        let shape =
            |offset: isize| at(offset).map_or(if offset < 0 { BOS } else { EOS }, |t| t.shape);
        let cluster = |offset: isize, n: u8| {
            at(offset).map_or(BOS ^ offset as u64, |t| {
                t.cluster.map_or(0, |c| c.prefix(n))
            })
        };
        let flags = (t.sentence_initial as u64) | (t.caps_sentence as u64) << 1;
        push(7, &[lower(-1), t.lower]);
        push(8, &[t.lower, lower(1)]);
        // Shapes ("Xx", "X.X.", "dd-dd") of the word and its neighbours.
        push(12, &[shape(-1), t.shape, shape(1)]);
        // Capitalisation is weaker evidence at a sentence start or in a headline.
        push(21, &[flags, t.shape]);
        push(22, &[flags, t.lower]);
        push(23, &[lower(-1), t.shape]);
        push(24, &[t.shape, lower(1)]);
        push(25, &[shape(-1), t.shape]);
        push(26, &[t.shape, shape(1)]);
        // Having no cluster means the word never occurs in the unlabeled
        // news, which is itself telling.
        if t.cluster.is_none() {
            push(30, &[flags, t.shape]);
        }
        push(54, &[cluster(-1, 6), cluster(0, 6)]);
        push(55, &[cluster(0, 6), cluster(1, 6)]);
        // Name lists: position (B/I/L/U) of a match on this and the next tokens.
        for (list, &position) in t.gazetteer.iter().enumerate() {
            if position != 0 {
                push(60 + list as u64, &[position as u64]);
                push(70 + list as u64, &[position as u64, t.shape, flags]);
            }
        }
        for offset in [-1isize, 1] {
            if let Some(n) = at(offset) {
                for (list, &position) in n.gazetteer.iter().enumerate() {
                    if position != 0 {
                        push(
                            80 + list as u64 * 2 + (offset > 0) as u64,
                            &[position as u64, n.capitalised as u64],
                        );
                    }
                }
            }
        }
    }

    /// Pushes only the second-pass (document context) features of token `i`:
    /// `features(i, s, Some(c))` equals `features(i, s, None)` followed by these.
    pub fn context_features(
        &self,
        i: usize,
        sentence: &Range<usize>,
        context: &DocContext,
        out: &mut Vec<u32>,
    ) {
        context.features(self, i, sentence, &mut |template, parts| {
            out.push(feature_key(template, parts))
        });
    }
}

/// Pushes the features [`Doc::token_features`] would for a neighbour in
/// `role` when the sentence ends before it.
pub fn boundary_features(role: Role, push: &mut impl FnMut(u64, &[u64])) {
    let cluster = |offset: isize| BOS ^ offset as u64;
    match role {
        Role::Own => {}
        Role::Before1 => {
            push(3, &[BOS]);
            push(10, &[BOS]);
            push(50, &[cluster(-1)]);
            push(52, &[cluster(-1)]);
        }
        Role::After1 => {
            push(4, &[EOS]);
            push(11, &[EOS]);
            push(51, &[cluster(1)]);
            push(53, &[cluster(1)]);
        }
        Role::Before2 => push(5, &[BOS]),
        Role::After2 => push(6, &[EOS]),
    }
}

/// A `push(template, parts)` for the feature functions that appends the
/// feature keys to `keys`.
pub fn pusher(keys: &mut Vec<u32>) -> impl FnMut(u64, &[u64]) + '_ {
    move |template, parts| keys.push(feature_key(template, parts))
}

/// The key of a feature: its template number mixed with its parts.
fn feature_key(template: u64, parts: &[u64]) -> u32 {
    let mut h = hash::mix(0, template);
    for &p in parts {
        h = hash::mix(h, p);
    }
    hash::key(h)
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
    use super::shape;

    #[test]
    fn typographic_punctuation_reads_like_ascii() {
        assert_eq!(super::normal_form("“Umerov’s”—…"), "\"Umerov's\"-...");
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
