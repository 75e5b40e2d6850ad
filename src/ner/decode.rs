//! Viterbi decoding over BILOU tags with the invalid transitions forbidden,
//! and forward–backward marginals for confidences.
//!
//! Scores are plain sums: `emission[i][t]` for tag `t` at token `i`, plus
//! `transition[p][t]` between neighbours. A forbidden transition (see
//! [`tags::may_follow`]) is never taken, so every decoded sequence is a valid
//! BILOU sequence whatever the weights say.

use super::tags::{self, Tag, NUM_TAGS};

/// Tags that may follow a closed tag: `O`, `B-x`, `U-x` (see [`tags`]).
const OPENING: [Tag; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];
/// Closed tags, after which a new name may start: `O`, `L-x`, `U-x`.
const CLOSED: [Tag; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];

/// Per-token tag scores, row-major: `scores[i * NUM_TAGS + t]`.
pub type Emissions = [f32];

/// The best valid tag sequence for `n` tokens.
pub fn viterbi(emissions: &Emissions, transitions: &[f32; NUM_TAGS * NUM_TAGS]) -> Vec<Tag> {
    let n = emissions.len() / NUM_TAGS;
    if n == 0 {
        return Vec::new();
    }
    let mut best = [f32::NEG_INFINITY; NUM_TAGS];
    for t in 0..NUM_TAGS {
        if tags::may_start(t) {
            best[t] = emissions[t];
        }
    }
    // Transitions from each closed tag (row) to each opening tag, so that
    // the nine maxima below run side by side, one predecessor at a time, in
    // the same order (and so with the same ties) as one tag at a time.
    let opening: [[f32; OPENING.len()]; CLOSED.len()] = std::array::from_fn(|k| {
        std::array::from_fn(|m| transitions[CLOSED[k] * NUM_TAGS + OPENING[m]])
    });
    let mut back = vec![0u8; n * NUM_TAGS];
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; NUM_TAGS];
        // Every tag gets its best predecessor below.
        let arg = &mut back[i * NUM_TAGS..(i + 1) * NUM_TAGS];
        // O, B-x and U-x follow a closed tag (O, L-y, U-y) ...
        let mut max = [f32::NEG_INFINITY; OPENING.len()];
        let mut from = [CLOSED[0] as u8; OPENING.len()];
        for (k, row) in opening.iter().enumerate() {
            let b = best[CLOSED[k]];
            for ((max, from), &w) in max.iter_mut().zip(&mut from).zip(row) {
                let s = b + w;
                if s > *max {
                    *max = s;
                    *from = CLOSED[k] as u8;
                }
            }
        }
        for (m, &t) in OPENING.iter().enumerate() {
            next[t] = max[m];
            arg[t] = from[m];
        }
        // ... I-x and L-x follow B-x or I-x of the same class.
        for begin in (1..NUM_TAGS).step_by(4) {
            let inside = begin + 1;
            for t in [inside, begin + 2] {
                let via_begin = best[begin] + transitions[begin * NUM_TAGS + t];
                let via_inside = best[inside] + transitions[inside * NUM_TAGS + t];
                (next[t], arg[t]) = if via_inside > via_begin {
                    (via_inside, inside as u8)
                } else {
                    (via_begin, begin as u8)
                };
            }
        }
        for (t, score) in next.iter_mut().enumerate() {
            *score += emissions[i * NUM_TAGS + t];
        }
        best = next;
    }
    let mut last = 0;
    let mut max = f32::NEG_INFINITY;
    for (t, &s) in best.iter().enumerate() {
        if tags::may_end(t) && s > max {
            max = s;
            last = t;
        }
    }
    let mut path = vec![0; n];
    path[n - 1] = last;
    for i in (1..n).rev() {
        path[i - 1] = back[i * NUM_TAGS + path[i]] as usize;
    }
    path
}

