//! brat standoff: the `.ann` lines of one text (`T1<TAB>PERSON 2 15<TAB>Rustem
//! Umerov`; a temporal value as an `AnnotatorNotes` line; a resolved place as
//! a `Reference` line to GeoNames), the zip of `.txt`, `.ann` and
//! `annotation.conf` that brat's collection folder holds, and the reader of
//! both. brat counts offsets in code points, as it reads the `.txt` in Python.
//!
//! brat's text-bound annotations cannot hold a line break, so a mention that
//! crosses one is written as fragments (`16 19;20 23`); the reader joins
//! fragments separated by whitespace only and refuses others, since a Gloss
//! mention is one stretch of text. Relations, events, attributes and
//! equivalences have no place in Gloss: they are left out, and a note says so.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::import::{
    are, count, one_line, text_of, were, without_bom, Draft, ImportError, Input, Mention, Notes,
};
use super::{resolved_places, zip};
use crate::document::{Document, DocumentId};
use crate::labels::LABELS;

pub(super) fn write(document: &Document) -> String {
    let chars: Vec<char> = document.text.chars().collect();
    let places = resolved_places(document);
    let mut out = String::new();
    let mut notes = 0;
    let mut normalizations = 0;
    for (n, a) in document.annotations.iter().enumerate() {
        if a.end > chars.len() {
            continue;
        }
        let mut fragments = Vec::new();
        let mut start = None;
        for (i, c) in chars.iter().enumerate().take(a.end).skip(a.start) {
            match (c == &'\n' || c == &'\r', start) {
                (false, None) => start = Some(i),
                (true, Some(s)) => {
                    fragments.push(format!("{s} {i}"));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            fragments.push(format!("{s} {}", a.end));
        }
        let _ = writeln!(
            out,
            "T{}\t{} {}\t{}",
            n + 1,
            a.label,
            fragments.join(";"),
            one_line(&a.text)
        );
        if let Some(value) = &a.value {
            notes += 1;
            let _ = writeln!(out, "#{notes}\tAnnotatorNotes T{}\t{value}", n + 1);
        }
        // A resolved place is normalized to its GeoNames record, named as GeoNames names it.
        if let Some(place) = a.entity.as_deref().and_then(|id| places.get(id)) {
            if let Some(id) = place.geonames_id {
                let name = place
                    .candidates
                    .iter()
                    .find(|c| c.geonames_id == id)
                    .map_or(&place.name, |c| &c.name);
                normalizations += 1;
                let _ = writeln!(
                    out,
                    "N{normalizations}\tReference T{} GeoNames:{id}\t{}",
                    n + 1,
                    one_line(name)
                );
            }
        }
    }
    out
}

/// brat's `annotation.conf` for Gloss's labels: every label an entity type,
/// and no relations, events or attributes.
fn annotation_conf() -> String {
    let mut conf = String::from("# Gloss's labels (docs/format.md).\n[entities]\n");
    for label in LABELS {
        let _ = writeln!(conf, "{}", label.name);
    }
    conf.push_str("\n[relations]\n\n[events]\n\n[attributes]\n");
    conf
}

/// The file name, without extension, of a document in a brat zip: its id
/// (a batch's file path, without folders and extension), else "article".
fn stem(document: &Document) -> String {
    let id = document.id.as_ref().map(DocumentId::to_string);
    let name = id.as_deref().and_then(|id| id.rsplit(['/', '\\']).next());
    let name = name.map_or("", |n| n.split('.').next().unwrap_or(n));
    let safe: String = name
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .collect();
    if safe.is_empty() {
        "article".into()
    } else {
        safe
    }
}

/// A zip of `STEM.txt`, `STEM.ann` and `annotation.conf`: a brat collection of one text.
pub(super) fn write_zip(document: &Document) -> Vec<u8> {
    let stem = stem(document);
    let (txt, ann) = (format!("{stem}.txt"), format!("{stem}.ann"));
    let (ann_text, conf) = (write(document), annotation_conf());
    zip::write(&[
        (&txt, document.text.as_bytes()),
        (&ann, ann_text.as_bytes()),
        ("annotation.conf", conf.as_bytes()),
    ])
}

/// The documents of brat files: each `.ann` with the `.txt` of the same
/// name (in any order among `inputs`), each zip's pairs in it.
pub(super) fn read(
    inputs: &[Input],
    notes: &mut Notes,
) -> Result<Vec<(String, Draft)>, ImportError> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for input in inputs {
        // A zip by its signature, whatever its name.
        if input.bytes.starts_with(b"PK\x03\x04")
            || input.name.to_ascii_lowercase().ends_with(".zip")
        {
            let entries = zip::read(input.bytes)
                .map_err(|problem| ImportError::new(input.name, None, problem))?;
            files.extend(
                entries
                    .into_iter()
                    .map(|(name, bytes)| (format!("{}/{name}", input.name), bytes)),
            );
        } else {
            files.push((input.name.to_string(), input.bytes.to_vec()));
        }
    }
    let split = |name: &str| -> Option<(String, String)> {
        let (stem, ext) = name.rsplit_once('.')?;
        Some((stem.to_string(), ext.to_ascii_lowercase()))
    };
    let mut texts: BTreeMap<String, &[u8]> = BTreeMap::new();
    for (name, bytes) in &files {
        if let Some((stem, ext)) = split(name) {
            if ext == "txt" {
                texts.insert(stem, bytes);
            }
        }
    }
    let mut drafts = Vec::new();
    for (name, bytes) in &files {
        let Some((stem, ext)) = split(name) else {
            continue;
        };
        if ext != "ann" {
            continue;
        }
        let Some(text) = texts.remove(&stem) else {
            return Err(ImportError::new(
                name,
                None,
                format!(
                    "Its text is missing: brat offsets point into {stem}.txt, which must be \
                     given with it (pick both files, or their zip)."
                ),
            ));
        };
        let text = text_of(&format!("{stem}.txt"), text)?.to_string();
        let ann = without_bom(text_of(name, bytes)?);
        drafts.push((name.clone(), read_ann(name, ann, text, notes)?));
    }
    if drafts.is_empty() {
        let names: Vec<&str> = inputs.iter().map(|i| i.name).collect();
        return Err(ImportError::new(
            &names.join(", "),
            None,
            "There is no .ann file: brat standoff is a .txt and the .ann of the same name.",
        ));
    }
    if let Some(stem) = texts.keys().next() {
        notes.add(
            &format!("{stem}.txt"),
            "It has no .ann of the same name, so it was not imported.",
        );
    }
    Ok(drafts)
}

/// One `.ann` file's mentions over `text`.
fn read_ann(file: &str, ann: &str, text: String, notes: &mut Notes) -> Result<Draft, ImportError> {
    let chars: Vec<char> = text.chars().collect();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    let mut others: BTreeMap<char, usize> = BTreeMap::new();
    let mut free_notes = 0;
    for (i, line) in ann.lines().enumerate() {
        let number = Some(i + 1);
        let fail = |problem: String| Err(ImportError::new(file, number, problem));
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.splitn(3, '\t').collect();
        let id = fields[0];
        let kind = id.chars().next().unwrap_or(' ');
        let target = |field: &str| -> Result<usize, ImportError> {
            by_id.get(field).copied().ok_or_else(|| {
                ImportError::new(
                    file,
                    number,
                    format!("It refers to {field:?}, which no T line before it defines."),
                )
            })
        };
        match kind {
            'T' => {
                let (Some(spec), Some(quoted)) = (fields.get(1), fields.get(2)) else {
                    return fail(format!(
                        "The T line {line:?} is not `T1<TAB>LABEL START END<TAB>TEXT`."
                    ));
                };
                let (label, offsets) = spec.split_once(' ').unwrap_or((spec, ""));
                let mut fragments = Vec::new();
                for fragment in offsets.split(';') {
                    let pair: Vec<Option<usize>> =
                        fragment.split(' ').map(|n| n.parse().ok()).collect();
                    match pair.as_slice() {
                        [Some(s), Some(e)] if s <= e => fragments.push((*s, *e)),
                        _ => {
                            return fail(format!(
                                "{id}'s offsets {offsets:?} are not START END pairs of numbers \
                                 (separated by ';' for fragments)."
                            ))
                        }
                    }
                }
                let (start, end) = (fragments[0].0, fragments[fragments.len() - 1].1);
                for pair in fragments.windows(2) {
                    let gap = chars.get(pair[0].1..pair[1].0);
                    if !gap.is_some_and(|g| g.iter().all(|c| c.is_whitespace())) {
                        return fail(format!(
                            "{id} is discontinuous ({offsets}): its fragments have words \
                             between them, and a Gloss annotation is one stretch of text."
                        ));
                    }
                }
                let joined: Option<Vec<String>> = fragments
                    .iter()
                    .map(|&(s, e)| chars.get(s..e).map(|c| c.iter().collect()))
                    .collect();
                // brat writes a fragmented mention's text as its fragments joined by spaces.
                let given = match joined {
                    Some(parts) if parts.join(" ") == *quoted => None,
                    _ => Some(quoted.to_string()),
                };
                by_id.insert(id.to_string(), mentions.len());
                mentions.push(Mention {
                    start,
                    end,
                    label: label.to_string(),
                    text: given,
                    line: number,
                    ..Mention::default()
                });
            }
            '#' => {
                let words: Vec<&str> = fields.get(1).unwrap_or(&"").split(' ').collect();
                let [kind @ "AnnotatorNotes", t] = words.as_slice() else {
                    return fail(format!(
                        "The note line {line:?} is not `#1<TAB>AnnotatorNotes T1<TAB>NOTE`."
                    ));
                };
                let _ = kind;
                let m = target(t)?;
                let note = fields.get(2).unwrap_or(&"").trim();
                // A date's note is its TIMEX3 value, as the exporter writes it; other notes are free text.
                if crate::timeline::is_valid_timex_value(note) {
                    mentions[m].value = Some(note.to_string());
                } else {
                    free_notes += 1;
                }
            }
            'N' => {
                let words: Vec<&str> = fields.get(1).unwrap_or(&"").split(' ').collect();
                let ["Reference", t, reference] = words.as_slice() else {
                    return fail(format!(
                        "The normalization line {line:?} is not `N1<TAB>Reference T1 DB:ID<TAB>NAME`."
                    ));
                };
                let m = target(t)?;
                match reference.split_once(':') {
                    Some(("GeoNames", id)) => match id.parse() {
                        Ok(id) => mentions[m].geonames_id = Some(id),
                        Err(_) => return fail(format!("The GeoNames id {id:?} is not a number.")),
                    },
                    _ => *others.entry('N').or_default() += 1,
                }
            }
            'R' | 'E' | 'A' | 'M' | '*' => *others.entry(kind).or_default() += 1,
            _ => {
                return fail(format!(
                    "The line {line:?} is not brat standoff: each line starts with an id such \
                     as T1, #1, N1, R1, E1 or A1 and a tab."
                ))
            }
        }
    }
    for (kind, n) in others {
        let what = match kind {
            'R' => "relation",
            'E' => "event",
            'A' | 'M' => "attribute",
            '*' => "equivalence",
            _ => "normalization to another database than GeoNames",
        };
        notes.add(
            file,
            format!(
                "{} {} left out: Gloss keeps mentions, their values and places only.",
                count(n, what),
                were(n)
            ),
        );
    }
    if free_notes > 0 {
        notes.add(
            file,
            format!(
                "{} that {} not a TIMEX3 value {} left out.",
                count(free_notes, "note"),
                are(free_notes),
                were(free_notes)
            ),
        );
    }
    Ok(Draft {
        text,
        mentions,
        ..Draft::default()
    })
}
