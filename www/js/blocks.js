/**
 * Cuts the article's text into the blocks the article view renders one by
 * one: runs of about BLOCK_SIZE UTF-16 units that end after a line break
 * (else after a space, else anywhere but inside a surrogate pair) and never
 * inside an annotation, so each mark lies in one block.
 * @module
 */

/** The length (UTF-16 units) a block grows to before it looks for a place to end. */
export const BLOCK_SIZE = 2048;

/**
 * @typedef {{from: number, to: number}} Range  UTF-16 indices, `to` exclusive
 */

const isLow = (text, i) => {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

/** The first place at or after `at` where a block may end: after a line break, else a space within reach, else `at`. */
function endAt(text, at, size) {
  const reach = Math.min(text.length, at + 4 * size);
  const line = text.indexOf('\n', at - 1);
  if (line >= 0 && line < reach) return line + 1;
  const space = text.slice(at - 1, reach).search(/\s/);
  if (space >= 0) return at + space;
  let cut = Math.min(reach, text.length);
  while (cut < text.length && isLow(text, cut)) cut++;
  return cut;
}

/**
 * The blocks of `text`, covering it exactly once, in order.
 * @param {string} text
 * @param {Range[]} spans  the annotations' UTF-16 spans, sorted, not overlapping
 * @param {number} [size]
 * @returns {Range[]}
 */
export function splitBlocks(text, spans, size = BLOCK_SIZE) {
  const blocks = [];
  let k = 0;
  let from = 0;
  while (from < text.length) {
    let to = from + size >= text.length ? text.length : endAt(text, from + size, size);
    for (;;) {
      while (k < spans.length && spans[k].end <= to) k++;
      if (k === spans.length || spans[k].start >= to || to >= text.length) break;
      // Inside an annotation: end after it instead.
      to = spans[k].end >= text.length ? text.length : endAt(text, spans[k].end, size);
    }
    blocks.push({ from, to });
    from = to;
  }
  return blocks;
}

/**
 * The index of the block holding UTF-16 index `at` (the last block for the
 * text's end), by binary search; -1 when there are no blocks.
 * @param {Range[]} blocks
 * @param {number} at
 */
export function blockAt(blocks, at) {
  let lo = 0;
  let hi = blocks.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (blocks[mid].from <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
