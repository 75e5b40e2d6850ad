/**
 * What a step between two sessions changes in the shown annotations, found
 * and recomputed only where it acts, so that a correction, an undo or a redo
 * costs time in proportion to the change, not to the document. A correction
 * acts only on the annotations it overlaps (corrections.js), so the shown
 * annotations inside a span closed under overlap depend only on the model's
 * annotations and the corrections inside it.
 * @module
 */

import { applyCorrections } from './corrections.js';

/**
 * @typedef {import('./corrections.js').Annotation} Annotation
 * @typedef {import('./session.js').Session} Session
 * @typedef {{start: number, end: number}} Span  code points, end exclusive
 *
 * @typedef {object} Patch  what one step changed, as the views patch it
 * @property {Span[]} spans  sorted, disjoint: outside them nothing changed
 * @property {Annotation[]} removed  the annotations shown before inside the spans
 * @property {Annotation[]} added    the annotations shown now inside the spans
 */

/** The index of the first annotation (sorted, not overlapping) that ends after `at`. */
export function firstEndingAfter(annotations, at) {
  let lo = 0;
  let hi = annotations.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (annotations[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the annotation that starts at code point `start`, or -1. */
export function indexAt(annotations, start) {
  const i = firstEndingAfter(annotations, start);
  return annotations[i]?.start === start ? i : -1;
}

/**
 * The spans of the corrections one session has and the other has not, or
 * null when the two differ in more than corrections (text, model) and
 * everything must be recomputed. Sessions share their correction objects
 * (recordCorrection keeps the old ones), so the difference is by identity.
 * @param {Session} before
 * @param {Session} after
 * @returns {Span[]|null}
 */
export function changedSpans(before, after) {
  if (before.text !== after.text || before.model !== after.model) return null;
  const had = new Set(before.corrections);
  const has = new Set(after.corrections);
  return [...after.corrections.filter((c) => !had.has(c)), ...before.corrections.filter((c) => !has.has(c))].map(({ start, end }) => ({ start, end }));
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;

/** The annotations of a sorted list that overlap `span`. */
function within(annotations, span) {
  const out = [];
  for (let i = firstEndingAfter(annotations, span.start); i < annotations.length && annotations[i].start < span.end; i++) out.push(annotations[i]);
  return out;
}

/** Widens `span` until nothing in `sorted` lists or `corrections` overlaps it partly. */
function close(span, sorted, corrections) {
  let { start, end } = span;
  for (let grown = true; grown; ) {
    grown = false;
    const widen = (a) => {
      if (a.start < start || a.end > end) {
        start = Math.min(start, a.start);
        end = Math.max(end, a.end);
        grown = true;
      }
    };
    for (const list of sorted) within(list, { start, end }).forEach(widen);
    for (const c of corrections) if (overlaps(c, { start, end })) widen(c);
  }
  return { start, end };
}

/** Sorts spans and joins those that overlap. */
function disjoint(spans) {
  const out = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/**
 * The annotations `after` shows, from `shown`, what `before` shows, with
 * only the changed spans recomputed; null when the step changes more than
 * corrections (then recompute with documentOf).
 * @param {Annotation[]} shown  what `before` shows (applyCorrections of its model and corrections)
 * @param {Session} before
 * @param {Session} after
 * @param {import('./labels.js').Labels} labels
 * @returns {{annotations: Annotation[], patch: Patch, splices: [number, number, Annotation[]][]}|null}
 *   splices: per span, `[from, to, added]`: `shown` from index `from` up to `to` became `added`
 */
export function patchAnnotations(shown, before, after, labels) {
  const changed = changedSpans(before, after);
  if (changed === null) return null;
  const model = after.model.annotations;
  const corrections = [...new Set([...before.corrections, ...after.corrections])];
  // Closing may make spans overlap; the closure of joined spans is the join of their closures.
  let spans = disjoint(changed.map((s) => close(s, [model, shown], corrections)));
  spans = disjoint(spans.map((s) => close(s, [model, shown], corrections)));
  const annotations = [];
  const removed = [];
  const added = [];
  const splices = [];
  let at = 0;
  for (const span of spans) {
    const from = firstEndingAfter(shown, span.start);
    let to = from;
    while (to < shown.length && shown[to].start < span.end) to++;
    for (let i = at; i < from; i++) annotations.push(shown[i]);
    for (let i = from; i < to; i++) removed.push(shown[i]);
    // As documentOf: the model's entity ids are stale once corrections apply.
    const now = applyCorrections(
      within(model, span),
      after.corrections.filter((c) => overlaps(c, span)),
      labels,
    ).map(({ entity, ...a }) => a);
    annotations.push(...now);
    added.push(...now);
    splices.push([from, to, now]);
    at = to;
  }
  for (let i = at; i < shown.length; i++) annotations.push(shown[i]);
  return { annotations, patch: { spans, removed, added }, splices };
}
