//! The name corpora training and evaluation read, named on the command line
//! as `KIND:PATH` (`gum-dev:../shared/data/ner-extra/gum`), and readers for
//! the `token<TAB>BIO` files of BTC, WNUT-17 and re3d with their labels
//! mapped to the CoNLL-2003 classes as `ner-extra/README.md` recommends.
//!
//! Only CoNLL-2003 annotates MISC as CoNLL-2003 does: in the others a token
//! outside a name is marked possibly MISC (a partial label, see
//! [`ConllDocument::maybe_misc`]), so training never learns from them that a
//! nationality or an event is not a name.

use std::path::{Path, PathBuf};

use super::conll::{self, ConllDocument};
use super::{gum, DevError, Problem};
use crate::ner::tags::{Class, Span};

/// A corpus format (and split, for GUM).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Corpus {
    /// A CoNLL-2003 file.
    Conll,
    /// GUM's train split (a GUM folder).
    GumTrain,
    /// GUM's dev split.
    GumDev,
    /// Broad Twitter Corpus: a `.conll` file or a folder of them; one tweet a document.
    Btc,
    /// WNUT-17: one file; each sentence a document.
    Wnut17,
    /// re3d: a folder searched for `.conll` files, one document each.
    Re3d,
}

/// The corpus kinds as written on the command line.
const KINDS: [(&str, Corpus); 6] = [
    ("conll", Corpus::Conll),
    ("gum-train", Corpus::GumTrain),
    ("gum-dev", Corpus::GumDev),
    ("btc", Corpus::Btc),
    ("wnut17", Corpus::Wnut17),
    ("re3d", Corpus::Re3d),
];

fn kind_names() -> String {
    KINDS.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ")
}

impl Corpus {
    /// The corpus of a kind name ("gum-train").
    pub fn from_kind(kind: &str) -> Result<Corpus, String> {
        KINDS
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|&(_, c)| c)
            .ok_or_else(|| format!("unknown corpus kind {kind:?} (kinds: {})", kind_names()))
    }
}

/// A corpus to read: its kind, its path and, for training, how many times
/// each of its sentences is seen per epoch (its weight).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Its format.
    pub corpus: Corpus,
    /// Its file or folder.
    pub path: String,
    /// Copies of each sentence per training epoch (0 leaves it out).
    pub repeat: usize,
}

impl std::str::FromStr for Source {
    type Err = String;

    /// Parses `KIND:PATH` or `KIND:PATH*N` (N: the repeat count, default 1).
    fn from_str(spec: &str) -> Result<Source, String> {
        let kinds = || KINDS.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ");
        let (kind, rest) = spec
            .split_once(':')
            .ok_or_else(|| format!("{spec:?} is not KIND:PATH (kinds: {})", kinds()))?;
        let corpus = Corpus::from_kind(kind)?;
        let (path, repeat) = split_repeat(rest)?;
        Ok(Source {
            corpus,
            path: path.to_string(),
            repeat,
        })
    }
}

/// Splits `PATH*N` into the path and N (1 without `*N`).
pub fn split_repeat(spec: &str) -> Result<(&str, usize), String> {
    match spec.rsplit_once('*') {
        Some((path, n)) => Ok((
            path,
            n.parse()
                .map_err(|_| format!("{n:?} in {spec:?} is not a repeat count"))?,
        )),
        None => Ok((spec, 1)),
    }
}

/// Reads `KIND:PATH`, or a plain path as a CoNLL-2003 file.
pub fn read(spec: &str) -> Result<Vec<ConllDocument>, DevError> {
    let known = spec
        .split_once(':')
        .is_some_and(|(kind, _)| KINDS.iter().any(|(k, _)| *k == kind));
    if known {
        let source: Source = spec
            .parse()
            .map_err(|e: String| DevError::Malformed(spec.to_string(), e.into()))?;
        source.read()
    } else {
        conll::read(spec)
    }
}

