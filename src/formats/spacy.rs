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
//!
//! The reader takes any such line (spaCy's, Prodigy's): the text and its
//! spans' `start`, `end` and `label`; tokens and the other fields are ignored,
//! since the spans' character offsets say everything.

use serde::{Deserialize, Serialize};

use super::import::{numbered_lines, Draft, ImportError, Mention};
use crate::document::{Document, DocumentId};
use crate::span::CharIndex;
use crate::tokenize::tokenize;

#[derive(Serialize)]
struct Line<'a> {
    /// A batch's document id, as doccano's lines carry it.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a DocumentId>,
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
    let spans = super::byte_spans(document, &index);
    // Annotations are sorted and never overlap, so their starts and their ends are sorted too.
    let starts: Vec<usize> = spans.iter().map(|s| s.0).collect();
    let ends: Vec<usize> = spans.iter().map(|s| s.1).collect();
    let words = tokenize(text).tokens;
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(words.iter().flat_map(|t| [t.start, t.end]));
    cuts.extend(starts.iter().chain(&ends));
    cuts.sort_unstable();
    cuts.dedup();

    let mut pieces: Vec<Piece> = Vec::new();
    let mut next_word = 0;
    for cut in cuts.windows(2) {
        let (mut from, to) = (cut[0], cut[1]);
        while words.get(next_word).is_some_and(|w| w.end <= from) {
            next_word += 1;
        }
        let space = words.get(next_word).is_none_or(|w| w.start > from);
        if space
            && text[from..].starts_with(' ')
            && starts.binary_search(&from).is_err()
            && ends.binary_search(&(from + 1)).is_err()
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
        id: document.id.as_ref(),
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

#[derive(Deserialize)]
struct ReadLine {
    text: String,
    #[serde(default)]
    spans: Vec<ReadSpan>,
    #[serde(default)]
    id: Option<DocumentId>,
}

#[derive(Deserialize)]
struct ReadSpan {
    start: usize,
    end: usize,
    label: String,
}

/// The documents of a spaCy / Prodigy JSON Lines file, one per line.
pub(super) fn read(file: &str, text: &str) -> Result<Vec<Draft>, ImportError> {
    numbered_lines(text)
        .map(|(number, line)| {
            let parsed: ReadLine = serde_json::from_str(line).map_err(|e| {
                ImportError::new(
                    file,
                    Some(number),
                    format!(
                        "It is not a spaCy / Prodigy line {{\"text\": ..., \"spans\": [{{\"start\", \"end\", \"label\"}}, ...]}}: {e}."
                    ),
                )
            })?;
            Ok(Draft {
                id: parsed.id,
                text: parsed.text,
                mentions: parsed
                    .spans
                    .into_iter()
                    .map(|s| Mention {
                        start: s.start,
                        end: s.end,
                        label: s.label,
                        line: Some(number),
                        ..Mention::default()
                    })
                    .collect(),
                line: Some(number),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::fixture;
    use proptest::prelude::*;
    use serde_json::Value;

    /// The line's tokens as `text` plus `_` for `ws`, and its spans as
    /// `(label, token_start, token_end)`, after checking what every line
    /// promises: tokens rebuild the text, offsets are code points, spans align.
    fn read(document: &Document) -> (Vec<String>, Vec<(String, u64, u64)>) {
        let out = to_spacy(document);
        assert!(out.ends_with("}\n") && out.lines().count() == 1, "{out}");
        let line: Value = serde_json::from_str(&out).unwrap();
        let chars: Vec<char> = document.text.chars().collect();
        let slice = |v: &Value| -> String {
            chars[v["start"].as_u64().unwrap() as usize..v["end"].as_u64().unwrap() as usize]
                .iter()
                .collect()
        };
        let tokens = line["tokens"].as_array().unwrap();
        let mut rebuilt = String::new();
        let mut shown = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            assert_eq!(t["id"], i);
            assert_eq!(slice(t), t["text"].as_str().unwrap());
            rebuilt += t["text"].as_str().unwrap();
            let ws = t["ws"].as_bool().unwrap();
            if ws {
                rebuilt.push(' ');
            }
            shown.push(format!(
                "{}{}",
                t["text"].as_str().unwrap(),
                if ws { "_" } else { "" }
            ));
        }
        assert_eq!(
            rebuilt, document.text,
            "Doc(words, spaces) gives the text back"
        );
        let mut spans = Vec::new();
        for (s, a) in line["spans"]
            .as_array()
            .unwrap()
            .iter()
            .zip(&document.annotations)
        {
            assert_eq!(
                (s["start"].as_u64(), s["end"].as_u64()),
                (Some(a.start as u64), Some(a.end as u64))
            );
            assert_eq!(slice(s), a.text);
            let (first, last) = (
                s["token_start"].as_u64().unwrap(),
                s["token_end"].as_u64().unwrap(),
            );
            assert_eq!(
                tokens[first as usize]["start"], s["start"],
                "the span starts on its first token"
            );
            assert_eq!(
                tokens[last as usize]["end"], s["end"],
                "the span ends with its last token"
            );
            spans.push((s["label"].as_str().unwrap().to_string(), first, last));
        }
        assert_eq!(spans.len(), document.annotations.len());
        (shown, spans)
    }

    #[test]
    fn the_fixture_gives_code_point_spans_on_core_tokens() {
        let doc = fixture::places();
        let (tokens, spans) = read(&doc);
        assert_eq!(
            tokens,
            [
                "😀_",
                "Zoe\u{308}_",
                "Martín_",
                "flew_",
                "from_",
                "Київ_",
                "to_",
                "東京_",
                "and_",
                "Atlantis_",
                "on_",
                "Dec._",
                "5",
                "._",
                "Kiev_",
                "cheered",
                "."
            ]
        );
        let spans: Vec<(&str, u64, u64)> =
            spans.iter().map(|(l, a, b)| (l.as_str(), *a, *b)).collect();
        assert_eq!(
            spans,
            [
                ("PERSON", 1, 2),
                ("PLACE", 5, 5),
                ("PLACE", 7, 7),
                ("PLACE", 9, 9),
                ("DATE", 11, 12),
                ("PLACE", 14, 14)
            ]
        );
        let line: Value = serde_json::from_str(&to_spacy(&doc)).unwrap();
        assert_eq!(
            line["tokens"][7],
            serde_json::json!({"text": "東京", "start": 32, "end": 34, "id": 7, "ws": true})
        );
        assert_eq!(
            line["spans"][1],
            serde_json::json!({"start": 24, "end": 28, "label": "PLACE", "token_start": 5, "token_end": 5})
        );
    }

    #[test]
    fn spans_that_cut_tokens_or_whitespace_get_tokens_of_their_own() {
        // (text, marked (start, end) in code points, tokens, (token_start, token_end) per span)
        type Case = (
            &'static str,
            &'static [(usize, usize)],
            &'static [&'static str],
            &'static [(u64, u64)],
        );
        let cases: [Case; 10] = [
            // The tokenizer keeps "Kyiv-based" whole; the place is cut out of it.
            (
                "Kyiv-based talks",
                &[(0, 4)],
                &["Kyiv", "-based_", "talks"],
                &[(0, 0)],
            ),
            (
                "U.S.-backed talks",
                &[(0, 4)],
                &["U.S.", "-", "backed_", "talks"],
                &[(0, 0)],
            ),
            ("Kyivstar", &[(0, 4)], &["Kyiv", "star"], &[(0, 0)]),
            ("😀Київстар", &[(1, 5)], &["😀", "Київ", "стар"], &[(1, 1)]),
            // A mention that ends after a space, or starts on one, keeps it as a token.
            (
                "in Kyiv now",
                &[(3, 8)],
                &["in_", "Kyiv", " ", "now"],
                &[(1, 2)],
            ),
            (
                "in Kyiv now",
                &[(2, 7)],
                &["in", " ", "Kyiv_", "now"],
                &[(1, 2)],
            ),
            // Whitespace other than one space is a token, as spaCy makes it.
            (
                "😀 a\n\nb  c",
                &[(5, 6)],
                &["😀_", "a", "\n\n", "b_", " ", "c"],
                &[(3, 3)],
            ),
            (
                "met\nin Lviv",
                &[(0, 6)],
                &["met", "\n", "in_", "Lviv"],
                &[(0, 2)],
            ),
            // A combining mark and a skin tone stay with their letters; CJK mentions cut a run.
            (
                "Zoe\u{308} 👍🏽 東京都",
                &[(0, 4), (8, 10)],
                &["Zoe\u{308}_", "👍🏽_", "東京", "都"],
                &[(0, 0), (2, 2)],
            ),
            ("  lead", &[(2, 6)], &["  ", "lead"], &[(1, 1)]),
        ];
        for (text, marked, tokens, spans) in cases {
            let mut doc = fixture::places();
            doc.entities.clear();
            doc.text = text.into();
            let chars: Vec<char> = text.chars().collect();
            let template = doc.annotations[4].clone();
            doc.annotations = marked
                .iter()
                .map(|&(start, end)| {
                    let mut a = template.clone();
                    (a.start, a.end, a.text) = (start, end, chars[start..end].iter().collect());
                    a
                })
                .collect();
            doc.validate().unwrap();
            let (shown, found) = read(&doc);
            assert_eq!(shown, tokens, "{text:?}");
            let found: Vec<(u64, u64)> = found.iter().map(|s| (s.1, s.2)).collect();
            assert_eq!(found, spans, "{text:?}");
        }
    }

    #[test]
    fn an_empty_text_is_one_line_without_tokens() {
        let mut doc = fixture::places();
        doc.text.clear();
        doc.annotations.clear();
        doc.entities.clear();
        assert_eq!(
            to_spacy(&doc),
            "{\"text\":\"\",\"spans\":[],\"tokens\":[]}\n"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Any text, any mentions: the tokens rebuild the text and every span
        /// starts and ends on a token (checked by `read`).
        #[test]
        fn any_spans_align_on_tokens_that_rebuild_the_text(
            text in prop_oneof![
                any::<String>(),
                prop::collection::vec(
                    prop::sample::select(&[
                        " ", "  ", "\n", "\r\n", "\t", "\u{A0}", "a", "Kyiv", "U.S.", "-", ".",
                        "😀", "👍🏽", "e\u{308}", "\u{308}", "Київ", "東京", "\u{200D}", "'s",
                    ][..]),
                    0..24,
                ).prop_map(|parts| parts.concat()),
            ],
            cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..10),
        ) {
            let mut doc = fixture::places();
            doc.entities.clear();
            let chars: Vec<char> = text.chars().collect();
            let mut at: Vec<usize> = cuts.iter().map(|i| i.index(chars.len() + 1)).collect();
            at.sort_unstable();
            at.dedup();
            let template = doc.annotations[4].clone();
            doc.annotations = at
                .chunks_exact(2)
                .map(|pair| {
                    let mut a = template.clone();
                    (a.start, a.end, a.text) = (pair[0], pair[1], chars[pair[0]..pair[1]].iter().collect());
                    a
                })
                .collect();
            doc.text = text;
            read(&doc);
        }
    }
}
