/**
 * How the page words things: quoted excerpts, counted nouns and the one-line
 * description of an annotation that marks, lists and the action bar share.
 * @module
 */

/** `text` in curly quotes, cut to about 60 characters. */
export const quote = (text) => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;

/** "1 annotation", "1,234 annotations". */
export const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * "Date · 2025-12-19 · found by Gloss, 90% sure".
 * @param {import('./corrections.js').Annotation} a
 * @param {import('./labels.js').Labels} labels
 */
export function describe(a, labels) {
  const parts = [labels.title(a.label)];
  if (a.value) parts.push(a.value);
  if (a.source === 'person') parts.push('corrected by you');
  else parts.push(a.confidence !== undefined ? `found by Gloss, ${Math.round(a.confidence * 100)}% sure` : 'found by Gloss');
  return parts.join(' · ');
}
