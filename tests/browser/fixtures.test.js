// Every fixture through the real page in headless Chromium: the marks and the
// exported JSON equal the CLI's output, pasted markup stays text, and no
// request leaves the page's origin.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { CLI, loadCore } from '../js/helpers.js';
import { withApp, ROOT, annotateText, marks, exportJson, fixtures, cliAnnotate, GOLDEN_DATE, OUTPUT } from './helpers.js';

const core = await loadCore();
const LABELS = core.labels();
const FORMATS = core.formats();
const HIDDEN_BY_DEFAULT = new Set(LABELS.filter((l) => !l.shown_by_default).map((l) => l.name));
let browser;
let page;
withApp((opened, app) => {
  browser = opened;
  page = app;
});

for (const fixture of fixtures()) {
  test(`${fixture.name}: marks and export equal the CLI at ${GOLDEN_DATE}`, async () => {
    const { doc } = cliAnnotate(fixture.file, GOLDEN_DATE);
    // A new tab per fixture: Chromium throttles a tab's downloads after ten.
    const old = page;
    page = await browser.openApp({ fresh: false, page: await browser.context.newPage() });
    await old.close();
    await annotateText(page, fixture.text, GOLDEN_DATE);
    assert.equal(await page.textContent('#article'), fixture.text, 'the article shows the text exactly');
    const shown = await marks(page);
    assert.deepEqual(
      shown.map((m) => [m.text, m.label, m.start, m.value, m.source]),
      doc.annotations.map((a) => [a.text, a.label, a.start, a.value, a.source]),
    );
    for (const m of shown) {
      const visible = !HIDDEN_BY_DEFAULT.has(m.label);
      assert.equal(m.shown, visible, `${m.text} ${m.label}`);
      // The label is written next to the mention (CSS generated text), not just a colour.
      if (visible) assert.match(m.labelShown, new RegExp(m.label));
      else assert.equal(m.labelShown, 'none');
    }
    const counts = await page.$$eval('#legend [data-count]', (all) => Object.fromEntries(all.map((c) => [c.dataset.count, Number(c.textContent)])));
    for (const label of Object.keys(counts)) {
      assert.equal(counts[label], doc.annotations.filter((a) => a.label === label).length, `legend count ${label}`);
    }
    assert.equal(await page.textContent('#reference-status'), `Reference date ${GOLDEN_DATE} (set by you)`);
    const exported = await exportJson(page);
    assert.deepEqual(JSON.parse(exported.text), doc);
    assert.match(exported.name, /^gloss-[a-z0-9-]+-2025-12-21\.json$/);
  });
}

test('the other export formats equal the CLI --format output', async () => {
  const fixture = fixtures().find((f) => f.name === 'unicode-mix.txt');
  const old = page;
  page = await browser.openApp({ fresh: false, page: await browser.context.newPage() });
  await old.close();
  await annotateText(page, fixture.text, GOLDEN_DATE);
  const others = FORMATS.filter((f) => f.name !== 'gloss');
  const menu = await page.$$eval('#export-format option', (all) => all.map((o) => [o.value, o.textContent]));
  assert.deepEqual(menu, others.map((f) => [f.name, `${f.title} (.${f.extension})`]), 'the menu lists the core\'s other formats');
  for (const { name: format, extension } of others) {
    const cli = execFileSync(CLI, ['annotate', '--date', GOLDEN_DATE, '--format', format, fixture.file], { encoding: 'utf8' });
    await page.selectOption('#export-format', format);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-other')]);
    assert.equal(await readFile(await download.path(), 'utf8'), cli, format);
    assert.ok(download.suggestedFilename().endsWith(`.${extension}`), download.suggestedFilename());
  }
});

