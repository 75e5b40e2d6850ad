/**
 * Cuts a text, or one block of it, into the runs the article view renders:
 * plain text between annotations and one run per annotation, in UTF-16
 * indices, covering the text (or the block) exactly once.
 * @module
 */

import { offsetMap } from './offsets.js';

/**
 * @typedef {object} Segment
 * @property {number} start  UTF-16 index
 * @property {number} end    UTF-16 index, exclusive
 * @property {number} index  index of the annotation, or -1 for plain text
 */

/**
 * Segments `text` from `from` to `to` by `annotations` (code points,
 * sorted, not overlapping), starting with annotation `first`, the first
 * that ends after `from`. Throws when an annotation does not fit (out of
 * order, outside the text, across the end of the block), so a bug shows.
 * @param {string} text
 * @param {{start: number, end: number}[]} annotations
 * @param {{from?: number, to?: number, first?: number, map?: ReturnType<typeof offsetMap>}} [range]
 * @returns {Segment[]}
 */
export function segmentText(text, annotations, { from = 0, to = text.length, first = 0, map = offsetMap(text) } = {}) {
  const segments = [];
  let at = from;
  for (let index = first; index < annotations.length; index++) {
    const a = annotations[index];
    const start = map.toUtf16(a.start);
    if (start >= to) break;
    const end = map.toUtf16(a.end);
    if (start < at || end <= start || end > to) {
      throw new Error(`annotation ${index + 1} (${a.start}..${a.end}) is out of order or outside the text`);
    }
    if (start > at) segments.push({ start: at, end: start, index: -1 });
    segments.push({ start, end, index });
    at = end;
  }
  if (at < to) segments.push({ start: at, end: to, index: -1 });
  return segments;
}
