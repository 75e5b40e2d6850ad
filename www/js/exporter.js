/**
 * Writes a gloss/3 document as JSON text: fields in the format's order,
 * two-space indentation and a final newline, like `gloss annotate FILE`.
 * Exporting the same document twice gives the same bytes.
 * @module
 */

import { makeAnnotation } from './corrections.js';

/**
 * @param {{format: string, text: string, reference_date: string, reference_date_source: string, annotations: object[], entities?: object[], edits?: object[]}} doc
 * @returns {string}
 */
export function serializeDocument(doc) {
  const ordered = {
    format: doc.format,
    text: doc.text,
    reference_date: doc.reference_date,
    reference_date_source: doc.reference_date_source,
    annotations: doc.annotations.map((a) => makeAnnotation(a)),
  };
  // Like the core: `entities` and `edits` only when there are any, `edits` only when any.
  if (doc.entities?.length) ordered.entities = doc.entities;
  if (doc.edits?.length) ordered.edits = doc.edits;
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * The file name Export suggests: gloss-<first words>-<reference date>.<extension>,
 * the extension from the core's format table.
 */
export function exportFileName(doc, extension) {
  const words = doc.text
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .split(/\s+/u)
    .slice(0, 4)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `gloss-${words || 'document'}${doc.reference_date ? `-${doc.reference_date}` : ''}.${extension}`;
}
