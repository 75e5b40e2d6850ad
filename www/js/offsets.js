/**
 * Converts between the two ways of counting positions in a text: Unicode code
 * points (the export format, Python string indices) and UTF-16 code
 * units (JavaScript string indices, the DOM). Every conversion in the page
 * goes through this module.
 * @module
 */

/** A surrogate pair: one astral character, two UTF-16 units (no `u` flag: the expression matches units). */
const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/**
 * Builds a two-way offset map for `text`.
 * For texts without astral characters (the usual case) both units agree and
 * the map is the identity; otherwise it keeps a table of UTF-16 starts.
 * @param {string} text
 */
export function offsetMap(text) {
  /** @type {Uint32Array | null} utf16Starts[cp] = UTF-16 index of code point cp; last entry = text.length */
  let utf16Starts = null;
  let codePoints = text.length;
  // The regular expression finds an astral character far faster than a loop over the text.
  if (ASTRAL.test(text)) {
    utf16Starts = buildTable(text);
    codePoints = utf16Starts.length - 1;
  }
  return {
    /** Length of the text in code points. */
    codePoints,
    /** Length of the text in UTF-16 code units. */
    utf16Length: text.length,
    /**
     * UTF-16 index of a code-point offset (0..=codePoints), or -1 when out of range.
     * @param {number} cp
     */
    toUtf16(cp) {
      if (!Number.isInteger(cp) || cp < 0 || cp > codePoints) return -1;
      return utf16Starts ? utf16Starts[cp] : cp;
    },
    /**
     * Code-point offset of a UTF-16 index (0..=length), or -1 when out of range.
     * An index in the middle of a surrogate pair counts as the start of that
     * character (it rounds down), so a selection never splits an emoji.
     * @param {number} unit
     */
    toCodePoint(unit) {
      if (!Number.isInteger(unit) || unit < 0 || unit > text.length) return -1;
      if (!utf16Starts) return unit;
      let lo = 0;
      let hi = utf16Starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (utf16Starts[mid] <= unit) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}

/** The length of `text` in code points, without making a list of them. */
export function codePointLength(text) {
  let n = text.length;
  if (!ASTRAL.test(text)) return n;
  for (let i = 0; i < text.length - 1; i++) {
    if (isHighSurrogatePair(text, i)) {
      n--;
      i++;
    }
  }
  return n;
}

/** True when text[i] and text[i + 1] form one astral character. */
function isHighSurrogatePair(text, i) {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

function buildTable(text) {
  // One typed array written in place: a 5 MB text has millions of entries.
  const starts = new Uint32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    starts[n++] = i;
    if (isHighSurrogatePair(text, i)) i++;
  }
  starts[n] = text.length;
  return starts.subarray(0, n + 1);
}

/**
 * Converts the export's annotations (code points) to UTF-16 spans for display.
 * Returns null when an annotation does not fit the text.
 * @param {string} text
 * @param {{start: number, end: number}[]} annotations
 * @returns {{start: number, end: number}[] | null}
 */
export function annotationSpansUtf16(text, annotations) {
  const map = offsetMap(text);
  const spans = [];
  for (const a of annotations) {
    const start = map.toUtf16(a.start);
    const end = map.toUtf16(a.end);
    if (start < 0 || end < 0) return null;
    spans.push({ start, end });
  }
  return spans;
}
