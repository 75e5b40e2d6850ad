//! Reader for GUM (`DIR/dep/*.conllu`, split by `DIR/splits.md`): its
//! CoNLL-U tokens, its bracketed `Entity=` mentions, and the names built
//! from them for training and scoring the name model.
//!
//! GUM marks every mention (pronouns, common nouns, nested phrases), so a
//! name is rebuilt from each person, place or organization mention whose
//! syntactic head is a proper noun: the run of capitalised words around the
//! head ("United States", though UD tags "United" VERB), with "of", "the",
//! "and" inside place and organization names, minus a leading title in a
//! person's ("President Obama" → "Obama", as CoNLL-2003 does) and a leading
//! "The". Of overlapping names the longest is kept. GUM's other types
//! (event, object, abstract, …) do not follow CoNLL-2003's MISC, and GUM
//! leaves demonyms ("Australian") untagged, so those tokens are marked as
//! possibly MISC rather than certainly outside a name.

use std::path::Path;

use super::conll::ConllDocument;
use super::DevError;
use crate::ner::tags::{Class, Span};
use crate::ner::titles;

/// One token of a CoNLL-U sentence.
pub(super) struct Token {
    pub(super) form: String,
    pub(super) upos: String,
    pub(super) space_after: bool,
    /// The `Entity=` field of its MISC column ("" if none).
    pub(super) entity: String,
    /// Index of its syntactic head in the document's tokens (`None` for the root).
    pub(super) head: Option<usize>,
}

/// A bracketed GUM mention: its coreference group, type and tokens (inclusive).
pub(super) struct Mention {
    pub(super) group: String,
    pub(super) etype: String,
    pub(super) first: usize,
    pub(super) last: usize,
}

/// Reads the document names listed under `## split` in `splits.md`.
pub(super) fn split_names(dir: &Path, split: &str) -> Result<Vec<String>, String> {
    let path = dir.join("splits.md");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut inside = false;
    let mut names = Vec::new();
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            inside = heading.trim() == split;
        } else if inside {
            if let Some(name) = line.trim().strip_prefix("* ") {
                names.push(name.trim().to_string());
            }
        }
    }
    if names.is_empty() {
        return Err(format!(
            "{}: no documents under \"## {split}\"",
            path.display()
        ));
    }
    Ok(names)
}

/// Reads one CoNLL-U file: sentences of tokens, each with whether it starts
/// a paragraph. Heads index the tokens of all sentences in order.
pub(super) fn read_conllu(text: &str) -> Vec<(bool, Vec<Token>)> {
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    let mut new_paragraph = false;
    let mut before = 0; // tokens in earlier sentences
    for line in text.lines() {
        if line.starts_with("# newpar") && !line.starts_with("# newpar_") {
            new_paragraph = true;
        } else if line.is_empty() {
            if !tokens.is_empty() {
                before += tokens.len();
                sentences.push((new_paragraph, std::mem::take(&mut tokens)));
                new_paragraph = false;
            }
        } else if !line.starts_with('#') {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 10 || cols[0].contains(['-', '.']) {
                continue;
            }
            let misc = cols[9];
            let field = |key: &str| {
                misc.split('|')
                    .find_map(|f| f.strip_prefix(key))
                    .unwrap_or("")
                    .to_string()
            };
            let head = cols[6]
                .parse::<usize>()
                .ok()
                .filter(|&h| h > 0)
                .map(|h| before + h - 1);
            tokens.push(Token {
                form: cols[1].to_string(),
                upos: cols[3].to_string(),
                space_after: field("SpaceAfter=") != "No",
                entity: field("Entity="),
                head,
            });
        }
    }
    if !tokens.is_empty() {
        sentences.push((new_paragraph, tokens));
    }
    sentences
}

/// The mentions of the `Entity=` fields of a document's tokens:
/// "(3-person-...-Lord_Byron)" opens and closes, "(1-abstract-..." opens, "1)" closes.
pub(super) fn mentions(tokens: &[&Token]) -> Vec<Mention> {
    let mut open: Vec<(String, String, usize)> = Vec::new(); // group, etype, first token
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let s = t.entity.as_str();
        let mut i = 0;
        while i < s.len() {
            if s[i..].starts_with('(') {
                let rest = &s[i + 1..];
                let j = rest.find(['(', ')']).unwrap_or(rest.len());
                let spec: Vec<&str> = rest[..j].split('-').collect();
                let group = spec[0].to_string();
                let etype = spec.get(1).copied().unwrap_or("").to_string();
                if rest[j..].starts_with(')') {
                    out.push(Mention {
                        group,
                        etype,
                        first: k,
                        last: k,
                    });
                    i += 1 + j + 1;
                } else {
                    open.push((group, etype, k));
                    i += 1 + j;
                }
            } else {
                let j = s[i..].find(')').map_or(s.len(), |j| i + j);
                let group = &s[i..j];
                if let Some(p) = open.iter().rposition(|o| o.0 == group) {
                    let (group, etype, first) = open.remove(p);
                    out.push(Mention {
                        group,
                        etype,
                        first,
                        last: k,
                    });
                }
                i = j + 1;
            }
        }
    }
    out
}

