//! `gloss eval entities DIR`: scores name grouping against the coreference
//! chains of GUM (`DIR/dep/*.conllu`, split by `DIR/splits.md`). Prints the
//! pairwise precision and recall of same-entity links between named mentions,
//! two ways: gold name spans fed straight to the grouping (grouping alone),
//! and the names our pipeline finds in the text matched to gold named
//! mentions (recognition and grouping together). Precision matters more: a
//! wrong merge is worse than a missed one.
//!
//! A gold named mention is a GUM mention of type person, place or
//! organization whose words are proper nouns, allowing "of", "and", "the"
//! between them and a leading "the" ("the Bank of England"); its gold entity
//! is its coreference group.

use std::collections::BTreeMap;
use std::path::Path;

use super::gum::{self, read_conllu, split_names, Mention, Token};
use crate::document::{Annotation, Label, Source};
use crate::entities::{link, EntityEdits};

/// A gold named mention: code-point span in the rebuilt text, label, gold group.
struct GoldMention {
    start: usize,
    end: usize,
    label: Label,
    group: String,
}

/// One GUM document: its text rebuilt from the tokens, and its named mentions.
struct GoldDoc {
    name: String,
    text: String,
    mentions: Vec<GoldMention>,
}

fn label_of(etype: &str) -> Option<Label> {
    match etype {
        "person" => Some(Label::Person),
        "place" => Some(Label::Place),
        "organization" => Some(Label::Org),
        _ => None,
    }
}

/// Rebuilds the text and finds the named mentions of one document.
fn gold_doc(name: &str, conllu: &str) -> GoldDoc {
    let mut text = String::new();
    let mut chars = 0;
    let mut starts = Vec::new(); // per token: code-point start, end
    let mut all: Vec<&Token> = Vec::new();
    let sentences = read_conllu(conllu);
    for (n, (paragraph, tokens)) in sentences.iter().enumerate() {
        if n > 0 {
            let sep = if *paragraph { "\n\n" } else { " " };
            text.push_str(sep);
            chars += sep.chars().count();
        }
        for (i, t) in tokens.iter().enumerate() {
            starts.push((chars, chars + t.form.chars().count()));
            text.push_str(&t.form);
            chars += t.form.chars().count();
            if t.space_after && i + 1 < tokens.len() {
                text.push(' ');
                chars += 1;
            }
            all.push(t);
        }
    }
    let mut mentions = Vec::new();
    for Mention {
        group,
        etype,
        first,
        last,
    } in gum::mentions(&all)
    {
        let Some(label) = label_of(&etype) else {
            continue;
        };
        let mut first = first;
        let mut last = last;
        let glue = |t: &Token| matches!(t.upos.as_str(), "DET" | "ADP" | "CCONJ");
        if glue(all[first]) {
            first += 1;
        }
        while last > first && matches!(all[last].upos.as_str(), "PUNCT" | "PART") {
            last -= 1;
        }
        let words = &all[first..=last.max(first)];
        let proper = words.first().is_some_and(|t| t.upos == "PROPN")
            && words.last().is_some_and(|t| t.upos == "PROPN")
            && words.iter().all(|t| t.upos == "PROPN" || glue(t));
        if first <= last && proper {
            mentions.push(GoldMention {
                start: starts[first].0,
                end: starts[last].1,
                label,
                group,
            });
        }
    }
    mentions.sort_by_key(|m| (m.start, m.end));
    mentions.dedup_by_key(|m| (m.start, m.end));
    GoldDoc {
        name: name.to_string(),
        text,
        mentions,
    }
}

/// Counts of same-entity links between mention pairs.
#[derive(Default)]
struct Links {
    predicted: usize,
    gold: usize,
    both: usize,
    mentions: usize,
}

impl Links {
    fn add(&mut self, pred: &[usize], gold: &[&str]) {
        self.mentions += pred.len();
        for i in 0..pred.len() {
            for j in i + 1..pred.len() {
                let (p, g) = (pred[i] == pred[j], gold[i] == gold[j]);
                self.predicted += p as usize;
                self.gold += g as usize;
                self.both += (p && g) as usize;
            }
        }
    }

    fn print(&self, what: &str) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, r) = (
            ratio(self.both, self.predicted),
            ratio(self.both, self.gold),
        );
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        println!(
            "{what:<34} mentions {:>5}  links: predicted {:>6} gold {:>6} right {:>6}  P {p:.3}  R {r:.3}  F1 {f:.3}",
            self.mentions, self.predicted, self.gold, self.both
        );
    }
}

