// A large document (about 1.2 MB of text, 7 MB of JSON, tens of thousands of marks) in the real
// page: the article holds only the marks near the screen, scrolling to the
// end shows the end's marks, deleting a mark far down and undoing it export
// exactly, the found list jumps to a mark that was not in the DOM, Tab
// goes on to the next mark, and the autosave keeps it (its long list of
// annotations in parts) for a reload, even one right after a deletion.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, exportJson } from './helpers.js';
import { FIRST_AND_LAST, LAST_PLACE, largeDocument } from './large-document.js';

let browser;
let page;
withApp((opened, app) => {
  browser = opened;
  page = app;
});

const doc = largeDocument(1_200_000);
const strip = (annotations) => annotations.map(({ entity, ...a }) => a);
const last = doc.annotations.findLast((a) => a.text === FIRST_AND_LAST);
const lastPlace = doc.annotations.find((a) => a.text === LAST_PLACE);
// FIRST_AND_LAST's occurrences: one in the first paragraph, two in the last.
const far = doc.annotations.filter((a) => a.text === FIRST_AND_LAST)[1];
const markCount = () => page.locator('#article mark.ann').count();

/** Scrolls until the article's end is in view and the mark at `start` is in the DOM. */
function scrollToEnd(start) {
  // The heights of blocks not laid out yet are estimates: scroll until the article's end stays in view.
  return page.waitForFunction(
    (at) => {
      const article = document.querySelector('#article');
      window.scrollTo(0, article.getBoundingClientRect().bottom + scrollY - innerHeight);
      return document.querySelector(`#article mark[data-start="${at}"]`) !== null;
    },
    start,
    { polling: 100 },
  );
}

test('import a large document: the DOM holds far fewer marks than the document has', async () => {
  assert.ok(doc.annotations.length > 40_000, `${doc.annotations.length} annotations`);
  await page.setInputFiles('#import-file', { name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForFunction(() => /^Imported “large\.json”/.test(document.querySelector('#status').textContent), null, { timeout: 120_000 });
  // The blocks get their text a slice at a time: all of it, in the end.
  await page.waitForSelector('#article[data-texted="true"]');
  assert.equal(await page.evaluate(() => document.querySelector('#article').textContent), doc.text);
  const counts = await page.$$eval('#legend .count', (all) => all.reduce((n, c) => n + Number(c.textContent), 0));
  assert.equal(counts, doc.annotations.length, 'the legend counts every annotation');
  const inDom = await markCount();
  assert.ok(inDom > 0 && inDom < doc.annotations.length / 20, `${inDom} marks in the DOM`);
  assert.equal(await page.$(`#article mark[data-start="${last.start}"]`), null, 'the end is not rendered yet');
});

test('scrolling to the end shows the last marks; deleting one there and undoing export exactly', async () => {
  await scrollToEnd(lastPlace.start);
  assert.equal(await page.textContent(`#article mark[data-start="${lastPlace.start}"]`), LAST_PLACE);
  const inDom = await markCount();
  assert.ok(inDom < doc.annotations.length / 20, `${inDom} marks in the DOM at the end`);

  await page.click(`#article mark[data-start="${lastPlace.start}"]`);
  await page.keyboard.press('Delete');
  await page.waitForFunction((start) => document.querySelector(`#article mark[data-start="${start}"]`) === null, lastPlace.start);
  const removed = JSON.parse((await exportJson(page)).text);
  assert.deepEqual(strip(removed.annotations), doc.annotations.filter((a) => a !== lastPlace));
  assert.equal(removed.text, doc.text);

  await page.click('#undo');
  await scrollToEnd(lastPlace.start);
  const restored = JSON.parse((await exportJson(page)).text);
  assert.deepEqual(strip(restored.annotations), doc.annotations);
});

test('the found list jumps to a mark that was not in the DOM, and Tab goes on from it', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction((start) => document.querySelector(`#article mark[data-start="${start}"]`) === null, far.start);
  const item = page.locator('#found-list .found-item', { hasText: FIRST_AND_LAST });
  await item.click(); // the first occurrence, at the top
  await item.click(); // the last, near the end
  await page.waitForFunction((start) => document.activeElement?.matches(`#article mark.flash[data-start="${start}"]`), far.start);
  await page.waitForFunction(() => {
    const box = document.activeElement.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  });
  await page.keyboard.press('Tab');
  const next = doc.annotations[doc.annotations.indexOf(far) + 1];
  assert.deepEqual(await page.evaluate(() => [document.activeElement.textContent, Number(document.activeElement.dataset.start)]), [next.text, next.start]);
});

test('the large document is saved, its annotations in parts, and comes back whole after a reload', async () => {
  await page.waitForSelector('#save-state[data-save="saved"]');
  const keys = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('gloss');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('texts').objectStore('texts').getAllKeys();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result);
          };
        };
      }),
  );
  assert.ok(keys.some((k) => String(k).endsWith('#1')), `the annotation list is stored in parts (${keys.length} keys)`);
  await browser.openApp({ fresh: false, page });
  await page.waitForFunction(() => /^Restored your last session/.test(document.querySelector('#status').textContent));
  const restored = JSON.parse((await exportJson(page)).text);
  assert.equal(restored.text, doc.text);
  assert.deepEqual(strip(restored.annotations), doc.annotations);
});

test('a deletion in the large document, then a reload at once: the deletion is there (the journal notes it; the text is stored already)', async () => {
  const first = doc.annotations[0];
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.click(`#article mark[data-start="${first.start}"]`);
  // The journal as the deletion's task left it (a save drops it once it has it all).
  await page.evaluate(() => addEventListener('keydown', () => setTimeout(() => (window.journal = localStorage.getItem('gloss.journal'))), { once: true }));
  await page.keyboard.press('Delete');
  await page.waitForFunction((start) => document.querySelector(`#article mark[data-start="${start}"]`) === null, first.start);
  const journal = await page.evaluate(() => JSON.parse(window.journal));
  assert.deepEqual([Object.keys(journal.texts), journal.missing], [[], []], 'the journal refers to the stored text and annotations');
  await browser.openApp({ fresh: false, page });
  await page.waitForFunction(() => /^Restored your last session/.test(document.querySelector('#status').textContent));
  const restored = JSON.parse((await exportJson(page)).text);
  assert.deepEqual(strip(restored.annotations), doc.annotations.slice(1));
});
