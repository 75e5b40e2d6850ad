import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snapToWords } from '../../www/js/snap.js';

/** Selects `rough` (its first occurrence) in `text` and returns what the snap keeps. */
function snapped(text, rough, offset = 0) {
  const start = text.indexOf(rough) + offset;
  const span = snapToWords(text, start, start + rough.length - offset);
  return span && text.slice(span.start, span.end);
}

test('selections snap to whole words', () => {
  const cases = [
    // [text, rough selection, expected annotation text]
    ['Mayor Linda Okafor said', 'nda Oka', 'Linda Okafor'],
    ['Mayor Linda Okafor said', ' Linda ', 'Linda'],
    ['He met “Zoë Martín-Ødegaard,” she said', '“Zoë Martín-Ødegaard,”', 'Zoë Martín-Ødegaard'],
    ['He met Zoë Martín-Ødegaard today', 'Martín', 'Martín-Ødegaard'],
    ['talks with Sean O’Neill ended', 'O’Ne', 'O’Neill'],
    ['the U.S. envoy', 'U.S', 'U.S.'],
    ['GENEVA, Dec. 19 (Gloss Wire)', 'Dec', 'Dec.'],
    ['arrived in Geneva. Then', 'Geneva.', 'Geneva'],
    ['(Gloss Wire) said', '(Gloss Wire)', 'Gloss Wire'],
    ['🎉 Zoë arrived', '🎉 Zo', 'Zoë'],
    ['Володимир Зеленський met', 'лодимир Зеленс', 'Володимир Зеленський'],
    ['東京 and 北京', '東', '東京'],
    ['on 5 December 2025 —', '5 Decem', '5 December'],
    ['AT&T said', 'AT', 'AT&T'],
  ];
  for (const [text, rough, expected] of cases) assert.equal(snapped(text, rough), expected, `${rough} in ${text}`);
});

test('selections with no word character give nothing (false positives)', () => {
  for (const [text, rough] of [
    ['Anna — Bob', ' — '],
    ['“quoted”', '“'],
    ['a  b', '  '],
    ['emoji 😀 only', '😀'],
  ]) {
    assert.equal(snapped(text, rough), null, JSON.stringify(rough));
  }
  assert.equal(snapToWords('', 0, 0), null);
});

test('a backwards selection (focus before anchor) snaps the same way', () => {
  const text = 'Mayor Linda Okafor said';
  assert.deepEqual(snapToWords(text, 14, 8), snapToWords(text, 8, 14));
});