impl Source {
    /// Reads the corpus into documents.
    pub fn read(&self) -> Result<Vec<ConllDocument>, DevError> {
        let path = self.path.as_str();
        match self.corpus {
            Corpus::Conll => conll::read(path),
            Corpus::GumTrain => gum::read(path, "train"),
            Corpus::GumDev => gum::read(path, "dev"),
            Corpus::Btc => read_bio(path, btc_label, Unit::Sentence),
            Corpus::Wnut17 => read_bio(path, wnut17_label, Unit::Sentence),
            Corpus::Re3d => read_bio(path, re3d_label, Unit::File),
        }
    }
}

/// What a corpus label becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mapped {
    /// A name of this class.
    Name(Class),
    /// Not a name of ours, but possibly MISC in CoNLL-2003's terms.
    MaybeMisc,
}

fn btc_label(label: &str) -> Option<Mapped> {
    Class::parse(label).map(Mapped::Name)
}

fn wnut17_label(label: &str) -> Option<Mapped> {
    Some(Mapped::Name(match label {
        "person" => Class::Per,
        "location" => Class::Loc,
        "corporation" | "group" => Class::Org,
        "product" | "creative-work" => Class::Misc,
        _ => return None,
    }))
}

fn re3d_label(label: &str) -> Option<Mapped> {
    Some(match label {
        "Person" => Mapped::Name(Class::Per),
        "Location" => Mapped::Name(Class::Loc),
        "Organisation" => Mapped::Name(Class::Org),
        "Nationality" => Mapped::Name(Class::Misc),
        // Weapons, platforms, document references, money, quantities, dates.
        _ => Mapped::MaybeMisc,
    })
}

/// What one document of a `token<TAB>BIO` corpus is.
#[derive(Clone, Copy)]
enum Unit {
    /// Each blank-line-separated block.
    Sentence,
    /// Each file.
    File,
}

