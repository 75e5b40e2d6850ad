// The served page installs and works offline: after one visit its service
// worker (www/sw.js) has cached everything it loads, so a returning visit asks
// the server for nothing but the build stamp, and with the server stopped a
// reload still opens the page, which annotates; the cache is named after the
// build, and a new build replaces it and says so.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, appendFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { withApp, annotateText, marks, GOLDEN_DATE, ROOT } from './helpers.js';

let browser;
let page;
withApp((opened, app) => {
  browser = opened;
  page = app;
});

const buildOf = (stamp) => createHash('sha256').update(readFileSync(stamp)).digest('hex').slice(0, 16);
const BUILD = buildOf(path.join(ROOT, 'www/BUILD.sha256'));

test('the page links a manifest whose icons load, and the policy allows its worker and manifest', async () => {
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /worker-src 'self'/);
  assert.match(csp, /manifest-src 'self'/);
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]').href;
    const json = await (await fetch(href)).json();
    const icons = await Promise.all(json.icons.map(async (i) => [i.src, (await fetch(new URL(i.src, href))).status]));
    return { name: json.short_name, scope: json.scope, icons };
  });
  assert.equal(manifest.name, 'Gloss');
  assert.equal(manifest.scope, './');
  assert.deepEqual(manifest.icons.map(([, status]) => status), manifest.icons.map(() => 200));
});

test('a returning visit is answered from the cache: the server is asked only for the build stamp', async () => {
  await page.waitForSelector('body[data-offline="ready"]');
  const asked = [];
  const record = (request) => asked.push(new URL(request.url, 'http://x').pathname);
  browser.server.on('request', record);
  try {
    await page.reload();
    await page.waitForSelector('body[data-state="ready"]');
    await page.waitForSelector('body[data-towns="loaded"]');
    await page.waitForSelector('body[data-offline="ready"]');
  } finally {
    browser.server.off('request', record);
  }
  assert.deepEqual(asked, ['/www/BUILD.sha256']);
  assert.equal(await page.evaluate(() => document.body.dataset.update), undefined, 'no update is announced');
});

test('after one visit, the page opens and annotates with the server stopped', async () => {
  await page.waitForSelector('body[data-offline="ready"]');
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`gloss-${BUILD}`]);
  const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), `gloss-${BUILD}`);
  for (const file of ['/www/', '/www/js/app.js', '/www/js/core.js', '/pkg/gloss.js', '/pkg/gloss_bg.wasm', '/pkg/towns.tsv', '/www/vendor/world-atlas/countries-110m.json', '/www/sample-article.txt']) {
    assert.ok(cached.includes(file), `${file} is cached`);
  }

  browser.server.closeAllConnections();
  await new Promise((resolve) => browser.server.close(resolve));
  assert.equal(await page.evaluate(() => fetch('/www/not-cached.txt').then(() => 'answered', () => 'failed')), 'failed', 'the server is down');

  await page.reload();
  await page.waitForSelector('body[data-state="ready"]');
  await page.waitForSelector('body[data-towns="loaded"]');
  await annotateText(page, 'Officials met in Geneva on Friday, said Maria Schmidt.', GOLDEN_DATE);
  const labels = (await marks(page)).map((m) => [m.text, m.label]);
  assert.ok(labels.some(([t, l]) => t === 'Geneva' && l === 'PLACE'), JSON.stringify(labels));
  assert.ok(labels.some(([t, l]) => t === 'Friday' && l === 'DATE'), JSON.stringify(labels));
});

test('offline, a new build that cannot install leaves the working one in place', async () => {
  await page.evaluate(() => navigator.serviceWorker.register('sw.js?build=unreachable', { scope: './' }).catch(() => {}));
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`gloss-${BUILD}`]);
  await page.reload();
  await page.waitForSelector('body[data-state="ready"]');
});

test('a new build on the server installs at the next visit, replaces the cache and says a reload shows it', async () => {
  // The server back, on the same address, serving a copy whose stamp differs.
  const copy = await mkdtemp(path.join(tmpdir(), 'gloss-next-build-'));
  after(() => rm(copy, { recursive: true, force: true }));
  for (const dir of ['www', 'pkg']) await cp(path.join(ROOT, dir), path.join(copy, dir), { recursive: true });
  appendFileSync(path.join(copy, 'www/BUILD.sha256'), '0000000000000000000000000000000000000000000000000000000000000000  www/next\n');
  const next = buildOf(path.join(copy, 'www/BUILD.sha256'));
  const port = new URL(browser.base).port;
  const server = await startServer({ port: Number(port), root: copy, quiet: true });
  after(() => new Promise((resolve) => server.close(resolve)));

  await page.reload();
  await page.waitForSelector('body[data-update="installed"]');
  assert.match(await page.textContent('#status'), /new version of Gloss is installed: reload/);
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL).then((url) => url.endsWith(`?build=${next}`)));
  await page.waitForFunction(async (b) => JSON.stringify(await caches.keys()) === JSON.stringify([`gloss-${b}`]), next, { polling: 100 });
  // The next visit opens from the new cache, with nothing more to announce.
  await page.reload();
  await page.waitForSelector('body[data-offline="ready"]');
  assert.equal(await page.evaluate(() => document.body.dataset.update), undefined);
});
