import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHistory } from '../../www/js/history.js';

test('undo and redo walk back and forth; a new change clears redo', () => {
  const h = createHistory('a');
  h.push('b');
  h.push('c');
  assert.equal(h.undo(), 'b');
  assert.equal(h.undo(), 'a');
  assert.equal(h.undo(), undefined);
  assert.equal(h.present, 'a');
  assert.equal(h.redo(), 'b');
  h.push('x');
  assert.equal(h.canRedo, false);
  assert.equal(h.redo(), undefined);
  assert.equal(h.undo(), 'b');
});

test('pushing the same state adds no undo step; reset forgets history; limit bounds it', () => {
  const h = createHistory('a', 2);
  h.push('a');
  assert.equal(h.canUndo, false);
  h.push('b');
  h.push('c');
  h.push('d');
  assert.equal(h.undo(), 'c');
  assert.equal(h.undo(), 'b');
  assert.equal(h.canUndo, false, 'only 2 past states kept');
  h.reset('z');
  assert.equal(h.present, 'z');
  assert.equal(h.canUndo || h.canRedo, false);
});
