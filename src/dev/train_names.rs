//! `gloss train names`: trains the two-pass name model on CoNLL-2003 data
//! and, with `--add`, other corpora ([`corpora::Source`]).
//!
//! ```text
//! gloss train names --train train.txt --valid valid.txt --out models/names.bin
//!                   [--add KIND:PATH[*N]]... [--epochs N] [--folds K]
//!                   [--min-count N] [--prune W] [--seed N]
//! ```
//!
//! `*N` is a corpus's weight: each of its sentences is seen N times per
//! epoch (the CoNLL-2003 file once). Tokens a corpus leaves possibly MISC
//! are partial labels ([`perceptron`]). While training, each feature of an
//! added corpus's token also fires as a copy private to that corpus
//! (Daumé III 2007, "Frustratingly easy domain adaptation"); the copies,
//! which absorb where that corpus's conventions and genre differ from
//! CoNLL-2003's (re3d's "Syrian regime" as one organisation, tweets), are
//! not saved (`--share KIND` turns them off for a kind), so the shipped model and its features are unchanged in kind.
//!
//! The flags are the fields of [`TrainSettings`]. The word clusters the
//! features use are built first, by `gloss train names clusters`
//! ([`super::clusters_build`]).
//!
//! The second pass learns from document context produced by first-pass
//! models that did not see the document (K-fold jackknifing), so at training
//! time it sees first-pass mistakes like the ones it will meet on new text.
//! `--valid` only reports scores per epoch; it never changes the model.
//! Training is deterministic: same inputs and flags, same bytes out.

use std::collections::HashMap;
use std::ops::Range;

use super::corpora::{self, Corpus, Source};
use super::eval_names as eval;
use super::perceptron::{self, Example, FeatureIndex, Perceptron};
use super::{conll, DevError};
use crate::ner::context::DocContext;
use crate::ner::input::{Resources, TaggerInput};
use crate::ner::model::{ModelData, PassData, Weights};
use crate::ner::tags::{self, Tag};
use crate::ner::{decode, Tagger};

/// Quantization: a stored weight of 1 means 1/SCALE perceptron units.
const SCALE: f32 = 8.0;

/// What `gloss train names` is given: the data, the output and the training
/// settings ([`Default`] holds the settings the committed model uses).
#[derive(Clone, Debug)]
pub struct TrainSettings {
    /// CoNLL-2003 training file, `FILE` or `FILE*N` (its weight, as in [`Source`]).
    pub train: String,
    /// Other corpora trained on, with their weights.
    pub add: Vec<Source>,
    /// CoNLL-2003 file scored after each epoch (reporting only).
    pub valid: Option<String>,
    /// Corpora (`KIND:PATH`, see [`super::corpora::read`]) the saved model
    /// is scored on, with `valid` (reporting only).
    pub report: Vec<String>,
    /// Where to write the model file.
    pub out: String,
    /// Passes over the training data.
    pub epochs: usize,
    /// Jackknife folds for the first pass (at least 2).
    pub folds: usize,
    /// Features seen fewer times are dropped.
    pub min_count: u32,
    /// Features whose every stored weight is at most this (in absolute value) are dropped.
    pub prune: i32,
    /// Seed of the example shuffle.
    pub seed: u64,
    /// Added corpora of these kinds train the shared features only, without
    /// private copies.
    pub share: Vec<Corpus>,
}

impl Default for TrainSettings {
    fn default() -> TrainSettings {
        TrainSettings {
            train: String::new(),
            add: Vec::new(),
            valid: None,
            report: Vec::new(),
            out: String::new(),
            epochs: 12,
            folds: 5,
            min_count: 2,
            prune: 8,
            seed: 1,
            share: Vec::new(),
        }
    }
}

