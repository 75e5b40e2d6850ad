/**
 * Reads an imported file into a gloss/2 (or gloss/1) document or a clear reason why not:
 * refuses files over the size cap before reading them, then parses JSON, then
 * lets the core's validator check everything the format promises.
 * @module
 */

const DOCUMENT_FIELDS = new Set(['format', 'text', 'reference_date', 'reference_date_source', 'annotations', 'entities', 'edits']);
const ANNOTATION_FIELDS = new Set(['start', 'end', 'label', 'text', 'value', 'confidence', 'source', 'entity']);
/** The format versions Import reads (the core checks each one's rules). */
const FORMATS = ['gloss/1', 'gloss/2'];

/**
 * The first field the format does not define, as a readable path, or null.
 * (Checked here because the wasm binding reads objects field by field and
 * would silently ignore extra ones.)
 */
function unknownField(doc) {
  const extra = Object.keys(doc).find((k) => !DOCUMENT_FIELDS.has(k));
  if (extra !== undefined) return JSON.stringify(extra);
  if (!Array.isArray(doc.annotations)) return null;
  for (const [n, a] of doc.annotations.entries()) {
    if (a === null || typeof a !== 'object') continue;
    const bad = Object.keys(a).find((k) => !ANNOTATION_FIELDS.has(k));
    if (bad !== undefined) return `${JSON.stringify(bad)} in annotation ${n + 1}`;
  }
  return null;
}

/** The largest file Import reads: 10 MB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * Why a file of `size` bytes is refused, or null when it may be read.
 * @param {number} size
 * @param {string} [name]
 */
export function sizeProblem(size, name = 'The file') {
  if (size > MAX_IMPORT_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    return `${name} is ${mb} MB; Gloss imports documents up to 10 MB.`;
  }
  if (size === 0) return `${name} is empty.`;
  return null;
}

/**
 * Parses and validates imported JSON text.
 * @param {string} text
 * @param {(value: unknown) => object} validateDocument  the core's validator; throws Error
 * @returns {{document: object} | {error: string}}
 */
export function parseImport(text, validateDocument) {
  if (text.length > MAX_IMPORT_BYTES) return { error: sizeProblem(text.length) };
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `Not valid JSON: ${e.message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: 'Not a Gloss document: expected a JSON object with "format": "gloss/2".' };
  }
  if (!FORMATS.includes(value.format)) {
    return { error: `Not a Gloss document: "format" is ${JSON.stringify(value.format)}, expected "gloss/2" (or "gloss/1").` };
  }
  const unknown = unknownField(value);
  if (unknown) return { error: `Not a valid Gloss document: unknown field ${unknown}.` };
  try {
    return { document: validateDocument(value) };
  } catch (e) {
    const message = String(e?.message ?? e).replace(/^not a Gloss document: /, '');
    return { error: `Not a valid Gloss document: ${message}` };
  }
}
