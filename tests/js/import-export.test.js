// Import validation (size cap, JSON, format, the core's checks), the
// export's byte-stable serialisation, and the format tags taken from the core.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_IMPORT_BYTES, decodeImport, duplicateKey, parseImport, sizeProblem } from '../../www/js/importer.js';
import { serializeDocument, exportFileName } from '../../www/js/exporter.js';
import { sessionFromDocument, documentOf } from '../../www/js/session.js';
import { labelTable } from '../../www/js/labels.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GOLDEN_DATE, ROOT, fixtures, loadCore, cliAnnotate } from './helpers.js';

const VALID = {
  format: 'gloss/1',
  text: '😀 Anna met Bob.',
  reference_date: GOLDEN_DATE,
  reference_date_source: 'given',
  annotations: [
    { start: 2, end: 6, label: 'PERSON', text: 'Anna', confidence: 0.5, source: 'model' },
    { start: 11, end: 14, label: 'PERSON', text: 'Bob', source: 'person' },
  ],
};
const withAnnotation = (patch) => ({ ...VALID, annotations: [{ ...VALID.annotations[0], ...patch }] });

test('malformed imports are refused with a message that says why', async () => {
  const pkg = await loadCore();
  const reader = { validateDocument: pkg.validateDocument, documentFormat: pkg.documentFormat(), formatsRead: pkg.formatsRead() };
  const cases = [
    // [what, file content, expected message part]
    ['invalid JSON', '{"format": "gloss/1",', /Not valid JSON/],
    ['not an object', '[1, 2]', /expected a JSON object/],
    ['another format', JSON.stringify({ ...VALID, format: 'gloss/4' }), /"gloss\/4", expected "gloss\/3"/],
    ['UTF-16 offsets instead of code points', JSON.stringify(withAnnotation({ start: 3, end: 7 })), /does not match/],
    ['offsets past the end', JSON.stringify(withAnnotation({ start: 11, end: 99, text: 'Bob.' })), /past the end/],
    ['start after end', JSON.stringify(withAnnotation({ start: 6, end: 2 })), /less than end/],
    ['wrong type', JSON.stringify(withAnnotation({ start: '2' })), /Not a valid Gloss document/],
    ['unknown label', JSON.stringify(withAnnotation({ label: 'ANIMAL' })), /ANIMAL/],
    ['unknown field', JSON.stringify({ ...VALID, colour: 'red' }), /unknown field "colour"/],
    ['unknown annotation field', JSON.stringify(withAnnotation({ note: 'x' })), /"note" in annotation 1/],
    ['overlap', JSON.stringify({ ...VALID, annotations: [VALID.annotations[0], { ...VALID.annotations[0], source: 'person' }] }), /overlaps/],
    ['value on a name', JSON.stringify(withAnnotation({ value: '2025' })), /value/],
    ['bad reference date', JSON.stringify({ ...VALID, reference_date: '2025-13-01' }), /reference_date/],
    ['missing field', JSON.stringify({ format: 'gloss/1', text: 'x' }), /Not a valid Gloss document/],
    ['a repeated key', JSON.stringify(VALID).replace('"text":', '"text":"other","text":'), /key "text" appears twice/],
    ['a lone surrogate', JSON.stringify(VALID).replace('Anna met', 'Anna\\ud800met'), /half of a UTF-16 surrogate pair/],
    ['a repeated annotation key', JSON.stringify(withAnnotation({})).replace('"label":', '"label":"PLACE","label":'), /key "label" appears twice/],
  ];
  for (const [what, content, expected] of cases) {
    const result = await parseImport(content, reader);
    assert.equal(result.document, undefined, what);
    assert.match(result.error, expected, what);
    assert.match(result.error, /[^.]\.$/, `${what}: the message is a sentence ending with a full stop`);
  }
  assert.deepEqual(await parseImport(JSON.stringify(VALID), reader), { document: VALID });
});

