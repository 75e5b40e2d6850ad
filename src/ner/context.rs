//! Document-level context for the second pass: what the first pass said
//! about the same word elsewhere in the article.
//!
//! A name is usually introduced in full ("Rustem Umerov") and then shortened
//! ("Umerov said"); a headline in capitals repeats words that the body writes
//! in normal case. These features let the second pass carry a decision made
//! where the evidence is clear to the places where it is not.

use std::ops::Range;

use super::input::TaggerInput;
use super::tags::{self, Position, Tag, NUM_TAGS};

/// The second-pass templates with the number of values each of their parts
/// takes, in template order from 100: every part is a small number (a tag,
/// a class, a few flags), so a tagger can score every combination once, at
/// load time, instead of hashing and looking up each feature of each token.
pub const TEMPLATES: [(u64, &[u64]); 11] = [
    (100, &[NUM_TAGS as u64 + 1]),
    (101, &[NUM_TAGS as u64 + 1, NUM_TAGS as u64 + 1]),
    (102, &[NUM_TAGS as u64 + 1, NUM_TAGS as u64 + 1]),
    (103, &[2]),
    (104, &[4, 8]),
    (105, &[4, 8]),
    (106, &[5, 8, 5]),
    (107, &[8]),
    (108, &[8]),
    (109, &[8]),
    (110, &[2]),
];

/// Counts per lowercase word over the whole document.
#[derive(Clone, Copy, Default)]
struct Tally {
    /// Occurrences inside a first-pass name of each class, and outside (index 4).
    class: [u32; 5],
    /// Occurrences inside a multi-token first-pass name of each class.
    in_long: [u32; 4],
    /// Occurrences capitalised, not sentence-initial, in a normal-case sentence.
    capitalised_mid: u32,
    /// Occurrences entirely in lowercase.
    lowercase: u32,
}

/// First-pass tags of a document and what they say about each word.
pub struct DocContext {
    tags: Vec<Tag>,
    /// Per lowercase form ([`super::input::TokenInfo::lower_id`]).
    tallies: Vec<Tally>,
    /// Per token, the tally of its own occurrence, to subtract.
    own: Vec<Tally>,
}

impl DocContext {
    /// Builds the context from first-pass tags (one per token of `input`).
    pub fn new(input: &TaggerInput, tags: Vec<Tag>) -> DocContext {
        let mut tallies = vec![Tally::default(); input.lowercase_forms];
        let mut own = Vec::with_capacity(input.len());
        let mut long = vec![false; input.len()];
        for span in tags::spans(&tags) {
            if span.end - span.start > 1 {
                long[span.start..span.end]
                    .iter_mut()
                    .for_each(|l| *l = true);
            }
        }
        for (i, t) in input.tokens.iter().enumerate() {
            let mut tally = Tally::default();
            match tags::split(tags[i]) {
                Some((class, _)) => {
                    tally.class[class as usize] = 1;
                    if long[i] {
                        tally.in_long[class as usize] = 1;
                    }
                }
                None => tally.class[4] = 1,
            }
            tally.capitalised_mid =
                (t.capitalised && !t.sentence_initial && !t.caps_sentence) as u32;
            tally.lowercase = input.lexicon[t.lexeme as usize].no_uppercase as u32;
            let total = &mut tallies[t.lower_id as usize];
            for k in 0..5 {
                total.class[k] += tally.class[k];
            }
            for k in 0..4 {
                total.in_long[k] += tally.in_long[k];
            }
            total.capitalised_mid += tally.capitalised_mid;
            total.lowercase += tally.lowercase;
            own.push(tally);
        }
        DocContext { tags, tallies, own }
    }

    /// Pushes the second-pass features of token `i` through `push(template, parts)`.
    pub fn features(
        &self,
        input: &TaggerInput,
        i: usize,
        sentence: &Range<usize>,
        push: &mut impl FnMut(u64, &[u64]),
    ) {
        let t = &input.tokens[i];
        let tag_at = |j: isize| -> u64 {
            if j < sentence.start as isize || j >= sentence.end as isize {
                NUM_TAGS as u64
            } else {
                self.tags[j as usize] as u64
            }
        };
        // The first pass's own tags here and next door (stacking).
        let i_signed = i as isize;
        push(100, &[tag_at(i_signed)]);
        push(101, &[tag_at(i_signed - 1), tag_at(i_signed)]);
        push(102, &[tag_at(i_signed), tag_at(i_signed + 1)]);
        let class_of = |tag: Tag| tags::split(tag).map_or(4, |(c, _)| c as u64);
        let own = self.own[i];
        let total = self.tallies[t.lower_id as usize];
        let others: [u32; 5] = std::array::from_fn(|k| total.class[k] - own.class[k]);
        let named_others: u32 = others[..4].iter().sum();
        // The word occurs nowhere else in the document.
        if named_others + others[4] == 0 {
            push(103, &[t.capitalised as u64]);
            return;
        }
        let shape = (t.capitalised as u64)
            | (t.caps_sentence as u64) << 1
            | (t.sentence_initial as u64) << 2;
        // Classes the word got elsewhere, and whether inside a longer name
        // ("Umerov" after "Rustem Umerov").
        for (class, &count) in others.iter().enumerate().take(4) {
            if count > 0 {
                push(104, &[class as u64, shape]);
                if total.in_long[class] > own.in_long[class] {
                    push(105, &[class as u64, shape]);
                }
            }
        }
        // The most frequent verdict elsewhere, next to this occurrence's.
        let majority = (0..5).max_by_key(|&k| (others[k], 5 - k)).unwrap_or(4) as u64;
        push(106, &[majority, shape, class_of(self.tags[i])]);
        if named_others == 0 {
            push(107, &[shape]);
        }
        // Capitalised mid-sentence elsewhere (a name even in a headline), or
        // written in lowercase elsewhere (a common word at a sentence start).
        if total.capitalised_mid > own.capitalised_mid {
            push(108, &[shape]);
        }
        if total.lowercase > own.lowercase {
            push(109, &[shape]);
        }
        // A one-token first-pass name whose word sits in longer names elsewhere.
        if let Some((_, Position::Unit)) = tags::split(self.tags[i]) {
            push(110, &[(total.in_long.iter().sum::<u32>() > 0) as u64]);
        }
    }
}
