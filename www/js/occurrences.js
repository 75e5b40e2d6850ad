/**
 * "Label all occurrences": the other places in a text where a mention's
 * exact string stands as whole words and nothing is annotated yet, as the
 * corrections that would label them.
 * @module
 */

import { offsetMap } from './offsets.js';

const WORD_AT_END = /[\p{L}\p{N}\p{M}_]$/u;
const WORD_AT_START = /^[\p{L}\p{N}\p{M}_]/u;

// The Entities view asks once per entity string, always about the same text:
// its offset map is made once, not once per question.
let mapped = { text: '', map: offsetMap('') };
function mapOf(text) {
  if (mapped.text !== text) mapped = { text, map: offsetMap(text) };
  return mapped.map;
}

/** True when some annotation (sorted, not overlapping) overlaps start..end: a binary search. */
function overlapsAny(annotations, start, end) {
  let lo = 0;
  let hi = annotations.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (annotations[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < annotations.length && annotations[lo].start < end;
}

/**
 * @param {string} text
 * @param {import('./corrections.js').Annotation[]} annotations  sorted, code points
 * @param {{text: string, label: string}} mention
 * @returns {import('./corrections.js').Correction[]}  code points, in text order
 */
export function unlabelledOccurrences(text, annotations, mention) {
  const needle = mention.text;
  if (needle === '') return [];
  const map = mapOf(text);
  const out = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const endAt = at + needle.length;
    // Whole words: no letter or digit right before or after ("U.S." is not in "U.S.A").
    if (WORD_AT_END.test(text.slice(Math.max(0, at - 2), at)) || WORD_AT_START.test(text.slice(endAt, endAt + 2))) continue;
    const start = map.toCodePoint(at);
    const end = map.toCodePoint(endAt);
    if (overlapsAny(annotations, start, end)) continue;
    out.push({ start, end, text: needle, label: mention.label });
  }
  return out;
}
