// How fast the page renders and corrects large documents, in real headless
// Chromium: imports a generated gloss/2 document (tests/browser/large-document.js)
// of about 65 KB (a 10,000-word article) and 5 MB, and prints the time to the
// first frame after the import, to delete one mark (click on it, Delete) and
// to undo, each until the next frame is drawn, with the longest main-thread
// task (longtask observer). Not part of the test command: speed is printed,
// never asserted.
//
//   node bench/render.mjs            # 65 KB and 5 MB
//   node bench/render.mjs 1000000    # sizes in bytes
//   PROFILE=1 node bench/render.mjs  # also the functions that took longest

import { openBrowser } from '../tests/browser/helpers.js';
import { LAST_PLACE, largeDocument } from '../tests/browser/large-document.js';

const sizes = process.argv.slice(2).map(Number);
const browser = await openBrowser();
const page = await browser.openApp();
const cdp = process.env.PROFILE ? await browser.context.newCDPSession(page) : null;

await page.evaluate(() => {
  window.longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration);
  }).observe({ type: 'longtask', buffered: false });
});

/** Runs `act` in the page and resolves with ms until the frame after it is drawn. */
const untilFrame = (act, arg) =>
  page.evaluate(
    ([source, arg]) =>
      new Promise((resolve) => {
        window.longest = 0;
        const started = performance.now();
        new Function('arg', source)(arg);
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
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
  const doc = largeDocument(bytes);
  const json = JSON.stringify(doc);
  const started = Date.now();
  await profiled('import', async () => {
    await page.setInputFiles('#import-file', { name: `bench-${bytes}.json`, mimeType: 'application/json', buffer: Buffer.from(json) });
    await page.waitForFunction((name) => document.querySelector('#status').textContent.includes(name), `bench-${bytes}.json`, { timeout: 600_000, polling: 50 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  });
  const imported = Date.now() - started;
  const importTask = await page.evaluate(() => window.longest);
  const marksInDom = await page.locator('#article mark.ann').count();
  // Far down: the last place of the document, scrolled to first.
  const target = doc.annotations.find((a) => a.text === LAST_PLACE);
  await page.waitForFunction(
    (start) => {
      const article = document.querySelector('#article');
      window.scrollTo(0, article.getBoundingClientRect().bottom + scrollY - innerHeight);
      return document.querySelector(`#article mark[data-start="${start}"]`) !== null;
    },
    target.start,
    { polling: 100, timeout: 120_000 },
  );
  await page.click(`#article mark[data-start="${target.start}"]`);
  await page.waitForTimeout(500);
  const remove = await profiled('delete', () =>
    untilFrame(
      `document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Delete', bubbles: true}));`,
      null,
    ),
  );
  const removeTask = await page.evaluate(() => window.longest);
  await page.waitForTimeout(1500);
  const afterRemove = await page.evaluate(() => window.longest);
  const undo = await profiled('undo', () => untilFrame(`document.querySelector('#undo').click();`, null));
  const undoTask = await page.evaluate(() => window.longest);
  await page.waitForTimeout(1500);
  const afterUndo = await page.evaluate(() => window.longest);
  const gone = await page.$(`#article mark[data-start="${target.start}"]`);
  console.log(
    `${(json.length / 1e6).toFixed(2)} MB JSON, text ${(doc.text.length / 1e6).toFixed(2)} M UTF-16 units, ${doc.annotations.length} marks: ` +
      `import to first frame ${imported} ms (longest task ${importTask.toFixed(0)} ms), ${marksInDom} marks in the DOM; ` +
      `delete ${remove.toFixed(0)} ms to the next frame (longest task ${removeTask.toFixed(0)} ms; in the 1.5 s after: ${afterRemove.toFixed(0)} ms); ` +
      `undo ${undo.toFixed(0)} ms (longest task ${undoTask.toFixed(0)} ms; after: ${afterUndo.toFixed(0)} ms); mark back: ${gone !== null}`,
  );
  await page.evaluate(() => window.scrollTo(0, 0));
}

for (const bytes of sizes.length > 0 ? sizes : [65_000, 5_000_000]) await measure(bytes);
await browser.close();
