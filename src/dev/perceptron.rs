//! Averaged structured perceptron training over precomputed features.
//!
//! Each training sentence is decoded with the current weights; where the
//! decoded tags differ from the gold ones, the gold features gain and the
//! predicted ones lose one unit (and likewise the transitions). The saved
//! weights are the average over all updates (Collins 2002), computed with
//! the usual running-sum trick, in exact integer arithmetic so training is
//! deterministic.
//!
//! A partially labelled sentence (a corpus that does not annotate MISC)
//! gives a set of allowed tags per token instead of one: its target is then
//! the best-scoring tag sequence within those sets (constrained decoding,
//! as for latent-variable perceptrons), so a token that may or may not be
//! part of a MISC name never teaches either.

use std::collections::HashMap;

use crate::ner::decode;
use crate::ner::model::PassData;
use crate::ner::tags::{Tag, NUM_TAGS};

/// One training sentence: per token, indices of its features, and gold tags.
#[derive(Clone)]
pub struct Example {
    /// Feature indices per token.
    pub features: Vec<Vec<u32>>,
    /// Gold tag per token.
    pub gold: Vec<Tag>,
    /// Per token, a bit set of the tags the gold annotation allows (bit `t`
    /// for tag `t`); empty when `gold` is certain.
    pub allowed: Vec<u32>,
}

/// Score that keeps a disallowed tag off the constrained path.
const FORBIDDEN: f32 = -1.0e9;

/// Maps feature keys to dense indices, keeping keys seen often enough.
pub struct FeatureIndex {
    /// Kept keys, by index.
    pub keys: Vec<u32>,
    index: HashMap<u32, u32>,
}

impl FeatureIndex {
    /// Keeps keys that occur at least `min_count` times, in ascending key order.
    pub fn build<'a>(all: impl Iterator<Item = &'a [u32]>, min_count: u32) -> FeatureIndex {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for keys in all {
            for &k in keys {
                *counts.entry(k).or_default() += 1;
            }
        }
        let mut keys: Vec<u32> = counts
            .into_iter()
            .filter(|&(_, c)| c >= min_count)
            .map(|(k, _)| k)
            .collect();
        keys.sort_unstable();
        let index = keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        FeatureIndex { keys, index }
    }

    /// Dense indices of the known keys among `keys`.
    pub fn map(&self, keys: &[u32]) -> Vec<u32> {
        keys.iter()
            .filter_map(|k| self.index.get(k).copied())
            .collect()
    }
}

/// Perceptron state.
pub struct Perceptron {
    weights: Vec<i32>,
    sums: Vec<i64>,
    transitions: Vec<i32>,
    transition_sums: Vec<i64>,
    step: i64,
}

impl Perceptron {
    /// Zero weights for `n` features.
    pub fn new(n: usize) -> Perceptron {
        Perceptron {
            weights: vec![0; n * NUM_TAGS],
            sums: vec![0; n * NUM_TAGS],
            transitions: vec![0; NUM_TAGS * NUM_TAGS],
            transition_sums: vec![0; NUM_TAGS * NUM_TAGS],
            step: 1,
        }
    }

