//! `gloss train names clusters`: learns word clusters from unlabeled text.
//!
//! ```text
//! gloss train names clusters --text silver.jsonl [--conll FILE] --out models/clusters.txt
//!                            [--words N] [--depth D]
//! ```
//!
//! The flags are the fields of [`ClusterSettings`].
//!
//! Each of the `N` most frequent words (no digits) is described by the words
//! seen up to two places before and after it (counts over the 1,000 most
//! frequent context words, rare ones split by capitalisation; square-rooted
//! and length-normalised). Bisecting 2-means on
//! these vectors (cosine similarity, best of three seeded starts) builds a
//! binary tree up to `D` levels deep; a word's cluster is its path of branch
//! bits. A cheap, deterministic stand-in for Brown clusters: words used in
//! the same contexts (surnames, cities, company suffixes) share prefixes.

use std::collections::HashMap;

use super::{DevError, Problem};
use crate::ner::input::normal_form;
use crate::tokenize::tokenize;

const CONTEXT_WORDS: usize = 1000;
const ITERATIONS: usize = 8;
const MIN_SPLIT: usize = 8;
const RESTARTS: usize = 3;

/// What `gloss train names clusters` is given.
#[derive(Clone, Debug)]
pub struct ClusterSettings {
    /// JSON Lines file of unlabeled articles, `{"text": ...}` per line.
    pub text: String,
    /// A CoNLL-2003 file whose sentences are added to the text.
    pub conll: Option<String>,
    /// Where to write the clusters (`word<TAB>bits` per line, sorted).
    pub out: String,
    /// How many of the most frequent words get a cluster.
    pub words: usize,
    /// Depth of the cluster tree (at most 31).
    pub depth: usize,
}

impl Default for ClusterSettings {
    fn default() -> ClusterSettings {
        ClusterSettings {
            text: String::new(),
            conll: None,
            out: String::new(),
            words: 20_000,
            depth: 16,
        }
    }
}

/// `gloss train names clusters`: builds the clusters and writes them to
/// `settings.out`.
pub fn build_file(settings: &ClusterSettings) -> Result<(), DevError> {
    let ClusterSettings {
        text,
        conll,
        out,
        words,
        depth,
    } = settings;
    let (words, depth) = (*words, (*depth).min(31));
    let mut sentences: Vec<Vec<String>> = Vec::new();
    let source = super::read_file(text)?;
    let malformed =
        |n: usize, what: String| DevError::Malformed(text.clone(), Problem::at(n + 1, what));
    for (n, line) in source.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| malformed(n, e.to_string()))?;
        let body = value["text"]
            .as_str()
            .ok_or_else(|| malformed(n, "no \"text\" string".into()))?;
        let tokenized = tokenize(body);
        for s in &tokenized.sentences {
            sentences.push(
                tokenized.tokens[s.clone()]
                    .iter()
                    .map(|t| normalise(t.text(body)))
                    .collect(),
            );
        }
    }
    if let Some(path) = conll {
        for doc in super::conll::read(path)? {
            for s in &doc.sentences {
                sentences.push(doc.words[s.clone()].iter().map(|w| normalise(w)).collect());
            }
        }
    }
    let clusters = build(&sentences, words, depth);
    let mut lines: Vec<String> = clusters
        .into_iter()
        .map(|(w, bits)| format!("{w}\t{bits}\n"))
        .collect();
    lines.sort();
    std::fs::write(out, lines.concat()).map_err(|e| DevError::Write(out.clone(), e))?;
    eprintln!(
        "wrote {out}: {} words from {} sentences",
        lines.len(),
        sentences.len()
    );
    Ok(())
}

fn normalise(word: &str) -> String {
    normal_form(word)
}

/// Ranks words by frequency, most frequent first, ties by the word itself.
fn ranked(counts: HashMap<&str, usize>) -> Vec<(&str, usize)> {
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    ranked
}

