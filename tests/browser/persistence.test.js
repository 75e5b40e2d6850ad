// Nothing lost, in real Chromium: an edit survives the browser being killed
// 500 ms later; two tabs never overwrite each other's work; full storage
// keeps a visible warning, a reload brings the unsaved work back from the
// journal and never passes an older copy off as "Restored"; an unusable
// saved session is kept as a backup; a 50 MB document saves and loads back.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { openBrowser, annotateText, marks, selectInArticle, saved, GOLDEN_DATE } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TEXT = 'SPRINGFIELD — Mayor Linda Okafor met 🎉 Zoë Martín-Ødegaard on Friday in Lincoln Hall.';

/** Selects `word` in the article (as a drag would) and presses `key`. */
async function labelWord(page, word, key) {
  assert.ok(await selectInArticle(page, word), `${word} is in the article`);
  await page.waitForSelector('#action-bar[data-mode="add"]:not([hidden])');
  await page.keyboard.press(key);
}

/** `length` letters and spaces that do not compress much (the store's disk format compresses repeats away). */
function noise(length) {
  let seed = 12345;
  let out = '';
  while (out.length < length) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out += seed % 7 === 0 ? ' ' : String.fromCharCode(97 + (seed % 26));
  }
  return out;
}

const byPerson = async (page) => (await marks(page)).filter((m) => m.source === 'person').map((m) => `${m.text}:${m.label}`);

/**
 * Starts Chromium as a plain process on `profile` (so the test can kill it)
 * and connects to it over the DevTools protocol.
 */