/// `gloss train names`: trains the model and writes it to `settings.out`.
pub fn train(settings: &TrainSettings) -> Result<(), DevError> {
    let settings = &TrainSettings {
        folds: settings.folds.max(2),
        ..settings.clone()
    };
    let resources = Resources::embedded();
    let (path, repeat) = corpora::split_repeat(&settings.train)
        .map_err(|e| DevError::Malformed(settings.train.clone(), e.into()))?;
    let mut train = prepare(&conll::read(path)?, repeat, 0, &resources);
    for (n, source) in settings.add.iter().enumerate() {
        if source.repeat == 0 {
            continue;
        }
        let corpus = if settings.share.contains(&source.corpus) {
            0
        } else {
            n + 1
        };
        let items = prepare(&source.read()?, source.repeat, corpus, &resources);
        eprintln!(
            "{}: {} documents, {} tokens, weight {}",
            source.path,
            items.len(),
            items.iter().map(|d| d.input.len()).sum::<usize>(),
            source.repeat
        );
        train.extend(items);
    }
    let valid = match &settings.valid {
        Some(path) => Some(prepare(&conll::read(path)?, 1, 0, &resources)),
        None => None,
    };
    eprintln!(
        "train: {} documents, {} tokens",
        train.len(),
        train.iter().map(|d| d.input.len()).sum::<usize>()
    );

    // First pass, jackknifed: each fold is tagged by a model trained on the others.
    let mut jackknifed: Vec<Vec<Tag>> = vec![Vec::new(); train.len()];
    for fold in 0..settings.folds {
        let (inside, outside): (Vec<usize>, Vec<usize>) =
            (0..train.len()).partition(|d| d % settings.folds != fold);
        let pass = train_pass(&train, &inside, 0, settings, None);
        let weights = Weights::new(std::slice::from_ref(&pass), SCALE);
        for d in outside {
            jackknifed[d] =
                decode_with(&weights, &train[d].pass_keys[0], &train[d].input.sentences);
        }
        eprintln!("fold {}/{} done", fold + 1, settings.folds);
    }
    let all: Vec<usize> = (0..train.len()).collect();
    let first = train_pass(
        &train,
        &all,
        0,
        settings,
        valid.as_deref().map(|v| (v, None)),
    );

    // Second pass: features from the jackknifed first-pass tags.
    for (item, tags) in train.iter_mut().zip(jackknifed) {
        item.add_context(tags);
    }
    let first_weights = Weights::new(std::slice::from_ref(&first), SCALE);
    let mut valid = valid;
    if let Some(valid) = valid.as_mut() {
        for item in valid.iter_mut() {
            let tags = decode_with(&first_weights, &item.pass_keys[0], &item.input.sentences);
            item.add_context(tags);
        }
    }
    let second = train_pass(
        &train,
        &all,
        1,
        settings,
        valid.as_deref().map(|v| (v, Some(&first))),
    );

    let mut model = ModelData {
        scale: SCALE,
        passes: [first, second],
    };
    // Drop features whose every weight is small: they barely move a score.
    for pass in &mut model.passes {
        pass.features
            .retain(|(_, w)| w.iter().any(|v| v.abs() > settings.prune));
    }
    let bytes = model.to_bytes();
    let saved = ModelData::from_bytes(&bytes)?;
    std::fs::write(&settings.out, &bytes).map_err(|e| DevError::Write(settings.out.clone(), e))?;
    // Beside the model, what it was trained from (checked by a test).
    let out = std::path::Path::new(&settings.out);
    let name = out
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let record = out.with_extension("inputs");
    std::fs::write(&record, crate::ner::inputs_record(&name, &bytes))
        .map_err(|e| DevError::Write(record.display().to_string(), e))?;
    eprintln!(
        "wrote {} ({} bytes; {} + {} features)",
        settings.out,
        bytes.len(),
        saved.passes[0].features.len(),
        saved.passes[1].features.len()
    );
    let tagger = Tagger::from_data(&saved);
    for spec in settings.valid.iter().chain(&settings.report) {
        let mut score = eval::Score::default();
        for doc in &corpora::read(spec)? {
            let predicted: Vec<tags::Span> = tagger
                .tag(&doc.word_refs(), &doc.sentences)
                .into_iter()
                .map(|e| tags::Span {
                    start: e.start,
                    end: e.end,
                    class: e.class,
                })
                .collect();
            score.add(
                &eval::scored(doc, doc.names.clone()),
                &eval::scored(doc, predicted),
            );
        }
        eprintln!("saved model on {spec} (gold tokens):\n{}", score.report());
    }
    Ok(())
}

