// The page's promises about the network and the clipboard: its
// Content-Security-Policy refuses any other origin (tested against another
// loopback address, so nothing could leave the machine even if it failed),
// and Copy JSON copies exactly what Export downloads.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, annotateText, exportJson, fixtures, GOLDEN_DATE } from './helpers.js';

let browser;
let page;
withApp((opened, app) => {
  browser = opened;
  page = app;
});

test('the Content-Security-Policy blocks requests to any other origin', async () => {
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp, /connect-src 'self'/);
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    let fetched;
    try {
      await fetch('http://127.0.0.2:9/elsewhere');
      fetched = 'fetched';
    } catch {
      fetched = 'refused';
    }
    const img = new Image();
    await new Promise((resolve) => {
      img.onerror = resolve;
      img.onload = resolve;
      img.src = 'http://127.0.0.2:9/pixel.png';
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { fetched, violations };
  });
  assert.equal(outcome.fetched, 'refused');
  assert.ok(outcome.violations.some((v) => v.startsWith('connect-src http://127.0.0.2:9')), JSON.stringify(outcome.violations));
  assert.ok(outcome.violations.some((v) => v.startsWith('img-src http://127.0.0.2:9')), JSON.stringify(outcome.violations));
});

test('Copy JSON puts exactly the exported JSON on the clipboard', async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: browser.base });
  const fixture = fixtures().find((f) => f.name === 'ceasefire-talks.txt');
  await annotateText(page, fixture.text, GOLDEN_DATE);
  await page.click('#copy-json');
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Copied'));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, (await exportJson(page)).text);
});
