// Prints how the page performs in real Chromium (a development command, not
// a test): page-ready time and the gzipped size of everything it loaded;
// then for a 10,000-word article, 1 MB and 5 MB of news text: time to first
// highlights, time to done, the longest main-thread task (a 'longtask'
// PerformanceObserver), the time to delete one mark and to undo it, and
// Gloss's throughput beside compromise's (loaded into the same page) as a
// ratio.
//
//   node bench/page.mjs [NEWS.jsonl] [--root DIR] [--sizes 10k,1M,5M|none] [--compromise-max 1M] [--ready-runs N]
//
// NEWS.jsonl (default ../shared/data/tempeval3/silver.jsonl) is read for its
// "text" fields, repeated as needed; it is never copied into the repository.
// --root serves another checkout's www/ and pkg/ (e.g. main's, for a before
// and after). compromise (bench/compare: `npm ci` there) runs on at most
// --compromise-max of each text, since it is slow; both ratios are on that
// same text. --ready-runs N measures the page-ready time of the second visit
// N times (each after the autosave is cleared, as the first is) and prints
// their median; --sizes none stops after it. Needs Debian's chromium (or
// $CHROMIUM) and playwright-core.

import { chromium } from 'playwright-core';
import { readFileSync, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const COMPROMISE = path.join(HERE, 'compare/node_modules/compromise/builds/compromise.js');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// As tests/browser/helpers.js launches it.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const DATE = '2025-12-21';

function parseArgs(argv) {
  const options = { news: path.resolve('../shared/data/tempeval3/silver.jsonl'), root: path.resolve(HERE, '..'), sizes: ['10k', '1M', '5M'], compromiseMax: '1M', readyRuns: 1 };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--root') options.root = path.resolve(argv[++i]);
    else if (a === '--sizes') options.sizes = argv[++i] === 'none' ? [] : argv[i].split(',');
    else if (a === '--ready-runs') options.readyRuns = Math.max(1, Number(argv[++i]));
    else if (a === '--compromise-max') options.compromiseMax = argv[++i];
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else options.news = path.resolve(a);
  }
  return options;
}

/** "10k" → 10,000 words; "1M" → 1 MB (bytes); "500K" → 500 KB. */
function parseSize(size) {
  const m = /^(\d+(?:\.\d+)?)(k|K|M)$/.exec(size);
  if (!m) throw new Error(`size ${size}: expected e.g. 10k (words), 500K or 5M (bytes)`);
  const n = Number(m[1]);
  return m[2] === 'k' ? { words: n * 1000 } : { bytes: n * (m[2] === 'K' ? 1024 : 1024 * 1024) };
}

/** The corpus's texts joined (and repeated) up to `size`, cut at a paragraph. */
function buildText(texts, size) {
  const parts = [];
  let bytes = 0;
  let words = 0;
  for (let i = 0; ; i = (i + 1) % texts.length) {
    if (size.words ? words >= size.words : bytes >= size.bytes) break;
    const t = texts[i].trim();
    parts.push(t);
    bytes += Buffer.byteLength(t) + 2;
    words += t.split(/\s+/).length;
  }
  return parts.join('\n\n');
}

