/**
 * Turns a rough mouse selection into a sensible annotation span: whole words,
 * no surrounding spaces, quotes or sentence punctuation, but keeping the
 * period of abbreviations and initials ("U.S.", "Dec.", "Jr.").
 * @module
 */

const WORD = /[\p{L}\p{N}\p{M}]/u;
/** Characters that join two word characters into one word: O'Neill, Martín-Ødegaard, U.S., AT&T. */
const JOINERS = new Set(["'", '\u2019', '-', '\u2010', '.', '&']);
const ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat', 'sun',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'st', 'jr', 'sr',
  'co', 'corp', 'inc', 'ltd', 'bros', 'mt', 'ft', 'ave', 'no', 'vs',
]);

/** The character (whole code point) ending at UTF-16 index i, or ''. */
function charBefore(text, i) {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1];
}

/** The character (whole code point) starting at UTF-16 index i, or ''. */
function charAt(text, i) {
  if (i >= text.length) return '';
  return String.fromCodePoint(text.codePointAt(i));
}

const isWord = (c) => c !== '' && WORD.test(c);

/**
 * Snaps [start, end) (UTF-16 indices) to whole words. Returns null when the
 * selection holds no word character.
 * @param {string} text
 * @param {number} start
 * @param {number} end
 * @returns {{start: number, end: number} | null}
 */
export function snapToWords(text, start, end) {
  if (end < start) [start, end] = [end, start];
  start = Math.max(0, start);
  end = Math.min(text.length, end);
  // Drop everything before the first and after the last word character.
  while (start < end && !isWord(charAt(text, start))) start += charAt(text, start).length;
  while (end > start && !isWord(charBefore(text, end))) end -= charBefore(text, end).length;
  if (start >= end) return null;
  // Grow outwards to whole words, across joiners between word characters.
  for (;;) {
    const c = charBefore(text, start);
    if (isWord(c)) start -= c.length;
    else if (JOINERS.has(c) && isWord(charBefore(text, start - 1))) start -= 1;
    else break;
  }
  for (;;) {
    const c = charAt(text, end);
    if (isWord(c)) end += c.length;
    else if (JOINERS.has(c) && isWord(charAt(text, end + 1))) end += 1;
    else break;
  }
  if (text[end] === '.' && keepsPeriod(text.slice(start, end))) end += 1;
  return { start, end };
}

/** True when the period after `span` belongs to it: initials, "U.S", "Dec". */
function keepsPeriod(span) {
  const last = span.split(/[\s\-\u2010]/u).pop() ?? '';
  if (last.includes('.')) return true; // U.S -> U.S.
  if (/^\p{Lu}$/u.test(last)) return true; // initial: "J"
  return ABBREVIATIONS.has(last.toLowerCase());
}
