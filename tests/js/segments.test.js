import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentText } from '../../www/js/segments.js';

test('segments cover the text exactly once, marks at the annotations (UTF-16)', () => {
  const text = '😀 Anna met Bob.';
  const segments = segmentText(text, [
    { start: 2, end: 6 },
    { start: 11, end: 14 },
  ]);
  assert.deepEqual(
    segments.map((s) => [text.slice(s.start, s.end), s.index]),
    [
      ['😀 ', -1],
      ['Anna', 0],
      [' met ', -1],
      ['Bob', 1],
      ['.', -1],
    ],
  );
});

test('adjacent annotations and annotations at both ends leave no empty segments', () => {
  const text = 'AnnaBob';
  const segments = segmentText(text, [
    { start: 0, end: 4 },
    { start: 4, end: 7 },
  ]);
  assert.deepEqual(segments, [
    { start: 0, end: 4, index: 0 },
    { start: 4, end: 7, index: 1 },
  ]);
  assert.deepEqual(segmentText('', []), []);
  assert.deepEqual(segmentText('plain', []), [{ start: 0, end: 5, index: -1 }]);
});

test('overlapping, unsorted or out-of-text annotations throw', () => {
  for (const bad of [
    [{ start: 0, end: 4 }, { start: 2, end: 6 }],
    [{ start: 4, end: 6 }, { start: 0, end: 2 }],
    [{ start: 3, end: 3 }],
    [{ start: 0, end: 99 }],
  ]) {
    assert.throws(() => segmentText('Anna met Bob', bad), /annotation/);
  }
});