/// Marginal probability of each tag at each token under a softmax over valid
/// sequences, with scores divided by `temperature`. Row-major like the input.
pub fn marginals(
    emissions: &Emissions,
    transitions: &[f32; NUM_TAGS * NUM_TAGS],
    temperature: f32,
) -> Vec<f32> {
    Softmax::new(transitions, temperature).marginals(emissions)
}

/// A softmax over valid tag sequences for one set of transition weights,
/// with the exponentiated transitions computed once.
pub struct Softmax {
    step: [f64; NUM_TAGS * NUM_TAGS],
    scale: f64,
    /// `step` from each closed tag (row) to each opening tag.
    opening_step: [[f64; OPENING.len()]; CLOSED.len()],
    /// `step` to each opening tag (row) from each closed tag.
    closing_step: [[f64; CLOSED.len()]; OPENING.len()],
}

impl Softmax {
    /// Prepares the softmax for `transitions`, scores divided by `temperature`.
    pub fn new(transitions: &[f32; NUM_TAGS * NUM_TAGS], temperature: f32) -> Softmax {
        let allowed = allowed_table();
        let scale = 1.0 / temperature as f64;
        let top = transitions.iter().fold(f32::NEG_INFINITY, |a, &b| a.max(b)) as f64;
        let mut step = [0.0f64; NUM_TAGS * NUM_TAGS];
        for p in 0..NUM_TAGS {
            for t in 0..NUM_TAGS {
                if allowed[p][t] {
                    step[p * NUM_TAGS + t] =
                        ((transitions[p * NUM_TAGS + t] as f64 - top) * scale).exp();
                }
            }
        }
        Softmax {
            opening_step: std::array::from_fn(|k| {
                std::array::from_fn(|m| step[CLOSED[k] * NUM_TAGS + OPENING[m]])
            }),
            closing_step: std::array::from_fn(|m| {
                std::array::from_fn(|k| step[CLOSED[k] * NUM_TAGS + OPENING[m]])
            }),
            step,
            scale,
        }
    }

