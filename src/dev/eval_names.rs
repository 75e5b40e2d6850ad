//! `gloss eval names FILE [--train TRAIN]`: conlleval-style scores (exact spans; precision,
//! recall and F1 per class and overall) on CoNLL-2003 data, or on any corpus
//! of [`corpora`] named `KIND:PATH` (`gum-dev:DIR`, `wnut17:FILE`), two ways:
//!
//! * **gold tokens**: the model tags the corpus tokens and sentences;
//! * **raw text**: each document is rebuilt as natural text from its tokens
//!   and run through the full user pipeline ([`crate::annotate`]: tokenizer,
//!   sentence splitter, all recognizers, overlap resolution). PERSON, PLACE
//!   and ORG come from the exported annotations; MISC, which is not exported,
//!   from [`crate::ner::find_names`] on the same text where it does not overlap
//!   them. A predicted name whose edges fall inside a gold token counts as
//!   wrong.
//!
//! `--show-errors`, `--show-token-diffs` and `--calibrate` print development
//! aids instead (see [`show_errors`], [`show_token_diffs`], [`calibrate`]).

use std::collections::HashMap;
use std::ops::Range;

use super::conll::{self, ConllDocument};
use super::corpora;
use super::DevError;
use crate::document::Label;
use crate::ner::tags::{Class, Span};
use crate::ner::Tagger;
use crate::span::CharIndex;

/// True/false positive and false negative counts per class.
#[derive(Clone, Debug, Default)]
pub struct Score {
    counts: [[usize; 3]; 4],
}

impl Score {
    /// Adds one document's gold and predicted names.
    pub fn add(&mut self, gold: &[Span], predicted: &[Span]) {
        for p in predicted {
            let hit = gold.iter().any(|g| g == p);
            self.counts[p.class as usize][if hit { 0 } else { 1 }] += 1;
        }
        for g in gold {
            if !predicted.iter().any(|p| p == g) {
                self.counts[g.class as usize][2] += 1;
            }
        }
    }

    /// Precision, recall, F1 of one class.
    pub fn class(&self, class: Class) -> (f64, f64, f64) {
        prf(self.counts[class as usize])
    }

    /// Precision, recall, F1 over all four classes (micro-averaged).
    pub fn overall(&self) -> (f64, f64, f64) {
        let mut total = [0; 3];
        for c in &self.counts {
            for k in 0..3 {
                total[k] += c[k];
            }
        }
        prf(total)
    }

    /// A conlleval-like table.
    pub fn report(&self) -> String {
        let mut out = String::from("  class      precision  recall     F1   gold\n");
        let row = |name: &str, (p, r, f): (f64, f64, f64), gold: usize| {
            format!(
                "  {name:<8} {:>10.2} {:>7.2} {:>6.2} {:>6}\n",
                p * 100.0,
                r * 100.0,
                f * 100.0,
                gold
            )
        };
        for class in Class::ALL {
            let c = self.counts[class as usize];
            let label = match class {
                Class::Per => "PERSON",
                Class::Loc => "PLACE",
                Class::Org => "ORG",
                Class::Misc => "MISC",
            };
            out += &row(label, self.class(class), c[0] + c[2]);
        }
        let gold: usize = self.counts.iter().map(|c| c[0] + c[2]).sum();
        out += &row("overall", self.overall(), gold);
        out
    }
}

