// The built core's importFiles as the page calls it: every importable
// format's export → import → export gives the same file on the golden
// documents (emoji, combining marks, Cyrillic, CJK); other tools' files in
// tests/imports/ give what the native importer gives (their .expected.json);
// readImport refuses malformed files with a sentence, and files of several
// documents.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readImport } from '../../www/js/importer.js';
import { GOLDEN_DATE, ROOT, loadCore } from './helpers.js';

const OPTIONS = { reference_date: GOLDEN_DATE, today: '2026-01-02' };
const GOLDEN = path.join(ROOT, 'tests/golden');
const IMPORTS = path.join(ROOT, 'tests/imports');
const bytesOf = (content) => (typeof content === 'string' ? new TextEncoder().encode(content) : content);

test('every importable format round-trips through the wasm core', async () => {
  const core = await loadCore();
  const formats = core.formats().filter((f) => f.import_extensions.length > 0 && f.name !== 'gloss');
  assert.equal(formats.length, 7);
  const docs = readdirSync(GOLDEN).filter((f) => f.endsWith('.json')).sort();
  assert.ok(docs.length >= 5);
  for (const name of docs) {
    const doc = JSON.parse(readFileSync(path.join(GOLDEN, name), 'utf8'));
    for (const format of formats) {
      const first = core.exportAs(doc, format.name);
      assert.equal(first instanceof Uint8Array, format.binary, `${name} ${format.name}`);
      const files = [{ name: `a.${format.extension}`, bytes: bytesOf(first) }];
      if (format.import_extensions.includes('txt')) files.push({ name: 'a.txt', bytes: bytesOf(doc.text) });
      const imported = core.importFiles(files, OPTIONS);
      assert.equal(imported.format, format.name, `${name}: told the format from the files`);
      assert.equal(imported.documents.length, 1);
      assert.deepEqual(imported.notes, []);
      assert.deepEqual(core.exportAs(imported.documents[0], format.name), first, `${name} as ${format.name}`);
    }
  }
});

test("other tools' files import in the page as natively", async () => {
  const core = await loadCore();
  const names = readdirSync(IMPORTS);
  const stems = [...new Set(names.filter((n) => !n.endsWith('.expected.json')).map((n) => n.split('.')[0]))];
  assert.ok(stems.length >= 7);
  for (const stem of stems) {
    const files = names
      .filter((n) => n.startsWith(`${stem}.`) && !n.endsWith('.expected.json'))
      .sort()
      .map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(path.join(IMPORTS, n))) }));
    const expected = JSON.parse(readFileSync(path.join(IMPORTS, `${stem}.expected.json`), 'utf8'));
    const imported = core.importFiles(files, OPTIONS);
    assert.equal(imported.format, expected.format, stem);
    assert.deepEqual(imported.notes, expected.notes, stem);
    assert.deepEqual(imported.documents, expected.documents, stem);
  }
});

test('readImport: one document, or a sentence that says why not', async () => {
  const pkg = await loadCore();
  const core = { validateDocument: pkg.validateDocument, importFiles: pkg.importFiles };
  const file = (name, content) => ({ name, bytes: bytesOf(content) });
  const ok = await readImport([file('a.ann', 'T1\tPER 2 6\tZoe\u0308\n'), file('a.txt', '😀 Zoe\u0308 met Anna.')], core, OPTIONS);
  assert.equal(ok.format, 'brat');
  assert.deepEqual(ok.document.annotations.map((a) => [a.start, a.end, a.label, a.text]), [[2, 6, 'PERSON', 'Zoe\u0308']]);
  const cases = [
    [[file('a.ann', 'T1\tPER 2 6\tZoë\n')], /a\.ann: Its text is missing/],
    [[file('a.conll', 'Zoë\tB-PER\nmet\n')], /a\.conll, line 2: The line "met" has no tag/],
    [[file('a.jsonl', '{"text": "a", "label": []}\n{"text": "b", "label": []}\n')], /holds 2 documents; the page opens one at a time/],
    [[file('a.conll', new Uint8Array([0x5a, 0xff, 0x0a]))], /not UTF-8/],
    [[file('a.json', '{"format": "gloss/2",')], /Not valid JSON/],
    [[file('notes.md', '# notes')], /cannot tell the format of notes\.md from its name and content\./],
    [[file('article.txt', 'Kyiv, Dec. 5.')], /a \.txt alone is plain text/],
  ];
  for (const [files, expected] of cases) {
    const result = await readImport(files, core, OPTIONS);
    assert.equal(result.document, undefined, files[0].name);
    assert.match(result.error, expected);
    assert.match(result.error, /[^.]\.$/, 'a sentence ending with a full stop');
  }
});
