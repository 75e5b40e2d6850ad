//! People, places and organisations: a trained sequence labeler.
//!
//! An averaged structured perceptron tags each sentence with BILOU tags over
//! the four CoNLL-2003 classes ([`tags`]); Viterbi decoding forbids invalid
//! tag sequences ([`decode`]). Tagging runs in two passes over the whole
//! document: the second pass adds what the first said about the same words
//! elsewhere in the article ([`context`]). Features ([`features`]) include
//! word clusters ([`clusters`]) and name lists ([`gazetteer`]); the weights
//! ([`model`]) are embedded in the binary and loaded once.
//!
//! PER, LOC and ORG become PERSON, PLACE and ORG mentions; MISC (nationalities,
//! events, …) sharpens the other boundaries but is not emitted.

pub mod clusters;
pub mod context;
pub mod decode;
pub mod features;
pub mod gazetteer;
pub mod hash;
pub mod model;
pub mod tags;

#[cfg(not(target_arch = "wasm32"))]
pub mod bench;
#[cfg(not(target_arch = "wasm32"))]
pub mod cluster_build;
#[cfg(not(target_arch = "wasm32"))]
pub mod conll;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
#[cfg(not(target_arch = "wasm32"))]
pub mod perceptron;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

use std::ops::Range;
use std::sync::OnceLock;

use crate::document::Label;
use crate::recognize::{Context, Mention, Recognizer};
use crate::tokenize::Tokenized;
use context::DocContext;
use features::{Doc, Resources};
use model::{ModelData, Weights};
use tags::{Class, NUM_TAGS};

/// The model file compiled into the binary (built by `scripts/train.sh`).
const MODEL: &[u8] = include_bytes!("../../models/names.bin");

/// Softmax temperature for confidences, in weight units: chosen with
/// `gloss eval names --calibrate` on valid.txt (lowest Brier score).
pub const TEMPERATURE: f32 = 16.0;

/// A name found by the tagger, in token indices.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entity {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The class.
    pub class: Class,
    /// Probability, under the model's softmax over tag sequences, that each
    /// token of the span carries the tag it was given: the lowest of them.
    pub confidence: f32,
}

/// A loaded model with its lists and clusters.
pub struct Tagger {
    resources: Resources,
    passes: [Weights; 2],
    temperature: f32,
}

impl Tagger {
    /// Loads a model file; the lists and clusters are the embedded ones.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        let data = ModelData::from_bytes(bytes)?;
        Ok(Tagger::from_data(&data))
    }

    /// Builds a tagger from weights in portable form.
    pub fn from_data(data: &ModelData) -> Tagger {
        Tagger {
            resources: Resources::embedded(),
            passes: [
                Weights::new(&data.passes[0], data.scale),
                Weights::new(&data.passes[1], data.scale),
            ],
            temperature: TEMPERATURE,
        }
    }

    /// The embedded model's bytes.
    pub fn embedded_bytes() -> &'static [u8] {
        MODEL
    }

    /// The same tagger with another confidence temperature.
    pub fn with_temperature(mut self, temperature: f32) -> Tagger {
        self.temperature = temperature;
        self
    }

    /// The embedded model, loaded on first use.
    pub fn embedded() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            Tagger::from_bytes(MODEL)
                .unwrap_or_else(|e| panic!("embedded name model is broken: {e}"))
        })
    }

    /// The lists and clusters features use.
    pub fn resources(&self) -> &Resources {
        &self.resources
    }

    /// Tags a document given as tokens and sentences (token ranges).
    pub fn tag(&self, words: &[&str], sentences: &[Range<usize>]) -> Vec<Entity> {
        let doc = Doc::new(words, sentences, &self.resources);
        // First-pass features of every token, kept for the second pass.
        let mut keys = Vec::with_capacity(doc.len() * 64);
        let mut offsets = Vec::with_capacity(doc.len() + 1);
        offsets.push(0);
        for sentence in &doc.sentences {
            for i in sentence.clone() {
                doc.features(i, sentence, None, &mut keys);
                offsets.push(keys.len());
            }
        }
        let mut first = Vec::with_capacity(doc.len());
        for sentence in &doc.sentences {
            let mut emissions = vec![0.0; sentence.len() * NUM_TAGS];
            for (row, i) in emissions.chunks_mut(NUM_TAGS).zip(sentence.clone()) {
                self.passes[0].score(&keys[offsets[i]..offsets[i + 1]], row);
            }
            first.extend(decode::viterbi(&emissions, &self.passes[0].transitions));
        }
        let context = DocContext::new(&doc, first, words);
        let weights = &self.passes[1];
        let mut entities = Vec::new();
        let mut extra = Vec::new();
        let mut scores = [0.0f32; NUM_TAGS];
        for sentence in &doc.sentences {
            let mut emissions = vec![0.0; sentence.len() * NUM_TAGS];
            for (row, i) in emissions.chunks_mut(NUM_TAGS).zip(sentence.clone()) {
                extra.clear();
                doc.context_features(i, sentence, &context, &mut extra);
                weights.score(&keys[offsets[i]..offsets[i + 1]], row);
                weights.score(&extra, &mut scores);
                row.iter_mut().zip(scores).for_each(|(r, s)| *r += s);
            }
            let path = decode::viterbi(&emissions, &weights.transitions);
            let spans = tags::spans(&path);
            if spans.is_empty() {
                continue;
            }
            let marginals = decode::marginals(&emissions, &weights.transitions, self.temperature);
            for span in spans {
                let confidence = (span.start..span.end)
                    .map(|i| marginals[i * NUM_TAGS + path[i]])
                    .fold(1.0f32, f32::min);
                entities.push(Entity {
                    start: sentence.start + span.start,
                    end: sentence.start + span.end,
                    class: span.class,
                    confidence,
                });
            }
        }
        entities
    }
}

/// A name in a raw text: byte range, class and confidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// All four classes, MISC included.
    pub class: Class,
    /// See [`Entity::confidence`].
    pub confidence: f32,
}

/// All names of all four classes in a tokenized text, with the embedded model.
pub fn find_names(text: &str, tokenized: &Tokenized) -> Vec<Name> {
    let words: Vec<&str> = tokenized.tokens.iter().map(|t| t.text(text)).collect();
    Tagger::embedded()
        .tag(&words, &tokenized.sentences)
        .into_iter()
        .map(|e| Name {
            range: tokenized.tokens[e.start].start..tokenized.tokens[e.end - 1].end,
            class: e.class,
            confidence: e.confidence,
        })
        .collect()
}

/// Tags PERSON, PLACE and ORG mentions with the embedded model.
pub struct NameRecognizer;

impl NameRecognizer {
    /// The recognizer with the model compiled into the binary.
    pub fn embedded() -> &'static NameRecognizer {
        static INSTANCE: NameRecognizer = NameRecognizer;
        &INSTANCE
    }
}

impl Recognizer for NameRecognizer {
    fn name(&self) -> &'static str {
        "names"
    }

    fn recognize(&self, context: &Context<'_>, out: &mut Vec<Mention>) {
        for name in find_names(context.text, context.tokenized) {
            let label = match name.class {
                Class::Per => Label::Person,
                Class::Loc => Label::Place,
                Class::Org => Label::Org,
                Class::Misc => continue,
            };
            out.push(Mention {
                start: name.range.start,
                end: name.range.end,
                label,
                value: None,
                confidence: Some(name.confidence as f64),
            });
        }
    }
}
