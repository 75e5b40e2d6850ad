//! Settles overlaps between candidate mentions into the final, sorted,
//! non-overlapping set, deterministically.
//!
//! Longer mentions win ("Sunday Times" as a newspaper over "Sunday" as a
//! date); between equally long ones the recognizer listed first wins, then the
//! earlier one.

use crate::recognize::Mention;

/// Picks non-overlapping mentions from `candidates`, each tagged with the rank
/// of the recognizer that found it (lower wins ties), and returns them sorted
/// by start.
pub fn resolve(mut candidates: Vec<(usize, Mention)>) -> Vec<Mention> {
    candidates.retain(|(_, m)| m.start < m.end);
    candidates.sort_by(|(rank_a, a), (rank_b, b)| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(rank_a.cmp(rank_b))
            .then(a.start.cmp(&b.start))
    });
    let mut chosen: Vec<Mention> = Vec::new();
    for (_, m) in candidates {
        // `chosen` stays sorted by start, so only the neighbours can overlap.
        let at = chosen.partition_point(|c| c.start < m.start);
        let clashes_before = at > 0 && chosen[at - 1].end > m.start;
        let clashes_after = chosen.get(at).is_some_and(|c| c.start < m.end);
        if !clashes_before && !clashes_after {
            chosen.insert(at, m);
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Label;

    fn m(start: usize, end: usize, label: Label) -> Mention {
        Mention {
            start,
            end,
            label,
            value: None,
            confidence: None,
        }
    }

    #[test]
    fn longest_wins_then_rank_then_position() {
        let out = resolve(vec![
            (1, m(0, 6, Label::Date)),
            (0, m(0, 12, Label::Org)),
            (1, m(13, 17, Label::Date)),
            (0, m(13, 17, Label::Person)),
            (0, m(20, 24, Label::Place)),
            (0, m(22, 26, Label::Place)),
            (0, m(30, 30, Label::Place)),
        ]);
        assert_eq!(
            out,
            vec![
                m(0, 12, Label::Org),
                m(13, 17, Label::Person),
                m(20, 24, Label::Place)
            ]
        );
    }
}
