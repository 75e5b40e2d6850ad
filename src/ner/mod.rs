//! People, places and organisations: a trained sequence labeler.
//!
//! An averaged structured perceptron tags each sentence with BILOU tags over
//! the four CoNLL-2003 classes ([`tags`]); Viterbi decoding forbids invalid
//! tag sequences ([`decode`]). Tagging runs in two passes over the whole
//! document: the second pass adds what the first said about the same words
//! elsewhere in the article ([`context`]). Features ([`features`]), read
//! from the analysed tokens ([`input`]), include word clusters
//! ([`clusters`]) and name lists ([`gazetteer`]); the weights ([`model`])
//! are embedded in the binary and loaded once.
//!
//! After tagging, rules mend what a model of 1996 news gets wrong today,
//! in this order:
//! - a leading title is trimmed from a person's name ([`titles`]);
//! - hyphenated compounds of places are cut into their places ([`compounds`]);
//! - two names a particle separates become one ("Cais do Sodré", [`particles`]);
//! - a street or a square becomes a place ([`streets`]), and so does a
//!   country or region tagged MISC ([`regions`]) and a place tagged ORG
//!   outside a report of sport ([`org_places`]);
//! - an organisation the model never saw ("Facebook") becomes one
//!   ([`organisations`]), a seat of power that acts is its government
//!   ([`seats`]), and a place named like an organisation ("Winnipeg Free
//!   Press") is one ([`institutions`]);
//! - post-nominal letters ([`postnominals`]), acronyms of common nouns
//!   ("AI", "COVID", [`acronyms`]) and a sentence-opening participle ("Born
//!   in England", [`participles`]) are no names;
//! - events ([`events`]), appositions ([`appositives`]) and divisions
//!   ("the Pokrovsk district", [`divisions`]) set the class;
//! - a person's name that is a large place's becomes a place
//!   ([`person_places`]), and a lone unsure surname of a person named in full
//!   elsewhere in the text, or of a listed public figure, becomes that
//!   person ([`surnames`]);
//! - a name after a noun that says what it is ("the film Watchmen", "the
//!   shipping company Nordvik", "the Oblast head Serhii Lysak") takes the
//!   noun's class ([`descriptors`]);
//! - a state or province after a town and a comma becomes a place
//!   ([`states`]), and so does a dateline's place ([`datelines`]).
//!
//! PER, LOC, ORG and MISC become PERSON, PLACE, ORG and MISC mentions (MISC:
//! nationalities, events, works, products; the page hides them at first).
//!
//! Each mention's confidence is the lowest, over its tokens, of the marginal
//! probability of the tag it got, under a softmax over all valid tag
//! sequences of its sentence ([`decode::Softmax`], temperature
//! [`TEMPERATURE`]). On CoNLL-2003 valid, names above 0.8 are right 97% of the
//! time, names between 0.4 and 0.6 about half the time.
//!
//! Training, evaluation and benchmarks are developer tools in `src/dev/`
//! (native only); nothing here depends on them.

pub mod acronyms;
pub mod appositives;
pub mod clusters;
pub mod compounds;
pub mod context;
pub mod datelines;
pub mod decode;
pub mod descriptors;
pub mod divisions;
pub mod events;
pub mod features;
pub mod gazetteer;
pub mod given_names;
pub mod hash;
pub mod input;
pub mod institutions;
pub mod model;
pub mod office_places;
pub mod org_places;
pub mod organisations;
pub mod participles;
pub mod particles;
pub mod person_places;
pub mod postnominals;
pub mod regions;
pub mod seats;
pub mod states;
pub mod streets;
pub mod surnames;
pub mod tags;
pub mod titled;
pub(crate) mod titles;

use std::ops::Range;
use std::sync::OnceLock;

use crate::document::Label;
use crate::recognize::{Context, Mention, Recognizer};
use crate::tokenize::Tokenized;
use context::DocContext;
use features::Role;
use input::{Resources, TaggerInput};
use model::{ModelData, ModelError, Sums, Weights};
use tags::{Class, NUM_TAGS};