    /// Marginals of every tag at every token, row-major like `emissions`.
    ///
    /// Scaled forward–backward in probability space: each token's scores are
    /// shifted so their maximum is 0 before `exp`, and each step is
    /// normalised, so nothing overflows and only `NUM_TAGS` exponentials are
    /// taken per token.
    pub fn marginals(&self, emissions: &Emissions) -> Vec<f32> {
        let n = emissions.len() / NUM_TAGS;
        if n == 0 {
            return Vec::new();
        }
        let step = &self.step;
        let mut local = vec![0.0f64; n * NUM_TAGS];
        for (row, scores) in local.chunks_mut(NUM_TAGS).zip(emissions.chunks(NUM_TAGS)) {
            let max = scores.iter().fold(f32::NEG_INFINITY, |a, &b| a.max(b)) as f64;
            for (l, &s) in row.iter_mut().zip(scores) {
                *l = ((s as f64 - max) * self.scale).exp();
            }
        }
        let normalise = |row: &mut [f64]| {
            let sum: f64 = row.iter().sum();
            if sum > 0.0 {
                row.iter_mut().for_each(|x| *x /= sum);
            }
        };
        let mut alpha = vec![0.0f64; n * NUM_TAGS];
        let mut beta = vec![0.0f64; n * NUM_TAGS];
        for t in 0..NUM_TAGS {
            alpha[t] = if tags::may_start(t) { local[t] } else { 0.0 };
            beta[(n - 1) * NUM_TAGS + t] = if tags::may_end(t) { 1.0 } else { 0.0 };
        }
        normalise(&mut alpha[..NUM_TAGS]);
        // Sums run over the allowed neighbours only (the others have a step
        // of exactly 0), each in ascending tag order, laid out so that the
        // nine sums between opening and closed tags run side by side.
        let opening_step = &self.opening_step;
        for i in 1..n {
            let (before, after) = alpha.split_at_mut(i * NUM_TAGS);
            let previous = &before[(i - 1) * NUM_TAGS..];
            let mut sums = [0.0f64; OPENING.len()];
            for (k, &p) in CLOSED.iter().enumerate() {
                let a = previous[p];
                for (sum, &w) in sums.iter_mut().zip(&opening_step[k]) {
                    *sum += a * w;
                }
            }
            for (m, &t) in OPENING.iter().enumerate() {
                after[t] = sums[m] * local[i * NUM_TAGS + t];
            }
            for begin in (1..NUM_TAGS).step_by(4) {
                for t in [begin + 1, begin + 2] {
                    let sum = previous[begin] * step[begin * NUM_TAGS + t]
                        + previous[begin + 1] * step[(begin + 1) * NUM_TAGS + t];
                    after[t] = sum * local[i * NUM_TAGS + t];
                }
            }
            normalise(&mut after[..NUM_TAGS]);
        }
        for i in (0..n - 1).rev() {
            let (before, after) = beta.split_at_mut((i + 1) * NUM_TAGS);
            let next = &after[..NUM_TAGS];
            let local_next = &local[(i + 1) * NUM_TAGS..(i + 2) * NUM_TAGS];
            let mut sums = [0.0f64; CLOSED.len()];
            for (m, &t) in OPENING.iter().enumerate() {
                let (l, x) = (local_next[t], next[t]);
                for (sum, &w) in sums.iter_mut().zip(&self.closing_step[m]) {
                    *sum += w * l * x;
                }
            }
            let row = &mut before[i * NUM_TAGS..];
            for (k, &p) in CLOSED.iter().enumerate() {
                row[p] = sums[k];
            }
            for begin in (1..NUM_TAGS).step_by(4) {
                for p in [begin, begin + 1] {
                    let (inside, last) = (begin + 1, begin + 2);
                    row[p] = step[p * NUM_TAGS + inside] * local_next[inside] * next[inside]
                        + step[p * NUM_TAGS + last] * local_next[last] * next[last];
                }
            }
            normalise(row);
        }
        let mut out = Vec::with_capacity(n * NUM_TAGS);
        for (a, b) in alpha.chunks(NUM_TAGS).zip(beta.chunks(NUM_TAGS)) {
            let row: [f64; NUM_TAGS] = std::array::from_fn(|t| a[t] * b[t]);
            let sum: f64 = row.iter().sum();
            out.extend(
                row.iter()
                    .map(|x| if sum > 0.0 { (x / sum) as f32 } else { 0.0 }),
            );
        }
        out
    }
}

fn allowed_table() -> &'static [[bool; NUM_TAGS]; NUM_TAGS] {
    static TABLE: std::sync::OnceLock<[[bool; NUM_TAGS]; NUM_TAGS]> = std::sync::OnceLock::new();
    TABLE.get_or_init(build_allowed_table)
}

