// How fast the page renders and corrects large documents, in real headless
// Chromium: pastes generated text (tests/browser/large-document.js) of about
// 65 KB (a 10,000-word article), 1 MB and 5 MB, annotates it, and prints the
// time to the first frame after Annotate, to delete the last mark (click on
// it, Delete) and to undo, each until the next frame is drawn, with the
// longest main-thread task (longtask observer). Not part of the test
// command: speed is printed, never asserted.
//
//   node bench/render.mjs            # 65 KB and 5 MB
//   node bench/render.mjs 1000000    # sizes in bytes
//   PROFILE=1 node bench/render.mjs  # also the functions that took longest

import { openBrowser } from '../tests/browser/helpers.js';
import { largeDocument } from '../tests/browser/large-document.js';

const sizes = process.argv.slice(2).map(Number);
const browser = await openBrowser();
const page = await browser.openApp();
const cdp = process.env.PROFILE ? await browser.context.newCDPSession(page) : null;

await page.evaluate(() => {
  // The last shown mark of the article's last block (in its last section, if any; or of the article, on a page without blocks).
  window.lastMark = () => {
    const article = document.querySelector('#article');
    const scope = article.querySelector(':scope > .block:last-child, :scope > .section:last-child > .block:last-child') ?? article;
    return [...scope.querySelectorAll('mark.ann:not(.off)')].at(-1) ?? null;
  };
  window.longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration);
  }).observe({ type: 'longtask', buffered: false });
});

/** Runs `act` in the page; resolves with ms until the frame after it is drawn, and ms of its own script. */
const untilFrame = (act, arg) =>
  page.evaluate(
    ([source, arg]) =>
      new Promise((resolve) => {
        window.longest = 0;
        const started = performance.now();
        new Function('arg', source)(arg);
        const sync = performance.now() - started;
        requestAnimationFrame(() => setTimeout(() => resolve({ total: performance.now() - started, sync }), 0));
      }),
    [act, arg],
  );

async function profiled(label, run) {
  if (!cdp) return run();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const node = profile.nodes.find((n) => n.id === id);
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(`  profile of ${label}: ${top.map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`).join('; ')}`);
  return result;
}

async function measure(bytes) {
  const { text } = largeDocument(bytes);
  await page.locator('#source-panel').evaluate((d) => {
    d.open = true;
  });
  await page.locator('#source-text').evaluate((box, value) => {
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.fill('#reference-date', '2025-12-21');
  const started = Date.now();
  await profiled('annotate', async () => {
    await page.click('#annotate', { timeout: 600_000 });
    await page.waitForFunction(() => /^Annotated/.test(document.querySelector('#status').textContent), null, { timeout: 600_000, polling: 50 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  });
  const annotated = Date.now() - started;
  const status = await page.textContent('#status');
  const total = await page.$$eval('#legend .count', (all) => all.reduce((n, c) => n + Number(c.textContent), 0));
  const marksInDom = await page.locator('#article mark.ann').count();
  // Far down: the last mark of the article, scrolled to first.
  const toTheEnd = () =>
    page.waitForFunction(
      () => {
        const article = document.querySelector('#article');
        window.scrollTo(0, article.getBoundingClientRect().bottom + scrollY - innerHeight);
        return lastMark() ?? false;
      },
      null,
      { polling: 100, timeout: 120_000 },
    );
  await toTheEnd();
  const start = await page.evaluate(() => lastMark().dataset.start);
  // The first autosave of a new text writes it whole: let it finish, so what follows is measured alone.
  const settled = () => page.waitForSelector('#save-state[data-save="saved"]', { timeout: 120_000, state: 'attached' }).catch(() => {});
  await settled();
  // Scrolling: 60 frames, a screen up per frame, from the end.
  const scroll = await profiled('scrolling', () => page.evaluate(
    () =>
      new Promise((resolve) => {
        window.longest = 0;
        let frames = 0;
        let worst = 0;
        let last = performance.now();
        const step = () => {
          const now = performance.now();
          worst = Math.max(worst, now - last);
          last = now;
          window.scrollBy(0, -innerHeight);
          if (++frames < 60) requestAnimationFrame(step);
          else setTimeout(() => resolve({ worst, longest: window.longest, marks: document.querySelectorAll('#article mark.ann').length }), 100);
        };
        requestAnimationFrame(step);
      }),
  ));
  await toTheEnd();
  await page.click(`#article mark[data-start="${start}"]`);
  await page.waitForTimeout(500);
  await settled();
  const remove = await profiled('delete', () => untilFrame(`document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Delete', bubbles: true}));`, null));
  const removeTask = await page.evaluate(() => window.longest);
  await profiled('the 2 s after delete', () => page.waitForTimeout(2000));
  await settled();
  const afterRemove = await page.evaluate(() => window.longest);
  const undo = await profiled('undo', () => untilFrame(`document.querySelector('#undo').click();`, null));
  const undoTask = await page.evaluate(() => window.longest);
  await page.waitForTimeout(2000);
  const afterUndo = await page.evaluate(() => window.longest);
  const back = await page.$(`#article mark[data-start="${start}"]`);
  console.log(
    `${(bytes / 1e6).toFixed(2)} MB text, ${total} marks (${status.replace(/:.*/, '')}): annotate to first frame ${annotated} ms, ${marksInDom} marks in the DOM; ` +
      `scrolling 60 screens: longest frame ${scroll.worst.toFixed(0)} ms, longest task ${scroll.longest.toFixed(0)} ms, ${scroll.marks} marks in the DOM after; ` +
      `delete the last mark ${remove.total.toFixed(0)} ms to the next frame (script ${remove.sync.toFixed(0)} ms; longest task ${removeTask.toFixed(0)} ms; in the 2 s after, while entities regroup and autosave: ${afterRemove.toFixed(0)} ms); ` +
      `undo ${undo.total.toFixed(0)} ms (script ${undo.sync.toFixed(0)} ms; longest task ${undoTask.toFixed(0)} ms; after: ${afterUndo.toFixed(0)} ms); mark back: ${back !== null}`,
  );
  await page.evaluate(() => window.scrollTo(0, 0));
}

for (const bytes of sizes.length > 0 ? sizes : [65_000, 1_000_000, 5_000_000]) await measure(bytes);
await browser.close();
