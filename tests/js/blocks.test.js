// blocks.js: the article's blocks cover the text once, end after line
// breaks where they can, never inside an annotation or a surrogate pair.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockAt, splitBlocks } from '../../www/js/blocks.js';

/** Checks the invariants and returns the blocks' texts. */
function check(text, spans, size) {
  const blocks = splitBlocks(text, spans, size);
  let at = 0;
  for (const b of blocks) {
    assert.equal(b.from, at, 'blocks follow each other');
    assert.ok(b.to > b.from, 'no empty block');
    at = b.to;
    for (const s of spans) assert.ok(!(s.start < b.to && b.to < s.end), `block end ${b.to} inside annotation ${s.start}..${s.end}`);
    const c = text.charCodeAt(b.to);
    assert.ok(!(c >= 0xdc00 && c <= 0xdfff), 'no surrogate pair split');
  }
  assert.equal(at, text.length, 'the blocks cover the text');
  return blocks.map((b) => text.slice(b.from, b.to));
}

test('blocks end after a line break once long enough', () => {
  const text = 'one two\nthree four\nfive\nsix seven eight\n';
  assert.deepEqual(check(text, [], 6), ['one two\n', 'three four\n', 'five\nsix seven eight\n']);
  assert.deepEqual(check(text, [], 1000), [text]);
  assert.deepEqual(check('', [], 4), []);
});

test('a block never ends inside an annotation: it ends after it', () => {
  const text = 'Anna\nKarenina\nmet\nBob\n';
  // "Anna\nKarenina" is one annotation across a line break.
  const spans = [{ start: 0, end: 13 }];
  assert.deepEqual(check(text, spans, 3), ['Anna\nKarenina\n', 'met\n', 'Bob\n']);
});

test('without line breaks a block ends after a space, else anywhere but inside an emoji', () => {
  const words = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ');
  for (const part of check(words, [], 10).slice(0, -1)) assert.match(part, / $/);
  const emoji = '😀'.repeat(40);
  const parts = check(emoji, [], 7);
  assert.ok(parts.length > 1);
  for (const part of parts) assert.equal([...part].join(''), part);
  assert.equal(parts.join(''), emoji);
  // Cyrillic, CJK, RTL and combining marks, with an annotation over a run.
  const mixed = 'Київ 東京 שלום e\u0301te\u0301 '.repeat(30);
  check(mixed, [{ start: 5, end: 30 }, { start: 200, end: 260 }], 16);
});

test('blockAt finds the block of a UTF-16 index', () => {
  const blocks = splitBlocks('aa\nbb\ncc\n', [], 2);
  assert.deepEqual(
    [0, 2, 3, 5, 6, 8, 9].map((at) => blockAt(blocks, at)),
    [0, 0, 1, 1, 2, 2, 2],
  );
  assert.equal(blockAt([], 0), -1);
});
