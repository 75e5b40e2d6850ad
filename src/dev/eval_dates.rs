//! `gloss eval dates DIR [--misses]`: scores the full pipeline's DATE and
//! TIME annotations against gold TIMEX3 in TimeML files (TempEval-3 style).
//!
//! Each `.tml` file under DIR is read with [`super::timeml`]; its TEXT is
//! annotated with the DCT as reference date. Printed per subfolder and in
//! total, for DATE, TIME and both together: exact-span P/R/F1, relaxed
//! (overlap) P/R/F1 and value accuracy over relaxed matches. DURATION and SET
//! are scored as extras. `--misses` lists every miss, false alarm and wrong
//! value (DATE and TIME, then DURATION and SET), for study. Output is
//! deterministic.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::timeml::{self, TimeMl};
use super::{DevError, Problem};
use crate::Options;

/// Counts behind the scores of one type (or several together).
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    gold: usize,
    system: usize,
    exact_gold: usize,
    exact_system: usize,
    relaxed_gold: usize,
    relaxed_system: usize,
    value_right: usize,
    value_total: usize,
    /// Wrong values by [`ValueMiss`] kind.
    value_misses: [usize; ValueMiss::KINDS],
}

/// Why a value differs from gold, for the summary: conventions of the gold
/// annotators apart from real errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ValueMiss {
    /// Gold leaves digits unknown ("1989-WXX", "199X", "1998-10-XX") where
    /// ours names them.
    GoldUnspecified,
    /// The same day, ours with its part ("1998-10-23TNI", TimeML's TIME for
    /// "Friday night") and gold without.
    PartOfDay,
    /// The same ISO week, gold without the zero ("2000-W7" for "2000-W07").
    WeekPadding,
    /// Anything else.
    Other,
}

impl ValueMiss {
    const KINDS: usize = 4;

