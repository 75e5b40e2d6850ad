// The page state (session.js createPageState): every change goes through it,
// and each subscriber is told what changed, so views redraw only that.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPageState, documentOf, mergeChanges, SPREAD } from '../../www/js/session.js';
import { labelTable } from '../../www/js/labels.js';
import { loadCore, GOLDEN_DATE, fixtures } from './helpers.js';

const core = await loadCore();
const labels = labelTable(core.labels());
const FORMAT = core.documentFormat();
const TEXT = '😀 Rustem Umerov met Anna in Kyiv on Friday.';

/** A page state over the real core, with every change it announces recorded. */
function recorded() {
  const state = createPageState({ core, labels, format: FORMAT, today: () => GOLDEN_DATE });
  const changes = [];
  state.subscribe((change) => changes.push(Object.keys(change).filter((k) => change[k]).join('+')));
  return { state, changes };
}

test('annotate, correct, undo and redo announce document changes; undo and redo reset the inputs', async () => {
  const { state, changes } = recorded();
  assert.deepEqual(await state.annotate(TEXT, GOLDEN_DATE), []);
  assert.deepEqual(state.document, core.annotate(TEXT, { reference_date: GOLDEN_DATE, today: GOLDEN_DATE }));
  assert.equal(state.draft, TEXT);
  const anna = state.document.annotations.find((a) => a.text === 'Anna');
  await state.correct({ start: anna.start, end: anna.end, text: 'Anna', label: 'PLACE' });
  assert.equal(state.document.annotations.find((a) => a.text === 'Anna').source, 'person');
  assert.ok(state.canUndo);
  assert.equal(state.undo(), true);
  await state.settled();
  assert.equal(state.document.annotations.find((a) => a.text === 'Anna').label, anna.label);
  assert.equal(state.redo(), true);
  await state.settled();
  assert.equal(state.redo(), false, 'nothing more to redo');
  // A correction shows at once, patched, then again once the core has linked
  // the entities; undo and redo go back to documents already linked, patched too.
  assert.deepEqual(changes, ['document+inputs+draft', 'document+interim+patch', 'document+relinked', 'document+inputs+patch', 'document+inputs+patch']);
});

test('typing and the legend are view changes: no undo step, the document untouched', async () => {
  const { state, changes } = recorded();
  await state.annotate(TEXT, GOLDEN_DATE, { undoable: false });
  assert.equal(state.canUndo, false, 'the opening sample is not undoable');
  const doc = state.document;
  state.setDraft(`${TEXT} More.`);
  assert.equal(state.textChanged, true);
  state.setDraft(`${TEXT} More.`);
  assert.deepEqual([...state.hidden].sort(), labels.hiddenByDefault().sort());
  state.setHidden('PERSON', true);
  state.setHidden('PERSON', true);
  assert.ok(state.hidden.has('PERSON'));
  assert.equal(state.document, doc);
  assert.equal(state.canUndo, false);
  assert.deepEqual(changes, ['document+inputs+draft', 'draft', 'hidden'], 'a repeated change announces nothing');
});

test('import and restore go through the state; an invalid saved state changes nothing', async () => {
  const { state, changes } = recorded();
  // The core's document with every annotation removed, so with no entities either.
  const { entities, ...found } = core.annotate(TEXT, { reference_date: GOLDEN_DATE, today: GOLDEN_DATE });
  assert.ok(entities.length > 0);
  const imported = { ...found, annotations: [] };
  await state.importDocument(imported);
  assert.deepEqual(state.document, imported);
  assert.equal(state.draft, TEXT);
  // The core's findings became removals: annotating again at the same date brings none back.
  await state.annotate(TEXT, GOLDEN_DATE);
  assert.deepEqual(state.document.annotations, []);
  const saved = { session: state.session, hidden: ['SET'], draft: 'edited' };
  const broken = { ...saved, session: { ...saved.session, model: { ...saved.session.model, reference_date: 'soon' } } };
  await assert.rejects(state.restore(broken), /reference_date/);
  assert.deepEqual(changes, ['document+inputs+draft+interim', 'document+relinked', 'document+inputs+interim', 'document+relinked'], 'the refused restore announced nothing');
  await state.clear();
  await state.restore(saved);
  assert.deepEqual(documentOf(state.session, labels, FORMAT), imported);
  // Saved without `known` (by a gloss/2 page): MISC, new since, starts hidden as by default.
  assert.deepEqual([...state.hidden], ['SET', 'MISC']);
  assert.equal(state.draft, 'edited');
  assert.deepEqual(changes.slice(4), ['document+inputs+draft', 'document+hidden+inputs+draft']);
  // Saved by a page that knew every label: the hidden ones exactly as saved.
  await state.restore({ ...saved, known: state.labelNames });
  assert.deepEqual([...state.hidden], ['SET']);
});

/** The real core behind a delay, as the worker answers: every call resolves later. */
function slowCore(ms) {
  const later = (value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));
  return { ...core, annotate: (...args) => later(core.annotate(...args)), linkEntities: (doc) => later(core.linkEntities(doc)) };
}

