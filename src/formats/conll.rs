//! CoNLL: one token per line with its BIO tag (`Rustem<TAB>B-PERSON`), a
//! blank line between sentences, `-DOCSTART- ID<TAB>O` opening each document
//! of a batch. Written from the core tokenizer's tokens; read back from any
//! CoNLL-2003-style file (the token first, the tag last, other columns
//! ignored; IOB1, IOB2 and BIOES tags; CoNLL-2003's `PER`/`LOC`/`MISC`
//! through the label table). CoNLL keeps no text, so the reader rebuilds it
//! as the exporter's tokens joined by single spaces, a line per sentence,
//! except where a space would cut a token in two ("Ukraine" "'s" is
//! "Ukraine's"): re-exported, it gives the same tokens and tags.

use std::fmt::Write;

use super::import::{Draft, ImportError, Mention};
use super::json;
use crate::document::{Document, DocumentId};
use crate::span::CharIndex;
use crate::tokenize::tokenize;

pub(super) fn write(document: &Document) -> String {
    let text = &document.text;
    let spans = super::byte_spans(document, &CharIndex::new(text));
    let tokenized = tokenize(text);
    let mut out = String::new();
    // A document that says what it is starts as CoNLL-2003 documents do.
    if let Some(id) = &document.id {
        let _ = writeln!(out, "-DOCSTART- {}\tO\n", json(id));
    }
    let mut next_span = 0;
    for sentence in &tokenized.sentences {
        let mut inside: Option<usize> = None;
        for token in &tokenized.tokens[sentence.clone()] {
            while next_span < spans.len() && spans[next_span].1 <= token.start {
                next_span += 1;
            }
            // A token belongs to a span if it starts inside it.
            let tag = match spans.get(next_span) {
                Some(&(start, end, label)) if token.start >= start && token.start < end => {
                    let prefix = if inside == Some(next_span) { "I" } else { "B" };
                    inside = Some(next_span);
                    format!("{prefix}-{label}")
                }
                _ => {
                    inside = None;
                    "O".to_string()
                }
            };
            let _ = writeln!(out, "{}\t{tag}", token.text(text));
        }
        out.push('\n');
    }
    out
}

/// One document of a CoNLL file as read: its tokens, which of them start a
/// sentence, and its mentions as token ranges.
#[derive(Default)]
struct Read<'a> {
    id: Option<DocumentId>,
    line: Option<usize>,
    tokens: Vec<&'a str>,
    sentence_starts: Vec<bool>,
    /// (first token, one past the last, label, line).
    mentions: Vec<(usize, usize, &'a str, usize)>,
}

/// The documents of a CoNLL file: a new one at each `-DOCSTART-` line.
pub(super) fn read(file: &str, text: &str) -> Result<Vec<Draft>, ImportError> {
    let mut documents: Vec<Read> = Vec::new();
    let mut doc = Read::default();
    let mut in_sentence = false;
    let mut any_line = false;
    // The open mention: (first token, label, line).
    let mut open: Option<(usize, &str, usize)> = None;
    fn close<'a>(doc: &mut Read<'a>, open: &mut Option<(usize, &'a str, usize)>) {
        if let Some((first, label, line)) = open.take() {
            doc.mentions.push((first, doc.tokens.len(), label, line));
        }
    }
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.is_empty() {
            close(&mut doc, &mut open);
            in_sentence = false;
            continue;
        }
        // A byte-order mark may open the file; it stays in a token, where it may be the text's own.
        if fields[0].trim_start_matches('\u{feff}') == "-DOCSTART-" {
            close(&mut doc, &mut open);
            if any_line {
                documents.push(std::mem::take(&mut doc));
            }
            doc.line = Some(number);
            // Gloss writes the id as JSON ("a.txt", 7); CoNLL-2003 writes -X-.
            let rest =
                line.trim_start_matches(['\u{feff}', ' ', '\t'])["-DOCSTART-".len()..].trim();
            let id_text = rest.rsplit_once('\t').map_or(rest, |(id, _)| id).trim();
            doc.id = serde_json::from_str::<DocumentId>(id_text).ok();
            in_sentence = false;
            any_line = true;
            continue;
        }
        any_line = true;
        if fields.len() < 2 {
            return Err(ImportError::new(
                file,
                Some(number),
                format!(
                    "The line {line:?} has no tag: a CoNLL line is a token, then its tag \
                     (B-PERSON, I-PLACE, O), separated by a tab or spaces."
                ),
            ));
        }
        let (token, tag) = (fields[0], fields[fields.len() - 1]);
        let (prefix, label) = match tag.split_once('-') {
            None if tag == "O" => (None, ""),
            Some((p @ ("B" | "I" | "E" | "S" | "L" | "U"), label)) if !label.is_empty() => {
                (Some(p), label)
            }
            _ => {
                return Err(ImportError::new(
                    file,
                    Some(number),
                    format!(
                        "The tag {tag:?} is not a BIO tag: expected O, or B-, I-, E- or S- \
                         and a label (B-PERSON)."
                    ),
                ))
            }
        };
        doc.line.get_or_insert(number);
        // I-, E- or L- continue a mention of the same label; B-, S- or U- (or a change of label) start one.
        let continues =
            matches!(prefix, Some("I" | "E" | "L")) && open.as_ref().is_some_and(|m| m.1 == label);
        if !continues {
            close(&mut doc, &mut open);
            if prefix.is_some() {
                open = Some((doc.tokens.len(), label, number));
            }
        }
        doc.sentence_starts.push(!in_sentence);
        doc.tokens.push(token);
        in_sentence = true;
        if matches!(prefix, Some("E" | "S" | "L" | "U")) {
            close(&mut doc, &mut open);
        }
    }
    close(&mut doc, &mut open);
    // A file without tokens is one empty text, as an empty text exports.
    if any_line || documents.is_empty() {
        documents.push(doc);
    }
    Ok(documents.into_iter().map(draft).collect())
}

