// Corrections in the real page: adding, relabelling and removing with mouse
// and keyboard, undo and redo, and corrections surviving a reference-date
// change and a reload.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { withApp, annotateText, annotated, marks, exportJson, selectInArticle, fixtures, cliAnnotate, saved, GOLDEN_DATE, OUTPUT } from './helpers.js';

const TEXT = 'SPRINGFIELD — Mayor Linda Okafor met 🎉 Zoë Martín-Ødegaard on Friday. The hearing is on 2025-12-30 in Lincoln Hall.';
let browser;
let page;
withApp((opened, app) => {
  browser = opened;
  page = app;
});

/** Double-clicks the word `word` in the article (a real mouse selection). */
async function doubleClickWord(word) {
  const box = await selectInArticle(page, word);
  assert.ok(box, `${word} is in the article`);
  await page.mouse.dblclick(box.x, box.y);
}

/** Selects the article text from `from` to the end of `to` by script (a drag). */
async function selectText(from, to) {
  await page.evaluate(
    ([a, b]) => {
      const article = document.querySelector('#article');
      const full = article.textContent;
      const start = full.indexOf(a);
      const end = full.indexOf(b, start) + b.length;
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let at = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const len = node.data.length;
        if (start >= at && start <= at + len) range.setStart(node, start - at);
        if (end >= at && end <= at + len) {
          range.setEnd(node, end - at);
          break;
        }
        at += len;
      }
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [from, to],
  );
  await page.waitForSelector('#action-bar[data-mode="add"]:not([hidden])');
}

const personMarks = async () => (await marks(page)).filter((m) => m.source === 'person').map((m) => [m.text, m.label, m.start]);
const codePoints = (needle) => [...TEXT.slice(0, TEXT.indexOf(needle))].length;

// The corrections below are deliberately "wrong" (people marked as places) so
// that they differ from whatever the model finds, whichever model is merged.
test('select words, press a key or click a label: a person annotation, snapped to whole words', async () => {
  await annotateText(page, TEXT, GOLDEN_DATE);
  await doubleClickWord('Okafor');
  await page.waitForSelector('#action-bar[data-mode="add"]:not([hidden])');
  await page.keyboard.press('l');
  assert.deepEqual(await personMarks(), [['Okafor', 'PLACE', codePoints('Okafor')]]);
  // A rough drag from inside "Linda" to inside "Okafor" snaps to "Linda Okafor" and replaces "Okafor".
  await selectText('inda', 'Oka');
  await page.click('#action-bar button[data-label="PLACE"]');
  assert.deepEqual(await personMarks(), [['Linda Okafor', 'PLACE', codePoints('Linda')]]);
  assert.match(await page.textContent('#status'), /replaces “Okafor”/);
  // After the emoji: offsets stay in code points.
  await selectText('Zoë', 'Ødegaard');
  await page.keyboard.press('l');
  const exported = JSON.parse((await exportJson(page)).text);
  const { entity, ...zoe } = exported.annotations.find((a) => a.text === 'Zoë Martín-Ødegaard');
  assert.deepEqual(zoe, { start: codePoints('Zoë'), end: codePoints('Zoë') + 19, label: 'PLACE', text: 'Zoë Martín-Ødegaard', source: 'person' });
  // The export links the corrected annotation to a place entity of its own.
  assert.deepEqual(exported.entities.find((e) => e.id === entity), { id: entity, label: 'PLACE', name: 'Zoë Martín-Ødegaard', mentions: 1 });
  assert.equal((await marks(page)).filter((m) => m.source === 'person').length, 2);
});

test('keyboard only: select in the text box, Tab to a label button, press it', async () => {
  await page.locator('#source-panel').evaluate((d) => {
    d.open = true;
  });
  const at = TEXT.indexOf('hearing');
  await page.focus('#source-text');
  await page.evaluate(([a, b]) => document.querySelector('#source-text').setSelectionRange(a, b), [at, at + 4]);
  await page.keyboard.press('Shift+ArrowRight');
  await page.waitForSelector('#action-bar[data-mode="add"]:not([hidden])');
  assert.match(await page.textContent('#action-title'), /Mark “hearing” as/);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.label), 'PERSON', 'the bar comes next in Tab order');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.label), 'ORG');
  await page.keyboard.press('Enter');
  assert.ok((await personMarks()).some(([text, label]) => text === 'hearing' && label === 'ORG'));
  await page.locator('#article mark', { hasText: 'hearing' }).focus();
  await page.keyboard.press('Delete');
  assert.ok(!(await personMarks()).some(([text]) => text === 'hearing'));
});