const ms = (x) => (x === undefined || x === null ? '—' : `${Math.round(x)} ms`);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Installed before any page script: records long tasks and when the page says it is ready. */
function instrument() {
  window.__bench = { longtasks: [], readyAt: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (document.body?.dataset.state === 'ready' && window.__bench.readyAt === null) window.__bench.readyAt = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
}

/** Resolves in the page once `test()` holds, polled every few ms; the time it first held. */
function waitInPage(page, test, arg, timeout = 600_000) {
  return page.evaluate(
    ([source, a, limit]) =>
      new Promise((resolve, reject) => {
        const check = new Function('a', `return (${source})(a)`);
        const began = performance.now();
        const poll = () => {
          if (check(a)) resolve(performance.now());
          else if (performance.now() - began > limit) reject(new Error('timed out'));
          else setTimeout(poll, 5);
        };
        poll();
      }),
    [test.toString(), arg, timeout],
  );
}

/** Clears the autosave, so that the next visit starts as a first one does (the sample annotated). */
function clearSaved(page) {
  return page.evaluate(() => {
    localStorage.clear();
    return new Promise((resolve) => {
      const r = indexedDB.deleteDatabase('gloss');
      r.onsuccess = r.onerror = r.onblocked = resolve;
    });
  });
}

/** The page-ready time of `runs` more visits after the one measured: each visit's, in order. */
async function moreReady(page, base, runs) {
  const times = [];
  for (let run = 0; run < runs; run += 1) {
    await page.waitForTimeout(500);
    await clearSaved(page);
    await page.goto(`${base}/www/`);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 120_000 });
    await page.waitForSelector('body[data-towns="loaded"]', { timeout: 120_000 });
    times.push(await page.evaluate(() => window.__bench.readyAt));
  }
  return times;
}

async function pageReady(context, base) {
  const page = await context.newPage();
  // A first visit, so that the second is measured with what the browser caches (compiled wasm too).
  await page.goto(`${base}/www/`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 120_000 });
  const firstReadyAt = await page.evaluate(() => window.__bench.readyAt);
  await clearSaved(page);
  const started = Date.now();
  await page.goto(`${base}/www/`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 120_000 });
  await page.waitForSelector('body[data-towns="loaded"]', { timeout: 120_000 });
  const readyAt = await page.evaluate(() => window.__bench.readyAt);
  const wall = Date.now() - started;
  // The sizes on a visit of their own: reading every body over the DevTools
  // protocol (the 4 MB wasm too) slows the page, so it is not timed.
  await page.waitForTimeout(500);
  await clearSaved(page);
  const loaded = new Map();
  const onResponse = async (response) => {
    try {
      const body = await response.body();
      // The service worker's answer comes with no body besides the network's own: keep the larger.
      loaded.set(response.url(), Math.max(loaded.get(response.url()) ?? 0, gzipSync(body, { level: 9 }).length));
    } catch {
      // A response without a body (a redirect) adds nothing.
    }
  };
  context.on('response', onResponse);
  await page.goto(`${base}/www/`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 120_000 });
  await page.waitForSelector('body[data-towns="loaded"]', { timeout: 120_000 });
  await page.waitForTimeout(500);
  context.off('response', onResponse);
  const gz = [...loaded.values()].reduce((a, b) => a + b, 0);
  const towns = [...loaded].filter(([u]) => u.endsWith('/towns.tsv')).reduce((a, [, b]) => a + b, 0);
  return { page, firstReadyAt, readyAt, wall, gz, towns, files: loaded.size };
}

async function annotateRun(page, text) {
  await page.evaluate(() => {
    window.__bench.longtasks = [];
  });
  await page.$eval(
    '#source-text',
    (box, [t, date]) => {
      box.value = t;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      const d = document.querySelector('#reference-date');
      d.value = date;
    },
    [text, DATE],
  );
  // Once the paste is saved (autosave), so that the click is timed alone.
  await page.waitForFunction(() => document.querySelector('#save-state')?.dataset.save === 'saved', null, { timeout: 600_000 }).catch(() => {});
  await page.waitForTimeout(1500);
  // Clicked in the page, timed from the click; the polls run when the page's thread is free.
  const clicked = await page.evaluate(() => {
    window.__bench.oldMark = document.querySelector('#article mark.ann');
    const at = performance.now();
    setTimeout(() => document.querySelector('#annotate').click(), 0);
    return at;
  });
  // The bar, or the end of a run too short to show it (progress-view.js SHOW_AFTER_MS).
  const progressAt = await waitInPage(page, () => {
    const p = document.querySelector('#progress');
    return (p && !p.hidden) || (document.body.dataset.annotating !== 'true' && document.querySelector('#article mark.ann') !== window.__bench.oldMark);
  }).catch(() => null);
  const progressShown = await page.evaluate(() => !!document.querySelector('#progress') && !document.querySelector('#progress').hidden);
  const firstAt = await waitInPage(page, () => {
    const m = document.querySelector('#article mark.ann');
    return m && m !== window.__bench.oldMark;
  });
  const doneAt = await waitInPage(page, () => !document.body.dataset.annotating && document.querySelector('#status').textContent.startsWith('Annotated'));
  await page.waitForTimeout(1000);
  const { longest, marks, status } = await page.evaluate((from) => {
    const tasks = window.__bench.longtasks.filter((t) => t.start + t.duration >= from);
    return { longest: Math.max(0, ...tasks.map((t) => t.duration)), marks: document.querySelectorAll('#article mark.ann').length, status: document.querySelector('#status').textContent };
  }, clicked);
  return { progress: progressShown ? progressAt - clicked : null, first: firstAt - clicked, done: doneAt - clicked, longest, marks, status };
}