/// The model file compiled into the binary (built by `scripts/train.sh`).
const MODEL: &[u8] = include_bytes!("../../models/names.bin");

/// Softmax temperature for confidences, in weight units: chosen with
/// `gloss eval names --calibrate` on valid.txt (lowest Brier score).
/// Recheck after retraining with other settings: it depends on the scale of
/// the weights.
pub const TEMPERATURE: f32 = 16.0;

/// The confidence of a name a rule after the model found in words the model
/// left untagged ([`compounds`], [`states`]): set below the model's sure
/// names, so that review reaches it.
pub const RULE_CONFIDENCE: f32 = 0.75;

/// Below this confidence the rules may overrule a person's name the model
/// gave (names between 0.4 and 0.6 are right about half the time).
pub const UNSURE: f32 = 0.6;

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
    weights: Weights,
    context_scores: ContextScores,
    /// Confidence softmax over the second pass's tag sequences.
    softmax: decode::Softmax,
}

impl Tagger {
    /// Loads a model file; the lists and clusters are the embedded ones.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let data = ModelData::from_bytes(bytes)?;
        Ok(Tagger::from_data(&data))
    }

    /// Builds a tagger from weights in portable form.
    pub fn from_data(data: &ModelData) -> Tagger {
        let weights = Weights::new(&data.passes, data.scale);
        Tagger {
            resources: Resources::embedded(),
            softmax: decode::Softmax::new(weights.transitions(1), TEMPERATURE),
            context_scores: ContextScores::new(&weights),
            weights,
        }
    }

    /// The embedded model's bytes.
    pub fn embedded_bytes() -> &'static [u8] {
        MODEL
    }

    /// The same tagger with another confidence temperature.
    pub fn with_temperature(mut self, temperature: f32) -> Tagger {
        self.softmax = decode::Softmax::new(self.weights.transitions(1), temperature);
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

    /// Per token, the summed weights (both passes) of its token features:
    /// what [`TaggerInput::features`] without a context gives, computed
    /// faster (once per repeated word form).
    pub fn token_sums(&self, input: &TaggerInput) -> Vec<Sums> {
        let forms = FormSums::new(input, &self.weights);
        let mut keys = Vec::new();
        let mut out = vec![[0; 2 * NUM_TAGS]; input.len()];
        for sentence in &input.sentences {
            for i in sentence.clone() {
                forms.add(input, &self.weights, i, sentence, &mut keys, &mut out[i]);
            }
        }
        out
    }

    /// The summed weights of the document-context features of token `i`
    /// (pass 2's share; `keys` is scratch space): what the weights of
    /// [`TaggerInput::context_features`] sum to, read from a small table.
    fn context_sums(
        &self,
        input: &TaggerInput,
        context: &DocContext,
        i: usize,
        sentence: &Range<usize>,
        keys: &mut Vec<u32>,
    ) -> Sums {
        keys.clear();
        let mut sum = [0; 2 * NUM_TAGS];
        context.features(input, i, sentence, &mut |template, parts| match self
            .context_scores
            .row(template, parts)
        {
            Some(row) => model::add_to_pass(&mut sum, 1, row),
            None => keys.push(features::feature_key(template, parts)),
        });
        self.weights.add(keys, &mut sum);
        sum
    }

    /// Tags a document given as tokens and sentences (token ranges).
    pub fn tag(&self, words: &[&str], sentences: &[Range<usize>]) -> Vec<Entity> {
        let input = TaggerInput::new(words, sentences, &self.resources);
        let weights = &self.weights;
        let forms = FormSums::new(&input, weights);
        // One lookup per token feature scores both passes; the second pass
        // later adds its document-context features to its share.
        let mut second = vec![0.0f32; input.len() * NUM_TAGS];
        let mut first_tags = Vec::with_capacity(input.len());
        let mut keys = Vec::with_capacity(64);
        let mut emissions = Vec::new();
        for sentence in &input.sentences {
            emissions.clear();
            emissions.resize(sentence.len() * NUM_TAGS, 0.0);
            for (row, i) in emissions.chunks_mut(NUM_TAGS).zip(sentence.clone()) {
                let mut sum = [0; 2 * NUM_TAGS];
                forms.add(&input, weights, i, sentence, &mut keys, &mut sum);
                weights.scores_of(&sum, 0, row);
                weights.scores_of(&sum, 1, &mut second[i * NUM_TAGS..(i + 1) * NUM_TAGS]);
            }
            first_tags.extend(decode::viterbi(&emissions, weights.transitions(0)));
        }
        let context = DocContext::new(&input, first_tags);
        let mut entities = Vec::new();
        let mut scores = [0.0f32; NUM_TAGS];
        for sentence in &input.sentences {
            let emissions = &mut second[sentence.start * NUM_TAGS..sentence.end * NUM_TAGS];
            for (row, i) in emissions.chunks_mut(NUM_TAGS).zip(sentence.clone()) {
                let sum = self.context_sums(&input, &context, i, sentence, &mut keys);
                weights.scores_of(&sum, 1, &mut scores);
                row.iter_mut().zip(scores).for_each(|(r, s)| *r += s);
            }
            let path = decode::viterbi(emissions, weights.transitions(1));
            let spans = tags::spans(&path);
            if spans.is_empty() {
                continue;
            }
            let marginals = self.softmax.marginals(emissions);
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

/// The second-pass weights of every document-context feature
/// ([`context::TEMPLATES`]), computed at load time: scoring a token's context
/// features then reads a small table instead of hashing each feature and
/// probing the large one. Integer weights, so the sums are the same.
struct ContextScores {
    /// Per template of [`context::TEMPLATES`], its first row in `rows`.
    offsets: [usize; context::TEMPLATES.len()],
    /// Per template, per combination of its parts (mixed radix, first part
    /// most significant), the pass-2 weights.
    rows: Vec<[i32; NUM_TAGS]>,
}

impl ContextScores {
    fn new(weights: &Weights) -> ContextScores {
        let mut offsets = [0; context::TEMPLATES.len()];
        let mut rows = Vec::new();
        for (offset, &(template, radices)) in offsets.iter_mut().zip(&context::TEMPLATES) {
            *offset = rows.len();
            let combinations: u64 = radices.iter().product();
            let mut parts = vec![0u64; radices.len()];
            for mut n in 0..combinations {
                for (part, &radix) in parts.iter_mut().zip(radices).rev() {
                    *part = n % radix;
                    n /= radix;
                }
                let mut sum = [0; 2 * NUM_TAGS];
                weights.add(&[features::feature_key(template, &parts)], &mut sum);
                rows.push(std::array::from_fn(|t| sum[NUM_TAGS + t]));
            }
        }
        ContextScores { offsets, rows }
    }

    /// The pass-2 weights of a feature, if it is in the table.
    fn row(&self, template: u64, parts: &[u64]) -> Option<&[i32; NUM_TAGS]> {
        let index = usize::try_from(template.checked_sub(context::TEMPLATES[0].0)?).ok()?;
        let &(listed, radices) = context::TEMPLATES.get(index)?;
        if listed != template || parts.len() != radices.len() {
            return None;
        }
        let mut n = 0;
        for (&part, &radix) in parts.iter().zip(radices.iter()) {
            if part >= radix {
                return None;
            }
            n = n * radix + part;
        }
        self.rows.get(self.offsets[index] + n as usize)
    }
}

/// The token features of a document scored once per repeated word form.
///
/// Features that look at one token alone depend only on its word form and
/// role ([`Role`]): for forms seen twice or more they are summed once per
/// role, as most tokens of an article repeat an earlier form, and so are its
/// [`TaggerInput::flag_features`] for the commonest flags (0: mid-sentence,
/// normal case). Forms seen once gain nothing from this and are looked up
/// directly. Integer sums are exact, so the grouping changes nothing; they
/// are kept as `i16` (half the memory to read), and a form whose sums do not
/// fit is not cached.
struct FormSums {
    /// Per word form, its index in `by_form`, or `u32::MAX` if not cached.
    cached: Vec<u32>,
    /// Per cached form: one sum per role, then the flag features' sum for flags 0.
    by_form: Vec<[[i16; 2 * NUM_TAGS]; FORM_SUMS]>,
}

/// Sums cached per word form: one per role and one for the flag features.
const FORM_SUMS: usize = Role::ALL.len() + 1;

impl FormSums {
    fn new(input: &TaggerInput, weights: &Weights) -> FormSums {
        let mut keys = Vec::with_capacity(32);
        let mut cached = vec![u32::MAX; input.lexemes.len()];
        let repeated = input.lexeme_counts.iter().filter(|&&n| n >= 2).count();
        let mut by_form = Vec::with_capacity(repeated);
        for (form, &j) in input.lexemes.iter().enumerate() {
            if input.lexeme_counts[form] < 2 {
                continue;
            }
            let mut sums = [[0; 2 * NUM_TAGS]; FORM_SUMS];
            for (sum, role) in sums.iter_mut().zip(Role::ALL) {
                keys.clear();
                input.token_features(j, role, &mut features::pusher(&mut keys));
                weights.add(&keys, sum);
            }
            keys.clear();
            input.flag_features(form, 0, &mut features::pusher(&mut keys));
            weights.add(&keys, &mut sums[Role::ALL.len()]);
            let narrow = sums.map(|sum| sum.map(|w| i16::try_from(w).ok()));
            if narrow.iter().flatten().all(Option::is_some) {
                cached[form] = by_form.len() as u32;
                by_form.push(narrow.map(|sum| sum.map(|w| w.unwrap_or_default())));
            }
        }
        FormSums { cached, by_form }
    }

    /// Adds to `sum` the weights of the token features of token `i`
    /// (`keys` is scratch space).
    fn add(
        &self,
        input: &TaggerInput,
        weights: &Weights,
        i: usize,
        sentence: &Range<usize>,
        keys: &mut Vec<u32>,
        sum: &mut Sums,
    ) {
        keys.clear();
        let neighbours =
            Role::NEIGHBOURS.map(|(offset, role)| (input.neighbour(i, offset, sentence), role));
        for (token, role) in [(Some(i), Role::Own)].into_iter().chain(neighbours) {
            let Some(j) = token else {
                features::boundary_features(role, &mut features::pusher(keys));
                continue;
            };
            match self.cached[input.tokens[j].lexeme as usize] {
                u32::MAX => input.token_features(j, role, &mut features::pusher(keys)),
                n => model::add_to(sum, &self.by_form[n as usize][role as usize]),
            }
        }
        input.window_features(i, sentence, &mut features::pusher(keys));
        let token = &input.tokens[i];
        match (self.cached[token.lexeme as usize], token.flags()) {
            (n, 0) if n != u32::MAX => {
                model::add_to(sum, &self.by_form[n as usize][Role::ALL.len()])
            }
            (_, flags) => {
                input.flag_features(token.lexeme as usize, flags, &mut features::pusher(keys))
            }
        }
        weights.add(keys, sum);
    }
}

/// The text of the last token that ends before byte `start` (the word before
/// a name), if any: for the rules after the model.
pub(crate) fn word_before<'a>(
    text: &'a str,
    tokens: &[crate::tokenize::Token],
    start: usize,
) -> Option<&'a str> {
    let i = tokens.partition_point(|t| t.end <= start);
    i.checked_sub(1).map(|i| tokens[i].text(text))
}

/// The token that starts at or after byte `end` (the word after a name ending there).
pub(crate) fn word_after<'a>(
    text: &'a str,
    tokens: &[crate::tokenize::Token],
    end: usize,
) -> Option<&'a str> {
    tokens
        .get(tokens.partition_point(|t| t.start < end))
        .map(|t| t.text(text))
}

