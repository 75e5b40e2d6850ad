// The page state (session.js createPageState): every change goes through it,
// and each subscriber is told what changed, so views redraw only that.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPageState, documentOf, LINK_AT_ONCE, LINK_DELAY } from '../../www/js/session.js';
import { labelTable } from '../../www/js/labels.js';
import { loadCore, GOLDEN_DATE, fixtures } from './helpers.js';

const core = await loadCore();
const labels = labelTable(core.labels());
const TEXT = '😀 Rustem Umerov met Anna in Kyiv on Friday.';

/** A page state over the real core, with every change it announces recorded. */
function recorded() {
  const state = createPageState({ core, labels, today: () => GOLDEN_DATE });
  const changes = [];
  state.subscribe((change) => changes.push(Object.keys(change).filter((k) => change[k]).join('+')));
  return { state, changes };
}

test('annotate, correct, undo and redo announce document changes; undo and redo reset the inputs', () => {
  const { state, changes } = recorded();
  assert.deepEqual(state.annotate(TEXT, GOLDEN_DATE), []);
  assert.deepEqual(state.document, core.annotate(TEXT, { reference_date: GOLDEN_DATE, today: GOLDEN_DATE }));
  assert.equal(state.draft, TEXT);
  const anna = state.document.annotations.find((a) => a.text === 'Anna');
  state.correct({ start: anna.start, end: anna.end, text: 'Anna', label: 'PLACE' });
  assert.equal(state.document.annotations.find((a) => a.text === 'Anna').source, 'person');
  assert.ok(state.canUndo);
  assert.equal(state.undo(), true);
  assert.equal(state.document.annotations.find((a) => a.text === 'Anna').label, anna.label);
  assert.equal(state.redo(), true);
  assert.equal(state.redo(), false, 'nothing more to redo');
  assert.deepEqual(changes, ['document+inputs+draft', 'document+patch', 'document+inputs+patch', 'document+inputs+patch'], 'a correction, its undo and redo are patches');
});

test('typing and the legend are view changes: no undo step, the document untouched', () => {
  const { state, changes } = recorded();
  state.annotate(TEXT, GOLDEN_DATE, { undoable: false });
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

test('import and restore go through the state; an invalid saved state changes nothing', () => {
  const { state, changes } = recorded();
  // The core's document with every annotation removed, so with no entities either.
  const { entities, ...found } = core.annotate(TEXT, { reference_date: GOLDEN_DATE, today: GOLDEN_DATE });
  assert.ok(entities.length > 0);
  const imported = { ...found, annotations: [] };
  state.importDocument(imported);
  assert.deepEqual(state.document, imported);
  assert.equal(state.draft, TEXT);
  // The core's findings became removals: annotating again at the same date brings none back.
  state.annotate(TEXT, GOLDEN_DATE);
  assert.deepEqual(state.document.annotations, []);
  const saved = { session: state.session, hidden: ['SET'], draft: 'edited' };
  const broken = { ...saved, session: { ...saved.session, model: { ...saved.session.model, reference_date: 'soon' } } };
  assert.throws(() => state.restore(broken), /reference_date/);
  assert.equal(changes.length, 2, 'the refused restore announced nothing');
  state.clear();
  state.restore(saved);
  assert.deepEqual(documentOf(state.session, labels), imported);
  assert.deepEqual([...state.hidden], ['SET']);
  assert.equal(state.draft, 'edited');
  assert.deepEqual(changes.slice(2), ['document+inputs+draft', 'document+hidden+inputs+draft']);
});

test('on a large document a correction shows at once and the entities are grouped again a moment later, or when asked', async () => {
  const unit = fixtures().map((f) => f.text).join('\n');
  const text = unit.repeat(Math.ceil(130_000 / unit.length));
  const { state, changes } = recorded();
  state.annotate(text, GOLDEN_DATE);
  assert.ok(state.document.annotations.length > LINK_AT_ONCE, `${state.document.annotations.length} annotations`);
  const names = () => state.document.annotations.filter((a) => a.label === 'PERSON');
  const removed = names().at(-1);
  state.correct({ start: removed.start, end: removed.end, text: removed.text, label: null });
  assert.equal(state.document.annotations.some((a) => a.start === removed.start), false, 'the removal shows at once');
  assert.equal(state.linked, false, 'the entities wait');
  assert.equal(changes.at(-1), 'document+patch');
  await new Promise((resolve) => setTimeout(resolve, LINK_DELAY + 50));
  assert.equal(state.linked, true);
  assert.equal(changes.at(-1), 'document+relinked');
  assert.deepEqual(state.document, documentOf(state.session, labels, core.linkEntities), 'grouped as a full recomputation groups them');
  // Export does not wait: linkedDocument groups them now.
  const another = names().at(-1);
  state.correct({ start: another.start, end: another.end, text: another.text, label: 'PLACE' });
  assert.equal(state.linked, false);
  assert.deepEqual(state.linkedDocument(), documentOf(state.session, labels, core.linkEntities));
  assert.equal(state.linked, true);
});