    fn of(gold: &str, ours: &str) -> ValueMiss {
        let same_day = gold.len() == 10 && ours.len() == 13 && ours.starts_with(gold);
        let padded = gold
            .rsplit_once("-W")
            .is_some_and(|(y, w)| w.len() == 1 && ours == format!("{y}-W0{w}"));
        if same_day && ours.as_bytes()[10] == b'T' {
            ValueMiss::PartOfDay
        } else if padded {
            ValueMiss::WeekPadding
        } else if gold.contains('X') && !ours.contains('X') {
            ValueMiss::GoldUnspecified
        } else {
            ValueMiss::Other
        }
    }
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.gold += o.gold;
        self.system += o.system;
        self.exact_gold += o.exact_gold;
        self.exact_system += o.exact_system;
        self.relaxed_gold += o.relaxed_gold;
        self.relaxed_system += o.relaxed_system;
        self.value_right += o.value_right;
        self.value_total += o.value_total;
        for (a, b) in self.value_misses.iter_mut().zip(o.value_misses) {
            *a += b;
        }
    }

    fn prf(
        matched_system: usize,
        system: usize,
        matched_gold: usize,
        gold: usize,
    ) -> (f64, f64, f64) {
        let p = if system == 0 {
            0.0
        } else {
            matched_system as f64 / system as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            matched_gold as f64 / gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    fn line(&self, name: &str) -> String {
        let (ep, er, ef) = Self::prf(self.exact_system, self.system, self.exact_gold, self.gold);
        let (rp, rr, rf) = Self::prf(
            self.relaxed_system,
            self.system,
            self.relaxed_gold,
            self.gold,
        );
        let va = if self.value_total == 0 {
            0.0
        } else {
            self.value_right as f64 / self.value_total as f64
        };
        format!(
            "{name:<10} {:>5} {:>5}   {ep:.3} {er:.3} {ef:.3}   {rp:.3} {rr:.3} {rf:.3}   {va:.3} ({}/{})",
            self.gold, self.system, self.value_right, self.value_total
        )
    }
}

/// A span with its type and value, in code points.
#[derive(Clone, Debug)]
struct Span {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

fn overlaps(a: &Span, b: &Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Scores one document for the given types; appends notes on errors to `notes`.
fn score(
    gold: &[Span],
    system: &[Span],
    kinds: &[&str],
    doc: &str,
    text: &[char],
    notes: &mut Vec<String>,
) -> Tally {
    let gold: Vec<&Span> = gold
        .iter()
        .filter(|s| kinds.contains(&s.kind.as_str()))
        .collect();
    let system: Vec<&Span> = system
        .iter()
        .filter(|s| kinds.contains(&s.kind.as_str()))
        .collect();
    let show = |s: &Span| -> String {
        let lo = s.start.saturating_sub(30);
        let hi = (s.end + 30).min(text.len());
        let before: String = text[lo..s.start].iter().collect();
        let inner: String = text[s.start..s.end].iter().collect();
        let after: String = text[s.end..hi].iter().collect();
        format!(
            "{}[{}]{}",
            before.replace('\n', " "),
            inner,
            after.replace('\n', " ")
        )
    };
    let mut t = Tally {
        gold: gold.len(),
        system: system.len(),
        ..Tally::default()
    };
    for g in &gold {
        if system.iter().any(|s| s.start == g.start && s.end == g.end) {
            t.exact_gold += 1;
        }
        match system.iter().find(|s| overlaps(s, g)) {
            Some(s) => {
                t.relaxed_gold += 1;
                t.value_total += 1;
                if s.value == g.value {
                    t.value_right += 1;
                } else {
                    t.value_misses[ValueMiss::of(&g.value, &s.value) as usize] += 1;
                    notes.push(format!(
                        "VALUE  {doc}: {}  gold {} {} / ours {} {}",
                        show(g),
                        g.kind,
                        g.value,
                        s.kind,
                        s.value
                    ));
                }
                if s.start != g.start || s.end != g.end {
                    let ours: String = text[s.start..s.end].iter().collect();
                    notes.push(format!("EXTENT {doc}: {}  ours {:?}", show(g), ours));
                }
            }
            None => notes.push(format!(
                "MISS   {doc}: {}  gold {} {}",
                show(g),
                g.kind,
                g.value
            )),
        }
    }
    for s in &system {
        if gold.iter().any(|g| g.start == s.start && g.end == s.end) {
            t.exact_system += 1;
        }
        if gold.iter().any(|g| overlaps(s, g)) {
            t.relaxed_system += 1;
        } else {
            notes.push(format!(
                "FALSE  {doc}: {}  ours {} {}",
                show(s),
                s.kind,
                s.value
            ));
        }
    }
    t
}

fn find_tml(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), DevError> {
    let unreadable = |e| DevError::Read(dir.display().to_string(), e);
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        if path.is_dir() {
            find_tml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tml") {
            out.push(path);
        }
    }
    Ok(())
}

/// `gloss eval dates DIR [--misses]`: prints the scores of every `.tml` file
/// under `dir`, and with `show_misses` every miss, false alarm and wrong value.
pub fn eval(dir: &Path, show_misses: bool) -> Result<(), DevError> {
    let mut files = Vec::new();
    find_tml(dir, &mut files)?;
    files.sort();
    if files.is_empty() {
        return Err(DevError::Malformed(
            dir.display().to_string(),
            Problem::from("it holds no .tml files"),
        ));
    }
    let groups: [(&str, &[&str]); 5] = [
        ("DATE", &["DATE"]),
        ("TIME", &["TIME"]),
        ("DATE+TIME", &["DATE", "TIME"]),
        ("DURATION", &["DURATION"]),
        ("SET", &["SET"]),
    ];
    let mut by_set: BTreeMap<String, Vec<Tally>> = BTreeMap::new();
    let mut total = vec![Tally::default(); groups.len()];
    let mut notes = Vec::new();
    let mut extra_notes = Vec::new();
    for path in &files {
        let name = path.display().to_string();
        let xml = super::read_file(&name)?;
        let TimeMl { dct, text, timexes } =
            timeml::parse(&xml).map_err(|p| DevError::Malformed(name, p))?;
        let doc = crate::annotate(
            &text,
            &Options {
                reference_date: Some(dct),
                today: dct,
            },
        );
        let gold: Vec<Span> = timexes
            .into_iter()
            .map(|t| Span {
                start: t.start,
                end: t.end,
                kind: t.kind,
                value: t.value,
            })
            .collect();
        let system: Vec<Span> = doc
            .annotations
            .iter()
            .filter(|a| a.label.is_temporal())
            .map(|a| Span {
                start: a.start,
                end: a.end,
                kind: a.label.as_str().to_string(),
                value: a.value.clone().unwrap_or_default(),
            })
            .collect();
        let chars: Vec<char> = text.chars().collect();
        let name = path
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        let set = path
            .parent()
            .and_then(|p| p.file_name())
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        let tallies = by_set
            .entry(set)
            .or_insert_with(|| vec![Tally::default(); groups.len()]);
        for (g, (_, kinds)) in groups.iter().enumerate() {
            let mut doc_notes = Vec::new();
            let t = score(&gold, &system, kinds, &name, &chars, &mut doc_notes);
            match groups[g].0 {
                "DATE+TIME" => notes.extend(doc_notes),
                "DURATION" | "SET" => extra_notes.extend(doc_notes),
                _ => {}
            }
            tallies[g].add(&t);
            total[g].add(&t);
        }
    }
    let mut out = String::new();
    let header = "type        gold   sys   exact P/R/F1        relaxed P/R/F1      value acc";
    let mut sections: Vec<(String, Vec<Tally>)> = by_set.into_iter().collect();
    sections.push((format!("ALL ({} files)", files.len()), total.clone()));
    for (name, tallies) in &sections {
        let _ = writeln!(out, "== {name}\n{header}");
        for (g, (label, _)) in groups.iter().enumerate() {
            let _ = writeln!(out, "{}", tallies[g].line(label));
        }
        out.push('\n');
    }
    let both = groups
        .iter()
        .position(|(n, _)| *n == "DATE+TIME")
        .unwrap_or(0);
    let [unspecified, part_of_day, padding, other] = total[both].value_misses;
    let _ = writeln!(
        out,
        "DATE+TIME wrong values: {other} other, {unspecified} where gold leaves digits unknown (WXX, 199X), \
         {part_of_day} where gold drops the part of day (TimeML: TIME, \"1998-10-23TNI\"), \
         {padding} where gold writes a week without its zero (W7)\n"
    );
    if show_misses {
        notes.sort_by(|a, b| a[..6].cmp(&b[..6]).then(a.cmp(b)));
        for n in &notes {
            let _ = writeln!(out, "{n}");
        }
        extra_notes.sort_by(|a, b| a[..6].cmp(&b[..6]).then(a.cmp(b)));
        let _ = writeln!(out, "\n-- DURATION and SET (extras)");
        for n in &extra_notes {
            let _ = writeln!(out, "{n}");
        }
    } else {
        let count = |p: &str| notes.iter().filter(|n| n.starts_with(p)).count();
        let _ = writeln!(
            out,
            "DATE+TIME: {} misses, {} false alarms, {} wrong values, {} extent differences (list them with --misses)",
            count("MISS"),
            count("FALSE"),
            count("VALUE"),
            count("EXTENT")
        );
    }
    print!("{out}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::ValueMiss;

    #[test]
    fn wrong_values_are_told_apart_by_gold_convention() {
        let cases = [
            ("1989-WXX", "1989-W43", ValueMiss::GoldUnspecified),
            ("199X", "199", ValueMiss::GoldUnspecified),
            ("1998-10-23", "1998-10-23TNI", ValueMiss::PartOfDay),
            ("2000-W7", "2000-W07", ValueMiss::WeekPadding),
            ("2000-W7", "2000-W05", ValueMiss::Other),
            ("1990-08-09", "1990-08-16", ValueMiss::Other),
            ("2000-01-05TEV", "2000-01-05TNI", ValueMiss::Other),
            ("XXXX-WXX-1", "XXXX-WXX-2", ValueMiss::Other),
        ];
        for (gold, ours, kind) in cases {
            assert_eq!(ValueMiss::of(gold, ours), kind, "{gold} / {ours}");
        }
    }
}