fn annotation(text: &str, start: usize, end: usize, label: Label) -> Annotation {
    Annotation {
        start,
        end,
        label,
        text: text.chars().skip(start).take(end - start).collect(),
        value: None,
        confidence: None,
        source: Source::Model,
        entity: None,
    }
}

/// Entity of each annotation after linking, as a number.
fn entity_numbers(annotations: &[Annotation]) -> Vec<usize> {
    annotations
        .iter()
        .map(|a| {
            a.entity
                .as_deref()
                .and_then(|e| e[1..].parse().ok())
                .unwrap_or(0)
        })
        .collect()
}

/// Scores the dev split of GUM in `dir`.
pub fn run(dir: &str) -> Result<(), String> {
    run_split(dir, "dev")
}

/// Scores the documents of `split` (`train`, `dev`, `test`) of GUM in `dir`.
pub fn run_split(dir: &str, split: &str) -> Result<(), String> {
    let dir = Path::new(dir);
    let names = split_names(dir, split)?;
    let options = crate::Options::with_reference_date("2020-01-01").expect("valid date");
    let (mut gold_spans, mut pipeline) = (Links::default(), Links::default());
    let (mut docs, mut gold_total, mut wrong) = (0, 0, Vec::new());
    for name in &names {
        let path = dir.join("dep").join(format!("{name}.conllu"));
        let Ok(conllu) = std::fs::read_to_string(&path) else {
            continue; // reddit documents and others not shipped
        };
        docs += 1;
        let doc = gold_doc(name, &conllu);
        gold_total += doc.mentions.len();

        // 1. Gold spans straight to the grouping.
        let mut annotations: Vec<Annotation> = doc
            .mentions
            .iter()
            .map(|m| annotation(&doc.text, m.start, m.end, m.label))
            .collect();
        link(&doc.text, &mut annotations, &EntityEdits::default());
        let pred = entity_numbers(&annotations);
        let gold: Vec<&str> = doc.mentions.iter().map(|m| m.group.as_str()).collect();
        gold_spans.add(&pred, &gold);
        for i in 0..pred.len() {
            for j in i + 1..pred.len() {
                if pred[i] == pred[j] && gold[i] != gold[j] {
                    wrong.push(format!(
                        "{}: {:?} ~ {:?}",
                        doc.name, annotations[i].text, annotations[j].text
                    ));
                }
            }
        }

        // 2. The pipeline's names, each matched to the gold named mention it overlaps most.
        let found = crate::annotate(&doc.text, &options);
        let mut matched: BTreeMap<usize, (usize, usize)> = BTreeMap::new(); // gold → (entity, overlap)
        let entities = entity_numbers(&found.annotations);
        for (a, &entity) in found.annotations.iter().zip(&entities) {
            if a.entity.is_none() {
                continue;
            }
            let best = doc
                .mentions
                .iter()
                .enumerate()
                .map(|(g, m)| (g, m.end.min(a.end).saturating_sub(m.start.max(a.start))))
                .filter(|&(_, overlap)| overlap > 0)
                .max_by_key(|&(g, overlap)| (overlap, std::cmp::Reverse(g)));
            if let Some((g, overlap)) = best {
                if matched.get(&g).is_none_or(|&(_, o)| overlap > o) {
                    matched.insert(g, (entity, overlap));
                }
            }
        }
        let pred: Vec<usize> = matched.values().map(|&(e, _)| e).collect();
        let gold: Vec<&str> = matched
            .keys()
            .map(|&g| doc.mentions[g].group.as_str())
            .collect();
        pipeline.add(&pred, &gold);
        if std::env::var_os("GLOSS_EVAL_MISSES").is_some() {
            let shown = |g: usize| {
                let m = &doc.mentions[g];
                doc.text
                    .chars()
                    .skip(m.start)
                    .take(m.end - m.start)
                    .collect::<String>()
            };
            let keys: Vec<usize> = matched.keys().copied().collect();
            for i in 0..keys.len() {
                for j in i + 1..keys.len() {
                    let tag = match (pred[i] == pred[j], gold[i] == gold[j]) {
                        (true, false) => "WRONG",
                        (false, true) => "missed",
                        _ => continue,
                    };
                    println!(
                        "  {tag} {}: {:?} ~ {:?}",
                        doc.name,
                        shown(keys[i]),
                        shown(keys[j])
                    );
                }
            }
        }
    }
    println!("GUM {split}: {docs} documents, {gold_total} gold named mentions (person, place, organization)");
    gold_spans.print("gold spans → grouping");
    pipeline.print("pipeline names (matched to gold)");
    if !wrong.is_empty() {
        println!("wrong links with gold spans ({}):", wrong.len());
        for w in wrong.iter().take(40) {
            println!("  {w}");
        }
    }
    Ok(())
}
