// The autosave's logic without a browser: packing a snapshot (each text
// once), unpacking and refusing damaged records, the old localStorage
// session, and the autosave controller's timing and honesty about failures
// (with a fake store and fake timers). The IndexedDB side is tested in
// Chromium (tests/browser/persistence.test.js).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packSnapshot, unpackSnapshot, legacySnapshot } from '../../www/js/store.js';
import { keepSaved, textIds, SAVE_DELAY, FAILED_KEY } from '../../www/js/autosave.js';
import { emptySession } from '../../www/js/session.js';

const session = (text, corrections = []) => ({ ...emptySession(), text, dateField: '2025-12-21', corrections });
const counter = () => {
  let n = 0;
  return () => `t${n++}`;
};

test('a snapshot packs each text once and unpacks equal, undo steps included', () => {
  const big = '😀 Anna met Bob in Kraków. '.repeat(1000);
  const a = session(big);
  const b = session(big, [{ start: 2, end: 6, text: 'Anna', label: 'PLACE' }]);
  const c = session('another text');
  const snapshot = { session: b, past: [a, c], future: [a], hidden: ['SET'], known: ['PERSON', 'SET'], draft: b.text };
  const ids = new Map();
  const newId = counter();
  const packed = packSnapshot(snapshot, ids, newId);
  const strings = (p) => [...p.texts.values()].filter((t) => typeof t === 'string').length;
  assert.equal(strings(packed), 2, 'the shared text is stored once');
  assert.equal(packed.texts.size, 2 + 3, "and each model's annotations once");
  assert.equal(packed.head.draft, null, 'a draft equal to the text is not stored again');
  assert.deepEqual(unpackSnapshot(structuredClone(packed.head), packed.texts), snapshot);
  // Saving again after a correction gives the text the same id: nothing new to write.
  const again = packSnapshot({ ...snapshot, past: [a, c, b] }, ids, newId);
  assert.deepEqual([...again.texts.keys()].sort(), [...packed.texts.keys()].sort());
  // A draft that differs is kept; texts no longer referred to are forgotten.
  const drafted = packSnapshot({ session: c, past: [], future: [], hidden: [], draft: 'typed 🎉' }, ids, newId);
  assert.equal(strings(drafted), 2);
  assert.equal(unpackSnapshot(drafted.head, drafted.texts).draft, 'typed 🎉');
  assert.equal(ids.has(big), false);
});

test("sessions that share a model's annotations store them once and share them again when unpacked", () => {
  const model = { reference_date: '2025-12-21', reference_date_source: 'given', annotations: [{ start: 0, end: 4, label: 'PERSON', text: 'Anna', source: 'model' }] };
  const a = { ...session('Anna met Bob.'), model };
  const b = { ...a, corrections: [{ start: 0, end: 4, text: 'Anna', label: null }] };
  const packed = packSnapshot({ session: b, past: [a], future: [], hidden: [], draft: a.text }, new Map(), counter());
  assert.equal(packed.texts.size, 2, 'one text, one list of annotations');
  assert.equal(typeof packed.head.present.model.annotations, 'string', 'the head refers to the list by id');
  const unpacked = unpackSnapshot(structuredClone(packed.head), packed.texts);
  assert.deepEqual(unpacked.session, b);
  assert.equal(unpacked.session.model, unpacked.past[0].model, 'one model object again');
  // A record of shape 1 (annotations inline) still unpacks.
  const old = { ...packed.head, shape: 1, present: { ...packed.head.present, model }, past: [{ ...packed.head.past[0], model }] };
  assert.deepEqual(unpackSnapshot(old, packed.texts).session, b);
});

test('a record keeps the labels its page knew; one from before shape 3 knew none of them', () => {
  const saved = packSnapshot({ session: session('Anna met Bob.'), past: [], future: [], hidden: ['SET'], known: ['PERSON', 'SET'], draft: 'Anna met Bob.' }, new Map(), counter());
  assert.deepEqual(unpackSnapshot(saved.head, saved.texts).known, ['PERSON', 'SET']);
  const { known, ...old } = saved.head;
  assert.equal(unpackSnapshot({ ...old, shape: 2 }, saved.texts).known, null);
  // A snapshot that does not say is not read as one whose page knew no label.
  const unsaid = packSnapshot({ session: session('x'), past: [], future: [], hidden: [], draft: 'x' }, new Map(), counter());
  assert.equal(unpackSnapshot(unsaid.head, unsaid.texts).known, null);
});

test('a damaged saved record is refused with a reason, never half restored', () => {
  const packed = packSnapshot({ session: session('x'), past: [], future: [], hidden: [], draft: 'x' }, new Map(), counter());
  const cases = [
    ['nothing', null, /not an object/],
    ['another shape', { ...packed.head, shape: 99 }, /shape 99/],
    ['a missing text', { ...packed.head, present: { ...packed.head.present, text: 'gone' } }, /text is missing/],
    ['no corrections', { ...packed.head, present: { ...packed.head.present, corrections: 'x' } }, /corrections/],
    ['no model', { ...packed.head, past: [{ ...packed.head.present, model: null }] }, /findings/],
    ['no undo list', { ...packed.head, past: undefined }, /undo/],
    ['a lost draft', { ...packed.head, draft: 'gone' }, /draft/],
  ];
  for (const [what, head, reason] of cases) assert.throws(() => unpackSnapshot(head, packed.texts), reason, what);
});

