// The autosave journal (www/js/journal.js) without a browser: what it
// holds, what a page takes from it (by revision, and never over another
// tab's later save), and the autosave writing it in the change's own task.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGET, JOURNAL_KEY, choose, dropJournal, journalTexts, readJournal, writeJournal } from '../../www/js/journal.js';
import { keepSaved } from '../../www/js/autosave.js';
import { packSnapshot, unpackSnapshot } from '../../www/js/store.js';
import { emptySession } from '../../www/js/session.js';

/** localStorage stand-in; `room` UTF-16 units in all. */
function storage(room = Infinity) {
  const items = new Map();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem(k, v) {
      if (v.length > room) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      items.set(k, v);
    },
    removeItem: (k) => items.delete(k),
  };
}

const session = (text, corrections = []) => ({ ...emptySession(), text, dateField: '2025-12-21', corrections });
const snapshot = (s, draft = s.text) => ({ session: s, past: [], future: [], hidden: [], known: null, draft });
const ids = () => {
  let n = 0;
  return () => `t${n++}`;
};

test('the journal holds the head and the texts the store lacks; a text too large is named as missing', () => {
  const notes = storage();
  const text = 'Анна met 北京 🎉 Zoë.';
  const packed = packSnapshot(snapshot(session(text), 'x'.repeat(BUDGET + 1)), new Map(), ids());
  const stored = new Set(['t1']); // the model's annotations
  assert.equal(writeJournal(notes, { rev: 7, writer: 'tab', base: 3, packed: { ...packed, head: { ...packed.head, rev: 7 } }, stored: (id) => stored.has(id) }), true);
  const j = readJournal(notes);
  assert.equal(j.rev, 7);
  assert.deepEqual(Object.values(j.texts), [text]);
  assert.deepEqual(j.missing, ['t2'], 'the draft did not fit');
  assert.equal(choose(undefined, new Map(), j), 'wait', 'a newer journal missing a text waits for the store');
});

test('a page takes the newer of store and journal, and never the journal over another tab’s later save', () => {
  const notes = storage();
  const s = session('Anna met Bob.', [{ start: 0, end: 4, text: 'Anna', label: 'PLACE' }]);
  const packed = packSnapshot(snapshot(s), new Map(), ids());
  const storedTexts = new Map([...packed.texts]);
  writeJournal(notes, { rev: 5, writer: 'A', base: 2, packed: { ...packed, head: { ...packed.head, rev: 5 } }, stored: () => true });
  const j = readJournal(notes);
  const table = [
    [{ rev: 4, writer: 'A', counter: 2 }, 'journal', 'the store has an older revision of the same tab'],
    [{ rev: 4, writer: 'A', counter: 3 }, 'journal', 'the same tab saved again, still older'],
    [{ rev: 5, writer: 'A', counter: 3 }, 'store', 'the store has this revision'],
    [{ rev: 9, writer: 'A', counter: 3 }, 'store', 'the store is newer'],
    [{ rev: 4, writer: 'B', counter: 3 }, 'store', 'another tab saved after the journal’s tab last saved'],
    [{ rev: 4, writer: 'B', counter: 2 }, 'journal', 'the store is the one the journal built on'],
    [undefined, 'journal', 'nothing stored yet'],
  ];
  for (const [head, expected, why] of table) assert.equal(choose(head, storedTexts, j), expected, why);
  assert.equal(choose({ rev: 4, writer: 'A', counter: 2 }, new Map(), j), 'wait', 'a text it names is in neither');
  assert.deepEqual(unpackSnapshot(j.head, journalTexts(storedTexts, j)).session, s);
  assert.equal(choose({ rev: 1 }, storedTexts, null), 'store');
  dropJournal(notes, 4);
  assert.notEqual(readJournal(notes), null, 'kept while no save has it');
  dropJournal(notes, 5);
  assert.equal(readJournal(notes), null);
});

test('a journal without room for its texts still notes the revision; an unreadable one is none', () => {
  const notes = storage(2000);
  const packed = packSnapshot(snapshot(session('y'.repeat(5000))), new Map(), ids());
  assert.equal(writeJournal(notes, { rev: 2, writer: 'tab', base: 0, packed, stored: () => false }), true);
  assert.equal(readJournal(notes).missing.length, 2);
  notes.setItem(JOURNAL_KEY, '{not json');
  assert.equal(readJournal(notes), null);
});

test('the autosave writes the journal in the task of each change, and drops it once a save has it all', async () => {
  const listeners = new Set();
  const state = { session: session('one'), steps: { past: [], future: [] }, hidden: new Set(), draft: 'one', subscribeSaved: (l) => (listeners.add(l), () => listeners.delete(l)) };
  const change = (text) => {
    state.session = session(text);
    state.draft = text;
    for (const l of listeners) l();
  };
  let release;
  const store = {
    saved: [],
    async save(packed) {
      await new Promise((r) => (release = r));
      store.saved.push(packed.head.rev);
      return { counter: store.saved.length, savedAt: 1 };
    },
    async noteFailure() {},
    has: () => false,
  };
  const notes = storage();
  const timers = { setTimeout: () => 1, clearTimeout: () => {} };
  const saver = keepSaved({ state, store, writer: 'tab', counter: 0, rev: 10, notes, report: () => {}, timers, page: null });
  change('two');
  const j = readJournal(notes);
  assert.equal(j.rev, 11, 'revisions go on from the one loaded');
  assert.equal(unpackSnapshot(j.head, journalTexts(new Map(), j)).session.text, 'two', 'noted before any save');
  const saving = saver.flush();
  change('three');
  assert.equal(readJournal(notes).rev, 12);
  release();
  await saving;
  assert.deepEqual(store.saved, [11]);
  assert.equal(readJournal(notes).rev, 12, 'a save of an older revision leaves the journal');
  const next = saver.flush();
  await new Promise((r) => setImmediate(r));
  release();
  await next;
  assert.deepEqual(store.saved, [11, 12]);
  assert.equal(readJournal(notes), null, 'dropped once saved');
});