/// A read document as a draft: its text rebuilt ([`rebuild`]), its mentions in code points.
fn draft(doc: Read) -> Draft {
    let (text, spans) = rebuild(&doc.tokens, &doc.sentence_starts);
    Draft {
        id: doc.id,
        line: doc.line,
        mentions: doc
            .mentions
            .iter()
            .map(|&(first, end, label, line)| Mention {
                start: spans[first].0,
                end: spans[end - 1].1,
                label: label.to_string(),
                line: Some(line),
                ..Mention::default()
            })
            .collect(),
        text,
    }
}

/// The text of `tokens` and each token's code-point span: a space between
/// the tokens of a sentence, a line break between sentences, nothing where a
/// space would cut a token ("Ukraine" "'s"). Where the core tokenizer would
/// then cut the text otherwise (an abbreviation's period ends a sentence on
/// a line of its own, but not before a space), the separators there are
/// changed, a few times at most, until it gives the tokens and sentences read.
fn rebuild(tokens: &[&str], sentence_starts: &[bool]) -> (String, Vec<(usize, usize)>) {
    const SEPARATORS: [&str; 3] = ["\n", " ", ""];
    let mut separators: Vec<&str> = (0..tokens.len())
        .map(|i| match i {
            0 => "",
            _ if sentence_starts[i] => "\n",
            _ if needs_glue(tokens[i - 1], tokens[i]) => "",
            _ => " ",
        })
        .collect();
    let join = |separators: &[&str]| -> String {
        tokens
            .iter()
            .zip(separators)
            .flat_map(|(t, s)| [*s, *t])
            .collect()
    };
    // The index of the first token the tokenizer does not give back as read.
    let first_difference = |text: &str| -> usize {
        let tokenized = tokenize(text);
        let mut starts = vec![false; tokenized.tokens.len()];
        for sentence in &tokenized.sentences {
            starts[sentence.start] = true;
        }
        (0..tokens.len())
            .find(|&i| {
                tokenized.tokens.get(i).map(|t| t.text(text)) != Some(tokens[i])
                    || starts[i] != sentence_starts[i]
            })
            .unwrap_or(if tokenized.tokens.len() == tokens.len() {
                usize::MAX
            } else {
                tokens.len()
            })
    };
    let mut text = join(&separators);
    let mut at = first_difference(&text);
    for _ in 0..16 {
        if at == usize::MAX {
            break;
        }
        let mut best = (at, None);
        for k in [at, at + 1]
            .into_iter()
            .filter(|&k| k > 0 && k < tokens.len())
        {
            for separator in SEPARATORS.iter().filter(|s| **s != separators[k]) {
                let mut tried = separators.clone();
                tried[k] = separator;
                let reached = first_difference(&join(&tried));
                if reached > best.0 {
                    best = (reached, Some(tried));
                }
            }
        }
        let (reached, Some(better)) = best else { break };
        separators = better;
        text = join(&separators);
        at = reached;
    }
    let mut spans = Vec::with_capacity(tokens.len());
    let mut length = 0;
    for (token, separator) in tokens.iter().zip(&separators) {
        length += separator.chars().count();
        let start = length;
        length += token.chars().count();
        spans.push((start, length));
    }
    (text, spans)
}

/// True when `previous token` would not tokenize as the two tokens
/// `previous` and `token`, and `previoustoken` would (a clitic: "'s", "n't").
fn needs_glue(previous: &str, token: &str) -> bool {
    let splits_into_both = |text: &str| {
        let tokens = tokenize(text).tokens;
        tokens.len() == 2 && tokens[0].text(text) == previous && tokens[1].text(text) == token
    };
    !splits_into_both(&format!("{previous} {token}"))
        && splits_into_both(&format!("{previous}{token}"))
}
