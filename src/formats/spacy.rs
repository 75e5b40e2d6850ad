//! spaCy / Prodigy JSON Lines: one line per document, `{"text", "spans",
//! "tokens"}`, offsets in code points (Python `str` indices), `token_end`
//! inclusive as Prodigy writes it.
//!
//! The tokens are the core tokenizer's, cut again wherever a mention starts
//! or ends inside one ("U.S.-backed" with the place "U.S." gives "U.S." and
//! "-backed"), so that every span starts and ends on token boundaries: spaCy's
//! `Doc.char_span` finds each in strict mode. Like spaCy's own tokens, a token
//! followed by one space has `ws: true`, and any other whitespace between
//! tokens is a token of its own, so `Doc(vocab, words, spaces)` rebuilds the
//! text exactly. A space that a mention starts on or ends after stays a token.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::document::Document;
use crate::span::CharIndex;
use crate::tokenize::tokenize;

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    spans: Vec<Span>,
    tokens: Vec<Token<'a>>,
}

#[derive(Serialize)]
struct Span {
    start: usize,
    end: usize,
    label: &'static str,
    token_start: usize,
    /// Inclusive: the index of the span's last token.
    token_end: usize,
}

#[derive(Serialize)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    id: usize,
    ws: bool,
}

/// A token in bytes while the tokens are being cut.
struct Piece {
    start: usize,
    end: usize,
    ws: bool,
    space: bool,
}

pub(super) fn to_spacy(document: &Document) -> String {
    let text = document.text.as_str();
    let index = CharIndex::new(text);
    let spans: Vec<(usize, usize, &'static str)> = document
        .annotations
        .iter()
        .filter_map(|a| {
            Some((
                index.byte_of_char(a.start)?,
                index.byte_of_char(a.end)?,
                a.label.as_str(),
            ))
        })
        .collect();
    let starts: BTreeSet<usize> = spans.iter().map(|s| s.0).collect();
    let ends: BTreeSet<usize> = spans.iter().map(|s| s.1).collect();
    let words = tokenize(text).tokens;
    let mut cuts: BTreeSet<usize> = [0, text.len()].into();
    cuts.extend(words.iter().flat_map(|t| [t.start, t.end]));
    cuts.extend(starts.iter().chain(&ends));
    let cuts: Vec<usize> = cuts.into_iter().collect();

    let mut pieces: Vec<Piece> = Vec::new();
    let mut next_word = 0;
    for cut in cuts.windows(2) {
        let (mut from, to) = (cut[0], cut[1]);
        while words.get(next_word).is_some_and(|w| w.end <= from) {
            next_word += 1;
        }
        let space = !words.get(next_word).is_some_and(|w| w.start <= from);
        if space
            && text[from..].starts_with(' ')
            && !starts.contains(&from)
            && !ends.contains(&(from + 1))
        {
            if let Some(last) = pieces.last_mut().filter(|p| p.end == from && !p.space) {
                last.ws = true;
                from += 1;
            }
        }
        if from < to {
            pieces.push(Piece {
                start: from,
                end: to,
                ws: false,
                space,
            });
        }
    }

    let line = Line {
        text,
        spans: spans
            .iter()
            .map(|&(start, end, label)| Span {
                start: index.char_of_byte(start),
                end: index.char_of_byte(end),
                label,
                token_start: pieces.partition_point(|p| p.end <= start),
                token_end: pieces.partition_point(|p| p.start < end) - 1,
            })
            .collect(),
        tokens: pieces
            .iter()
            .enumerate()
            .map(|(id, p)| Token {
                text: &text[p.start..p.end],
                start: index.char_of_byte(p.start),
                end: index.char_of_byte(p.end),
                id,
                ws: p.ws,
            })
            .collect(),
    };
    serde_json::to_string(&line).expect("spaCy lines serialize") + "\n"
}
