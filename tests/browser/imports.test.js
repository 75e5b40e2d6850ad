// Import of other tools' files in the real page: each importable format's
// file (brat as its .txt and .ann picked together, and as their zip) is
// imported with the Import button, and the page's export in that format is
// what the CLI's `gloss import` writes; a file of several documents, or a
// malformed one, is refused with a message and changes nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withApp, annotateText, exportJson, fixtures, GOLDEN_DATE, ROOT } from './helpers.js';
import { CLI, loadCore } from '../js/helpers.js';

const IMPORTS = path.join(ROOT, 'tests/imports');

let browser;
let page;
withApp((opened, app) => {
  browser = opened;
  page = app;
});

/** Picks `files` ([{name, buffer}]) with the Import button and waits for the status to name the first. */
async function pick(files) {
  await page.setInputFiles('#import-file', files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: f.buffer })));
  await page.waitForFunction((n) => document.querySelector('#status').textContent.includes(n), files[0].name);
  return page.textContent('#status');
}

/** Downloads the page's export in `format` (a name of the core's table) as bytes. */
async function exportAs(format) {
  await page.selectOption('#export-format', format);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-other')]);
  return readFile(await download.path());
}

/** `gloss import ARGS` as bytes: what the page must export after the same import. */
const cliImport = (args) => execFileSync(CLI, ['import', ...args], { maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });

test('each format is imported as the CLI imports it, and exports the same file again', async () => {
  const fixture = fixtures().find((f) => f.name === 'unicode-mix.txt');
  // Files Gloss itself wrote (one document each), for the formats whose fixtures hold several.
  const written = [];
  for (const format of ['conll', 'doccano', 'label-studio', 'spacy', 'w3c', 'brat-zip']) {
    const bytes = execFileSync(CLI, ['annotate', '--date', GOLDEN_DATE, '--format', format, fixture.file], { maxBuffer: 64 * 1024 * 1024 });
    const { extension } = (await loadCore()).formats().find((f) => f.name === format);
    written.push({ format, files: [{ name: `unicode-mix.${extension}`, buffer: bytes }] });
  }
  // Files other tools wrote, of one document: brat's pair (picked together), W3C, Prodigy.
  const names = await readdir(IMPORTS);
  const theirs = async (stem, format) => ({
    format,
    files: await Promise.all(
      names.filter((n) => n.startsWith(`${stem}.`) && !n.endsWith('.expected.json')).sort().map(async (n) => ({ name: n, buffer: await readFile(path.join(IMPORTS, n)) })),
    ),
  });
  const cases = [...written, await theirs('brat', 'brat'), await theirs('w3c', 'w3c'), await theirs('prodigy', 'spacy')];
  for (const { format, files } of cases) {
    await page.click('#new-document');
    const status = await pick(files);
    assert.match(status, /^Imported “/, `${format}: ${status}`);
    // What has no place in Gloss is said, not dropped silently.
    if (files.some((f) => f.name === 'brat.ann')) assert.match(status, /Left out: 1 normalization .* 1 relation was left out/);
    const paths = [];
    for (const f of files) {
      const file = path.join(ROOT, 'test-output', f.name);
      await writeFile(file, f.buffer);
      paths.push(file);
    }
    const expected = cliImport(['--from', format, '--format', format, ...paths]);
    assert.ok((await exportAs(format)).equals(expected), `${format}: the page's export after import equals the CLI's`);
    if (written.some((w) => w.files === files)) {
      assert.ok(expected.equals(files[0].buffer), `${format}: export → import → export is the same file`);
    }
  }
});

test('a file of several documents, or a malformed one, is refused and changes nothing', async () => {
  const fixture = fixtures().find((f) => f.name === 'city-budget.txt');
  await annotateText(page, fixture.text, GOLDEN_DATE);
  const before = (await exportJson(page)).text;
  const cases = [
    [[{ name: 'conll2003.conll', buffer: await readFile(path.join(IMPORTS, 'conll2003.conll')) }], /holds 2 documents; the page opens one at a time/],
    [[{ name: 'broken.conll', buffer: Buffer.from('Zoë\tB-PER\nmet\n') }], /broken\.conll, line 2: The line "met" has no tag/],
    [[{ name: 'alone.ann', buffer: Buffer.from('T1\tPERSON 0 3\tZoë\n') }], /Its text is missing/],
    [[{ name: 'tasks.json', buffer: Buffer.from('[{"data": {"text": "Zoë"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": 9, "labels": ["PER"]}}]}]}]') }], /runs past the end of the text/],
  ];
  for (const [files, expected] of cases) {
    const status = await pick(files);
    assert.match(status, expected, files[0].name);
    assert.match(status, /\. Your document is unchanged\.$/, files[0].name);
    assert.equal(await page.getAttribute('#status', 'data-kind'), 'error');
  }
  assert.equal((await exportJson(page)).text, before);
  assert.deepEqual(browser.errors, []);
});