test('the legend, the label buttons and the key help come from the core\'s label table', async () => {
  const legend = await page.$$eval('#legend .legend-item', (all) =>
    all.map((l) => [l.querySelector('input').dataset.label, l.querySelector('.legend-title').textContent, l.querySelector('input').checked]),
  );
  assert.deepEqual(legend, LABELS.map((l) => [l.name, l.title, l.shown_by_default]));
  const keys = await page.$$eval('#label-keys kbd', (all) => all.map((k) => k.textContent));
  assert.deepEqual(keys, LABELS.map((l) => l.key.toUpperCase()));
  // The key of each label marks a selection with it.
  const last = LABELS.at(-1);
  await annotateText(page, 'Nothing here but words.', GOLDEN_DATE);
  await page.evaluate(() => {
    const text = document.createTreeWalker(document.querySelector('#article'), NodeFilter.SHOW_TEXT).nextNode();
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 7);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await page.waitForSelector('#action-bar[data-mode="add"]:not([hidden])');
  const buttons = await page.$$eval('#action-buttons .label-button', (all) => all.map((b) => b.dataset.label));
  assert.deepEqual(buttons, LABELS.map((l) => l.name));
  await page.keyboard.press(last.key);
  assert.deepEqual((await marks(page)).map((m) => [m.text, m.label]), [['Nothing', last.name]]);
});

test('with no date, the page passes the local date and shows where the reference date came from', async () => {
  const fixture = fixtures().find((f) => f.name === 'ceasefire-talks.txt');
  await annotateText(page, fixture.text, '');
  const { doc } = cliAnnotate(fixture.file, null); // the test browser runs in UTC, like the CLI
  const exported = JSON.parse((await exportJson(page)).text);
  assert.deepEqual(exported, doc);
  const names = { dateline: 'from dateline', today: 'today' };
  assert.match(await page.textContent('#reference-status'), new RegExp(`^Reference date ${doc.reference_date} \\(${names[doc.reference_date_source]}`));
});

test('hostile markup is shown as literal text and runs nothing', async () => {
  const fixture = fixtures().find((f) => f.name === 'hostile-markup.txt');
  await annotateText(page, fixture.text, GOLDEN_DATE);
  assert.equal(await page.textContent('#article'), fixture.text);
  assert.equal(await page.locator('#article img, #article script, #article b').count(), 0);
  const foundHtml = await page.$$eval('#found-list, #legend', (all) => all.map((e) => e.querySelectorAll('img, script, b').length));
  assert.deepEqual(foundHtml, [0, 0]);
  await page.waitForTimeout(200);
  assert.deepEqual(browser.dialogs, [], 'no alert() fired');
});

test('a long article (about 100 KB) annotates as the CLI does', async () => {
  const unit = fixtures().map((f) => f.text).join('\n');
  const text = unit.repeat(Math.ceil(100_000 / unit.length));
  await annotateText(page, text, GOLDEN_DATE);
  console.log(`100 KB article (${text.length} UTF-16 units): ${await page.textContent('#status')}`);
  const { doc } = cliAnnotate('-', GOLDEN_DATE, text);
  // The legend counts every annotation; the article holds the marks near the screen only, each as the CLI found it.
  const counts = await page.$$eval('#legend .count', (all) => all.reduce((n, c) => n + Number(c.textContent), 0));
  assert.equal(counts, doc.annotations.length);
  const shown = await marks(page);
  assert.ok(shown.length > 0 && shown.length < doc.annotations.length, `${shown.length} of ${doc.annotations.length} marks in the DOM`);
  const byStart = new Map(doc.annotations.map((a) => [a.start, a]));
  for (const m of shown) assert.deepEqual([m.text, m.label], [byStart.get(m.start)?.text, byStart.get(m.start)?.label]);
});

test('the sample article with highlights, legend and side list (screenshot)', async () => {
  const sample = readFileSync(path.join(ROOT, 'www/sample-article.txt'), 'utf8');
  await page.click('#load-sample');
  await page.waitForFunction((text) => document.querySelector('#article').textContent === text, sample);
  assert.equal(await page.inputValue('#reference-date'), '');
  assert.match(await page.textContent('#reference-status'), /^Reference date \d{4}-\d{2}-\d{2} \(/);
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.screenshot({ path: path.join(OUTPUT, 'page.png'), fullPage: true });
  await page.setViewportSize({ width: 420, height: 900 });
  await page.screenshot({ path: path.join(OUTPUT, 'page-narrow.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(OUTPUT, 'page-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('no request left the page origin and no script error happened', () => {
  const origin = new URL(browser.base).origin;
  const foreign = browser.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith(`blob:${origin}/`) && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.ok(browser.requests.some((u) => u.endsWith('/pkg/gloss_bg.wasm')), 'the wasm was loaded from the origin');
  assert.deepEqual(browser.errors, []);
});