fn prf([tp, fp, fneg]: [usize; 3]) -> (f64, f64, f64) {
    let p = if tp + fp == 0 {
        0.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fneg == 0 {
        0.0
    } else {
        tp as f64 / (tp + fneg) as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// `gloss eval names FILE [--train TRAIN]`: prints the scores on the
/// CoNLL-2003 file `path`, both ways; with `train`, also the raw-text recall
/// on names that never occur as a name in that training file.
pub fn eval(path: &str, train: Option<&str>) -> Result<(), DevError> {
    let docs = corpora::read(path)?;
    let seen: std::collections::HashSet<String> = match train {
        Some(train) => conll::read(train)?
            .iter()
            .flat_map(|d| d.names.iter().map(|n| d.words[n.start..n.end].join(" ")))
            .collect(),
        None => Default::default(),
    };
    let tagger = Tagger::embedded();
    let mut gold_tokens = Score::default();
    let mut raw = Score::default();
    let mut one_line = Score::default();
    // Recall on gold names whose text never occurs as a name in TRAIN: [found, total] per class.
    let mut unseen = [[0usize; 2]; 4];
    for doc in &docs {
        let predicted: Vec<Span> = tagger
            .tag(&doc.word_refs(), &doc.sentences)
            .into_iter()
            .map(|e| Span {
                start: e.start,
                end: e.end,
                class: e.class,
            })
            .collect();
        let names = &scored(doc, doc.names.clone());
        gold_tokens.add(names, &scored(doc, predicted));
        let users_get = raw_pipeline(doc, '\n');
        raw.add(names, &scored(doc, users_get.clone()));
        one_line.add(names, &scored(doc, raw_pipeline(doc, ' ')));
        for name in &doc.names {
            if !seen.contains(&doc.words[name.start..name.end].join(" ")) {
                unseen[name.class as usize][0] += users_get.contains(name) as usize;
                unseen[name.class as usize][1] += 1;
            }
        }
    }
    let tokens: usize = docs.iter().map(|d| d.words.len()).sum();
    println!("{path}: {} documents, {tokens} tokens", docs.len());
    println!("\ngold tokens (model only):\n{}", gold_tokens.report());
    println!(
        "raw text (full pipeline, what users get):\n{}",
        raw.report()
    );
    let f1 = |class| one_line.class(class).2 * 100.0;
    println!(
        "raw text, each document on one line (no line breaks to split sentences at): \
         PERSON {:.2}, PLACE {:.2}, ORG {:.2}, overall {:.2}\n",
        f1(Class::Per),
        f1(Class::Loc),
        f1(Class::Org),
        one_line.overall().2 * 100.0
    );
    if train.is_some() {
        let cells: Vec<String> = Class::ALL
            .iter()
            .map(|&c| {
                let [found, total] = unseen[c as usize];
                format!(
                    "{} {:.2} ({found}/{total})",
                    c.as_str(),
                    found as f64 / total.max(1) as f64 * 100.0
                )
            })
            .collect();
        println!(
            "raw-text recall on names never seen in training: {}",
            cells.join(", ")
        );
    }
    Ok(())
}

/// The names of `spans` that `doc` annotates: without MISC in a corpus that
/// does not annotate it as CoNLL-2003 does ([`ConllDocument::maybe_misc`]).
pub(super) fn scored(doc: &ConllDocument, mut spans: Vec<Span>) -> Vec<Span> {
    if !doc.maybe_misc.is_empty() {
        spans.retain(|s| s.class != Class::Misc);
    }
    spans
}

/// `gloss eval names --show-errors FILE`: prints every raw-pipeline mistake
/// with its sentence, a development aid.
pub fn show_errors(path: &str) -> Result<(), DevError> {
    let docs = corpora::read(path)?;
    for doc in &docs {
        let predicted = raw_pipeline(doc, '\n');
        let sentence_of = |i: usize| {
            doc.sentences
                .iter()
                .find(|s| s.contains(&i))
                .cloned()
                .unwrap_or(i..i + 1)
        };
        let show = |span: &Span| {
            if span.start == usize::MAX {
                return "(edges inside a token)".to_string();
            }
            let s = sentence_of(span.start);
            let mut words: Vec<String> = doc.words[s.clone()].to_vec();
            words[span.start - s.start] = format!("[{}", words[span.start - s.start]);
            words[span.end - 1 - s.start] += "]";
            words.join(" ")
        };
        for g in &doc.names {
            if !predicted.contains(g) {
                let guess = predicted
                    .iter()
                    .find(|p| p.start < g.end && g.start < p.end);
                println!(
                    "missed {} as {:?}: {}",
                    g.class.as_str(),
                    guess.map(|p| p.class.as_str()),
                    show(g)
                );
            }
        }
        for p in &predicted {
            if !doc.names.contains(p)
                && !doc.names.iter().any(|g| g.start < p.end && p.start < g.end)
            {
                println!("spurious {}: {}", p.class.as_str(), show(p));
            }
        }
    }
    Ok(())
}

/// `gloss eval names --calibrate FILE`: prints, for several softmax
/// temperatures, how well span confidences predict that a span is exactly
/// right (Brier score, lower is better).
pub fn calibrate(path: &str) -> Result<(), DevError> {
    let docs = corpora::read(path)?;
    for temperature in [4.0f32, 8.0, 12.0, 16.0, 24.0, 32.0, 48.0, 64.0] {
        let tagger = Tagger::from_bytes(Tagger::embedded_bytes())?.with_temperature(temperature);
        let (mut brier, mut n) = (0.0f64, 0usize);
        let mut buckets = [[0usize; 2]; 5];
        for doc in &docs {
            for e in tagger.tag(&doc.word_refs(), &doc.sentences) {
                let right = doc
                    .names
                    .iter()
                    .any(|g| (g.start, g.end, g.class) == (e.start, e.end, e.class));
                brier += (e.confidence as f64 - if right { 1.0 } else { 0.0 }).powi(2);
                n += 1;
                let b = ((e.confidence * 5.0) as usize).min(4);
                buckets[b][right as usize] += 1;
            }
        }
        let table: Vec<String> = buckets
            .iter()
            .enumerate()
            .map(|(b, [wrong, right])| {
                format!(
                    "{:.1}-{:.1}: {right}/{}",
                    b as f32 / 5.0,
                    (b + 1) as f32 / 5.0,
                    right + wrong
                )
            })
            .collect();
        println!(
            "temperature {temperature:>4}: Brier {:.4}  ({})",
            brier / n.max(1) as f64,
            table.join(", ")
        );
    }
    Ok(())
}

/// Rebuilds a document as natural text, sentences joined by `separator`
/// (a line break, or a space to mimic text without line breaks): returns the
/// text and each token's byte range.
pub fn detokenize(doc: &ConllDocument, separator: char) -> (String, Vec<Range<usize>>) {
    const NO_SPACE_BEFORE: &[&str] = &[
        ",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'ll",
        "'d", "'m", "'",
    ];
    const NO_SPACE_AFTER: &[&str] = &["(", "[", "{", "$"];
    let mut text = String::new();
    let mut ranges = Vec::with_capacity(doc.words.len());
    // Quotes pair up across sentences: a quote may open in one and close in the next.
    let mut open_quote = false;
    for sentence in &doc.sentences {
        if !text.is_empty() {
            text.push(separator);
        }
        for i in sentence.clone() {
            let word = doc.words[i].as_str();
            let first = i == sentence.start;
            let previous = if first { "" } else { doc.words[i - 1].as_str() };
            let mut space =
                !first && !NO_SPACE_BEFORE.contains(&word) && !NO_SPACE_AFTER.contains(&previous);
            if word == "\"" {
                if open_quote {
                    space = false;
                }
                open_quote = !open_quote;
            } else if previous == "\"" && open_quote {
                space = false;
            }
            if space {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(word);
            ranges.push(start..text.len());
        }
    }
    (text, ranges)
}

/// `gloss eval names --show-token-diffs FILE`: prints where the tokenizer,
/// on rebuilt text, disagrees with the gold tokens and sentences, a
/// development aid for tokenizer work.
pub fn show_token_diffs(path: &str) -> Result<(), DevError> {
    let docs = corpora::read(path)?;
    let (mut tokens, mut wrong, mut sentence_diffs) = (0, 0, 0);
    for doc in &docs {
        let (text, ranges) = detokenize(doc, '\n');
        let tokenized = crate::tokenize::tokenize(&text);
        let ours: std::collections::HashSet<(usize, usize)> =
            tokenized.tokens.iter().map(|t| (t.start, t.end)).collect();
        for (i, r) in ranges.iter().enumerate() {
            tokens += 1;
            if !ours.contains(&(r.start, r.end)) {
                wrong += 1;
                let from = ranges[i.saturating_sub(2)].start;
                let to = ranges[(i + 2).min(ranges.len() - 1)].end;
                println!("token {:?} in {:?}", doc.words[i], &text[from..to]);
            }
        }
        let gold_starts: std::collections::HashSet<usize> = doc
            .sentences
            .iter()
            .map(|s| ranges[s.start].start)
            .collect();
        for s in &tokenized.sentences {
            let start = tokenized.tokens[s.start].start;
            if !gold_starts.contains(&start) {
                sentence_diffs += 1;
                let end = tokenized.tokens[(s.start + 6).min(s.end) - 1].end;
                println!("extra sentence start at {:?}", &text[start..end]);
            }
        }
        for s in &doc.sentences {
            let start = ranges[s.start].start;
            if !tokenized
                .sentences
                .iter()
                .any(|t| tokenized.tokens[t.start].start == start)
            {
                sentence_diffs += 1;
                let end = ranges[(s.start + 6).min(s.end) - 1].end;
                println!("missed sentence start at {:?}", &text[start..end]);
            }
        }
    }
    println!("{wrong} of {tokens} gold tokens not reproduced; {sentence_diffs} sentence boundary differences");
    Ok(())
}

/// The names users would get for a rebuilt document, as gold-token spans.
fn raw_pipeline(doc: &ConllDocument, separator: char) -> Vec<Span> {
    let (text, ranges) = detokenize(doc, separator);
    let starts: HashMap<usize, usize> = ranges
        .iter()
        .enumerate()
        .map(|(i, r)| (r.start, i))
        .collect();
    let ends: HashMap<usize, usize> = ranges
        .iter()
        .enumerate()
        .map(|(i, r)| (r.end, i + 1))
        .collect();
    let to_span = |range: Range<usize>, class: Class| match (
        starts.get(&range.start),
        ends.get(&range.end),
    ) {
        (Some(&start), Some(&end)) if start < end => Span { start, end, class },
        // Edges inside a gold token: can never match, so an empty span at the end.
        _ => Span {
            start: usize::MAX,
            end: usize::MAX,
            class,
        },
    };
    let options = crate::Options::with_reference_date("1996-08-22").expect("valid date");
    let annotated = crate::annotate(&text, &options);
    let index = CharIndex::new(&text);
    let mut out = Vec::new();
    for a in &annotated.annotations {
        let range =
            index.byte_of_char(a.start).unwrap_or(0)..index.byte_of_char(a.end).unwrap_or(0);
        let class = match a.label {
            Label::Person => Class::Per,
            Label::Place => Class::Loc,
            Label::Org => Class::Org,
            Label::Misc => Class::Misc,
            _ => continue,
        };
        out.push(to_span(range, class));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detokenizes_with_natural_spacing() {
        let text = "-DOCSTART- -X- -X- O\n\nHe X X O\nsaid X X O\n\" X X O\nGermany X X B-LOC\n's X X O\nplan X X O\n( X X O\nnot X X O\n) X X O\nfailed X X O\n\" X X O\n. X X O\n\nNext X X O\n";
        let docs = conll::parse(text).unwrap();
        let (rebuilt, ranges) = detokenize(&docs[0], '\n');
        assert_eq!(rebuilt, "He said \"Germany's plan (not) failed\".\nNext");
        assert_eq!(&rebuilt[ranges[3].clone()], "Germany");
    }

    #[test]
    fn scores_exact_spans_only() {
        let gold = [
            Span {
                start: 0,
                end: 2,
                class: Class::Per,
            },
            Span {
                start: 3,
                end: 4,
                class: Class::Loc,
            },
        ];
        let predicted = [
            Span {
                start: 0,
                end: 1,
                class: Class::Per,
            },
            Span {
                start: 3,
                end: 4,
                class: Class::Loc,
            },
        ];
        let mut s = Score::default();
        s.add(&gold, &predicted);
        assert_eq!(s.class(Class::Loc), (1.0, 1.0, 1.0));
        assert_eq!(s.class(Class::Per), (0.0, 0.0, 0.0));
        assert_eq!(s.overall(), (0.5, 0.5, 0.5));
    }
}