test('a focused mark is relabelled with a key and removed with Delete; undo and redo', async () => {
  await page.locator('#article mark[data-source="person"]', { hasText: 'Linda Okafor' }).focus();
  await page.waitForSelector('#action-bar[data-mode="edit"]:not([hidden])');
  assert.match(await page.textContent('#action-title'), /Linda Okafor.*Place.*corrected by you/);
  await page.screenshot({ path: path.join(OUTPUT, 'correction.png') });
  await page.keyboard.press('o');
  assert.deepEqual((await personMarks())[0], ['Linda Okafor', 'ORG', codePoints('Linda')]);
  await page.locator('#article mark', { hasText: 'Linda Okafor' }).focus();
  await page.keyboard.press('Delete');
  assert.equal((await marks(page)).some((m) => m.text === 'Linda Okafor'), false);
  await page.locator('#article').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+z');
  assert.deepEqual((await personMarks())[0], ['Linda Okafor', 'ORG', codePoints('Linda')]);
  await page.keyboard.press('Control+z');
  assert.deepEqual((await personMarks())[0], ['Linda Okafor', 'PLACE', codePoints('Linda')]);
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+y');
  assert.equal((await marks(page)).some((m) => m.text === 'Linda Okafor'), false);
  await page.click('#undo');
  await page.click('#undo');
  assert.deepEqual((await personMarks())[0], ['Linda Okafor', 'PLACE', codePoints('Linda')]);
});

test('the side list scrolls to and flashes a mention; legend toggles hide a label', async () => {
  await page.click('#found-list button:has-text("Linda Okafor")');
  await page.waitForSelector('#article mark.flash');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Linda Okafor');
  await page.uncheck('#legend input[data-label="PLACE"]');
  assert.equal(await page.locator('#article mark.off[data-label="PLACE"]').count(), await page.locator('#article mark[data-label="PLACE"]').count());
  assert.equal(await page.locator('#found-list [data-label="PLACE"]').count(), 0);
  await page.check('#legend input[data-label="PLACE"]');
  assert.equal(await page.locator('#article mark.off[data-label="PLACE"]').count(), 0);
});

test('corrections survive a reference-date change (dates re-resolve) and a reload', async () => {
  const before = JSON.parse((await exportJson(page)).text);
  const corrected = before.annotations.filter((a) => a.source === 'person');
  assert.ok(corrected.length >= 2);
  await page.fill('#reference-date', '2025-12-01');
  await page.waitForFunction(() => document.querySelector('#reference-status').textContent.startsWith('Reference date 2025-12-01'));
  const after = JSON.parse((await exportJson(page)).text);
  assert.equal(after.reference_date, '2025-12-01');
  assert.deepEqual(after.annotations.filter((a) => a.source === 'person'), corrected);
  const friday = (doc) => doc.annotations.find((a) => a.text === 'Friday')?.value;
  if (friday(before)) assert.notEqual(friday(after), friday(before), 'a relative date was re-resolved');
  await saved(page);
  await page.reload();
  await page.waitForSelector('body[data-state="ready"][data-towns="loaded"]');
  assert.match(await page.textContent('#status'), /Restored/);
  assert.equal(await page.inputValue('#reference-date'), '2025-12-01');
  assert.equal((await exportJson(page)).text, JSON.stringify(after, null, 2) + '\n');
});

test('editing the text keeps the corrections whose words are unchanged and says which were dropped', async () => {
  await page.locator('#source-panel').evaluate((d) => {
    d.open = true;
  });
  const edited = TEXT.replace('Zoë Martín-Ødegaard', 'Zoe Martin');
  await page.fill('#source-text', edited);
  await page.waitForSelector('#text-changed:not([hidden])');
  await page.click('#annotate');
  await annotated(page);
  assert.match(await page.textContent('#status'), /1 correction no longer matched the edited text/);
  const doc = JSON.parse((await exportJson(page)).text);
  assert.deepEqual(doc.annotations.filter((a) => a.source === 'person').map((a) => a.text), ['Linda Okafor']);
  await page.keyboard.press('Escape');
  await page.locator('#article').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue('#source-text'), TEXT, 'undo brings back the old text and its corrections');
  assert.equal((await personMarks()).length, 2);
});

