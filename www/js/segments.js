/**
 * Cuts a text into the runs the article view renders: plain text between
 * annotations and one run per annotation, in UTF-16 indices, covering the
 * whole text exactly once.
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
 * Segments `text` by `annotations` (gloss/1: code points, sorted, not
 * overlapping). Throws when an annotation does not fit, so a bug shows.
 * @param {string} text
 * @param {{start: number, end: number}[]} annotations
 * @returns {Segment[]}
 */
export function segmentText(text, annotations) {
  const map = offsetMap(text);
  const segments = [];
  let at = 0;
  annotations.forEach((a, index) => {
    const start = map.toUtf16(a.start);
    const end = map.toUtf16(a.end);
    if (start < at || end <= start) {
      throw new Error(`annotation ${index + 1} (${a.start}..${a.end}) is out of order or outside the text`);
    }
    if (start > at) segments.push({ start: at, end: start, index: -1 });
    segments.push({ start, end, index });
    at = end;
  });
  if (at < text.length) segments.push({ start: at, end: text.length, index: -1 });
  return segments;
}
