/**
 * A person's corrections, kept apart from what the model found so they can be
 * re-applied whenever the model runs again (new reference date, edited text).
 *
 * A correction is `{start, end, text, label}` in code points: `label` set means
 * "this span is a LABEL" (an addition or a relabel; it replaces every
 * annotation it overlaps), `label: null` means "no annotation at exactly this
 * span" (a removal). Corrections apply in order; the result is a valid gloss/3
 * annotation list in which corrected annotations have source "person".
 * @module
 */

import { offsetMap } from './offsets.js';

/**
 * @typedef {object} Annotation  one gloss/3 annotation (code points)
 * @property {number} start
 * @property {number} end
 * @property {string} label
 * @property {string} text
 * @property {string} [value]
 * @property {number} [confidence]
 * @property {'model'|'person'} source
 * @property {string} [entity]  gloss/3: its entity's id
 *
 * @typedef {object} Correction
 * @property {number} start
 * @property {number} end
 * @property {string} text   the text the correction was made on; it must still match to apply
 * @property {string|null} label  null: removal
 * @property {string} [value]  value to keep when the model has none at this span (imports)
 * @property {boolean} [valueEdited]  the person typed `value`: it wins over the model's
 * @property {number} [confidence]  kept from an imported person annotation
 */

const sameSpan = (a, b) => a.start === b.start && a.end === b.end;
const overlaps = (a, b) => a.start < b.end && b.start < a.end;

/**
 * Builds an annotation with the fields in gloss/3 order (the export is
 * byte-stable because of it).
 * @returns {Annotation}
 */
export function makeAnnotation({ start, end, label, text, value, confidence, source, entity }) {
  const a = { start, end, label, text };
  if (value !== undefined && value !== null) a.value = value;
  if (confidence !== undefined && confidence !== null) a.confidence = confidence;
  a.source = source;
  if (entity !== undefined && entity !== null) a.entity = entity;
  return a;
}

/**
 * Applies corrections on top of the model's annotations. Linear in the
 * annotations plus, per addition, a binary search and one splice: an import
 * brings tens of thousands of removals.
 * @param {Annotation[]} model   sorted, non-overlapping
 * @param {Correction[]} corrections
 * @param {import('./labels.js').Labels} labels  says which labels carry a value
 * @returns {Annotation[]}
 */
export function applyCorrections(model, corrections, labels) {
  const spanKey = (a) => `${a.start}:${a.end}`;
  const modelAt = new Map(model.map((a) => [spanKey(a), a]));
  // Sorted and non-overlapping throughout; a removal only marks its annotation gone.
  const result = model.map((a) => makeAnnotation(a));
  const live = new Map(result.map((a) => [spanKey(a), a]));
  const gone = new Set();
  for (const c of corrections) {
    const key = spanKey(c);
    if (c.label === null) {
      const a = live.get(key);
      if (a) {
        gone.add(a);
        live.delete(key);
      }
      continue;
    }
    const found = modelAt.get(key);
    let value;
    if (labels.isTemporal(c.label)) value = (!c.valueEdited && found && labels.isTemporal(found.label) && found.value) || c.value;
    const added = makeAnnotation({ ...c, value, source: 'person' });
    // The annotations it overlaps are contiguous: from the first that ends after its start.
    let lo = 0;
    let hi = result.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (result[mid].end <= c.start) lo = mid + 1;
      else hi = mid;
    }
    let to = lo;
    while (to < result.length && result[to].start < c.end) to++;
    for (const a of result.splice(lo, to - lo, added)) if (live.get(spanKey(a)) === a) live.delete(spanKey(a));
    live.set(key, added);
  }
  return gone.size === 0 ? result : result.filter((a) => !gone.has(a));
}

/**
 * Records a new correction, forgetting the earlier ones it makes pointless.
 * An addition first records the removal of what it replaces, so removing the
 * addition later does not bring the replaced annotations back.
 * Removing the person's own addition where the model found nothing just
 * forgets the addition.
 * @param {Correction[]} corrections
 * @param {Correction} correction
 * @param {Annotation[]} shown  the annotations currently shown
 * @param {Annotation[]} [model]  what the model found (default: assume it found this span)
 * @returns {Correction[]}
 */
export function recordCorrection(corrections, correction, shown, model) {
  if (correction.label === null) {
    const others = corrections.filter((c) => !sameSpan(c, correction));
    const undoesOwnAddition = others.length < corrections.length && model && !model.some((a) => sameSpan(a, correction));
    return undoesOwnAddition ? others : [...others, correction];
  }
  const replaced = shown
    .filter((a) => overlaps(a, correction) && !sameSpan(a, correction))
    .map((a) => ({ start: a.start, end: a.end, text: a.text, label: null }));
  const kept = corrections.filter((c) => !(c.label !== null && overlaps(c, correction)) && !sameSpan(c, correction));
  const withoutDuplicates = kept.filter((c) => !replaced.some((r) => sameSpan(r, c)));
  return [...withoutDuplicates, ...replaced, correction];
}

/**
 * Keeps the corrections whose text still stands at the same place in an
 * edited text; returns them and the ones that no longer match.
 * @param {Correction[]} corrections
 * @param {string} text
 * @returns {{kept: Correction[], dropped: Correction[]}}
 */
export function rebaseCorrections(corrections, text) {
  // No corrections, no offset map of the text (a pass over it).
  if (corrections.length === 0) return { kept: [], dropped: [] };
  const map = offsetMap(text);
  const kept = [];
  const dropped = [];
  for (const c of corrections) {
    const start = map.toUtf16(c.start);
    const end = map.toUtf16(c.end);
    if (start >= 0 && end >= 0 && text.slice(start, end) === c.text) kept.push(c);
    else dropped.push(c);
  }
  return { kept, dropped };
}

/**
 * Splits an imported document into what the model found and the person's
 * corrections, so that applying them gives the document back exactly.
 * `coreAnnotations` (what Gloss finds in the text now) become removals where
 * the document has nothing at their span, so a later re-annotation does not
 * resurrect what the person had removed.
 * @param {Annotation[]} annotations  the imported document's annotations
 * @param {Annotation[]} coreAnnotations
 * @returns {{model: Annotation[], corrections: Correction[]}}
 */
export function splitImported(annotations, coreAnnotations) {
  const model = annotations.filter((a) => a.source === 'model').map((a) => makeAnnotation(a));
  const spans = new Set(annotations.map((a) => `${a.start}:${a.end}`));
  const removals = coreAnnotations
    .filter((c) => !spans.has(`${c.start}:${c.end}`))
    .map((c) => ({ start: c.start, end: c.end, text: c.text, label: null }));
  const additions = annotations
    .filter((a) => a.source === 'person')
    .map((a) => {
      const c = { start: a.start, end: a.end, text: a.text, label: a.label };
      if (a.value !== undefined) c.value = a.value;
      if (a.confidence !== undefined) c.confidence = a.confidence;
      return c;
    });
  return { model, corrections: [...removals, ...additions] };
}
