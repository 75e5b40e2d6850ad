// doc-patch.js: a step recomputed only where it acts gives exactly what
// recomputing the whole document gives, over random corrections, undo and
// redo; and the patch names what was removed and added.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedSpans, indexAt, patchAnnotations } from '../../www/js/doc-patch.js';
import { annotationsOf, correct } from '../../www/js/session.js';
import { applyCorrections, makeAnnotation } from '../../www/js/corrections.js';
import { labelTable } from '../../www/js/labels.js';
import { loadCore, random } from './helpers.js';

const labels = labelTable((await loadCore()).labels());
const LABELS = ['PERSON', 'PLACE', 'ORG', 'DATE'];

/** A text of `n` four-letter words and a model that marks some of them, some over two words. */
function generated(n, next) {
  const words = Array.from({ length: n }, (_, i) => `w${String(i).padStart(3, '0')}`);
  const text = words.join(' ');
  const annotations = [];
  for (let i = 0; i < n; i++) {
    if (next() < 0.5) continue;
    const span = next() < 0.2 && i + 1 < n ? 2 : 1;
    const start = i * 5;
    const end = (i + span) * 5 - 1;
    const label = LABELS[Math.floor(next() * LABELS.length)];
    annotations.push({ start, end, label, text: text.slice(start, end), ...(label === 'DATE' ? { value: '2025-12-19' } : {}), source: 'model' });
    i += span - 1;
  }
  return { text, dateField: '', model: { reference_date: '2025-12-21', reference_date_source: 'given', annotations }, corrections: [] };
}

/** A random correction: add over 1–3 words, remove or relabel a shown annotation. */
function randomCorrection(session, shown, next) {
  const text = session.text;
  const words = text.length / 5;
  if (shown.length > 0 && next() < 0.5) {
    const a = shown[Math.floor(next() * shown.length)];
    const label = next() < 0.5 ? null : LABELS[Math.floor(next() * LABELS.length)];
    return { start: a.start, end: a.end, text: a.text, label };
  }
  const first = Math.floor(next() * words);
  const last = Math.min(words - 1, first + Math.floor(next() * 4));
  const start = first * 5;
  const end = last * 5 + 4;
  return { start, end, text: text.slice(start, end), label: LABELS[Math.floor(next() * LABELS.length)] };
}

test('patched steps equal full recomputation: corrections, undo and redo', () => {
  for (let seed = 1; seed <= 150; seed++) {
    const next = random(seed);
    let session = generated(16, next);
    let shown = annotationsOf(session, labels);
    const past = [];
    const future = [];
    for (let step = 0; step < 40; step++) {
      const roll = next();
      let target;
      if (roll < 0.2 && past.length > 0) {
        future.push(session);
        target = past.pop();
      } else if (roll < 0.3 && future.length > 0) {
        past.push(session);
        target = future.pop();
      } else {
        target = correct(session, randomCorrection(session, shown, next), labels, shown);
        past.push(session);
        future.length = 0;
      }
      const patched = patchAnnotations(shown, session, target, labels);
      assert.ok(patched, 'only corrections changed');
      const full = annotationsOf(target, labels);
      assert.deepEqual(patched.annotations, full, `seed ${seed}, step ${step}`);
      // Outside the patch's spans nothing changed; inside, removed and added are before and after.
      const inside = (a) => patched.patch.spans.some((s) => a.start < s.end && s.start < a.end);
      assert.deepEqual(shown.filter((a) => !inside(a)), full.filter((a) => !inside(a)));
      assert.deepEqual(patched.patch.removed, shown.filter(inside));
      assert.deepEqual(patched.patch.added, full.filter(inside));
      shown = patched.annotations;
      session = target;
    }
  }
});

test('a removal patches one span and names the removed annotation; a new text is no patch', () => {
  const session = generated(20, random(3));
  const shown = annotationsOf(session, labels);
  const a = shown[2];
  const after = correct(session, { start: a.start, end: a.end, text: a.text, label: null }, labels, shown);
  assert.deepEqual(changedSpans(session, after), [{ start: a.start, end: a.end }]);
  const { patch, annotations } = patchAnnotations(shown, session, after, labels);
  assert.deepEqual(patch, { spans: [{ start: a.start, end: a.end }], removed: [a], added: [] });
  assert.equal(annotations.length, shown.length - 1);
  assert.equal(patchAnnotations(shown, session, { ...after, text: `${after.text}.` }, labels), null);
  assert.equal(patchAnnotations(shown, session, { ...after, model: { ...after.model } }, labels), null);
});

test('indexAt finds an annotation by its start', () => {
  const shown = annotationsOf(generated(30, random(5)), labels);
  shown.forEach((a, i) => assert.equal(indexAt(shown, a.start), i));
  assert.equal(indexAt(shown, shown[0].start + 1), -1);
  assert.equal(indexAt([], 0), -1);
});

test('patched steps equal full recomputation for any correction list, not only recorded ones (imports)', () => {
  for (let seed = 1; seed <= 150; seed++) {
    const next = random(seed);
    let session = generated(16, next);
    let shown = annotationsOf(session, labels);
    for (let step = 0; step < 30; step++) {
      // Corrections appended or dropped as they are, without recordCorrection's bookkeeping.
      const corrections = session.corrections.filter(() => next() < 0.9);
      if (next() < 0.8) corrections.push(randomCorrection(session, shown, next));
      const target = { ...session, corrections };
      const patched = patchAnnotations(shown, session, target, labels);
      assert.deepEqual(patched.annotations, annotationsOf(target, labels), `seed ${seed}, step ${step}`);
      shown = patched.annotations;
      session = target;
    }
  }
});

/** applyCorrections as first written: one pass over all annotations per correction (slow, plainly right). */
function plainApply(model, corrections) {
  const sameSpan = (a, b) => a.start === b.start && a.end === b.end;
  let result = model.map((a) => makeAnnotation(a));
  for (const c of corrections) {
    if (c.label === null) {
      result = result.filter((a) => !sameSpan(a, c));
      continue;
    }
    const found = model.find((a) => sameSpan(a, c));
    let value;
    if (labels.isTemporal(c.label)) value = (!c.valueEdited && found && labels.isTemporal(found.label) && found.value) || c.value;
    const added = makeAnnotation({ ...c, value, source: 'person' });
    result = result.filter((a) => !(a.start < c.end && c.start < a.end));
    const at = result.findIndex((a) => a.start > c.start);
    result.splice(at < 0 ? result.length : at, 0, added);
  }
  return result;
}

test('applyCorrections equals the plain one-pass-per-correction version on random correction lists', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const next = random(seed);
    const session = generated(20, next);
    const corrections = [];
    for (let n = Math.floor(next() * 25); n > 0; n--) corrections.push(randomCorrection(session, session.model.annotations, next));
    assert.deepEqual(applyCorrections(session.model.annotations, corrections, labels), plainApply(session.model.annotations, corrections), `seed ${seed}`);
  }
});