test('with a core that answers later, a correction shows at once and corrections faster than its answers are linked once', async () => {
  const state = createPageState({ core: slowCore(20), labels, format: FORMAT, today: () => GOLDEN_DATE });
  const changes = [];
  state.subscribe((change) => changes.push(Object.keys(change).filter((k) => change[k]).join('+')));
  const annotating = state.annotate(TEXT, GOLDEN_DATE);
  assert.equal(state.document.text, '', 'the previous document stays shown while the core works');
  await annotating;
  assert.equal(state.document.text, TEXT);
  const [anna, kyiv] = ['Anna', 'Kyiv'].map((t) => state.document.annotations.find((a) => a.text === t));
  state.correct({ start: anna.start, end: anna.end, text: 'Anna', label: null });
  state.correct({ start: kyiv.start, end: kyiv.end, text: 'Kyiv', label: null });
  assert.equal(state.steps.past.length, 3, 'both corrections are undo steps at once');
  assert.deepEqual(state.document.annotations.filter((a) => a.text === 'Anna' || a.text === 'Kyiv'), [], 'both shown at once');
  const umerov = state.document.annotations.find((a) => a.text === 'Rustem Umerov');
  assert.ok(state.document.entities.some((e) => e.id === umerov.entity), 'with the entities as they were');
  await state.settled();
  assert.deepEqual(changes, ['document+inputs+draft', 'document+interim+patch', 'document+interim+patch', 'document+relinked'], 'linked once, after both');
  // An entity edit changes what the core links: shown once linked, not before.
  const full = state.document.annotations.find((a) => a.text === 'Rustem Umerov');
  const editing = state.editEntities({ edit: 'rename', mention: { start: full.start, end: full.end, text: full.text }, name: 'R. Umerov' });
  assert.equal(changes.length, 4);
  await editing;
  assert.equal(state.document.entities.find((e) => e.id === state.document.annotations.find((a) => a.text === 'Rustem Umerov').entity).name, 'R. Umerov');
  assert.deepEqual(changes.slice(4), ['document+patch'], 'a patch that changes no annotation');
  assert.deepEqual(state.document, documentOf(state.session, labels, FORMAT, core.linkEntities));
});

test('what is typed while the core annotates stays in the text box', async () => {
  const state = createPageState({ core: slowCore(20), labels, format: FORMAT, today: () => GOLDEN_DATE });
  const annotating = state.annotate(TEXT, GOLDEN_DATE);
  state.setDraft(`${TEXT} And more.`);
  await annotating;
  assert.equal(state.session.text, TEXT);
  assert.equal(state.draft, `${TEXT} And more.`);
  assert.equal(state.textChanged, true);
});

test('on a large document a correction shows at once, patched, with the entities as they were; once linked they equal a full recomputation', async () => {
  const unit = fixtures().map((f) => f.text).join('\n');
  const text = unit.repeat(Math.ceil(130_000 / unit.length));
  const { state, changes } = recorded();
  await state.annotate(text, GOLDEN_DATE);
  assert.ok(state.document.annotations.length > 3000, `${state.document.annotations.length} annotations`);
  const names = () => state.document.annotations.filter((a) => a.label === 'PERSON');
  const removed = names().at(-1);
  const { entities } = state.document;
  const correcting = state.correct({ start: removed.start, end: removed.end, text: removed.text, label: null });
  assert.equal(state.document.annotations.some((a) => a.start === removed.start), false, 'the removal shows at once');
  assert.equal(changes.at(-1), 'document+interim+patch');
  assert.equal(state.document.entities, entities, 'the entities wait');
  assert.ok(names().every((a) => entities.some((e) => e.id === a.entity)), 'each name keeps its entity meanwhile');
  await correcting;
  assert.equal(changes.at(-1), 'document+relinked');
  assert.deepEqual(state.document, documentOf(state.session, labels, FORMAT, core.linkEntities), 'linked as a full recomputation links them');
  // Quick corrections: each patched from the one before, linked once after both.
  const [first, second] = names().slice(-2);
  state.correct({ start: first.start, end: first.end, text: first.text, label: 'PLACE' });
  state.correct({ start: second.start, end: second.end, text: second.text, label: null });
  await state.settled();
  assert.deepEqual(changes.slice(-3), ['document+interim+patch', 'document+interim+patch', 'document+relinked']);
  assert.deepEqual(state.document, documentOf(state.session, labels, FORMAT, core.linkEntities));
});

test('on a large document a change every view redraws reaches each listener in a task of its own, in order; a change meanwhile is merged into it', async () => {
  const state = createPageState({ core, labels, format: FORMAT, today: () => GOLDEN_DATE });
  await state.annotate(`${TEXT}\n`.repeat(400), GOLDEN_DATE);
  assert.ok(state.document.annotations.length > SPREAD, `${state.document.annotations.length} annotations`);
  const told = [];
  for (const name of ['first', 'second']) state.subscribe((c) => told.push([name, c.document, c.hidden, c.patch]));
  await state.restore({ session: state.session, hidden: [], draft: state.session.text, past: [], future: [] });
  assert.deepEqual(told, [], 'no listener is told in the task of the change');
  state.setHidden('PERSON', true);
  await state.settled();
  assert.deepEqual(told, [
    ['first', true, true, null],
    ['second', true, true, null],
  ]);
});

test('two changes merged for one listener: the later document change decides interim; a patch stands only alone', () => {
  const none = { document: false, hidden: false, inputs: false, draft: false, readOnly: false, relinked: false, interim: false, patch: null };
  const patch = { spans: [], removed: [], added: [] };
  const cases = [
    // [earlier, later, expected]
    [{ hidden: true }, { document: true, patch }, { document: true, hidden: true, patch }],
    [{ document: true, patch }, { document: true, patch }, { document: true, patch: null }],
    [{ document: true, interim: true, patch }, { document: true, relinked: true }, { document: true, patch: null }],
    [{ document: true, relinked: true }, { document: true, relinked: true }, { document: true, relinked: true }],
    [{ document: true, relinked: true }, { draft: true }, { document: true, relinked: true, draft: true }],
    [{ document: true, inputs: true }, { document: true, interim: true }, { document: true, inputs: true, interim: true }],
  ];
  for (const [a, b, expected] of cases) assert.deepEqual(mergeChanges({ ...none, ...a }, { ...none, ...b }), { ...none, ...expected }, JSON.stringify([a, b]));
});
