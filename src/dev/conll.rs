//! Reader for CoNLL-2003 files (`token POS chunk NER` per line, IOB2 tags,
//! blank lines between sentences, `-DOCSTART-` between documents).

use std::ops::Range;

use super::{DevError, Problem};
use crate::ner::tags::{Class, Span};

/// One article: its tokens, sentences and gold names.
#[derive(Clone, Debug, Default)]
pub struct ConllDocument {
    /// Token texts.
    pub words: Vec<String>,
    /// Sentences as token ranges.
    pub sentences: Vec<Range<usize>>,
    /// Gold names, in token indices of the document.
    pub names: Vec<Span>,
    /// Per token, true where the corpus does not annotate MISC names, so a
    /// token outside [`Self::names`] may still be part of one (a partial
    /// label). Empty when every token's label is certain, as in CoNLL-2003.
    pub maybe_misc: Vec<bool>,
}

impl ConllDocument {
    /// The token texts as `&str`.
    pub fn word_refs(&self) -> Vec<&str> {
        self.words.iter().map(String::as_str).collect()
    }
}

/// Reads a CoNLL-2003 file into documents.
pub fn read(path: &str) -> Result<Vec<ConllDocument>, DevError> {
    parse(&super::read_file(path)?).map_err(|p| DevError::Malformed(path.to_string(), p))
}

/// Parses CoNLL-2003 text into documents.
pub fn parse(text: &str) -> Result<Vec<ConllDocument>, Problem> {
    let mut docs = Vec::new();
    let mut doc = ConllDocument::default();
    let mut sentence_start = 0;
    let mut open: Option<(usize, Class)> = None;
    let close = |doc: &mut ConllDocument, open: &mut Option<(usize, Class)>| {
        if let Some((start, class)) = open.take() {
            doc.names.push(Span {
                start,
                end: doc.words.len(),
                class,
            });
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            close(&mut doc, &mut open);
            if doc.words.len() > sentence_start {
                doc.sentences.push(sentence_start..doc.words.len());
            }
            sentence_start = doc.words.len();
            if line.starts_with("-DOCSTART-") && !doc.words.is_empty() {
                docs.push(std::mem::take(&mut doc));
                sentence_start = 0;
            }
            continue;
        }
        let fields: Vec<&str> = line.split(' ').collect();
        let (word, tag) = match fields.as_slice() {
            [word, .., tag] if fields.len() >= 2 => (*word, *tag),
            _ => return Err(Problem::at(n + 1, "expected `token ... TAG`")),
        };
        let i = doc.words.len();
        if tag == "O" {
            close(&mut doc, &mut open);
        } else {
            let (prefix, class) = tag
                .split_once('-')
                .ok_or_else(|| Problem::at(n + 1, format!("bad tag {tag:?}")))?;
            let class = Class::parse(class)
                .ok_or_else(|| Problem::at(n + 1, format!("unknown class in {tag:?}")))?;
            let continues = prefix == "I" && open.is_some_and(|(_, c)| c == class);
            if !continues {
                close(&mut doc, &mut open);
                open = Some((i, class));
            }
        }
        doc.words.push(word.to_string());
    }
    close(&mut doc, &mut open);
    if doc.words.len() > sentence_start {
        doc.sentences.push(sentence_start..doc.words.len());
    }
    if !doc.words.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_sentences_and_names() {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\nBRUSSELS NNP B-NP B-LOC\n\n-DOCSTART- -X- -X- O\n\nA DT O B-MISC\nB DT O B-MISC\n";
        let docs = parse(text).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences, vec![0..4, 4..5]);
        let names: Vec<_> = docs[0]
            .names
            .iter()
            .map(|s| (s.start, s.end, s.class))
            .collect();
        assert_eq!(
            names,
            vec![(0, 1, Class::Org), (2, 4, Class::Per), (4, 5, Class::Loc)]
        );
        assert_eq!(docs[1].names.len(), 2);
    }
}
