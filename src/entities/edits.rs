//! A person's entity edits — merge two mentions' entities, split a mention
//! out, rename an entity, choose a place's GeoNames record — and their
//! application, in order, on top of the automatic grouping. Edits name
//! mentions by offsets and text, so they survive re-annotation while those
//! words still stand; an edit whose mention is gone is returned, not dropped.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::document::{Annotation, Label};

/// A mention named by its code-point offsets and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MentionRef {
    /// Code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// The mention's text; the edit applies only where this text stands.
    pub text: String,
}

/// One edit a person made to the entities.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "lowercase", deny_unknown_fields)]
pub enum EntityEdit {
    /// The entities of two mentions become one (same label only).
    Merge {
        /// A mention of the entity that stays.
        mention: MentionRef,
        /// A mention of the entity merged into it.
        with: MentionRef,
    },
    /// The mention leaves its entity and stands alone.
    Split {
        /// The mention.
        mention: MentionRef,
    },
    /// The entity of the mention gets this canonical name.
    Rename {
        /// A mention of the entity.
        mention: MentionRef,
        /// The new name.
        name: String,
    },
    /// The PLACE entity of the mention is this GeoNames record (one of its candidates).
    Place {
        /// A mention of the entity.
        mention: MentionRef,
        /// The chosen candidate's GeoNames id.
        geonames_id: u32,
    },
}

/// A person's entity edits, applied in order (a later edit wins).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityEdits(pub Vec<EntityEdit>);

impl EntityEdits {
    /// True when there are no edits (then the export leaves the field out).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl EntityEdit {
    /// Every mention the edit names.
    pub fn mentions(&self) -> Vec<&MentionRef> {
        match self {
            EntityEdit::Merge { mention, with } => vec![mention, with],
            EntityEdit::Split { mention }
            | EntityEdit::Rename { mention, .. }
            | EntityEdit::Place { mention, .. } => vec![mention],
        }
    }
}

/// The grouping being edited: each name mention's group, and per group the
/// person's name and place choice.
pub(super) struct State {
    pub group: Vec<usize>,
    pub names: BTreeMap<usize, String>,
    pub places: BTreeMap<usize, u32>,
}

/// The name mention `r` stands for: the one at exactly its offsets with its
/// text, else the nearest one with its text (the text was edited around it).
fn find(r: &MentionRef, annotations: &[Annotation], names: &[usize]) -> Option<usize> {
    let same_text = || {
        names
            .iter()
            .enumerate()
            .filter(|(_, &a)| annotations[a].text == r.text)
    };
    same_text()
        .find(|(_, &a)| annotations[a].start == r.start && annotations[a].end == r.end)
        .or_else(|| same_text().min_by_key(|(_, &a)| annotations[a].start.abs_diff(r.start)))
        .map(|(m, _)| m)
}

/// Applies `edits` in order; returns those that could not apply (a mention
/// gone, a merge across labels, a place id that is not a candidate, an empty name).
/// `names[m]` is the annotation index of name mention `m`; `has_candidate(m, id)`
/// says whether GeoNames record `id` is a candidate for mention `m`.
pub(super) fn apply(
    state: &mut State,
    edits: &EntityEdits,
    annotations: &[Annotation],
    names: &[usize],
    has_candidate: impl Fn(usize, u32) -> bool,
) -> Vec<EntityEdit> {
    let mut unapplied = Vec::new();
    let mut fresh = state.group.len();
    for edit in &edits.0 {
        let found: Option<Vec<usize>> = edit
            .mentions()
            .iter()
            .map(|r| find(r, annotations, names))
            .collect();
        let applied = match (edit, found.as_deref()) {
            (EntityEdit::Merge { .. }, Some(&[a, b])) => {
                let label = |m: usize| annotations[names[m]].label;
                let (ga, gb) = (state.group[a], state.group[b]);
                if label(a) != label(b) {
                    false
                } else {
                    if ga != gb {
                        for g in state.group.iter_mut().filter(|g| **g == gb) {
                            *g = ga;
                        }
                        if let Some(name) = state.names.remove(&gb) {
                            state.names.entry(ga).or_insert(name);
                        }
                        if let Some(id) = state.places.remove(&gb) {
                            state.places.entry(ga).or_insert(id);
                        }
                    }
                    true
                }
            }
            (EntityEdit::Split { .. }, Some(&[m])) => {
                state.group[m] = fresh;
                fresh += 1;
                true
            }
            (EntityEdit::Rename { name, .. }, Some(&[m])) => {
                let name = name.trim();
                if !name.is_empty() {
                    state.names.insert(state.group[m], name.to_string());
                }
                !name.is_empty()
            }
            (EntityEdit::Place { geonames_id, .. }, Some(&[m])) => {
                let ok =
                    annotations[names[m]].label == Label::Place && has_candidate(m, *geonames_id);
                if ok {
                    state.places.insert(state.group[m], *geonames_id);
                }
                ok
            }
            _ => false,
        };
        if !applied {
            unapplied.push(edit.clone());
        }
    }
    unapplied
}
