// The wasm core in Node gives exactly the CLI's document, and the CLI's
// output for every fixture satisfies the published JSON Schema.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT, GOLDEN_DATE, fixtures, loadCore, cliAnnotate, todayUtc } from './helpers.js';

test('wasm annotate equals the CLI for every fixture at 2025-12-21', async () => {
  const { annotate } = await loadCore();
  for (const f of fixtures()) {
    const { doc } = cliAnnotate(f.file, GOLDEN_DATE);
    assert.deepEqual(annotate(f.text, { reference_date: GOLDEN_DATE, today: '2000-01-01' }), doc, f.name);
  }
});

test('wasm annotateWithProgress equals the CLI, reporting a share done that rises to the whole', async () => {
  const { annotateWithProgress } = await loadCore();
  const unit = fixtures().map((f) => f.text).join('\n');
  // Past the name model's 50,000-token parts, so that progress comes part by part.
  const text = unit.repeat(Math.ceil(400_000 / unit.length));
  const calls = [];
  const got = annotateWithProgress(text, { reference_date: GOLDEN_DATE, today: GOLDEN_DATE }, (done, total) => calls.push([done, total]));
  assert.deepEqual(got, cliAnnotate('-', GOLDEN_DATE, text).doc);
  const total = calls[0][1];
  assert.deepEqual([calls[0], calls.at(-1)], [[0, total], [total, total]]);
  assert.ok(calls.every(([done, t], i) => t === total && (i === 0 || done >= calls[i - 1][0])), 'rising, against one total');
  assert.ok(calls.length >= 6, `${calls.length} reports`);
});

test('wasm annotate equals the CLI for every fixture with no reference date (dateline, else today)', async () => {
  const { annotate } = await loadCore();
  for (const f of fixtures()) {
    const today = todayUtc();
    const { doc } = cliAnnotate(f.file, null);
    assert.deepEqual(annotate(f.text, { reference_date: null, today }), doc, f.name);
    assert.ok(['dateline', 'today'].includes(doc.reference_date_source), f.name);
  }
});

test('the CLI output for every fixture is valid against schema/gloss-document.schema.json', () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/gloss-document.schema.json'), 'utf8'));
  const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
  for (const f of fixtures()) {
    for (const date of [GOLDEN_DATE, null]) {
      const { doc } = cliAnnotate(f.file, date);
      assert.ok(validate(doc), `${f.name} ${date}: ${JSON.stringify(validate.errors)}`);
    }
  }
  // A region Gloss curates without a GeoNames record (geonames_id 0) is valid too.
  const { doc: region } = cliAnnotate('-', GOLDEN_DATE, 'Fighting in Donbas went on.');
  assert.equal(region.entities.find((e) => e.name === 'Donbas')?.geonames_id, 0);
  assert.ok(validate(region), JSON.stringify(validate.errors));
  // A place entity with its GeoNames record and candidates, and the person's edits.
  const mention = { start: 0, end: 4, text: 'Kyiv' };
  const place = { geonames_id: 703448, name: 'Kyiv', country: 'UA', admin1: 'Kyiv City', lat: 50.45, lon: 30.52, kind: 'city', population: 2797553, score: 0.9 };
  const { name, population, score, ...record } = place;
  const linked = {
    format: 'gloss/3', text: 'Kyiv', reference_date: GOLDEN_DATE, reference_date_source: 'given',
    annotations: [{ start: 0, end: 4, label: 'PLACE', text: 'Kyiv', source: 'model', entity: 'E1' }],
    entities: [{ id: 'E1', label: 'PLACE', name: 'Kyiv', mentions: 1, ...record, candidates: [place] }],
    edits: [{ edit: 'split', mention }, { edit: 'merge', mention, with: mention }, { edit: 'rename', mention, name: 'Kiev' }, { edit: 'place', mention, geonames_id: 703448 }],
  };
  assert.ok(validate(linked), JSON.stringify(validate.errors));
  const refused = [
    { ...linked, annotations: [{ ...linked.annotations[0], label: 'DATE', value: '2025' }] },
    { ...linked, entities: [{ ...linked.entities[0], label: 'PERSON' }] },
    { ...linked, entities: [{ ...linked.entities[0], country: 'Ukraine' }] },
    { ...linked, entities: [{ id: 'E1', label: 'PLACE', name: 'Kyiv', mentions: 1, lat: 50.45 }] },
    { ...linked, edits: [{ edit: 'join', mention }] },
  ];
  for (const doc of refused) assert.equal(validate(doc), false, JSON.stringify(doc));
  // The schema is not a rubber stamp: it refuses a name with a value and an unknown field.
  const bad = { format: 'gloss/3', text: 'Anna', reference_date: GOLDEN_DATE, reference_date_source: 'given', annotations: [{ start: 0, end: 4, label: 'PERSON', text: 'Anna', value: 'x', source: 'model' }] };
  assert.equal(validate(bad), false);
  assert.equal(validate({ ...bad, annotations: [], extra: 1 }), false);
  // A batch's documents carry an id: a string or a number, nothing else.
  const good = { ...bad, annotations: [] };
  assert.ok(validate({ ...good, id: 'a.txt' }) && validate({ ...good, id: 7 }), JSON.stringify(validate.errors));
  assert.equal(validate({ ...good, id: true }), false);
});

test('annotate refuses bad options with a message; version is the crate version', async () => {
  const { annotate, version } = await loadCore();
  assert.throws(() => annotate('x', { reference_date: '21/12/2025', today: GOLDEN_DATE }), /reference_date/);
  assert.throws(() => annotate('x', { reference_date: null, today: '2025-02-30' }), /today/);
  const cargo = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(version(), cargo.match(/^version = "(.+)"/m)[1]);
});