async function launchKillable(profile) {
  const child = spawn(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`chromium exited (${code}): ${seen}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  return { browser, child };
}

test('an edit survives the browser being killed 500 ms later', async () => {
  const server = await startServer({ port: 0, quiet: true });
  const url = `http://127.0.0.1:${server.address().port}/www/`;
  const profile = await mkdtemp(path.join(tmpdir(), 'gloss-crash-'));
  try {
    let { browser, child } = await launchKillable(profile);
    let page = browser.contexts()[0].pages()[0] ?? (await browser.contexts()[0].newPage());
    await page.goto(url);
    await page.waitForSelector('body[data-state="ready"]');
    await annotateText(page, TEXT, GOLDEN_DATE);
    await labelWord(page, 'Okafor', 'l');
    assert.deepEqual(await byPerson(page), ['Okafor:PLACE']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    process.kill(-child.pid, 'SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    ({ browser, child } = await launchKillable(profile));
    page = browser.contexts()[0].pages()[0] ?? (await browser.contexts()[0].newPage());
    await page.goto(url);
    await page.waitForSelector('body[data-state="ready"]');
    assert.equal(await page.textContent('#article'), TEXT);
    assert.deepEqual(await byPerson(page), ['Okafor:PLACE'], 'the correction made 500 ms before the kill is there');
    assert.match(await page.textContent('#status'), /^Restored your last session/);
    await page.keyboard.press('Control+z');
    assert.deepEqual(await byPerson(page), [], 'the undo history survived too');
    await browser.close();
    process.kill(-child.pid, 'SIGKILL');
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await rm(profile, { recursive: true, force: true });
  }
});

describeWithBrowser();

/** The tests that share one browser (fresh profile) opened by helpers.js. */
function describeWithBrowser() {
  let app;
  before(async () => {
    app = await openBrowser();
  });
  after(() => app?.close());

  test('two tabs: one edits, the other is read-only; Edit here hands over without losing either tab’s work', async (t) => {
    const a = await app.openApp();
    await annotateText(a, TEXT, GOLDEN_DATE);
    await labelWord(a, 'Okafor', 'l');
    await saved(a);
    const b = await app.context.newPage();
    t.after(() => b.close());
    await app.openApp({ fresh: false, page: b });
    assert.equal(await b.isVisible('#tab-banner'), true, 'the second tab says it is read-only');
    assert.match(await b.textContent('#tab-banner'), /being edited in another tab|open for editing in another tab/);
    assert.equal(await b.getAttribute('#save-state', 'data-save'), 'readonly');
    assert.deepEqual(await byPerson(b), ['Okafor:PLACE'], 'it shows the editing tab’s work');
    assert.equal(await b.evaluate(() => document.querySelector('#source-text').readOnly), true);
    assert.equal(await b.isDisabled('#annotate'), true);
    // A label key in the read-only tab changes nothing.
    await b.locator('#article mark', { hasText: 'Okafor' }).focus();
    await b.keyboard.press('o');
    assert.deepEqual(await byPerson(b), ['Okafor:PLACE']);

    // The editing tab's next edit shows up in the read-only tab.
    await labelWord(a, 'Mayor', 'l');
    assert.equal((await byPerson(a)).length, 2);
    await saved(a);
    await b.waitForFunction(() => document.querySelectorAll('#article mark[data-source="person"]').length === 2);

    // Edit here: b edits, a becomes read-only, and a's last edit (made just before) is kept.
    await labelWord(a, 'SPRINGFIELD', 'p');
    await b.click('#edit-here');
    await a.waitForSelector('#tab-banner:not([hidden])');
    await b.waitForSelector('#tab-banner', { state: 'hidden' });
    assert.deepEqual((await byPerson(b)).sort(), ['Mayor:PLACE', 'Okafor:PLACE', 'SPRINGFIELD:PERSON'], 'the handover saved and loaded the editing tab’s last edit');
    assert.equal(await a.evaluate(() => document.querySelector('#source-text').readOnly), true);
    await labelWord(b, 'met', 'o');
    await saved(b);
    await a.waitForFunction(() => document.querySelectorAll('#article mark[data-source="person"]').length === 4);
    // A reload of the read-only tab stays read-only and shows the latest work.
    await a.reload();
    await a.waitForSelector('body[data-state="ready"]');
    assert.equal(await a.isVisible('#tab-banner'), true);
    assert.equal((await byPerson(a)).length, 4);
    // When the editing tab closes, the read-only one edits, with the latest work.
    await b.close();
    await a.waitForSelector('#tab-banner', { state: 'hidden' });
    assert.match(await a.textContent('#status'), /editing tab closed: this tab edits now/);
    assert.equal((await byPerson(a)).length, 4);
    await labelWord(a, 'Linda', 'o');
    await saved(a);
  });

  test('full storage: the warning stays, Export JSON is offered, and a reload never calls an older copy "Restored"', async (t) => {
    const page = await app.openApp();
    await annotateText(page, TEXT, GOLDEN_DATE);
    await saved(page);
    const cdp = await app.context.newCDPSession(page);
    // The storage key form, with the slash: without it Chromium accepts the call and changes nothing.
    const origin = `${new URL(app.base).origin}/`;
    const { usage } = await page.evaluate(() => navigator.storage.estimate());
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 20_000 });
    const big = `${TEXT} ${noise(100_000)}`;
    t.after(() => cdp.send('Storage.overrideQuotaForOrigin', { origin }).catch(() => {}));
    // Chromium applies the quota once it reopens the database's files, which it
    // keeps open about 2 s after the last page using them goes away.
    await page.goto('about:blank');
    await page.waitForTimeout(3000);
    await app.openApp({ fresh: false, page });
    await page.fill('#source-text', big);
    await page.waitForSelector('#save-warning:not([hidden])');
    assert.equal(await page.getAttribute('#save-state', 'data-save'), 'failed');
    assert.match(await page.textContent('#save-warning'), /not saved.*storage.*full.*Export JSON/);
    // Other messages do not hide it.
    await page.click('#copy-json');
    await page.waitForFunction(() => document.querySelector('#status').textContent.length > 0);
    await page.click('#annotate');
    await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Annotated'));
    await page.waitForTimeout(400);
    assert.equal(await page.isVisible('#save-warning'), true, 'the warning outlives other status messages');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-warning-export')]);
    assert.equal(JSON.parse(await readFile(await download.path(), 'utf8')).text, big, 'Export JSON from the warning has the unsaved work');
    await page.reload();
    await page.waitForSelector('body[data-state="ready"]');
    const status = await page.textContent('#status');
    assert.doesNotMatch(status, /Restored/);
    assert.match(status, /latest work.*journal.*not saved.*storage.*full.*Export JSON/);
    assert.equal(await page.textContent('#article'), big, 'the work the store could not take comes back from the journal');
    assert.equal(await page.getAttribute('#save-state', 'data-save'), 'failed');
    assert.equal(await page.isVisible('#save-warning'), true);
    // Without the journal, the last good save is what the store has: never called "Restored".
    await page.evaluate(() => localStorage.removeItem('gloss.journal'));
    await page.reload();
    await page.waitForSelector('body[data-state="ready"]');
    assert.match(await page.textContent('#status'), /last copy saved.*could not be saved/);
    assert.equal(await page.textContent('#article'), TEXT, 'the last good save is kept');
    assert.equal(await page.getAttribute('#save-state', 'data-save'), 'failed');
    assert.equal(await page.isVisible('#save-warning'), true);
    // Room again: the next change saves, and the warning goes.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await labelWord(page, 'Okafor', 'l');
    await saved(page);
    assert.equal(await page.isVisible('#save-warning'), false);
    await page.reload();
    await page.waitForSelector('body[data-state="ready"]');
    assert.match(await page.textContent('#status'), /^Restored/);
  });

  test('a saved session that fails validation is kept as a backup to download, never deleted', async () => {
    const page = await app.openApp();
    await annotateText(page, TEXT, GOLDEN_DATE);
    await saved(page);
    // Damage the saved record: an annotation past the end of the text.
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('gloss');
          open.onsuccess = () => {
            const tx = open.result.transaction('head', 'readwrite');
            const heads = tx.objectStore('head');
            heads.get('current').onsuccess = (e) => {
              const head = e.target.result;
              head.present.corrections = [{ start: 0, end: 9999, text: 'x', label: 'PERSON' }];
              heads.put(head, 'current');
            };
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await page.waitForSelector('body[data-state="ready"]');
    assert.equal(await page.isVisible('#backup-banner'), true);
    assert.match(await page.textContent('#backup-banner'), /could not be restored.*kept.*backup/);
    assert.doesNotMatch(await page.textContent('#status'), /Restored/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#backup-download')]);
    const backup = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.ok(Object.values(backup.texts).includes(TEXT), 'the backup holds the text');
    assert.match(backup.reason, /past the end|9999|end/);
    // Later saves do not touch it.
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-state="ready"]');
    const kept = await page.evaluate(async () => {
      const { openStore } = await import('./js/store.js');
      const store = await openStore();
      const list = await store.backups();
      store.close();
      return list.length;
    });
    assert.equal(kept, 1);
  });

  test('a session left in localStorage by the earlier page is moved to IndexedDB once', async () => {
    const page = await app.openApp();
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          indexedDB.deleteDatabase('gloss').onsuccess = resolve;
        }),
    );
    const session = {
      text: 'Anna met Bob.',
      dateField: GOLDEN_DATE,
      model: { reference_date: GOLDEN_DATE, reference_date_source: 'given', annotations: [] },
      corrections: [{ start: 0, end: 4, text: 'Anna', label: 'PLACE' }],
    };
    await page.evaluate((s) => localStorage.setItem('gloss.session.v1', JSON.stringify({ session: s, hidden: [] })), session);
    await page.reload();
    await page.waitForSelector('body[data-state="ready"]');
    assert.equal(await page.textContent('#article'), 'Anna met Bob.');
    assert.deepEqual(await byPerson(page), ['Anna:PLACE']);
    assert.equal(await page.evaluate(() => localStorage.getItem('gloss.session.v1')), null, 'the old copy is cleared once moved');
    await page.reload();
    await page.waitForSelector('body[data-state="ready"]');
    assert.deepEqual(await byPerson(page), ['Anna:PLACE']);
  });

  test('a 50 MB document saves and loads back through the store', async () => {
    const page = await app.openApp();
    const result = await page.evaluate(async () => {
      const { openStore, packSnapshot, unpackSnapshot } = await import('./js/store.js');
      const store = await openStore({ name: 'gloss-big-test' });
      const text = 'Zoë Martín-Ødegaard 🎉 met Анна in 北京. '.repeat(1_400_000);
      const session = { text, dateField: '', model: { reference_date: '2025-12-21', reference_date_source: 'today', annotations: [] }, corrections: [] };
      const ids = new Map();
      let n = 0;
      const packed = packSnapshot({ session, past: [session, session], future: [], hidden: [], draft: text }, ids, () => `t${n++}`);
      const first = await store.save(packed, 0, 'test');
      const again = await store.save(packSnapshot({ session: { ...session, corrections: [{ start: 0, end: 3, text: 'Zoë', label: 'PLACE' }] }, past: [session], future: [], hidden: [], draft: text }, ids, () => `t${n++}`), first.counter, 'test');
      const loaded = await store.load();
      const back = unpackSnapshot(loaded.head, loaded.texts);
      store.close();
      await new Promise((resolve) => {
        indexedDB.deleteDatabase('gloss-big-test').onsuccess = resolve;
      });
      return { size: text.length, same: back.session.text === text && back.past[0].text === text, corrections: back.session.corrections.length, counter: again.counter, texts: loaded.texts.size };
    });
    assert.ok(result.size * 2 >= 50 * 1024 * 1024, `${result.size} UTF-16 units`);
    // One text and one list of the model's annotations, each stored once.
    assert.deepEqual({ ...result, size: 0 }, { size: 0, same: true, corrections: 1, counter: 2, texts: 2 });
  });
}
