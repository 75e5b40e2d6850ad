// The one-file build (scripts/build-onefile.mjs) opened from file:// with no
// server running: the sample annotates, an edit and an export work, and no
// request leaves the file (only the file itself and its own blob: URLs).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildOnefile } from '../../scripts/build-onefile.mjs';
import { ARGS, CHROMIUM, OUTPUT, ROOT, exportJson, marks, selectInArticle } from './helpers.js';

let dir;
let context;
let page;
let url;
let csp;
const requests = [];
const errors = [];
const violations = [];

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gloss-onefile-'));
  const built = await buildOnefile();
  csp = built.csp;
  const file = path.join(dir, 'gloss.html');
  await writeFile(file, built.html);
  url = pathToFileURL(file).href;
  context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    timezoneId: 'UTC',
  });
  context.on('request', (r) => requests.push(r.url()));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations ??= [];
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  await page.waitForSelector('body[data-state="ready"]');
  await page.waitForSelector('body[data-towns="loaded"]');
});

after(async () => {
  await context?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the policy allows only what is inside the file', () => {
  assert.match(csp, /script-src ('sha256-[A-Za-z0-9+/=]+' )+'wasm-unsafe-eval'/);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src blob:(;|$)/);
  assert.doesNotMatch(csp, /'self'|'unsafe-inline'|'unsafe-eval'|https?:|\*/);
});

test('from file://, the sample article is annotated and the map drawn, with no error', async () => {
  const found = await marks(page);
  assert.ok(found.length > 10, `${found.length} marks`);
  for (const label of ['PERSON', 'PLACE', 'DATE']) assert.ok(found.some((m) => m.label === label), `a ${label} mark`);
  await page.click('#tab-map');
  await page.waitForSelector('#map[data-state="drawn"] svg');
  assert.deepEqual(errors, []);
  await page.screenshot({ path: path.join(OUTPUT, 'onefile.png') });
});

test('an edit and an export work from file://', async () => {
  const word = await page.$$eval('#article mark.ann[data-label="PERSON"]', (all) => all[0].textContent.split(' ')[0]);
  await page.click('#tab-entities');
  const before = (await marks(page)).length;
  // Remove the first person mark with the keyboard, then export.
  await page.focus('#article mark.ann[data-label="PERSON"]');
  await page.keyboard.press('Delete');
  await page.waitForFunction((n) => document.querySelectorAll('#article mark.ann').length === n - 1, before);
  const { text, name } = await exportJson(page);
  assert.match(name, /\.json$/);
  const doc = JSON.parse(text);
  assert.equal(doc.annotations.length, before - 1);
  assert.ok(doc.text.includes(word));
  assert.ok(await selectInArticle(page, word));
});

test('no request leaves the file, and the policy was never broken', async () => {
  const outside = requests.filter((r) => r !== url && !r.startsWith('blob:null/'));
  assert.deepEqual(outside, []);
  assert.deepEqual(await page.evaluate(() => window.__violations ?? []), []);
  // And it forbids a fetch elsewhere (another loopback address: nothing could leave even if it did not).
  const outcome = await page.evaluate(() => fetch('http://127.0.0.2:9/x').then(() => 'fetched', () => 'refused'));
  assert.equal(outcome, 'refused');
});

test('a module worker the page starts runs from file:// too, with its own imports and files, and gets the first message', async () => {
  const built = await buildOnefile(path.join(ROOT, 'tests/onefile-fixture'));
  const file = path.join(dir, 'worker.html');
  await writeFile(file, built.html);
  const other = await context.newPage();
  await other.goto(pathToFileURL(file).href);
  await other.waitForSelector('body[data-answer]', { state: 'attached' });
  assert.equal(await other.getAttribute('body', 'data-answer'), 'PING! données 🎉');
  await other.close();
});
