/**
 * Reads imported files into a Gloss document (of a format version the core
 * reads: core.formatsRead) or a clear reason why not,
 * as strictly as the CLI: refuses files over the size cap before reading
 * them, bytes that are not UTF-8 and JSON objects with a repeated key, then
 * lets the core's validator check everything the format promises. Files of
 * another tool (CoNLL, brat, doccano, W3C, spaCy, Label Studio: the core's
 * table says which) go to the core's importers, which tell the format and
 * check it. Every reason is a full sentence.
 * @module
 */

const DOCUMENT_FIELDS = new Set(['format', 'id', 'text', 'reference_date', 'reference_date_source', 'annotations', 'entities', 'edits']);
const ANNOTATION_FIELDS = new Set(['start', 'end', 'label', 'text', 'value', 'confidence', 'source', 'entity']);
/**
 * @typedef {object} GlossReader  what reading Gloss's own JSON needs of the core
 * @property {(value: unknown) => object|Promise<object>} validateDocument  throws (or rejects with) Error
 * @property {string} documentFormat  the format tag the core writes
 * @property {string[]} formatsRead  the format tags the core reads, oldest first (it checks each one's rules)
 */

/** "gloss/3" (or "gloss/2", "gloss/1"): the format expected, in words. */
function expected(core) {
  const older = core.formatsRead.filter((f) => f !== core.documentFormat).reverse();
  const or = older.length ? ` (or ${older.map((f) => JSON.stringify(f)).join(', ')})` : '';
  return `${JSON.stringify(core.documentFormat)}${or}`;
}

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

/** `text` ending with a full stop. */
export function fullStop(text) {
  const s = String(text).trim();
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/**
 * Decodes a file's bytes as UTF-8, refusing (not replacing) invalid bytes.
 * A leading byte-order mark is dropped.
 * @param {ArrayBuffer|Uint8Array} bytes
 * @returns {{text: string} | {error: string}}
 */
export function decodeImport(bytes) {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: 'The file is not UTF-8 text: it has bytes that are not valid UTF-8.' };
  }
}

/**
 * The first key that appears twice in one object of `json` (valid JSON
 * text), as a readable description, or null. JSON.parse keeps the last
 * value silently; the CLI refuses such documents, and so does the page.
 * @param {string} json
 */
export function duplicateKey(json) {
  /** Keys seen per open object; null for an open array. */
  const open = [];
  let expectKey = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22) {
      // A string: find its end, skipping escapes.
      let j = i + 1;
      while (json.charCodeAt(j) !== 0x22) j += json.charCodeAt(j) === 0x5c ? 2 : 1;
      const top = open[open.length - 1];
      if (expectKey && top) {
        const key = JSON.parse(json.slice(i, j + 1));
        if (top.has(key)) return JSON.stringify(key);
        top.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b) {
      open.push(new Set());
      expectKey = true;
    } else if (c === 0x5b) {
      open.push(null);
    } else if (c === 0x7d || c === 0x5d) {
      open.pop();
    } else if (c === 0x2c) {
      expectKey = open[open.length - 1] != null;
    }
  }
  return null;
}

/** A UTF-16 surrogate without its pair: JSON can write one ("\ud800"), Unicode text cannot hold one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when some string in `value` (keys included) holds a lone surrogate. */
function hasLoneSurrogate(value) {
  if (typeof value === 'string') return LONE_SURROGATE.test(value);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => LONE_SURROGATE.test(k) || hasLoneSurrogate(v));
}

/**
 * Parses and validates imported JSON text.
 * @param {string} text
 * @param {GlossReader} core
 * @returns {Promise<{document: object} | {error: string}>}
 */
export async function parseImport(text, core) {
  if (text.length > MAX_IMPORT_BYTES) return { error: sizeProblem(text.length) };
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `Not valid JSON: ${fullStop(e.message)}` };
  }
  const repeated = duplicateKey(text);
  if (repeated) return { error: `Not valid JSON for Gloss: the key ${repeated} appears twice in one object.` };
  if (hasLoneSurrogate(value)) return { error: 'Not valid JSON for Gloss: a string holds half of a UTF-16 surrogate pair (such as "\\ud800"), which is not Unicode text.' };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: `Not a Gloss document: expected a JSON object with "format": ${JSON.stringify(core.documentFormat)}.` };
  }
  if (!core.formatsRead.includes(value.format)) {
    return { error: `Not a Gloss document: "format" is ${JSON.stringify(value.format)}, expected ${expected(core)}.` };
  }
  const unknown = unknownField(value);
  if (unknown) return { error: `Not a valid Gloss document: unknown field ${unknown}.` };
  try {
    return { document: await core.validateDocument(value) };
  } catch (e) {
    const message = String(e?.message ?? e).replace(/^not a Gloss document: /, '');
    return { error: `Not a valid Gloss document: ${fullStop(message)}` };
  }
}

/** True when `bytes` start as a zip archive does ("PK\x03\x04"). */
function isZip(bytes) {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** True when `text` is Gloss's own JSON, or JSON too broken to tell: the strict path of parseImport. */
function isGlossJson(name, text) {
  try {
    const value = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) && 'format' in value;
  } catch {
    return /\.json$/i.test(name);
  }
}

/**
 * Reads the files the person picked (one file, or brat's .txt and .ann)
 * into one document.
 * @param {{name: string, bytes: Uint8Array}[]} files
 * @param {GlossReader & {importFiles: (files: object[], options: object) => Promise<{format: string, documents: object[], notes: string[]}>}} core
 * @param {{reference_date: string|null, today: string}} options  for formats that carry no reference date
 * @returns {Promise<{document: object, format: string, notes: string[]} | {error: string}>}
 */
export async function readImport(files, core, options) {
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
  const problem = sizeProblem(total, files.length === 1 ? 'The file' : 'Together the files');
  if (problem) return { error: problem };
  const texts = [];
  for (const file of files) {
    if (isZip(file.bytes)) continue;
    const decoded = decodeImport(file.bytes);
    if ('error' in decoded) return { error: files.length === 1 ? decoded.error : `${file.name}: ${decoded.error}` };
    texts.push(decoded.text);
  }
  if (files.length === 1 && texts.length === 1 && isGlossJson(files[0].name, texts[0])) {
    const result = await parseImport(texts[0], core);
    return 'error' in result ? result : { document: result.document, format: 'gloss', notes: [] };
  }
  let imported;
  try {
    imported = await core.importFiles(files, options);
  } catch (e) {
    return { error: fullStop(String(e?.message ?? e)) };
  }
  const count = imported.documents.length;
  if (count !== 1) {
    return { error: `The file holds ${count} documents; the page opens one at a time (gloss import on the command line converts them all).` };
  }
  return { document: imported.documents[0], format: imported.format, notes: imported.notes };
}
