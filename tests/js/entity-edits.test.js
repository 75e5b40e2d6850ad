// The page state's entity and value edits over the real core: entity edits,
// a typed TIMEX3 value, "Label all occurrences" — each one undo step, each
// in the exported document.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPageState } from '../../www/js/session.js';
import { labelTable } from '../../www/js/labels.js';
import { unlabelledOccurrences } from '../../www/js/occurrences.js';
import { loadCore, GOLDEN_DATE } from './helpers.js';

const pkg = await loadCore();
const core = { ...pkg, labels: pkg.labels() };
const FORMAT = pkg.documentFormat();
const labels = labelTable(core.labels);
const TEXT = '😀 Rustem Umerov met Anna in Kyiv on Friday. Umerov left Kyiv in October.';

async function annotated() {
  const state = createPageState({ core, labels, format: FORMAT, today: () => GOLDEN_DATE });
  await state.annotate(TEXT, GOLDEN_DATE);
  return state;
}
const find = (state, text, n = 0) => state.document.annotations.filter((a) => a.text === text)[n];
const entityOf = (state, a) => state.document.entities.find((e) => e.id === a.entity);
const ref = ({ start, end, text }) => ({ start, end, text });

test('split, merge and rename are entity edits: one undo step each, exported as edits', async () => {
  const state = await annotated();
  const full = find(state, 'Rustem Umerov');
  assert.equal(find(state, 'Umerov').entity, full.entity, 'the surname joins the full name');
  await state.editEntities({ edit: 'split', mention: ref(find(state, 'Umerov')) });
  assert.notEqual(find(state, 'Umerov').entity, find(state, 'Rustem Umerov').entity);
  await state.editEntities({ edit: 'merge', mention: ref(full), with: ref(find(state, 'Umerov')) });
  assert.equal(find(state, 'Umerov').entity, find(state, 'Rustem Umerov').entity);
  await state.editEntities({ edit: 'rename', mention: ref(full), name: 'Rustem Umerov (minister)' });
  assert.equal(entityOf(state, full).name, 'Rustem Umerov (minister)');
  assert.equal(state.document.edits.length, 3);
  state.undo();
  await state.settled();
  assert.equal(entityOf(state, find(state, 'Rustem Umerov')).name, 'Rustem Umerov');
  assert.equal(state.document.edits.length, 2);
});

test('renaming or re-placing one entity again replaces the edit before, and Undo still steps back', async () => {
  const state = await annotated();
  const full = ref(find(state, 'Rustem Umerov'));
  for (const name of ['R. Umerov', 'Rustem U.', 'Minister Umerov']) await state.editEntities({ edit: 'rename', mention: full, name });
  assert.deepEqual(state.document.edits.map((e) => [e.edit, e.name]), [['rename', 'Minister Umerov']]);
  assert.equal(entityOf(state, find(state, 'Rustem Umerov')).name, 'Minister Umerov');
  state.undo();
  await state.settled();
  assert.equal(entityOf(state, find(state, 'Rustem Umerov')).name, 'Rustem U.', 'Undo brings back the name before');
  // A rename of another entity, or after another kind of edit, is kept as well.
  await state.editEntities({ edit: 'rename', mention: ref(find(state, 'Anna')), name: 'Anna K.' });
  await state.editEntities({ edit: 'split', mention: ref(find(state, 'Umerov')) });
  await state.editEntities({ edit: 'rename', mention: full, name: 'Umerov' });
  assert.deepEqual(state.document.edits.map((e) => e.edit), ['rename', 'rename', 'split', 'rename']);
  const kyiv = ref(find(state, 'Kyiv'));
  const candidates = entityOf(state, find(state, 'Kyiv')).candidates.map((c) => c.geonames_id);
  await state.editEntities({ edit: 'place', mention: kyiv, geonames_id: candidates[1] });
  await state.editEntities({ edit: 'place', mention: kyiv, geonames_id: candidates[0] });
  assert.deepEqual(state.document.edits.at(-1), { edit: 'place', mention: kyiv, geonames_id: candidates[0] });
  assert.equal(state.document.edits.length, 5);
});

test('a place edit picks another candidate', async () => {
  const state = await annotated();
  const kyiv = find(state, 'Kyiv');
  const entity = entityOf(state, kyiv);
  const other = entity.candidates.find((c) => c.geonames_id !== entity.geonames_id);
  assert.ok(other, 'Kyiv has more than one candidate');
  await state.editEntities({ edit: 'place', mention: ref(kyiv), geonames_id: other.geonames_id });
  assert.equal(entityOf(state, find(state, 'Kyiv')).geonames_id, other.geonames_id);
});

test('a typed TIMEX3 value wins over the model and survives re-annotation at another date; an invalid one changes nothing', async () => {
  const state = await annotated();
  const october = find(state, 'October');
  assert.equal(await state.setValue(october, '2024-10'), true);
  assert.deepEqual([find(state, 'October').value, find(state, 'October').source], ['2024-10', 'person']);
  assert.doesNotThrow(() => core.validateDocument(state.document));
  const before = state.document;
  assert.equal(await state.setValue(find(state, 'October'), '2024-13'), false);
  assert.equal(await state.setValue(find(state, 'Kyiv'), '2024-10'), false, 'a place has no value');
  assert.equal(state.document, before, 'nothing changed');
  await state.annotate(TEXT, '2026-03-01');
  assert.equal(find(state, 'October').value, '2024-10', 'the typed value stays');
});

test('label all occurrences: whole words, unannotated only, one undo step', async () => {
  const text = 'Anna met Annabel. Anna, and again Anna; not Annas or xAnna.';
  const annotations = [{ start: 0, end: 4, text: 'Anna', label: 'PERSON', source: 'model' }];
  const found = unlabelledOccurrences(text, annotations, { text: 'Anna', label: 'PERSON' });
  assert.deepEqual(found.map((c) => c.start), [18, 34]);
  // Code points, not UTF-16, with an emoji before; and a string ending in punctuation.
  assert.deepEqual(unlabelledOccurrences('😀 U.S. and U.S.A and U.S.', [], { text: 'U.S.', label: 'PLACE' }).map((c) => c.start), [2, 21]);
  const state = await annotated();
  const kyiv = find(state, 'Kyiv');
  await state.correct({ ...ref(find(state, 'Kyiv', 1)), label: null });
  assert.equal(state.document.annotations.filter((a) => a.text === 'Kyiv').length, 1);
  await state.correctAll(unlabelledOccurrences(state.document.text, state.document.annotations, kyiv));
  assert.equal(state.document.annotations.filter((a) => a.text === 'Kyiv').length, 2);
  state.undo();
  await state.settled();
  assert.equal(state.document.annotations.filter((a) => a.text === 'Kyiv').length, 1);
});
