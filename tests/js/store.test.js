import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saveSession, loadSession, clearSaved, STORAGE_KEY } from '../../www/js/store.js';
import { emptySession } from '../../www/js/session.js';

/** An in-memory localStorage; `quota` makes setItem throw like a full store. */
function memoryStorage(quota = Infinity) {
  const items = new Map();
  return {
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => {
      if (v.length > quota) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      items.set(k, v);
    },
    removeItem: (k) => items.delete(k),
  };
}

test('a saved session loads back equal, with the hidden labels', () => {
  const storage = memoryStorage();
  const session = { ...emptySession(), text: '😀 Anna', dateField: '2025-12-21', corrections: [{ start: 2, end: 6, text: 'Anna', label: 'PERSON' }] };
  assert.equal(saveSession(storage, session, ['SET']), null);
  assert.deepEqual(loadSession(storage), { session, hidden: ['SET'], draft: session.text });
  saveSession(storage, session, [], '😀 Anna edited');
  assert.equal(loadSession(storage).draft, '😀 Anna edited', 'an unannotated edit of the text survives too');
  clearSaved(storage);
  assert.equal(loadSession(storage), null);
});

test('nothing, garbage or a wrong shape in storage loads as null', () => {
  const storage = memoryStorage();
  assert.equal(loadSession(storage), null);
  for (const junk of ['{', '42', 'null', JSON.stringify({ session: { text: 1 }, hidden: [] }), JSON.stringify({ session: emptySession() })]) {
    storage.setItem(STORAGE_KEY, junk);
    assert.equal(loadSession(storage), null, junk);
  }
});

test('a full storage gives a message instead of an exception', () => {
  const message = saveSession(memoryStorage(10), { ...emptySession(), text: 'x'.repeat(100) }, []);
  assert.match(message, /QuotaExceededError.*export/);
});