test('a label key with a text-box selection types there as usual and never labels or changes the article; Ctrl+Z undoes the typing', async () => {
  const before = (await exportJson(page)).text;
  const marked = await personMarks();
  assert.equal(await page.inputValue('#source-text'), TEXT);
  const at = TEXT.indexOf('hearing');
  await page.focus('#source-text');
  await page.evaluate(([a, b]) => document.querySelector('#source-text').setSelectionRange(a, b), [at, at + 6]);
  await page.keyboard.press('Shift+ArrowRight');
  await page.waitForSelector('#action-bar[data-mode="add"]:not([hidden])');
  assert.equal(await page.locator('#action-bar kbd').count(), 0, 'the bar offers no label keys for a text-box selection');
  await page.keyboard.press('l');
  assert.equal(await page.inputValue('#source-text'), TEXT.replace('hearing', 'l'), 'the key typed in the box, as in any text box');
  assert.equal(await page.textContent('#article'), TEXT, 'the article text is unchanged');
  assert.deepEqual(await personMarks(), marked, 'nothing was labelled');
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue('#source-text'), TEXT, 'Ctrl+Z in the box undid the typing');
  assert.deepEqual(await personMarks(), marked, 'and not an annotation edit');
  assert.equal((await exportJson(page)).text, before);
});

test('New clears the document (undoable) and the autosave', async () => {
  await page.click('#new-document');
  assert.equal(await page.textContent('#article'), '');
  await saved(page);
  await page.reload();
  await page.waitForSelector('body[data-state="ready"][data-towns="loaded"]');
  assert.equal(await page.textContent('#article'), '', 'a cleared document stays cleared (no sample forced back)');
  assert.deepEqual(browser.errors, []);
});

test('unsure findings are marked with "?" and N steps through them in text order; one corrected is no longer unsure', async () => {
  const fixture = fixtures().find((f) => f.name === 'city-budget.txt');
  await annotateText(page, fixture.text, GOLDEN_DATE);
  const { doc } = cliAnnotate(fixture.file, GOLDEN_DATE);
  const unsure = doc.annotations.filter((a) => a.source === 'model' && a.confidence < 0.9).map((a) => a.start);
  assert.ok(unsure.length >= 3, `${unsure.length} unsure findings in the fixture`);
  const marked = await page.$$eval('#article mark[data-unsure="true"]', (all) => all.map((m) => [Number(m.dataset.start), getComputedStyle(m, '::after').content]));
  assert.deepEqual(marked.map(([start]) => start), unsure);
  for (const [, after] of marked) assert.match(after, / \?"$/, 'a "?" beside the label, not colour alone');
  const focused = () => page.evaluate(() => Number(document.activeElement?.dataset.start ?? -1));

  await page.locator('#article').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('n');
  assert.equal(await focused(), unsure[0]);
  assert.match(await page.textContent('#status'), new RegExp(`^Unsure 1 of ${unsure.length}: `));
  await page.keyboard.press('n');
  assert.equal(await focused(), unsure[1]);
  await page.keyboard.press('Shift+N');
  assert.equal(await focused(), unsure[0]);
  await page.keyboard.press('Shift+N');
  assert.equal(await focused(), unsure.at(-1), 'back from the first wraps to the last');

  // Confirmed with its label's key, the finding is the person's: no longer unsure, and N passes it by.
  const [first] = marked;
  await page.locator(`#article mark[data-start="${unsure.at(-1)}"]`).focus();
  const label = doc.annotations.find((a) => a.start === unsure.at(-1)).label;
  await page.keyboard.press({ PERSON: 'p', PLACE: 'l', ORG: 'o' }[label]);
  await page.waitForSelector(`#article mark[data-start="${unsure.at(-1)}"][data-source="person"]:not([data-unsure])`);
  await page.locator('#article').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  assert.equal(await focused(), unsure[1]);
  await page.keyboard.press('n');
  assert.equal(await focused(), first[0], 'the corrected one is skipped: round to the first');
});
