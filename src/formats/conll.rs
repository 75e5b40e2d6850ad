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

/// The documents of a CoNLL file: a new one at each `-DOCSTART-` line.
pub(super) fn read(file: &str, text: &str) -> Result<Vec<Draft>, ImportError> {
    let mut drafts: Vec<Draft> = Vec::new();
    // The current document's text length in code points, and whether its sentence is open.
    let mut draft = Draft::default();
    let mut length = 0;
    let mut in_sentence = false;
    let mut open: Option<Mention> = None;
    let mut any_line = false;
    let mut previous = "";
    let finish = |draft: &mut Draft, open: &mut Option<Mention>| {
        if let Some(m) = open.take() {
            draft.mentions.push(m);
        }
    };
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.is_empty() {
            finish(&mut draft, &mut open);
            in_sentence = false;
            continue;
        }
        if fields[0] == "-DOCSTART-" {
            finish(&mut draft, &mut open);
            if any_line || !draft.text.is_empty() {
                drafts.push(std::mem::take(&mut draft));
            }
            draft.line = Some(number);
            // Gloss writes the id as JSON ("a.txt", 7); CoNLL-2003 writes -X-.
            let rest = line.trim_start()["-DOCSTART-".len()..].trim();
            let id_text = rest.rsplit_once('\t').map_or(rest, |(id, _)| id).trim();
            draft.id = serde_json::from_str::<DocumentId>(id_text).ok();
            length = 0;
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
        if draft.line.is_none() {
            draft.line = Some(number);
        }
        if !draft.text.is_empty() {
            let glued = in_sentence && needs_glue(previous, token);
            if !glued {
                draft.text.push(if in_sentence { ' ' } else { '\n' });
                length += 1;
            }
        }
        in_sentence = true;
        previous = token;
        let start = length;
        draft.text.push_str(token);
        length += token.chars().count();
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
        // I-, E- or L- continue a mention of the same label; B-, S- or U- (or a change of label) start one.
        let continues = matches!(prefix, Some("I" | "E" | "L"))
            && open.as_ref().is_some_and(|m| m.label == label);
        match (prefix, continues) {
            (None, _) => finish(&mut draft, &mut open),
            (Some(_), true) => {
                let m = open.as_mut().expect("an open mention continues");
                m.end = length;
            }
            (Some(_), false) => {
                finish(&mut draft, &mut open);
                open = Some(Mention {
                    start,
                    end: length,
                    label: label.to_string(),
                    line: Some(number),
                    ..Mention::default()
                });
            }
        }
        if matches!(prefix, Some("E" | "S" | "L" | "U")) {
            finish(&mut draft, &mut open);
        }
    }
    finish(&mut draft, &mut open);
    if any_line {
        drafts.push(draft);
    }
    if drafts.is_empty() {
        return Err(ImportError::new(
            file,
            None,
            "It holds no CoNLL lines (a token and its tag per line).",
        ));
    }
    Ok(drafts)
}