test('a session saved in localStorage by the earlier page migrates; garbage does not', () => {
  const s = session('Anna');
  assert.deepEqual(legacySnapshot(JSON.stringify({ session: s, hidden: ['SET'], draft: 'Anna edited' })), { session: s, past: [], future: [], hidden: ['SET'], draft: 'Anna edited' });
  for (const junk of [null, '{', '42', JSON.stringify({ session: { text: 1 }, hidden: [] }), JSON.stringify({ session: emptySession() })]) {
    assert.equal(legacySnapshot(junk), null, String(junk));
  }
});

/** A page state stand-in with subscribe and the fields the saver reads. */
function fakeState(initial) {
  const listeners = new Set();
  const state = {
    session: initial,
    steps: { past: [], future: [] },
    hidden: new Set(),
    draft: initial.text,
    subscribeSaved: (l) => (listeners.add(l), () => listeners.delete(l)),
    change(next) {
      state.session = next;
      state.draft = next.text;
      for (const l of listeners) l();
    },
  };
  return state;
}

/** Timers run by hand: advance(ms) fires what is due. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const due = new Map();
  return {
    setTimeout: (fn, ms) => (due.set(next, { at: now + ms, fn }), next++),
    clearTimeout: (id) => due.delete(id),
    advance(ms) {
      now += ms;
      for (const [id, t] of [...due].sort((x, y) => x[1].at - y[1].at)) {
        if (t.at <= now) {
          due.delete(id);
          t.fn();
        }
      }
    },
  };
}

/** A store whose save resolves or rejects as told; records what it was given. */
function fakeStore() {
  const store = {
    saves: [],
    failures: [],
    fail: null,
    counter: 0,
    async save(packed, expected) {
      await null;
      if (store.fail) throw store.fail;
      if (expected !== store.counter) throw Object.assign(new Error('another tab saved newer work'), { name: 'ConflictError' });
      store.counter++;
      store.saves.push(unpackSnapshot(structuredClone(packed.head), packed.texts).session.text);
      return { counter: store.counter, savedAt: 1000 + store.counter };
    },
    async noteFailure(after, reason) {
      store.failures.push({ after, reason });
    },
    has: () => false,
  };
  return store;
}

const settle = () => new Promise((r) => setImmediate(r));

test('a change is saved within the save delay; "saved" only once the save completed', async () => {
  const state = fakeState(session('one'));
  const store = fakeStore();
  const timers = fakeTimers();
  const statuses = [];
  keepSaved({ state, store, writer: 'tab', counter: 0, report: (s) => statuses.push(s.state), timers, page: null });
  state.change(session('two'));
  state.change(session('three'));
  assert.deepEqual(statuses, ['unsaved', 'unsaved']);
  timers.advance(SAVE_DELAY - 1);
  assert.deepEqual(store.saves, [], 'not before the delay');
  timers.advance(1);
  assert.equal(statuses.at(-1), 'saving', 'a save in flight is not yet "saved"');
  await settle();
  assert.deepEqual(store.saves, ['three'], 'two quick changes make one save of the latest');
  assert.equal(statuses.at(-1), 'saved');
});

test('a failed save keeps saying so, notes it, and retries until one succeeds', async () => {
  const state = fakeState(session('one'));
  const store = fakeStore();
  const timers = fakeTimers();
  const statuses = [];
  const notes = new Map();
  const storage = { setItem: (k, v) => notes.set(k, v), removeItem: (k) => notes.delete(k) };
  const saver = keepSaved({ state, store, writer: 'tab', counter: 0, report: (s) => statuses.push(s.state), notes: storage, timers, page: null });
  store.fail = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
  state.change(session('big paste'));
  await saver.flush();
  assert.equal(statuses.at(-1), 'failed');
  assert.deepEqual(store.failures, [{ after: 0, reason: 'the browser’s storage for this page is full' }]);
  assert.equal(JSON.parse(notes.get(FAILED_KEY)).after, 0, 'a reload can tell the saved copy is older than the work');
  state.change(session('more'));
  assert.equal(statuses.at(-1), 'failed', 'a new change does not hide the failure');
  store.fail = null;
  timers.advance(SAVE_DELAY);
  await settle();
  assert.equal(statuses.at(-1), 'saved');
  assert.deepEqual(store.saves, ['more']);
  assert.equal(notes.has(FAILED_KEY), false);
});

test('a save refused because another tab saved stops saving and says so', async () => {
  const state = fakeState(session('one'));
  const store = fakeStore();
  store.counter = 5;
  const statuses = [];
  const saver = keepSaved({ state, store, writer: 'tab', counter: 4, report: (s) => statuses.push(s.state), timers: fakeTimers(), page: null });
  state.change(session('stale'));
  await saver.flush();
  assert.equal(statuses.at(-1), 'conflict');
  assert.deepEqual(store.saves, []);
  state.change(session('later'));
  await saver.flush();
  assert.deepEqual(store.saves, [], 'nothing written over the other tab’s save');
});

test('text ids of a loaded state are reused', () => {
  assert.deepEqual([...textIds(new Map([['a', 'text A']]))], [['text A', 'a']]);
});