test('a date and a person in a fixture come out with their labels and value', () => {
  const { doc } = cliAnnotate(path.join(ROOT, 'tests/fixtures/city-budget.txt'), GOLDEN_DATE);
  const date = doc.annotations.find((a) => a.text === '2013-06-30');
  assert.equal(date?.label, 'DATE');
  assert.equal(date?.value, '2013-06-30');
  assert.equal(doc.annotations.find((a) => a.text === 'David Chen')?.label, 'PERSON');
});

test('validateDocument accepts an export and refuses unknown fields, wrong types and broken offsets', async () => {
  const { annotate, validateDocument } = await loadCore();
  const doc = annotate('😀 Rustem Umerov met Anna in Kyiv on Friday.', { reference_date: GOLDEN_DATE, today: GOLDEN_DATE });
  assert.ok(doc.annotations.length >= 2);
  assert.deepEqual(validateDocument(structuredClone(doc)), doc);
  const broken = [
    [{ ...doc, colour: 'red' }, /unknown field `colour`/],
    [{ ...doc, annotations: [{ ...doc.annotations[0], note: 'x' }] }, /unknown field `note`/],
    [{ ...doc, annotations: [{ ...doc.annotations[0], start: '2' }] }, /invalid type/],
    [{ ...doc, annotations: [{ ...doc.annotations[0], start: 3, end: 9 }] }, /does not match/],
    [{ ...doc, format: 'gloss/4' }, /unsupported format/],
    [[1, 2], /not a Gloss document/],
  ];
  for (const [value, message] of broken) assert.throws(() => validateDocument(value), message);
});

test('linkEntities recomputes entities after a correction and applies the person\'s edits', async () => {
  const { annotate, linkEntities, validateDocument } = await loadCore();
  const doc = annotate('Rustem Umerov met Umerov\'s aide in Kyiv.', { reference_date: GOLDEN_DATE, today: GOLDEN_DATE });
  assert.deepEqual(doc.annotations.map((a) => a.entity), ['E1', 'E1', 'E2']);
  assert.deepEqual(doc.entities.map((e) => [e.id, e.label, e.name, e.mentions]), [['E1', 'PERSON', 'Rustem Umerov', 2], ['E2', 'PLACE', 'Kyiv', 1]]);
  // The person relabels Kyiv and splits the second Umerov out; one edit names a mention that is gone.
  const umerov = doc.annotations[1];
  const gone = { edit: 'split', mention: { start: 90, end: 95, text: 'Smith' } };
  const corrected = {
    ...doc,
    annotations: doc.annotations.map((a, n) => (n === 2 ? { ...a, label: 'ORG', source: 'person' } : a)),
    edits: [{ edit: 'split', mention: { start: umerov.start, end: umerov.end, text: umerov.text } }, gone],
  };
  assert.throws(() => validateDocument(corrected), /is a PLACE/);
  const { document, unapplied } = linkEntities(corrected);
  assert.deepEqual(document.annotations.map((a) => a.entity), ['E1', 'E2', 'E3']);
  assert.deepEqual(document.entities.map((e) => [e.label, e.name]), [['PERSON', 'Rustem Umerov'], ['PERSON', 'Umerov'], ['ORG', 'Kyiv']]);
  assert.deepEqual(unapplied, [gone]);
  assert.deepEqual(document.edits, corrected.edits, 'a stale edit stays in the document');
  assert.deepEqual(validateDocument(structuredClone(document)), document);
  assert.throws(() => linkEntities({ ...doc, format: 'gloss/4' }), /unsupported format/);
});

test('when the core cannot start, a browser without WebAssembly SIMD is told what it lacks', async () => {
  // The worker module registers its message handler on `self`; Node has none.
  globalThis.self ??= { addEventListener() {}, postMessage() {} };
  const { startFailure } = await import('../../www/js/core-worker.js');
  assert.match(startFailure(new Error('WebAssembly.Module(): invalid simd opcode'), false), /lacks WebAssembly SIMD.*Safari 16\.4/);
  assert.equal(startFailure(new Error('the network failed'), true), 'the network failed');
  // Node has SIMD, so its own probe validates and the error is passed on.
  assert.equal(startFailure(new Error('x')), 'x');
});

test('a long text is previewed from its beginning, cut after a line, a word or a whole character', async () => {
  globalThis.self ??= { addEventListener() {}, postMessage() {} };
  const { previewEnd } = await import('../../www/js/core-worker.js');
  assert.equal(previewEnd('short text\n'.repeat(100)), 0, 'a short text is annotated whole at once');
  const lines = 'Rustem Umerov met officials in Kyiv on Friday.\n'.repeat(4000);
  const end = previewEnd(lines);
  assert.ok(end > 10_000 && end <= 24_000, `${end}`);
  assert.equal(lines[end - 1], '\n', 'after a line break');
  const oneLine = 'Olena Shevchenko spoke in Lviv. '.repeat(8000);
  const cut = previewEnd(oneLine);
  assert.equal(oneLine[cut - 1], ' ', 'after a word, where no line ends early enough');
  // No space nor line break: cut, but never between the halves of an emoji.
  const emoji = '😀'.repeat(100_000);
  const at = previewEnd(emoji);
  assert.ok(at > 0 && at % 2 === 0, `${at} keeps surrogate pairs whole`);
  const shifted = `x${emoji}`;
  const at2 = previewEnd(shifted);
  assert.equal(at2 % 2, 1, `${at2} keeps surrogate pairs whole after one ASCII character`);
});