fn build_allowed_table() -> [[bool; NUM_TAGS]; NUM_TAGS] {
    let mut table = [[false; NUM_TAGS]; NUM_TAGS];
    for (p, row) in table.iter_mut().enumerate() {
        for (t, cell) in row.iter_mut().enumerate() {
            *cell = tags::may_follow(p, t);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn is_valid(path: &[Tag]) -> bool {
        path.first().is_none_or(|&t| tags::may_start(t))
            && path.last().is_none_or(|&t| tags::may_end(t))
            && path.windows(2).all(|w| tags::may_follow(w[0], w[1]))
    }

    proptest! {
        /// Whatever the scores, the decoded sequence is valid BILOU and the
        /// marginals of each token sum to one.
        #[test]
        fn decodes_only_valid_sequences(
            scores in proptest::collection::vec(-50.0f32..50.0, 0..12 * NUM_TAGS),
            trans in proptest::collection::vec(-50.0f32..50.0, NUM_TAGS * NUM_TAGS),
        ) {
            let n = scores.len() / NUM_TAGS;
            let emissions = &scores[..n * NUM_TAGS];
            let transitions: [f32; NUM_TAGS * NUM_TAGS] = trans.try_into().unwrap();
            let path = viterbi(emissions, &transitions);
            prop_assert_eq!(path.len(), n);
            prop_assert!(is_valid(&path), "{:?}", path.iter().map(|&t| tags::name(t)).collect::<Vec<_>>());
            let m = marginals(emissions, &transitions, 10.0);
            for row in m.chunks(NUM_TAGS) {
                let sum: f32 = row.iter().sum();
                prop_assert!((sum - 1.0).abs() < 1e-3, "{}", sum);
            }
        }
    }

    /// Exhaustive Viterbi over the transition table, for comparison.
    fn reference_viterbi(emissions: &[f32], transitions: &[f32; NUM_TAGS * NUM_TAGS]) -> Vec<Tag> {
        let n = emissions.len() / NUM_TAGS;
        if n == 0 {
            return Vec::new();
        }
        let mut best: Vec<f32> = (0..NUM_TAGS)
            .map(|t| {
                if tags::may_start(t) {
                    emissions[t]
                } else {
                    f32::NEG_INFINITY
                }
            })
            .collect();
        let mut back = vec![vec![0usize; NUM_TAGS]; n];
        for i in 1..n {
            let mut next = vec![f32::NEG_INFINITY; NUM_TAGS];
            for t in 0..NUM_TAGS {
                for p in (0..NUM_TAGS).filter(|&p| tags::may_follow(p, t)) {
                    let s = best[p] + transitions[p * NUM_TAGS + t];
                    if s > next[t] {
                        next[t] = s;
                        back[i][t] = p;
                    }
                }
                next[t] += emissions[i * NUM_TAGS + t];
            }
            best = next;
        }
        let mut last = (0..NUM_TAGS).filter(|&t| tags::may_end(t)).fold(0, |a, t| {
            if best[t] > best[a] || !tags::may_end(a) {
                t
            } else {
                a
            }
        });
        let mut path = vec![0; n];
        for i in (0..n).rev() {
            path[i] = last;
            last = back[i][last];
        }
        path
    }

    proptest! {
        /// The specialised decoder finds the same path as exhaustive search.
        #[test]
        fn matches_exhaustive_viterbi(
            scores in proptest::collection::vec(-50i32..50, 0..10 * NUM_TAGS),
            trans in proptest::collection::vec(-50i32..50, NUM_TAGS * NUM_TAGS),
        ) {
            // Integer scores, so equal sums compare equal in both decoders.
            let n = scores.len() / NUM_TAGS;
            let emissions: Vec<f32> = scores[..n * NUM_TAGS].iter().map(|&v| v as f32 + 0.001 * v as f32 * v as f32).collect();
            let transitions: [f32; NUM_TAGS * NUM_TAGS] = std::array::from_fn(|i| trans[i] as f32 * 1.37);
            let score = |path: &[Tag]| -> f32 {
                path.iter().enumerate().map(|(i, &t)| emissions[i * NUM_TAGS + t]).sum::<f32>()
                    + path.windows(2).map(|w| transitions[w[0] * NUM_TAGS + w[1]]).sum::<f32>()
            };
            let ours = viterbi(&emissions, &transitions);
            let reference = reference_viterbi(&emissions, &transitions);
            prop_assert!((score(&ours) - score(&reference)).abs() < 1e-2, "{} vs {}", score(&ours), score(&reference));
        }
    }

    #[test]
    fn a_lone_inside_score_becomes_a_unit_name() {
        // Token 1 strongly prefers I-PER, which cannot follow O: the decoder
        // must pick a valid alternative, never O I-PER O.
        let mut e = vec![0.0f32; 3 * NUM_TAGS];
        e[0] = 5.0;
        e[2 * NUM_TAGS] = 5.0;
        let i_per = tags::tag(tags::Class::Per, tags::Position::Inside);
        let u_per = tags::tag(tags::Class::Per, tags::Position::Unit);
        e[NUM_TAGS + i_per] = 10.0;
        e[NUM_TAGS + u_per] = 4.0;
        let path = viterbi(&e, &[0.0; NUM_TAGS * NUM_TAGS]);
        assert_eq!(path, vec![tags::OUTSIDE, u_per, tags::OUTSIDE]);
    }
}