/// A training document with its features for both passes.
struct Item {
    input: TaggerInput,
    gold: Vec<Tag>,
    /// Allowed tags per token (see [`Example::allowed`]); empty if all certain.
    allowed: Vec<u32>,
    /// Copies of each sentence per epoch.
    repeat: usize,
    /// Which corpus's private feature copies it fires (0: none).
    corpus: usize,
    names: Vec<tags::Span>,
    /// Feature keys per token, for pass 0 and (once context is added) pass 1.
    pass_keys: [Vec<Vec<u32>>; 2],
}

impl Item {
    fn add_context(&mut self, first_pass: Vec<Tag>) {
        let context = DocContext::new(&self.input, first_pass);
        self.pass_keys[1] = keys_of(&self.input, Some(&context));
    }
}

/// Bits of the tags a possibly-MISC token may take: `O` and any MISC tag.
const MAYBE_MISC: u32 = {
    let mut bits = 1 << tags::OUTSIDE;
    let mut t = 1;
    while t < tags::NUM_TAGS {
        if (t - 1) / 4 == tags::Class::Misc as usize {
            bits |= 1 << t;
        }
        t += 1;
    }
    bits
};

fn prepare(
    docs: &[conll::ConllDocument],
    repeat: usize,
    corpus: usize,
    resources: &Resources,
) -> Vec<Item> {
    docs.iter()
        .map(|d| {
            let input = TaggerInput::new(&d.word_refs(), &d.sentences, resources);
            let keys = keys_of(&input, None);
            let gold = tags::from_spans(d.words.len(), &d.names);
            let allowed = if d.maybe_misc.contains(&true) {
                gold.iter()
                    .zip(&d.maybe_misc)
                    .map(|(&g, &maybe)| (1 << g) | if maybe { MAYBE_MISC } else { 0 })
                    .collect()
            } else {
                Vec::new()
            };
            Item {
                input,
                gold,
                allowed,
                repeat,
                corpus,
                names: d.names.clone(),
                pass_keys: [keys, Vec::new()],
            }
        })
        .collect()
}

fn keys_of(input: &TaggerInput, context: Option<&DocContext>) -> Vec<Vec<u32>> {
    let mut out = Vec::with_capacity(input.len());
    for sentence in &input.sentences {
        for i in sentence.clone() {
            let mut keys = Vec::new();
            input.features(i, sentence, context, &mut keys);
            out.push(keys);
        }
    }
    out
}

fn decode_with(weights: &Weights, keys: &[Vec<u32>], sentences: &[Range<usize>]) -> Vec<Tag> {
    let mut out = Vec::with_capacity(keys.len());
    for sentence in sentences {
        let mut emissions = vec![0.0; sentence.len() * tags::NUM_TAGS];
        for (row, i) in emissions.chunks_mut(tags::NUM_TAGS).zip(sentence.clone()) {
            weights.score(&keys[i], 0, row);
        }
        out.extend(decode::viterbi(&emissions, weights.transitions(0)));
    }
    out
}

