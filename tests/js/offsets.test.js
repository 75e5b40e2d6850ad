import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { offsetMap, annotationSpansUtf16 } from '../../www/js/offsets.js';

/** The table the Rust twin (gloss::span::utf16_offset, tests/offsets.rs) is checked against too. */
const SHARED = JSON.parse(readFileSync(new URL('../offset-cases.json', import.meta.url), 'utf8'));

test('every pair of the shared offset table converts both ways', () => {
  assert.ok(SHARED.cases.length >= 10);
  for (const { what, text, offsets } of SHARED.cases) {
    const map = offsetMap(text);
    assert.equal(offsets.length, map.codePoints + 1, `${what}: one pair per position`);
    for (const [cp, unit] of offsets) {
      assert.equal(map.toUtf16(cp), unit, `${what}: code point ${cp}`);
      assert.equal(map.toCodePoint(unit), cp, `${what}: UTF-16 index ${unit}`);
    }
  }
});

/** Code-point offset of the first occurrence of `needle`, the way Python counts. */
const cpIndex = (text, needle) => [...text.slice(0, text.indexOf(needle))].length;

const CASES = [
  // [description, text, name whose offsets are checked]
  ['emoji before a name', '🎉 Zoë arrived', 'Zoë'],
  ['skin-tone emoji (two astral code points) before a name', '👍🏽 Anna', 'Anna'],
  ['combining marks (e + U+0301) count as separate code points', 'Cafe\u0301 owner Zoe\u0308 Ng', 'Ng'],
  ['Cyrillic is one UTF-16 unit per letter', 'Володимир Зеленський met Olena', 'Olena'],
  ['CJK', '東京 and 北京 met 𠮷野 Taro', 'Taro'],
  ['curly quotes and dashes', '“finally,” she said — Kraków', 'Kraków'],
  ['no astral characters: identity', 'Paris on Friday', 'Friday'],
];

test('code point offsets map to the UTF-16 index of the same character', () => {
  for (const [what, text, name] of CASES) {
    const map = offsetMap(text);
    const cp = cpIndex(text, name);
    const unit = map.toUtf16(cp);
    assert.equal(text.slice(unit, unit + name.length), name, what);
    assert.equal(map.toCodePoint(unit), cp, what);
    assert.equal(map.codePoints, [...text].length, what);
    assert.equal(map.toUtf16(map.codePoints), text.length, `${what}: end of text`);
  }
});

test('an emoji shifts UTF-16 indices by one per emoji, code points by none', () => {
  const text = '😀😀 Bob';
  const map = offsetMap(text);
  assert.equal(map.toUtf16(3), 5);
  assert.equal(map.toCodePoint(5), 3);
});

test('a UTF-16 index inside a surrogate pair rounds down to the character start', () => {
  const map = offsetMap('a😀b');
  assert.equal(map.toCodePoint(2), 1);
  assert.equal(map.toCodePoint(3), 2);
});

test('out-of-range and non-integer offsets are refused with -1', () => {
  const map = offsetMap('😀 ab');
  for (const bad of [-1, 5, 1.5, NaN]) assert.equal(map.toUtf16(bad), -1, String(bad));
  for (const bad of [-1, 6, 0.5]) assert.equal(map.toCodePoint(bad), -1, String(bad));
});

test('property: round trip over random strings with astral characters', () => {
  const alphabet = ['a', 'é', 'e\u0301', 'Ж', '東', '😀', '👍🏽', '𠮷', ' ', '“', '\n'];
  let seed = 12345;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 300; round++) {
    let text = '';
    const length = random(20);
    for (let i = 0; i < length; i++) text += alphabet[random(alphabet.length)];
    const map = offsetMap(text);
    const points = [...text];
    let unit = 0;
    for (let cp = 0; cp <= points.length; cp++) {
      assert.equal(map.toUtf16(cp), unit, JSON.stringify(text));
      assert.equal(map.toCodePoint(unit), cp, JSON.stringify(text));
      unit += points[cp]?.length ?? 0;
    }
  }
});

test('annotation spans convert as a whole, or null when one runs past the text', () => {
  const text = '🎉 Zoë in Kraków';
  assert.deepEqual(annotationSpansUtf16(text, [{ start: 2, end: 5 }, { start: 9, end: 15 }]), [
    { start: 3, end: 6 },
    { start: 10, end: 16 },
  ]);
  assert.equal(annotationSpansUtf16(text, [{ start: 9, end: 16 }]), null);
});