/**
 * Deletes the middle mark with the Delete key, then undoes with Ctrl+Z; the
 * time each takes to show, and the longest main-thread task from the key
 * until the worker's relink is shown and 2 s have passed (entities regrouped, autosaved).
 */
async function deleteAndUndo(page) {
  const saved = () => page.waitForFunction(() => document.querySelector('#save-state')?.dataset.save === 'saved', null, { timeout: 600_000 }).catch(() => {});
  const timed = async (key, changed) => {
    // What came before (the annotation's autosave) is done, so that only the key's work is timed.
    await saved();
    await page.evaluate(() => {
      window.__bench.keyAt = null;
      document.addEventListener('keydown', () => (window.__bench.keyAt ??= performance.now()), { capture: true, once: true });
    });
    await page.keyboard.press(key);
    const shownAt = await waitInPage(page, changed);
    const keyAt = await page.evaluate(() => window.__bench.keyAt);
    await saved();
    await page.waitForTimeout(2000);
    const longest = await page.evaluate((from) => Math.max(0, ...window.__bench.longtasks.filter((t) => t.start + t.duration >= from).map((t) => t.duration)), keyAt);
    return { shown: shownAt - keyAt, longest };
  };
  await page.evaluate(() => {
    const all = document.querySelectorAll('#article mark.ann');
    const mark = all[Math.floor(all.length / 2)];
    window.__bench.start = mark.dataset.start;
    mark.focus();
  });
  await page.waitForTimeout(300);
  // Shown once the mark is gone from the article, and back after undo (the count of marks in the DOM varies as blocks fill).
  const del = await timed('Delete', () => document.querySelector(`#article mark.ann[data-start="${window.__bench.start}"]`) === null);
  await page.evaluate(() => document.querySelector('#article').focus?.());
  await page.waitForTimeout(300);
  const undo = await timed('Control+z', () => document.querySelector(`#article mark.ann[data-start="${window.__bench.start}"]`) !== null);
  await page.waitForTimeout(500);
  return { del, undo };
}