/// Trains one pass on the documents `use_docs`; reports valid scores per epoch.
fn train_pass(
    items: &[Item],
    use_docs: &[usize],
    pass: usize,
    settings: &TrainSettings,
    valid: Option<(&[Item], Option<&PassData>)>,
) -> PassData {
    let index = FeatureIndex::build(
        use_docs
            .iter()
            .flat_map(|&d| items[d].pass_keys[pass].iter().map(Vec::as_slice)),
        settings.min_count,
    );
    // Private copies: (corpus, feature index) → index after the shared ones,
    // numbered in order of first use so training stays deterministic.
    let shared = index.keys.len();
    let mut copies: HashMap<(usize, u32), u32> = HashMap::new();
    let mut examples = Vec::new();
    for &d in use_docs {
        let item = &items[d];
        for sentence in &item.input.sentences {
            let mut features: Vec<Vec<u32>> = sentence
                .clone()
                .map(|i| index.map(&item.pass_keys[pass][i]))
                .collect();
            if item.corpus > 0 {
                for token in &mut features {
                    for k in 0..token.len() {
                        let next = (shared + copies.len()) as u32;
                        token.push(*copies.entry((item.corpus, token[k])).or_insert(next));
                    }
                }
            }
            let example = Example {
                features,
                gold: item.gold[sentence.clone()].to_vec(),
                allowed: item
                    .allowed
                    .get(sentence.clone())
                    .map_or_else(Vec::new, <[u32]>::to_vec),
            };
            examples.extend(std::iter::repeat_n(example, item.repeat));
        }
    }
    let mut perceptron = Perceptron::new(shared + copies.len());
    for epoch in 0..settings.epochs {
        let order = perceptron::shuffled(
            examples.len(),
            settings.seed.wrapping_add(epoch as u64 * 7919),
        );
        perceptron.epoch(&examples, &order);
        if let Some((valid, _)) = valid {
            let weights = Weights::new(&[perceptron.averaged(&index.keys, SCALE)], SCALE);
            let mut score = eval::Score::default();
            for item in valid {
                let predicted = tags::spans(&decode_with(
                    &weights,
                    &item.pass_keys[pass],
                    &item.input.sentences,
                ));
                score.add(&item.names, &predicted);
            }
            eprintln!(
                "pass {} epoch {:2}: valid F1 {:.4} ({} features)",
                pass + 1,
                epoch + 1,
                score.overall().2,
                index.keys.len()
            );
        }
    }
    perceptron.averaged(&index.keys, SCALE)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = "-DOCSTART- -X- -X- O\n\n\
        Peter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\nvisited VBD B-VP O\nBrussels NNP B-NP B-LOC\n. . O O\n\n\
        The DT B-NP O\nEuropean NNP I-NP B-ORG\nCommission NNP I-NP I-ORG\nsaid VBD B-VP O\n. . O O\n\n\
        -DOCSTART- -X- -X- O\n\n\
        Blackburn NNP B-NP B-PER\nleft VBD B-VP O\nParis NNP B-NP B-LOC\n. . O O\n\n\
        -DOCSTART- -X- -X- O\n\n\
        Anna NNP B-NP B-PER\nSmith NNP I-NP I-PER\nsaw VBD B-VP O\nGermany NNP B-NP B-LOC\n. . O O\n";

    fn train_once(dir: &std::path::Path, name: &str) -> Vec<u8> {
        let data = dir.join("tiny.txt");
        std::fs::write(&data, TINY).unwrap();
        let out = dir.join(name);
        let settings = TrainSettings {
            train: data.to_str().unwrap().into(),
            out: out.to_str().unwrap().into(),
            folds: 3,
            epochs: 4,
            min_count: 1,
            ..TrainSettings::default()
        };
        train(&settings).expect("training runs");
        std::fs::read(out).unwrap()
    }

    #[test]
    fn training_is_deterministic_and_learns_its_data() {
        let dir = std::env::temp_dir().join(format!("gloss-train-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let first = train_once(&dir, "a.bin");
        let second = train_once(&dir, "b.bin");
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(
            first, second,
            "same data and flags must give the same bytes"
        );
        let tagger = Tagger::from_bytes(&first).unwrap();
        let words = ["Peter", "Blackburn", "visited", "Brussels", "."];
        let found: Vec<(usize, usize, tags::Class)> = tagger
            .tag(&words, std::slice::from_ref(&(0..5)))
            .into_iter()
            .map(|e| (e.start, e.end, e.class))
            .collect();
        assert_eq!(
            found,
            vec![(0, 2, tags::Class::Per), (3, 4, tags::Class::Loc)]
        );
    }
}
