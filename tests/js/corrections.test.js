import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCorrections, recordCorrection, rebaseCorrections, splitImported } from '../../www/js/corrections.js';
import { documentOf, correct, reannotate, sessionFromDocument, emptySession } from '../../www/js/session.js';
import { labelTable } from '../../www/js/labels.js';
import { loadCore } from './helpers.js';

const core = await loadCore();
const labels = labelTable(core.labels());
const FORMAT = core.documentFormat();

const TEXT = 'Anna met Bob in Paris on Friday.';
const model = (value = '2025-12-19') => [
  { start: 0, end: 4, label: 'PERSON', text: 'Anna', confidence: 0.9, source: 'model' },
  { start: 16, end: 21, label: 'PLACE', text: 'Paris', confidence: 0.8, source: 'model' },
  { start: 25, end: 31, label: 'DATE', text: 'Friday', value, source: 'model' },
];
const show = (annotations) => annotations.map((a) => `${a.text}:${a.label}:${a.source}${a.value ? `=${a.value}` : ''}`);

/** A fake core: finds the fixed model above, with Friday resolved against the reference date. */
const fakeAnnotate = (text, { reference_date, today }) => ({
  reference_date: reference_date ?? today,
  reference_date_source: reference_date ? 'given' : 'today',
  annotations: text === TEXT ? model(reference_date === '2025-12-01' ? '2025-11-28' : '2025-12-19') : [],
});

test('additions, removals and relabels apply on top of the model as source "person"', () => {
  let corrections = [];
  const step = (c) => {
    corrections = recordCorrection(corrections, c, applyCorrections(model(), corrections, labels));
    return show(applyCorrections(model(), corrections, labels));
  };
  assert.deepEqual(step({ start: 9, end: 12, text: 'Bob', label: 'PERSON' }), [
    'Anna:PERSON:model',
    'Bob:PERSON:person',
    'Paris:PLACE:model',
    'Friday:DATE:model=2025-12-19',
  ]);
  assert.deepEqual(step({ start: 16, end: 21, text: 'Paris', label: 'ORG' }).slice(2, 3), ['Paris:ORG:person']);
  assert.deepEqual(step({ start: 0, end: 4, text: 'Anna', label: null }), [
    'Bob:PERSON:person',
    'Paris:ORG:person',
    'Friday:DATE:model=2025-12-19',
  ]);
  // A relabel among temporal labels keeps the model's value; a person annotation has no confidence.
  const relabelled = applyCorrections(model(), [{ start: 25, end: 31, text: 'Friday', label: 'TIME' }], labels);
  assert.deepEqual(relabelled[2], { start: 25, end: 31, label: 'TIME', text: 'Friday', value: '2025-12-19', source: 'person' });
  // A relabel to a name label drops the value (names carry none).
  const named = applyCorrections(model(), [{ start: 25, end: 31, text: 'Friday', label: 'PERSON', value: '2025-12-19' }], labels);
  assert.equal(named[2].value, undefined);
});

test('an addition replaces the annotations it overlaps, and removing it does not bring them back', () => {
  let corrections = [];
  const add = { start: 9, end: 21, text: 'Bob in Paris', label: 'ORG' };
  corrections = recordCorrection(corrections, add, applyCorrections(model(), corrections, labels));
  assert.deepEqual(show(applyCorrections(model(), corrections, labels)), ['Anna:PERSON:model', 'Bob in Paris:ORG:person', 'Friday:DATE:model=2025-12-19']);
  corrections = recordCorrection(corrections, { ...add, label: null }, applyCorrections(model(), corrections, labels));
  assert.deepEqual(show(applyCorrections(model(), corrections, labels)), ['Anna:PERSON:model', 'Friday:DATE:model=2025-12-19']);
});

test('removing your own addition where the model found nothing leaves no correction behind', () => {
  const add = { start: 5, end: 8, text: 'met', label: 'ORG' };
  let corrections = recordCorrection([], add, model(), model());
  corrections = recordCorrection(corrections, { ...add, label: null }, applyCorrections(model(), corrections, labels), model());
  assert.deepEqual(corrections, []);
  // Where the model did find something, the removal is kept so it stays removed.
  const paris = { start: 16, end: 21, text: 'Paris', label: null };
  assert.deepEqual(recordCorrection([], paris, model(), model()), [paris]);
});

test('a reference-date change re-resolves dates and keeps every correction', () => {
  let s = reannotate(emptySession(), TEXT, '', fakeAnnotate, '2025-12-21').session;
  s = correct(s, { start: 25, end: 31, text: 'Friday', label: 'TIME' }, labels);
  s = correct(s, { start: 0, end: 4, text: 'Anna', label: null }, labels);
  s = correct(s, { start: 9, end: 12, text: 'Bob', label: 'PERSON' }, labels);
  const before = documentOf(s, labels, FORMAT);
  assert.deepEqual(show(before.annotations), ['Bob:PERSON:person', 'Paris:PLACE:model', 'Friday:TIME:person=2025-12-19']);
  const { session: after, dropped } = reannotate(s, TEXT, '2025-12-01', fakeAnnotate, '2025-12-21');
  assert.deepEqual(dropped, []);
  const doc = documentOf(after, labels, FORMAT);
  assert.equal(doc.reference_date, '2025-12-01');
  assert.equal(doc.reference_date_source, 'given');
  assert.deepEqual(show(doc.annotations), ['Bob:PERSON:person', 'Paris:PLACE:model', 'Friday:TIME:person=2025-11-28']);
});

test('after a text edit, corrections apply where their text still stands and the rest are reported', () => {
  const corrections = [
    { start: 0, end: 4, text: 'Anna', label: 'ORG' },
    { start: 9, end: 12, text: 'Bob', label: 'PERSON' },
  ];
  const { kept, dropped } = rebaseCorrections(corrections, 'Anna met Rob in Paris on Friday.');
  assert.deepEqual(kept.map((c) => c.text), ['Anna']);
  assert.deepEqual(dropped.map((c) => c.text), ['Bob']);
  // Offsets are code points: an emoji in front moves the text, so nothing matches.
  assert.equal(rebaseCorrections(corrections, '😀Anna met Bob').kept.length, 0);
});

test('an imported document splits into model and corrections that rebuild it exactly', () => {
  const imported = {
    format: 'gloss/3',
    text: TEXT,
    reference_date: '2025-12-21',
    reference_date_source: 'dateline',
    annotations: [
      { start: 0, end: 4, label: 'PERSON', text: 'Anna', confidence: 0.9, source: 'model' },
      { start: 9, end: 12, label: 'PERSON', text: 'Bob', source: 'person' },
      { start: 25, end: 31, label: 'TIME', text: 'Friday', value: 'XXXX-WXX-5', source: 'person' },
    ],
  };
  const { model: m, corrections } = splitImported(imported.annotations, model());
  assert.deepEqual(applyCorrections(m, corrections, labels), imported.annotations);
  // Paris was removed by the person before export: re-annotating must not bring it back.
  const s = sessionFromDocument(imported, model());
  assert.deepEqual(documentOf(s, labels, FORMAT), imported);
  assert.equal(s.dateField, '', 'a dateline reference date stays automatic');
  const again = documentOf(reannotate(s, TEXT, '2025-12-21', fakeAnnotate, '2025-12-21').session, labels, FORMAT);
  assert.deepEqual(show(again.annotations), ['Anna:PERSON:model', 'Bob:PERSON:person', 'Friday:TIME:person=2025-12-19']);
});