/** Gloss (pkg/ in this page, on its thread: warmed up, the best of three runs) and compromise (one run) on the same text: MB/s each. */
async function throughput(page, text) {
  return page.evaluate(async (t) => {
    const pkg = await import('/pkg/gloss.js');
    await pkg.default({ module_or_path: '/pkg/gloss_bg.wasm' });
    const options = { reference_date: '2025-12-21', today: '2025-12-21' };
    const bytes = new TextEncoder().encode(t).length;
    // Warmed up, then the best of three: the engine compiles a fresh module
    // with a baseline tier first and optimizes its hot code in the background.
    const warmUp = t.slice(0, 200_000);
    const began = performance.now();
    for (let runs = 0; runs < 3 || performance.now() - began < 3000; runs += 1) pkg.annotate(warmUp, options);
    let gloss = Infinity;
    let at;
    for (let i = 0; i < 3; i += 1) {
      at = performance.now();
      pkg.annotate(t, options);
      gloss = Math.min(gloss, performance.now() - at);
    }
    at = performance.now();
    const doc = window.nlp(t);
    for (const view of [doc.people(), doc.places(), doc.organizations()]) view.json({ offset: true });
    const compromise = performance.now() - at;
    return { bytes, gloss, compromise };
  }, text);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(options.news)) throw new Error(`${options.news} not found: pass a JSON Lines file with "text" fields`);
  if (options.sizes.length > 0 && !existsSync(COMPROMISE)) throw new Error(`${COMPROMISE} missing: run npm ci in bench/compare`);
  const texts = readFileSync(options.news, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text).filter((t) => typeof t === 'string' && t.trim());
  const server = await startServer({ port: 0, quiet: true, root: options.root });
  const base = `http://127.0.0.1:${server.address().port}`;
  const profile = await mkdtemp(path.join(tmpdir(), 'gloss-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  try {
    await context.addInitScript(instrument);
    // compromise from the local file, at a same-origin address only this browser sees (the page's CSP allows 'self').
    await context.route(`${base}/www/bench-compromise.js`, (route) => route.fulfill({ path: COMPROMISE, contentType: 'text/javascript' }));
    console.log(`page: ${options.root} (served by scripts/serve.mjs), news: ${options.news}`);
    const ready = await pageReady(context, base);
    console.log(`page ready (navigation to sample annotated): first visit ${ms(ready.firstReadyAt)}, second visit ${ms(ready.readyAt)}; towns loaded ${ms(ready.wall)} after the second navigation began (wall clock)`);
    console.log(`loaded: ${ready.files} files, ${mb(ready.gz)} gzipped (of which towns.tsv ${mb(ready.towns)})`);
    const page = ready.page;
    if (options.readyRuns > 1) {
      const times = [ready.readyAt, ...(await moreReady(page, base, options.readyRuns - 1))];
      const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
      console.log(`page ready, ${times.length} visits after the first: median ${ms(median)} (${times.map(ms).join(', ')})`);
    }
    if (options.sizes.length === 0) return;
    await page.addScriptTag({ url: `${base}/www/bench-compromise.js` });
    const maxCompromise = parseSize(options.compromiseMax).bytes;
    for (const size of options.sizes) {
      const text = buildText(texts, parseSize(size));
      const words = text.split(/\s+/).length;
      console.log(`\n${size}: ${mb(Buffer.byteLength(text))}, ${words.toLocaleString('en')} words`);
      const run = await annotateRun(page, text);
      console.log(`  progress shown after ${run.progress === null ? 'never' : ms(run.progress)}; first highlights ${ms(run.first)}; done ${ms(run.done)}; longest main-thread task ${ms(run.longest)}; ${run.marks.toLocaleString('en')} marks`);
      const { del, undo } = await deleteAndUndo(page);
      console.log(`  delete one mark: ${ms(del.shown)} (longest main-thread task after it: ${ms(del.longest)}); undo: ${ms(undo.shown)} (longest task after it: ${ms(undo.longest)})`);
      let sample = text;
      if (Buffer.byteLength(sample) > maxCompromise) sample = sample.slice(0, sample.lastIndexOf('\n\n', maxCompromise));
      const speed = await throughput(page, sample);
      const rate = (t) => `${(speed.bytes / 1024 / 1024 / (t / 1000)).toFixed(2)} MB/s`;
      console.log(`  throughput on ${mb(speed.bytes)}: Gloss ${rate(speed.gloss)} (${ms(speed.gloss)}), compromise ${rate(speed.compromise)} (${ms(speed.compromise)}): Gloss ${(speed.compromise / speed.gloss).toFixed(1)}× faster`);
    }
  } finally {
    await context.close();
    await new Promise((resolve) => server.close(resolve));
    await rm(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench/page: ${e.message}`);
  process.exit(1);
});
