/**
 * "Label all occurrences": the other places in a text where a mention's
 * exact string stands as whole words and nothing is annotated yet, as the
 * corrections that would label them.
 * @module
 */

import { offsetMap } from './offsets.js';

const WORD_AT_END = /[\p{L}\p{N}\p{M}_]$/u;
const WORD_AT_START = /^[\p{L}\p{N}\p{M}_]/u;

/**
 * @param {string} text
 * @param {import('./corrections.js').Annotation[]} annotations  sorted, code points
 * @param {{text: string, label: string}} mention
 * @returns {import('./corrections.js').Correction[]}  code points, in text order
 */
export function unlabelledOccurrences(text, annotations, mention) {
  const needle = mention.text;
  if (needle === '') return [];
  const map = offsetMap(text);
  const out = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const endAt = at + needle.length;
    // Whole words: no letter or digit right before or after ("U.S." is not in "U.S.A").
    if (WORD_AT_END.test(text.slice(Math.max(0, at - 2), at)) || WORD_AT_START.test(text.slice(endAt, endAt + 2))) continue;
    const start = map.toCodePoint(at);
    const end = map.toCodePoint(endAt);
    if (annotations.some((a) => a.start < end && start < a.end)) continue;
    out.push({ start, end, text: needle, label: mention.label });
  }
  return out;
}