/// The `.conll` files under `path` (or `path` itself), sorted.
fn files(path: &str) -> Result<Vec<PathBuf>, DevError> {
    let root = Path::new(path);
    if !root.is_dir() {
        return Ok(vec![root.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let entries =
            std::fs::read_dir(&dir).map_err(|e| DevError::Read(dir.display().to_string(), e))?;
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|e| e == "conll") {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn read_bio(
    path: &str,
    map: fn(&str) -> Option<Mapped>,
    unit: Unit,
) -> Result<Vec<ConllDocument>, DevError> {
    let mut docs = Vec::new();
    for file in files(path)? {
        let name = file.display().to_string();
        let text = super::read_file(&name)?;
        let parsed = parse_bio(&text, map).map_err(|p| DevError::Malformed(name, p))?;
        match unit {
            Unit::Sentence => docs.extend(parsed.into_iter().map(|s| one_document(vec![s]))),
            Unit::File => docs.push(one_document(parsed)),
        }
    }
    Ok(docs)
}

/// A sentence of a `token<TAB>BIO` file: tokens, names, possibly-MISC tokens.
struct Sentence {
    words: Vec<String>,
    names: Vec<Span>,
    maybe_misc: Vec<bool>,
}

fn one_document(sentences: Vec<Sentence>) -> ConllDocument {
    let mut doc = ConllDocument::default();
    for s in sentences {
        let at = doc.words.len();
        doc.names.extend(s.names.iter().map(|n| Span {
            start: n.start + at,
            end: n.end + at,
            class: n.class,
        }));
        doc.words.extend(s.words);
        doc.maybe_misc.extend(s.maybe_misc);
        doc.sentences.push(at..doc.words.len());
    }
    doc
}

/// English personal pronouns (sorted).
const PRONOUNS: &[&str] = &[
    "he", "her", "him", "his", "i", "it", "its", "me", "my", "our", "she", "their", "them", "they",
    "us", "we", "you", "your",
];

/// Parses `token<TAB>BIO` lines (blank lines between sentences). Every token
/// outside a name may be MISC, as none of these corpora annotates MISC as
/// CoNLL-2003 does. A name with no capital letter ("the government") or
/// made of pronouns (re3d tags "He" as a Person) is not a name.
fn parse_bio(text: &str, map: fn(&str) -> Option<Mapped>) -> Result<Vec<Sentence>, Problem> {
    let mut sentences = Vec::new();
    let mut words: Vec<String> = Vec::new();
    // (start, label) per labelled run.
    let mut runs: Vec<(usize, usize, Option<Mapped>)> = Vec::new();
    let finish = |words: &mut Vec<String>, runs: &mut Vec<(usize, usize, Option<Mapped>)>| {
        let mut s = Sentence {
            maybe_misc: vec![true; words.len()],
            words: std::mem::take(words),
            names: Vec::new(),
        };
        for (start, end, mapped) in runs.drain(..) {
            let words = &s.words[start..end];
            let named = words.iter().any(|w| w.chars().any(char::is_uppercase))
                && !words
                    .iter()
                    .all(|w| PRONOUNS.contains(&w.to_lowercase().as_str()));
            if let (Some(Mapped::Name(class)), true) = (mapped, named) {
                s.names.push(Span { start, end, class });
                s.maybe_misc[start..end].fill(false);
            }
        }
        s
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() {
            if !words.is_empty() {
                sentences.push(finish(&mut words, &mut runs));
            }
            continue;
        }
        let (word, tag) = line
            .rsplit_once('\t')
            .ok_or_else(|| Problem::at(n + 1, "expected `token<TAB>TAG`"))?;
        let i = words.len();
        words.push(word.to_string());
        if tag == "O" {
            continue;
        }
        let (prefix, label) = tag
            .split_once('-')
            .ok_or_else(|| Problem::at(n + 1, format!("bad tag {tag:?}")))?;
        let mapped = map(label);
        match runs.last_mut() {
            Some((_, end, m)) if prefix == "I" && *end == i && *m == mapped => *end = i + 1,
            _ => runs.push((i, i + 1, mapped)),
        }
    }
    if !words.is_empty() {
        sentences.push(finish(&mut words, &mut runs));
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_parse_kind_path_and_repeat() {
        let s: Source = "btc:data/g.conll*3".parse().unwrap();
        assert_eq!(
            (s.corpus, s.path.as_str(), s.repeat),
            (Corpus::Btc, "data/g.conll", 3)
        );
        let s: Source = "gum-dev:/x/gum".parse().unwrap();
        assert_eq!((s.corpus, s.repeat), (Corpus::GumDev, 1));
        assert!("tweets:x".parse::<Source>().is_err());
        assert!("x".parse::<Source>().is_err());
        assert!("btc:x*many".parse::<Source>().is_err());
    }

    #[test]
    fn bio_labels_map_and_unlabelled_tokens_may_be_misc() {
        let text = "He\tB-Person\nmet\tO\nthe\tB-Organisation\nUN\tI-Organisation\nin\tO\n\
                    Syria\tB-Location\nwith\tO\nT-72\tB-Weapon\ntanks\tO\n\n\
                    Syrian\tB-Nationality\nforces\tO\n";
        let sentences = parse_bio(text, re3d_label).unwrap();
        assert_eq!(sentences.len(), 2);
        let names: Vec<(usize, usize, Class)> = sentences[0]
            .names
            .iter()
            .map(|s| (s.start, s.end, s.class))
            .collect();
        // "He" is a pronoun, not a name: it stays outside, possibly MISC like any other.
        assert_eq!(names, vec![(2, 4, Class::Org), (5, 6, Class::Loc)]);
        assert_eq!(
            sentences[0].maybe_misc,
            vec![true, true, false, false, true, false, true, true, true]
        );
        assert_eq!(sentences[1].names[0].class, Class::Misc);
        let lowercase = parse_bio("said\tO\nhe\tB-Person\n", re3d_label).unwrap();
        assert!(lowercase[0].names.is_empty());
        let wnut = parse_bio(
            "Star\tB-creative-work\nWars\tI-creative-work\nfans\tO\n",
            wnut17_label,
        )
        .unwrap();
        assert_eq!(
            (wnut[0].names[0].end, wnut[0].names[0].class),
            (2, Class::Misc)
        );
    }
}
