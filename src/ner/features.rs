//! Feature extraction: what the model sees of each token, read from the
//! analysed tokens of a [`TaggerInput`] ([`super::input`]).
//!
//! Features are hashed keys (see [`hash`]); each is a template number mixed
//! with the hashes of its parts. First-pass features describe the token and
//! its window: word, lowercase form, shape, affixes, capitalisation in its
//! sentence, word clusters, gazetteer matches. Second-pass features add
//! document context (see [`super::context`]): how the same word was tagged
//! elsewhere in the article by the first pass.

use std::ops::Range;

use super::context::DocContext;
use super::hash;
use super::input::TaggerInput;

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

impl TaggerInput {
    /// Pushes the feature keys of token `i` of sentence `sentence`; with a
    /// document context, the second-pass features too. They are the
    /// [`Self::token_features`] of the token and of its neighbours (or
    /// [`boundary_features`] past the sentence's ends), the
    /// [`Self::window_features`] and the [`Self::flag_features`].
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
        let t = &self.tokens[i];
        self.flag_features(t.lexeme as usize, t.flags(), &mut push);
        if let Some(context) = context {
            context.features(self, i, sentence, &mut push);
        }
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

    /// Pushes the features that combine the word form `lexeme` with the
    /// `flags` of a token's place ([`super::input::TokenInfo::flags`]):
    /// capitalisation in context. They depend on nothing else, so a tagger
    /// can score them once per word form and flag value.
    pub fn flag_features(&self, lexeme: usize, flags: u64, push: &mut impl FnMut(u64, &[u64])) {
        let t = &self.lexicon[lexeme];
        // Capitalisation is weaker evidence at a sentence start or in a headline.
        push(21, &[flags, t.shape]);
        push(22, &[flags, t.lower]);
        // Having no cluster means the word never occurs in the unlabeled
        // news, which is itself telling.
        if t.cluster.is_none() {
            push(30, &[flags, t.shape]);
        }
    }

    /// Pushes the features of token `i` that combine it with its
    /// neighbours: word pairs, shape windows, cluster pairs, name-list
    /// matches.
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
        let flags = t.flags();
        push(7, &[lower(-1), t.lower]);
        push(8, &[t.lower, lower(1)]);
        // Shapes ("Xx", "X.X.", "dd-dd") of the word and its neighbours.
        push(12, &[shape(-1), t.shape, shape(1)]);
        push(23, &[lower(-1), t.shape]);
        push(24, &[t.shape, lower(1)]);
        push(25, &[shape(-1), t.shape]);
        push(26, &[t.shape, shape(1)]);
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

/// Pushes the features [`TaggerInput::token_features`] would for a neighbour in
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
pub fn feature_key(template: u64, parts: &[u64]) -> u32 {
    let mut h = hash::mix(0, template);
    for &p in parts {
        h = hash::mix(h, p);
    }
    hash::key(h)
}
