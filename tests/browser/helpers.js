// Shared by the browser tests: a real headless Chromium (Debian's, via
// playwright-core) with a fresh profile, and the page served on a free port.

import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { ROOT } from '../js/helpers.js';

export { ROOT, GOLDEN_DATE, fixtures, cliAnnotate } from '../js/helpers.js';

export const OUTPUT = path.join(ROOT, 'test-output');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Opens the app in a fresh browser before a test file's tests and closes the
 * browser after them; `ready(browser, page)` receives both once open.
 */
export function withApp(ready) {
  let browser;
  before(async () => {
    browser = await openBrowser();
    ready(browser, await browser.openApp());
  });
  after(() => browser?.close());
}

/**
 * Starts the server and a browser with a fresh profile.
 * Returns {base, server, context, newPage(), requests, close()}: every request any
 * page makes is recorded in `requests` (URL strings).
 */
export async function openBrowser() {
  const server = await startServer({ port: 0, quiet: true });
  const base = `http://127.0.0.1:${server.address().port}`;
  const profile = await mkdtemp(path.join(tmpdir(), 'gloss-chromium-'));
  await mkdir(OUTPUT, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const requests = [];
  const dialogs = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  const watch = (page) => {
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    base,
    server,
    context,
    requests,
    dialogs,
    errors,
    /** A page with the app loaded and ready; `fresh` clears its autosave (IndexedDB and localStorage) first. */
    async openApp({ fresh = true, page } = {}) {
      page ??= context.pages()[0] ?? (await context.newPage());
      if (fresh) {
        await page.goto(`${base}/www/`);
        await page.evaluate(() => {
          localStorage.clear();
          return new Promise((resolve, reject) => {
            const request = indexedDB.deleteDatabase('gloss');
            request.onsuccess = resolve;
            request.onerror = () => reject(request.error);
          });
        });
      }
      await page.goto(`${base}/www/`);
      await page.waitForSelector('body[data-state="ready"]');
      await page.waitForSelector('body[data-towns="loaded"]');
      return page;
    },
    async close() {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Replaces the article text, sets the reference date and annotates. */
export async function annotateText(page, text, date) {
  await page.locator('#source-panel').evaluate((d) => {
    d.open = true;
  });
  await page.fill('#source-text', text);
  await page.fill('#reference-date', date ?? '');
  await page.click('#annotate');
  // The core answers from its worker: wait until it has, and the article shows the text.
  await page.waitForFunction((expected) => !document.body.dataset.annotating && document.querySelector('#article').textContent === expected, text);
}

/** Waits until the autosave badge says every change is saved (before a reload that should restore them). */
export const saved = (page) => page.waitForSelector('#save-state[data-save="saved"]');

/** Waits until the core has answered the annotation under way (it works in a worker). */
export function annotated(page) {
  return page.waitForFunction(() => !document.body.dataset.annotating);
}

/** The marks in the article: [{text, label, start, value, source, shown}]. */
export function marks(page) {
  return page.$$eval('#article mark.ann', (all) =>
    all.map((m) => ({
      text: m.textContent,
      label: m.dataset.label,
      start: Number(m.dataset.start),
      value: m.dataset.value,
      source: m.dataset.source,
      shown: !m.classList.contains('off'),
      labelShown: getComputedStyle(m, '::after').content,
    })),
  );
}

/** Clicks Export and returns the downloaded JSON text. */
export async function exportJson(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const file = await download.path();
  const { readFile } = await import('node:fs/promises');
  return { text: await readFile(file, 'utf8'), name: download.suggestedFilename() };
}

/**
 * Selects the first `word` in the article, as a drag would; returns the
 * centre of the selection on screen.
 */
export function selectInArticle(page, word) {
  return page.evaluate((w) => {
    const article = document.querySelector('#article');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  }, word);
}