test('duplicate keys are found in any object, and only there', () => {
  const cases = [
    ['{"a":1,"b":2}', null],
    ['{"a":1,"a":2}', '"a"'],
    ['{"a":{"b":1},"b":2}', null],
    ['{"a":[{"x":1},{"x":2}]}', null],
    ['{"a":[{"x":1,"x":2}]}', '"x"'],
    ['{"k":"a\\"b","a\\"b":1,"a\\"b":2}', '"a\\"b"'],
    ['{"\\u0061":1,"a":2}', '"a"'],
    ['{"v":"{\\"a\\":1,\\"a\\":2}"}', null],
    [' { "a" : 1 , "a" : 2 } ', '"a"'],
  ];
  for (const [json, expected] of cases) {
    JSON.parse(json);
    assert.equal(duplicateKey(json), expected, json);
  }
});

test('bytes that are not UTF-8 are refused, not replaced; a BOM is dropped', () => {
  assert.deepEqual(decodeImport(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d])), { error: 'The file is not UTF-8 text: it has bytes that are not valid UTF-8.' });
  assert.deepEqual(decodeImport(new Uint8Array([0xed, 0xa0, 0x80])), { error: 'The file is not UTF-8 text: it has bytes that are not valid UTF-8.' }, 'an encoded surrogate');
  assert.deepEqual(decodeImport(new TextEncoder().encode('\ufeff{"a":"😀"}')), { text: '{"a":"😀"}' });
});

test('files over 10 MB are refused before reading, and the message says the limit', () => {
  assert.equal(MAX_IMPORT_BYTES, 10 * 1024 * 1024);
  assert.match(sizeProblem(50 * 1024 * 1024), /50\.0 MB.*up to 10 MB/);
  assert.match(sizeProblem(0), /empty/);
  assert.equal(sizeProblem(MAX_IMPORT_BYTES), null);
  assert.equal(sizeProblem(1234), null);
});

test('export → import → export is byte-identical, for every fixture and a corrected document', async () => {
  const { validateDocument, annotate, labels, linkEntities, documentFormat, formatsRead } = await loadCore();
  const docs = fixtures().map((f) => cliAnnotate(f.file, GOLDEN_DATE).doc);
  docs.push(linkEntities(VALID).document);
  for (const doc of docs) {
    const first = serializeDocument(doc);
    const { document } = await parseImport(first, { validateDocument, documentFormat: documentFormat(), formatsRead: formatsRead() });
    const session = sessionFromDocument(document, annotate(document.text, { reference_date: document.reference_date, today: GOLDEN_DATE }).annotations);
    assert.equal(serializeDocument(documentOf(session, labelTable(labels()), documentFormat(), linkEntities)), first, doc.text.slice(0, 30));
  }
});

test('the export has the CLI JSON shape: pretty, newline-terminated, fields in format order', () => {
  const f = fixtures().find((x) => x.name === 'unicode-mix.txt');
  const { raw, doc } = cliAnnotate(f.file, GOLDEN_DATE);
  const shuffled = { entities: doc.entities, annotations: doc.annotations.map((a) => ({ source: a.source, ...a })), text: doc.text, reference_date_source: doc.reference_date_source, reference_date: doc.reference_date, format: doc.format };
  const text = serializeDocument(shuffled);
  assert.deepEqual(JSON.parse(text), doc);
  assert.ok(text.endsWith('}\n'));
  // Same bytes as the CLI except that JSON.stringify writes 1 where serde writes 1.0.
  assert.equal(text, raw.replace(/(\d)\.0([,\n])/g, '$1$2'));
  assert.equal(exportFileName(doc, 'json'), `gloss-zoe-martin-degaard-arrived-in-${GOLDEN_DATE}.json`);
});

test("the format tags come from the core only: the page's code names none, and the schema's is the core's", async () => {
  const { documentFormat, formatsRead } = await loadCore();
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/gloss-document.schema.json'), 'utf8'));
  assert.equal(documentFormat(), schema.properties.format.const);
  assert.equal(formatsRead().at(-1), documentFormat(), 'the tag written is read back');
  assert.ok(formatsRead().length > 1, 'older versions are read too');
  // A tag in a string of the page's code (comments aside) would be a second list.
  for (const file of readdirSync(path.join(ROOT, 'www/js'))) {
    const code = readFileSync(path.join(ROOT, 'www/js', file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    assert.doesNotMatch(code, /['"`]gloss\/\d/, `www/js/${file} names a format tag`);
  }
});