/// Genres whose texts are CC BY-SA 3.0 (Wikipedia biographies, Wikivoyage):
/// a shipped model is trained on no share-alike text (`models/README.md`).
const SHARE_ALIKE_GENRES: &[&str] = &["bio", "voyage"];

/// True if GUM document `name` ("GUM_bio_byron") is of a share-alike genre.
pub(super) fn is_share_alike(name: &str) -> bool {
    name.split('_')
        .nth(1)
        .is_some_and(|genre| SHARE_ALIKE_GENRES.contains(&genre))
}

/// Reads the documents of `split` (`train`, `dev`) of GUM in `dir` as names
/// over tokens (see the module comment). Documents listed but not shipped
/// (reddit and the left-out genres) are skipped, and for training
/// (`split` "train") so are the share-alike genres ([`is_share_alike`]).
pub fn read(dir: &str, split: &str) -> Result<Vec<ConllDocument>, DevError> {
    let root = Path::new(dir);
    let names = split_names(root, split).map_err(|e| DevError::Malformed(dir.into(), e.into()))?;
    let mut docs = Vec::new();
    for name in names {
        if split == "train" && is_share_alike(&name) {
            continue;
        }
        let path = root.join("dep").join(format!("{name}.conllu"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        docs.push(document(&read_conllu(&text)));
    }
    Ok(docs)
}

/// Words that may join the capitalised words of a place or organization name.
const NAME_GLUE: &[&str] = &["&", "-", "and", "de", "for", "of", "the"];
/// Words that may join the capitalised words of a person's name.
const PERSON_GLUE: &[&str] = &[
    "-", "al", "bin", "da", "de", "del", "der", "di", "du", "la", "le", "van", "von",
];

fn document(sentences: &[(bool, Vec<Token>)]) -> ConllDocument {
    let mut doc = ConllDocument::default();
    let mut all: Vec<&Token> = Vec::new();
    for (_, tokens) in sentences {
        let start = doc.words.len();
        for t in tokens {
            doc.words.push(t.form.clone());
            all.push(t);
        }
        doc.sentences.push(start..doc.words.len());
    }
    let capitalised = |t: &Token| t.form.starts_with(|c: char| c.is_uppercase());
    let mut names: Vec<(Span, bool)> = Vec::new(); // span, certain class
    for m in mentions(&all) {
        let class = match m.etype.as_str() {
            "person" => Some(Class::Per),
            "place" => Some(Class::Loc),
            "organization" => Some(Class::Org),
            "time" => continue,
            _ => None, // event, object, abstract, …: possibly MISC
        };
        // The syntactic head: the first token whose head is outside the mention.
        let Some(head) =
            (m.first..=m.last).find(|&k| all[k].head.is_none_or(|h| h < m.first || h > m.last))
        else {
            continue;
        };
        if all[head].upos != "PROPN" || !capitalised(all[head]) {
            continue;
        }
        let glue = if class == Some(Class::Per) {
            PERSON_GLUE
        } else {
            NAME_GLUE
        };
        let joins = |k: usize| glue.contains(&all[k].form.as_str());
        // Grow from the head over capitalised words, and runs of glue between them.
        let (mut first, mut last) = (head, head);
        let mut k = first;
        while k > m.first {
            k -= 1;
            if capitalised(all[k]) {
                first = k;
            } else if !joins(k) {
                break;
            }
        }
        let mut k = last;
        while k < m.last {
            k += 1;
            if capitalised(all[k]) {
                last = k;
            } else if !joins(k) {
                break;
            }
        }
        let words: Vec<&str> = (first..=last).map(|k| all[k].form.as_str()).collect();
        if class == Some(Class::Per) {
            first += titles::leading_title(&words);
        } else if words[0] == "The" && first < last {
            first += 1;
        }
        // Names do not cross sentences.
        let sentence = doc.sentences.iter().find(|s| s.contains(&head)).unwrap();
        let (first, end) = (first.max(sentence.start), (last + 1).min(sentence.end));
        names.push((
            Span {
                start: first,
                end,
                class: class.unwrap_or(Class::Misc),
            },
            class.is_some(),
        ));
    }
    // Longest first; a name overlapping a kept one is dropped.
    names.sort_by_key(|(s, certain)| (std::cmp::Reverse(s.end - s.start), !certain, s.start));
    let mut kept: Vec<(Span, bool)> = Vec::new();
    for (span, certain) in names {
        if !kept
            .iter()
            .any(|(k, _)| k.start < span.end && span.start < k.end)
        {
            kept.push((span, certain));
        }
    }
    kept.sort_by_key(|(s, _)| s.start);
    doc.maybe_misc = vec![false; doc.words.len()];
    for (span, certain) in kept {
        if certain {
            doc.names.push(span);
        } else {
            doc.maybe_misc[span.start..span.end].fill(true);
        }
    }
    // Untagged proper nouns and capitalised adjectives (demonyms) may be MISC.
    for (k, t) in all.iter().enumerate() {
        let inside = doc.names.iter().any(|s| s.start <= k && k < s.end);
        if !inside && (t.upos == "PROPN" || (t.upos == "ADJ" && capitalised(t))) {
            doc.maybe_misc[k] = true;
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_alike_genres_are_told_by_the_document_name() {
        assert!(is_share_alike("GUM_bio_byron"));
        assert!(is_share_alike("GUM_voyage_athens"));
        assert!(!is_share_alike("GUM_news_asylum"));
        assert!(!is_share_alike("GUM_academic_art"));
        // A genre word elsewhere in the name is not the genre.
        assert!(!is_share_alike("GUM_news_bio"));
    }

    /// A CoNLL-U sentence from `(form, upos, head, entity)` rows.
    fn conllu(rows: &[(&str, &str, usize, &str)]) -> String {
        let mut out = String::new();
        for (i, (form, upos, head, entity)) in rows.iter().enumerate() {
            let misc = if entity.is_empty() {
                "_".to_string()
            } else {
                format!("Entity={entity}")
            };
            out += &format!("{}\t{form}\t_\t{upos}\t_\t_\t{head}\t_\t_\t{misc}\n", i + 1);
        }
        out + "\n"
    }

    fn names(text: &str) -> Vec<(String, Class)> {
        let doc = document(&read_conllu(text));
        doc.names
            .iter()
            .map(|s| (doc.words[s.start..s.end].join(" "), s.class))
            .collect()
    }

    #[test]
    fn names_keep_united_drop_titles_and_the() {
        let text = conllu(&[
            ("President", "PROPN", 2, "(1-person-new-x-cf1-1,2-coref"),
            ("Obama", "PROPN", 3, "1)"),
            ("visited", "VERB", 0, ""),
            ("the", "DET", 6, "(2-place-new-x-cf1-2,3-coref"),
            ("United", "VERB", 6, ""),
            ("States", "PROPN", 3, "2)"),
            ("and", "CCONJ", 9, ""),
            ("The", "DET", 9, "(3-organization-new-x-cf1-1-coref"),
            ("Guardian", "PROPN", 6, "3)"),
        ]);
        assert_eq!(
            names(&text),
            vec![
                ("Obama".into(), Class::Per),
                ("United States".into(), Class::Loc),
                ("Guardian".into(), Class::Org),
            ]
        );
    }

    #[test]
    fn common_noun_mentions_are_not_names_and_demonyms_may_be_misc() {
        let text = conllu(&[
            ("Australian", "ADJ", 2, "(1-person-new-x-cf1-2-coref"),
            ("children", "NOUN", 3, "1)"),
            ("like", "VERB", 0, ""),
            ("the", "DET", 5, "(2-organization-new-x-cf1-2-coref"),
            ("Bank", "PROPN", 3, ""),
            ("of", "ADP", 8, ""),
            ("the", "DET", 8, ""),
            ("Netherlands", "PROPN", 5, "(3-place-new-x-cf1-1-coref)2)"),
            ("in", "ADP", 11, ""),
            ("the", "DET", 11, "(4-event-new-x-cf1-1-coref"),
            ("Olympics", "PROPN", 3, "4)"),
        ]);
        assert_eq!(
            names(&text),
            vec![("Bank of the Netherlands".into(), Class::Org)]
        );
        let doc = document(&read_conllu(&text));
        let maybe: Vec<&str> = (0..doc.words.len())
            .filter(|&k| doc.maybe_misc[k])
            .map(|k| doc.words[k].as_str())
            .collect();
        assert_eq!(maybe, vec!["Australian", "Olympics"]);
    }
}