/// `names` with the names a rule `added` among them, in text order (a
/// stable sort: at one start, the names found first stay first).
pub(crate) fn merged(mut names: Vec<Name>, added: Vec<Name>) -> Vec<Name> {
    if !added.is_empty() {
        names.extend(added);
        names.sort_by_key(|n| n.range.start);
    }
    names
}

/// True if `word` is written like a word of a person's name: a capital, then
/// small letters, hyphens or apostrophes ("Zohran", "Al-Sadr", "O'Neil").
pub(crate) fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'')
}

/// True if one plain space, and nothing else, lies between byte `end` and
/// byte `start` of `text`: the words around it are read as one phrase.
pub(crate) fn one_space_between(text: &str, end: usize, start: usize) -> bool {
    start == end + 1 && &text[end..start] == " "
}

/// True if only spaces or tabs stand between byte `start` and the start of its line.
pub(crate) fn at_line_start(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with('\n')
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

/// The most tokens tagged as one document: a longer text (a whole corpus
/// pasted as one) is tagged in parts of whole sentences, each its own
/// document context, so that the tagger's memory stays bounded. An article
/// holds a few thousand.
pub const MAX_DOCUMENT_TOKENS: usize = 50_000;

/// All names of all four classes in a tokenized text, with the embedded model.
pub fn find_names(text: &str, tokenized: &Tokenized) -> Vec<Name> {
    find_names_with_progress(text, tokenized, &mut |_| {})
}

/// [`find_names`], calling `progress(bytes)` after each part with the byte
/// offset in `text` it has finished up to.
pub fn find_names_with_progress(
    text: &str,
    tokenized: &Tokenized,
    progress: &mut dyn FnMut(usize),
) -> Vec<Name> {
    let mut names = Vec::new();
    let sentences = &tokenized.sentences;
    let mut first = 0;
    while first < sentences.len() {
        let offset = sentences[first].start;
        let mut last = first + 1;
        while last < sentences.len() && sentences[last].end - offset <= MAX_DOCUMENT_TOKENS {
            last += 1;
        }
        let end = sentences[last - 1].end;
        let part: Vec<Range<usize>> = sentences[first..last]
            .iter()
            .map(|s| s.start - offset..s.end - offset)
            .collect();
        names.extend(find_names_in(text, &tokenized.tokens[offset..end], &part));
        if end > offset {
            progress(tokenized.tokens[end - 1].end);
        }
        first = last;
    }
    names
}

/// The names in `tokens` (a run of whole sentences), tagged as one document.
fn find_names_in(
    text: &str,
    tokens: &[crate::tokenize::Token],
    sentences: &[Range<usize>],
) -> Vec<Name> {
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let names = Tagger::embedded()
        .tag(&words, sentences)
        .into_iter()
        .map(|e| {
            // A leading title is not part of a person's name.
            let start = match e.class {
                Class::Per => e.start + titles::leading_title(&words[e.start..e.end]),
                _ => e.start,
            };
            Name {
                range: tokens[start].start..tokens[e.end - 1].end,
                class: e.class,
                confidence: e.confidence,
            }
        })
        .collect();
    let names = compounds::split(text, tokens, names);
    let names = particles::join(text, tokens, names);
    let names = streets::mend(text, tokens, names);
    let names = regions::mend(text, tokens, names);
    let names = org_places::mend(text, tokens, names);
    let names = organisations::mend(text, tokens, names);
    let names = seats::mend(text, tokens, names);
    let names = institutions::mend(text, tokens, names);
    let names = postnominals::drop(text, tokens, names);
    let names = acronyms::drop(text, tokens, names);
    let names = participles::drop(text, tokens, names);
    let names = events::mend(text, tokens, names);
    let names = appositives::mend(text, tokens, names);
    let names = divisions::mend(text, tokens, names);
    let names = person_places::mend(text, tokens, names);
    let names = office_places::add(text, tokens, names);
    let names = titled::mend(text, tokens, names);
    let names = given_names::mend(text, tokens, names);
    let names = surnames::mend(text, tokens, names);
    let names = descriptors::mend(text, tokens, names);
    let names = states::add(text, tokens, names);
    datelines::add(text, tokens, names)
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
    fn recognize(&self, context: &Context<'_>, out: &mut Vec<Mention>) {
        self.recognize_with_progress(context, out, &mut |_| {});
    }

    fn recognize_with_progress(
        &self,
        context: &Context<'_>,
        out: &mut Vec<Mention>,
        progress: &mut dyn FnMut(usize),
    ) {
        for name in find_names_with_progress(context.text, context.tokenized, progress) {
            let label = match name.class {
                Class::Per => Label::Person,
                Class::Loc => Label::Place,
                Class::Org => Label::Org,
                Class::Misc => Label::Misc,
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

/// True if the news text the clusters came from has `word` in lower case
/// ("best", "ford"): a common word, whatever its case here.
pub(crate) fn is_common_word(word: &str) -> bool {
    Tagger::embedded()
        .resources()
        .clusters
        .contains(&word.to_lowercase())
}

/// True if the embedded name list `list` holds `word`, in any case.
pub(crate) fn listed(list: gazetteer::List, word: &str) -> bool {
    Tagger::embedded()
        .resources()
        .gazetteer
        .contains(list, &word.to_lowercase())
}

/// Whether `word`, in any case, is in `list` (sorted, lowercase).
pub(crate) fn in_list(list: &[&str], word: &str) -> bool {
    list.binary_search(&word.to_lowercase().as_str()).is_ok()
}

/// The lines of an embedded word list (`data/names/`: sorted, one word per
/// line), split once into `cell`.
pub(crate) fn word_list(
    source: &'static str,
    cell: &'static OnceLock<Vec<&'static str>>,
) -> &'static [&'static str] {
    cell.get_or_init(|| source.lines().filter(|l| !l.is_empty()).collect())
}

/// The embedded files the features read, by repository path, each with the
/// FNV-1a hash of its text. `gloss train names` records them beside the
/// model it writes (`models/names.inputs`), and a test checks that they
/// still hash the same: a list edited after training would otherwise ship
/// with a model that never saw it, and `scripts/train.sh` would no longer
/// rebuild the committed model.
pub fn feature_inputs() -> Vec<(String, u64)> {
    let mut inputs: Vec<(String, u64)> = gazetteer::sources()
        .map(|(file, text)| (format!("data/gazetteers/{file}"), hash::string(text)))
        .collect();
    inputs.push(("models/clusters.txt".into(), hash::string(clusters::SOURCE)));
    inputs
}

/// What [`feature_inputs`] and a model's bytes are recorded as: one
/// `hash  path` line each, the model's under its file name `model_name`.
pub fn inputs_record(model_name: &str, model: &[u8]) -> String {
    let mut out = String::from(
        "# What the model was trained from (FNV-1a 64 of each file), written by `gloss train names`.\n",
    );
    for (path, h) in feature_inputs() {
        out.push_str(&format!("{h:016x}  {path}\n"));
    }
    out.push_str(&format!("{:016x}  {model_name}\n", hash::bytes(model)));
    out
}

/// Table-test helpers for the rules that run after the model.
#[cfg(test)]
pub(crate) mod rule_tests {
    use super::tags::Class;
    use super::Name;
    use crate::tokenize::Token;

    /// Words of a text with the class they are tagged with, in text order.
    pub type Tagged<'a> = &'a [(&'a str, Class)];

    /// A rule that runs after the model.
    pub type Rule = fn(&str, &[Token], Vec<Name>) -> Vec<Name>;

    /// Runs `rule` on `text` as if the model had tagged `tagged`; returns
    /// the words and classes of its names.
    pub fn run(text: &str, tagged: Tagged, rule: Rule) -> Vec<(String, Class)> {
        run_at(text, tagged, rule, 0.9)
    }

    /// [`run`] with every tagged name at `confidence`.
    pub fn run_at(text: &str, tagged: Tagged, rule: Rule, confidence: f32) -> Vec<(String, Class)> {
        let tokenized = crate::tokenize::tokenize(text);
        let mut from = 0;
        let names = tagged
            .iter()
            .map(|&(word, class)| {
                let start = from + text[from..].find(word).expect("tagged word in text");
                from = start + word.len();
                Name {
                    range: start..from,
                    class,
                    confidence,
                }
            })
            .collect();
        rule(text, &tokenized.tokens, names)
            .into_iter()
            .map(|n| (text[n.range].to_string(), n.class))
            .collect()
    }

    /// `names` as [`run`] returns them.
    pub fn owned(names: Tagged) -> Vec<(String, Class)> {
        names.iter().map(|&(w, c)| (w.to_string(), c)).collect()
    }

    /// The rule run on each case's text and tagging gives its expected names.
    pub fn assert_mends(rule: Rule, cases: &[(&str, Tagged, Tagged)]) {
        for &(text, tagged, expected) in cases {
            assert_eq!(run(text, tagged, rule), owned(expected), "{text}");
        }
    }

    /// The rule leaves each case's tagging as it is (a false-positive table).
    pub fn assert_leaves(rule: Rule, cases: &[(&str, Tagged)]) {
        for &(text, tagged) in cases {
            assert_eq!(run(text, tagged, rule), owned(tagged), "{text}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_list_is_sorted_lowercase() {
        // `in_list` searches them by binary search.
        let lists = [
            include_str!("../../data/names/common_acronyms.txt"),
            include_str!("../../data/names/event_heads.txt"),
            include_str!("../../data/names/event_openers.txt"),
            include_str!("../../data/names/organisation_heads.txt"),
            include_str!("../../data/names/organisation_nouns.txt"),
            include_str!("../../data/names/organisations.txt"),
            include_str!("../../data/names/place_nouns.txt"),
            include_str!("../../data/names/postnominals.txt"),
            include_str!("../../data/names/public_figures.txt"),
            include_str!("../../data/names/seats_of_power.txt"),
            include_str!("../../data/names/sport_words.txt"),
            include_str!("../../data/names/storm_words.txt"),
            include_str!("../../data/names/street_types.txt"),
            include_str!("../../data/names/title_modifiers.txt"),
            include_str!("../../data/names/titles.txt"),
            include_str!("../../data/names/work_nouns.txt"),
        ];
        for list in lists {
            let words: Vec<&str> = list.lines().collect();
            assert!(words.windows(2).all(|w| w[0] < w[1]), "{:?}", &words[..3]);
            assert!(words
                .iter()
                .all(|w| *w == w.to_lowercase() && !w.is_empty()));
        }
    }

    #[test]
    fn the_embedded_model_was_trained_from_the_embedded_lists_and_clusters() {
        // Retrain with scripts/train.sh after changing a list or the clusters.
        let recorded = include_str!("../../models/names.inputs");
        assert_eq!(
            recorded,
            inputs_record("names.bin", Tagger::embedded_bytes()),
            "models/names.inputs differs from the embedded files: run scripts/train.sh"
        );
    }

    #[test]
    fn a_text_longer_than_a_document_is_tagged_in_parts_at_the_right_offsets() {
        let sentence = "Rustem Umerov met officials in Kyiv on Friday.\n";
        let text = sentence.repeat(MAX_DOCUMENT_TOKENS / 9 + 500);
        let tokenized = crate::tokenize::tokenize(&text);
        assert!(tokenized.tokens.len() > MAX_DOCUMENT_TOKENS);
        let names = find_names(&text, &tokenized);
        let found: Vec<(&str, Class)> = names
            .iter()
            .map(|n| (&text[n.range.clone()], n.class))
            .collect();
        // Every copy, in the first part and the second, gets the same names.
        let copies = text.len() / sentence.len();
        assert_eq!(found.len() % copies, 0, "{:?}", &found[..4]);
        let per_copy = found.len() / copies;
        assert!(per_copy >= 2);
        for (n, name) in names.iter().enumerate() {
            let copy = name.range.start / sentence.len();
            let first = &names[n % per_copy];
            assert_eq!(
                name.range.start - copy * sentence.len(),
                first.range.start,
                "{n}"
            );
            assert_eq!(found[n], found[n % per_copy]);
        }
    }

    /// The words and tagger input of the prisoner-exchange fixture, `article`
    /// and `extra`, joined by blank lines (leaked: tests only).
    fn fixture_input(article: &str, extra: &str) -> (Vec<&'static str>, TaggerInput) {
        let text: &'static str = [
            include_str!("../../tests/ner_fixtures/prisoner-exchange.txt"),
            article,
            extra,
        ]
        .join("\n\n")
        .leak();
        let tokenized = crate::tokenize::tokenize(text);
        let words: Vec<&str> = tokenized.tokens.iter().map(|t| t.text(text)).collect();
        let input = TaggerInput::new(&words, &tokenized.sentences, Tagger::embedded().resources());
        (words, input)
    }

    /// The table of context scores must score every token exactly as its
    /// plain context features do, and hold every feature the fixtures fire.
    #[test]
    fn context_sums_equal_the_sums_of_the_plain_context_features() {
        let (words, input) = fixture_input(
            include_str!("../../tests/ner_fixtures/football.txt"),
            "KYIV SAYS TALKS WILL RESUME\nUmerov said: Umerov, Umerov. Kyiv. kyiv",
        );
        let tagger = Tagger::embedded();
        // The tagger's names stand in for a first pass.
        let names: Vec<tags::Span> = tagger
            .tag(&words, &input.sentences)
            .iter()
            .map(|e| tags::Span {
                start: e.start,
                end: e.end,
                class: e.class,
            })
            .collect();
        let first = tags::from_spans(words.len(), &names);
        let context = DocContext::new(&input, first);
        let (mut keys, mut plain_keys) = (Vec::new(), Vec::new());
        let mut fired = std::collections::BTreeSet::new();
        for sentence in &input.sentences {
            for i in sentence.clone() {
                let fast = tagger.context_sums(&input, &context, i, sentence, &mut keys);
                assert!(keys.is_empty(), "token {i}: a feature outside the table");
                plain_keys.clear();
                input.context_features(i, sentence, &context, &mut plain_keys);
                let mut plain = [0; 2 * NUM_TAGS];
                tagger.weights.add(&plain_keys, &mut plain);
                assert_eq!(
                    fast[NUM_TAGS..],
                    plain[NUM_TAGS..],
                    "token {i} {:?}",
                    words[i]
                );
                context.features(&input, i, sentence, &mut |template, _| {
                    fired.insert(template);
                });
            }
        }
        // The text reaches most templates, so the comparison means something.
        assert!(fired.len() >= 9, "{fired:?}");
    }

    /// The per-form shortcut must score every token exactly as its plain
    /// feature list does: at sentence edges, for repeated and new words.
    #[test]
    fn token_sums_equal_the_sums_of_the_plain_features() {
        let (words, input) = fixture_input(
            include_str!("../../tests/ner_fixtures/earnings.txt"),
            "Kyiv. KYIV SAYS TALKS WILL RESUME\nUmerov said: Umerov, Umerov.",
        );
        let tagger = Tagger::embedded();
        let fast = tagger.token_sums(&input);
        assert_eq!(fast.len(), words.len());
        let mut keys = Vec::new();
        for sentence in &input.sentences {
            for i in sentence.clone() {
                keys.clear();
                input.features(i, sentence, None, &mut keys);
                let mut plain = [0; 2 * NUM_TAGS];
                tagger.weights.add(&keys, &mut plain);
                assert_ne!(
                    plain,
                    [0; 2 * NUM_TAGS],
                    "token {i} {:?} has no weights",
                    words[i]
                );
                assert_eq!(fast[i], plain, "token {i} {:?}", words[i]);
            }
        }
    }
}