/// Word → bit path for the `vocabulary` most frequent digit-free words.
pub fn build(sentences: &[Vec<String>], vocabulary: usize, depth: usize) -> Vec<(String, String)> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut context_counts: HashMap<&str, usize> = HashMap::new();
    for s in sentences {
        for w in s {
            *context_counts.entry(w.as_str()).or_default() += 1;
            if !w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic) {
                *counts.entry(w.as_str()).or_default() += 1;
            }
        }
    }
    let words: Vec<&str> = ranked(counts)
        .into_iter()
        .take(vocabulary)
        .map(|(w, _)| w)
        .collect();
    let word_index: HashMap<&str, usize> = words.iter().enumerate().map(|(i, &w)| (w, i)).collect();
    let contexts: HashMap<&str, u32> = ranked(context_counts)
        .into_iter()
        .take(CONTEXT_WORDS)
        .enumerate()
        .map(|(i, (w, _))| (w, i as u32))
        .collect();
    // One block of dimensions per position (two words left, one left, one
    // right, two right). In each block: the frequent context words, then
    // "sentence edge", "rare capitalised word", "rare other word".
    let block = CONTEXT_WORDS + 3;
    let dims = 4 * block;
    let mut raw: Vec<HashMap<u32, f32>> = vec![HashMap::new(); words.len()];
    for s in sentences {
        for (i, w) in s.iter().enumerate() {
            let Some(&row) = word_index.get(w.as_str()) else {
                continue;
            };
            let slot = |j: Option<usize>| match j.and_then(|j| s.get(j)) {
                None => CONTEXT_WORDS as u32,
                Some(c) => contexts.get(c.as_str()).copied().unwrap_or_else(|| {
                    let capitalised = c.chars().next().is_some_and(char::is_uppercase);
                    CONTEXT_WORDS as u32 + if capitalised { 1 } else { 2 }
                }),
            };
            let positions = [i.checked_sub(2), i.checked_sub(1), Some(i + 1), Some(i + 2)];
            for (b, j) in positions.into_iter().enumerate() {
                // The inner positions count double: they say most about a word's role.
                let weight = if b == 1 || b == 2 { 2.0 } else { 1.0 };
                *raw[row].entry((b * block) as u32 + slot(j)).or_default() += weight;
            }
        }
    }
    let vectors: Vec<Vec<(u32, f32)>> = raw
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, f32)> = m.into_iter().map(|(d, c)| (d, c.sqrt())).collect();
            v.sort_by_key(|&(d, _)| d);
            let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt().max(1e-9);
            v.iter_mut().for_each(|(_, x)| *x /= norm);
            v
        })
        .collect();
    let mut paths = vec![String::new(); words.len()];
    let mut nodes: Vec<Vec<usize>> = vec![(0..words.len()).collect()];
    for _ in 0..depth {
        let mut next = Vec::new();
        for node in nodes {
            if node.len() < MIN_SPLIT {
                continue;
            }
            let (left, right) = split(&node, &vectors, dims);
            if left.is_empty() || right.is_empty() {
                continue;
            }
            for &w in &left {
                paths[w].push('0');
            }
            for &w in &right {
                paths[w].push('1');
            }
            next.push(left);
            next.push(right);
        }
        nodes = next;
    }
    words
        .into_iter()
        .zip(paths)
        .filter(|(_, p)| !p.is_empty())
        .map(|(w, p)| (w.to_string(), p))
        .collect()
}

fn dot(v: &[(u32, f32)], centroid: &[f32]) -> f32 {
    v.iter().map(|&(d, x)| x * centroid[d as usize]).sum()
}

/// 2-means on the words of one node (indices in frequency order).
fn split(node: &[usize], vectors: &[Vec<(u32, f32)>], dims: usize) -> (Vec<usize>, Vec<usize>) {
    let dense = |w: usize| {
        let mut c = vec![0.0f32; dims];
        for &(d, x) in &vectors[w] {
            c[d as usize] = x;
        }
        c
    };
    // A few seeded restarts; keep the split whose words sit closest to their centroids.
    let mut best: Option<(f32, Vec<bool>)> = None;
    let mut state = 0x2545_F491_4F6C_DD1Du64 ^ node.len() as u64;
    let mut pick = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        node[(state % node.len() as u64) as usize]
    };
    for _ in 0..RESTARTS {
        let (a, b) = (pick(), pick());
        let mut centroids = [dense(a), dense(b)];
        let mut assignment = vec![false; node.len()];
        let mut fit = 0.0;
        for _ in 0..ITERATIONS {
            fit = 0.0;
            for (side, &w) in assignment.iter_mut().zip(node) {
                let (s0, s1) = (
                    dot(&vectors[w], &centroids[0]),
                    dot(&vectors[w], &centroids[1]),
                );
                *side = s1 > s0;
                fit += s0.max(s1);
            }
            for (side, centroid) in centroids.iter_mut().enumerate() {
                centroid.iter_mut().for_each(|x| *x = 0.0);
                for (&a, &w) in assignment.iter().zip(node) {
                    if a as usize == side {
                        for &(d, x) in &vectors[w] {
                            centroid[d as usize] += x;
                        }
                    }
                }
                let norm = centroid.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
                centroid.iter_mut().for_each(|x| *x /= norm);
            }
        }
        if best.as_ref().is_none_or(|(f, _)| fit > *f) {
            best = Some((fit, assignment));
        }
    }
    let assignment = best.expect("at least one restart").1;
    let mut left = Vec::new();
    let mut right = Vec::new();
    for (&a, &w) in assignment.iter().zip(node) {
        if a {
            right.push(w);
        } else {
            left.push(w);
        }
    }
    (left, right)
}
