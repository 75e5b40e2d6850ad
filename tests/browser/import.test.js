// Import in the real page: export → import → export is byte-identical, and a
// malformed or oversized file gives a clear message and changes nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { withApp, annotateText, exportJson, marks, fixtures, GOLDEN_DATE, OUTPUT } from './helpers.js';

/** What the person sees of the document (Chromium throttles a tab's downloads after ten, so most checks look at the page). */
async function visibleState() {
  return {
    text: await page.textContent('#article'),
    marks: await marks(page),
    reference: await page.textContent('#reference-status'),
    source: await page.inputValue('#source-text'),
  };
}

let browser;
let page;
withApp((opened, app) => {
  browser = opened;
  page = app;
});

async function importBuffer(name, content) {
  await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

test('export → import → export is byte-identical, corrections and reference date included', async () => {
  const fixture = fixtures().find((f) => f.name === 'unicode-mix.txt');
  await annotateText(page, fixture.text, GOLDEN_DATE);
  // A person annotation after the emoji, so offsets are exercised.
  await page.evaluate(() => {
    const article = document.querySelector('#article');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf('Kraków');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 6);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return;
    }
  });
  await page.waitForSelector('#action-bar[data-mode="add"]:not([hidden])');
  await page.keyboard.press('o');
  const first = await exportJson(page);
  assert.ok(JSON.parse(first.text).annotations.some((a) => a.text === 'Kraków' && a.label === 'ORG' && a.source === 'person'));
  await page.click('#new-document');
  await importBuffer('roundtrip.json', first.text);
  await page.waitForFunction((t) => document.querySelector('#article').textContent === t, fixture.text);
  // The article shows the text at once; the status speaks once the core has linked it.
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Imported “roundtrip.json”'));
  const second = await exportJson(page);
  assert.equal(second.text, first.text);
});

test('malformed imports show a message and leave the document as it was', async () => {
  const before = (await exportJson(page)).text;
  const seen = await visibleState();
  const valid = JSON.parse(before);
  const cases = [
    ['broken.json', '{"format": "gloss/1", "text": ', /Not valid JSON/],
    ['other.json', JSON.stringify({ ...valid, format: 'other/9' }), /expected "gloss\/3"/],
    ['offsets.json', JSON.stringify({ ...valid, annotations: [{ start: 0, end: 999, label: 'PERSON', text: 'x', source: 'person' }] }), /past the end/],
    ['types.json', JSON.stringify({ ...valid, annotations: 'none' }), /Not a valid Gloss document/],
    ['mismatch.json', JSON.stringify({ ...valid, annotations: [{ start: 0, end: 2, label: 'PERSON', text: 'no', source: 'person' }] }), /does not match/],
    ['empty.json', '', /empty/],
    // As strict as the CLI: bytes that are not UTF-8, and a key given twice (JSON.parse would keep the last).
    ['latin1.json', Buffer.concat([Buffer.from(before.slice(0, 40)), Buffer.from([0xe9, 0xff]), Buffer.from(before.slice(40))]), /not UTF-8/],
    ['twice.json', before.replace('"text":', '"text": "Something else entirely.", "text":'), /key "text" appears twice/],
  ];
  for (const [name, content, expected] of cases) {
    await importBuffer(name, content);
    await page.waitForFunction((n) => document.querySelector('#status').textContent.includes(n), name);
    const status = await page.textContent('#status');
    assert.match(status, expected, name);
    assert.match(status, /\. Your document is unchanged\.$/, name);
    assert.equal(await page.getAttribute('#status', 'data-kind'), 'error');
    assert.deepEqual(await visibleState(), seen, `${name} left the document unchanged`);
  }
  assert.equal((await exportJson(page)).text, before);
});

test('a 50 MB file is refused before it is read, naming the 10 MB limit', async () => {
  const big = path.join(OUTPUT, 'big-import.json');
  await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
  const seen = await visibleState();
  try {
    await page.setInputFiles('#import-file', big);
    await page.waitForFunction(() => document.querySelector('#status').textContent.includes('MB'));
    assert.match(await page.textContent('#status'), /50\.0 MB; Gloss imports documents up to 10 MB/);
    assert.deepEqual(await visibleState(), seen);
  } finally {
    await rm(big, { force: true });
  }
  assert.deepEqual(browser.errors, []);
});
