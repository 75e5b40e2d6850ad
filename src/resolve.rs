//! Settles overlaps between candidate mentions into the final, sorted,
//! non-overlapping set, deterministically.
//!
//! First, a name never swallows a day-precise date at its edge: "met with
//! Sununu Sunday" is a person and a date, not the person "Sununu Sunday".
//! Then longer mentions win ("Sunday Times" as a newspaper over "Sunday" as a
//! date); between equally long ones the recognizer listed first wins, then the
//! earlier one. A MISC name comes after all others: it is kept only where
//! nothing else overlaps it.

use std::collections::{BTreeMap, HashMap};

use crate::labels::Label;
use crate::recognize::Mention;

/// Picks non-overlapping mentions from `candidates` (byte offsets into
/// `text`), each tagged with the rank of the recognizer that found it (lower
/// wins ties), and returns them sorted by start.
pub fn resolve(text: &str, mut candidates: Vec<(usize, Mention)>) -> Vec<Mention> {
    trim_names_at_dates(text, &mut candidates);
    candidates.retain(|(_, m)| m.start < m.end);
    // A MISC name only fills what no other mention claims: it never takes a
    // date off the timeline or a place off the map.
    let misc = |m: &Mention| m.label == Label::Misc;
    candidates.sort_by(|(rank_a, a), (rank_b, b)| {
        misc(a)
            .cmp(&misc(b))
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(rank_a.cmp(rank_b))
            .then(a.start.cmp(&b.start))
    });
    // Chosen mentions by start; a newcomer can only overlap its neighbours.
    let mut chosen: BTreeMap<usize, Mention> = BTreeMap::new();
    for (_, m) in candidates {
        let clashes_before = chosen
            .range(..=m.start)
            .next_back()
            .is_some_and(|(_, c)| c.end > m.start);
        let clashes_after = chosen
            .range(m.start..)
            .next()
            .is_some_and(|(_, c)| c.start < m.end);
        if !clashes_before && !clashes_after {
            chosen.insert(m.start, m);
        }
    }
    chosen.into_values().collect()
}

/// True for a date the temporal recognizer pins to a day ("Sunday",
/// "Dec. 21", "2025-12-21"): such a date is never part of a name, whereas a
/// bare month may be ("Theresa May", "June Carter").
fn is_day_precise(m: &Mention) -> bool {
    let Some(value) = m.value.as_deref() else {
        return false;
    };
    let bytes = value.as_bytes();
    m.label.is_temporal()
        && bytes.len() >= 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes[5..7]
            .iter()
            .chain(&bytes[8..10])
            .all(u8::is_ascii_digit)
}

/// Cuts a day-precise date off the start or end of any name that contains it.
fn trim_names_at_dates(text: &str, candidates: &mut [(usize, Mention)]) {
    // Dates by their start and by their end: a date at a name's edge shares one of them.
    let mut by_start: HashMap<usize, usize> = HashMap::new();
    let mut by_end: HashMap<usize, usize> = HashMap::new();
    for (_, m) in candidates.iter().filter(|(_, m)| is_day_precise(m)) {
        let shortest_end = by_start.entry(m.start).or_insert(m.end);
        *shortest_end = (*shortest_end).min(m.end);
        let latest_start = by_end.entry(m.end).or_insert(m.start);
        *latest_start = (*latest_start).max(m.start);
    }
    for (_, name) in candidates
        .iter_mut()
        .filter(|(_, m)| !m.label.is_temporal())
    {
        if let Some(&start) = by_end.get(&name.end).filter(|&&start| start > name.start) {
            name.end = name.start + text[name.start..start].trim_end().len();
        } else if let Some(&end) = by_start.get(&name.start).filter(|&&end| end < name.end) {
            name.start = name.end - text[end..name.end].trim_start().len();
        }
    }
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
    fn a_name_gives_up_a_day_precise_date_at_its_edge_but_not_a_month() {
        let text = "met Sununu Sunday and Theresa May";
        let at = |s: &str| text.find(s).unwrap();
        let date = |s: &str, value: &str| Mention {
            value: Some(value.into()),
            ..m(at(s), at(s) + s.len(), Label::Date)
        };
        let out = resolve(
            text,
            vec![
                (1, m(at("Sununu"), at("Sunday") + 6, Label::Person)),
                (0, date("Sunday", "2025-12-21")),
                (1, m(at("Theresa"), text.len(), Label::Person)),
                (0, date("May", "2026-05")),
            ],
        );
        let found: Vec<&str> = out.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(found, ["Sununu", "Sunday", "Theresa May"]);
        assert_eq!(
            out.iter().map(|m| m.label).collect::<Vec<_>>(),
            [Label::Person, Label::Date, Label::Person]
        );
    }

    #[test]
    fn longest_wins_then_rank_then_position() {
        let out = resolve(
            "0123456789012345678901234567890",
            vec![
                (1, m(0, 6, Label::Date)),
                (0, m(0, 12, Label::Org)),
                (1, m(13, 17, Label::Date)),
                (0, m(13, 17, Label::Person)),
                (0, m(20, 24, Label::Place)),
                (0, m(22, 26, Label::Place)),
                (0, m(30, 30, Label::Place)),
            ],
        );
        assert_eq!(
            out,
            vec![
                m(0, 12, Label::Org),
                m(13, 17, Label::Person),
                m(20, 24, Label::Place)
            ]
        );
    }

    #[test]
    fn a_misc_name_is_kept_only_where_nothing_else_overlaps() {
        let out = resolve(
            "0123456789012345678901234567890",
            vec![
                // "the 1996 Olympics": the longer MISC gives the date way.
                (0, m(0, 12, Label::Misc)),
                (1, m(4, 8, Label::Date)),
                (0, m(14, 20, Label::Misc)),
                (0, m(22, 30, Label::Misc)),
                (0, m(26, 28, Label::Place)),
            ],
        );
        assert_eq!(
            out,
            vec![
                m(4, 8, Label::Date),
                m(14, 20, Label::Misc),
                m(26, 28, Label::Place)
            ]
        );
    }
}