    /// One pass over `examples` in the given order.
    pub fn epoch(&mut self, examples: &[Example], order: &[usize]) {
        let mut emissions = Vec::new();
        for &e in order {
            let example = &examples[e];
            let n = example.gold.len();
            emissions.clear();
            emissions.resize(n * NUM_TAGS, 0.0f32);
            for (row, features) in emissions.chunks_mut(NUM_TAGS).zip(&example.features) {
                let mut sum = [0i32; NUM_TAGS];
                for &f in features {
                    let w = &self.weights[f as usize * NUM_TAGS..][..NUM_TAGS];
                    for (s, &v) in sum.iter_mut().zip(w) {
                        *s += v;
                    }
                }
                for (r, s) in row.iter_mut().zip(sum) {
                    *r = s as f32;
                }
            }
            let transitions: [f32; NUM_TAGS * NUM_TAGS] =
                std::array::from_fn(|i| self.transitions[i] as f32);
            let predicted = decode::viterbi(&emissions, &transitions);
            let target = if example.allowed.is_empty() {
                example.gold.clone()
            } else {
                for (row, &allowed) in emissions.chunks_mut(NUM_TAGS).zip(&example.allowed) {
                    for (t, score) in row.iter_mut().enumerate() {
                        if allowed & (1 << t) == 0 {
                            *score = FORBIDDEN;
                        }
                    }
                }
                decode::viterbi(&emissions, &transitions)
            };
            if predicted != target {
                for i in 0..n {
                    let (g, p) = (target[i], predicted[i]);
                    if g != p {
                        for &f in &example.features[i] {
                            self.bump(f as usize * NUM_TAGS + g, 1);
                            self.bump(f as usize * NUM_TAGS + p, -1);
                        }
                    }
                    if i > 0 {
                        let (gp, pp) = (target[i - 1], predicted[i - 1]);
                        if (gp, g) != (pp, p) {
                            self.bump_transition(gp * NUM_TAGS + g, 1);
                            self.bump_transition(pp * NUM_TAGS + p, -1);
                        }
                    }
                }
            }
            self.step += 1;
        }
    }

    fn bump(&mut self, at: usize, delta: i32) {
        self.weights[at] += delta;
        self.sums[at] += self.step * delta as i64;
    }

    fn bump_transition(&mut self, at: usize, delta: i32) {
        self.transitions[at] += delta;
        self.transition_sums[at] += self.step * delta as i64;
    }

    /// The averaged weights, quantized: stored value = round(average × `scale`).
    pub fn averaged(&self, keys: &[u32], scale: f32) -> PassData {
        let average = |w: i32, s: i64| -> i32 {
            let avg = w as f64 - s as f64 / self.step as f64;
            (avg * scale as f64).round() as i32
        };
        let transitions = self
            .transitions
            .iter()
            .zip(&self.transition_sums)
            .map(|(&w, &s)| average(w, s))
            .collect();
        let features = keys
            .iter()
            .enumerate()
            .map(|(f, &key)| {
                let weights: [i32; NUM_TAGS] = std::array::from_fn(|t| {
                    average(self.weights[f * NUM_TAGS + t], self.sums[f * NUM_TAGS + t])
                });
                (key, weights)
            })
            .collect();
        PassData {
            transitions,
            features,
        }
    }
}

/// A deterministic shuffle (xorshift64*), so training is reproducible.
pub fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = seed.max(1);
    for i in (1..n).rev() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let r = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
        order.swap(i, (r % (i as u64 + 1)) as usize);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::tags::{tag, Class, Position};

    /// Trains on one sentence "X" seen as MISC once and as outside five
    /// times, the latter either certain or possibly MISC; returns the tag
    /// the averaged weights give "X".
    fn learned(partial: bool) -> Tag {
        let misc = tag(Class::Misc, Position::Unit);
        let allowed = if partial {
            vec![1 << 0 | 0b1111 << 13]
        } else {
            Vec::new()
        };
        let mut examples = vec![Example {
            features: vec![vec![0]],
            gold: vec![misc],
            allowed: Vec::new(),
        }];
        for _ in 0..5 {
            examples.push(Example {
                features: vec![vec![0]],
                gold: vec![0],
                allowed: allowed.clone(),
            });
        }
        let mut perceptron = Perceptron::new(1);
        for epoch in 0..4 {
            perceptron.epoch(&examples, &shuffled(examples.len(), 1 + epoch));
        }
        let data = perceptron.averaged(&[0], 1.0);
        let w = data.features[0].1;
        (0..NUM_TAGS).max_by_key(|&t| (w[t], t == 0)).unwrap()
    }

    #[test]
    fn possibly_misc_tokens_do_not_teach_outside() {
        assert_eq!(learned(false), 0, "certain O outvotes one MISC");
        assert_eq!(learned(true), tag(Class::Misc, Position::Unit));
    }
}
