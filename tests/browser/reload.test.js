// A reload right after a change, without waiting for the autosave badge to
// say "Saved", brings the change back: at once after the change, and while
// its save is in flight (the leaving page's IndexedDB save may then never
// commit, or commit after the next page read the store; the journal in
// localStorage covers both, see journal.js).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SAVE_DELAY } from '../../www/js/autosave.js';
import { withApp, annotateText, marks, selectInArticle, saved, GOLDEN_DATE } from './helpers.js';

const TEXT = 'SPRINGFIELD — Mayor Linda Okafor met 🎉 Zoë Martín-Ødegaard on Friday in Lincoln Hall. Reporters from Kyiv, Tokyo and Cairo watched quietly.';

let app;
let page;
withApp((b, p) => {
  app = b;
  page = p;
});

const byPerson = async () => (await marks(page)).filter((m) => m.source === 'person').map((m) => `${m.text}:${m.label}`).sort();

/** Selects `word` in the article (as a drag would) and presses `key`. */
async function labelWord(word, key) {
  assert.ok(await selectInArticle(page, word), `${word} is in the article`);
  await page.waitForSelector('#action-bar[data-mode="add"]:not([hidden])');
  await page.keyboard.press(key);
}

/**
 * Reloads in the very task in which the autosave's next save opens its
 * IndexedDB transaction: that save has begun and not completed.
 */
function reloadWhileSaving() {
  return page.evaluate(() => {
    const transaction = IDBDatabase.prototype.transaction;
    let once = false;
    IDBDatabase.prototype.transaction = function (stores, mode, options) {
      const t = transaction.call(this, stores, mode, options);
      if (mode === 'readwrite' && [stores].flat().includes('head') && !once) {
        once = true;
        location.reload();
      }
      return t;
    };
  });
}

test('a change, then a reload at once or while its save is under way (no wait for "Saved"): the change is there', async () => {
  await annotateText(page, TEXT, GOLDEN_DATE);
  await saved(page);
  // At once, around the moment the save delay ends and its save begins (the
  // page then reloads while that save is under way), and with a save caught
  // opening its transaction: each a few times, as each is a race on today's
  // Chromium that the journal must win every time.
  const words = ['Okafor', 'Linda', 'Mayor', 'Lincoln', 'Friday', 'Hall', 'met', 'SPRINGFIELD', 'Zoë', 'Martín-Ødegaard', 'Reporters', 'Kyiv', 'Tokyo', 'Cairo', 'watched', 'quietly'];
  const whens = [0, 'while saving', SAVE_DELAY - 100, 'while saving', SAVE_DELAY - 50, 'while saving', SAVE_DELAY, 'while saving', SAVE_DELAY + 50];
  const rounds = words.map((word, i) => [word, whens[i] ?? 'while saving']);
  const expected = [];
  for (const [word, when] of rounds) {
    await labelWord(word, 'o');
    expected.push(`${word}:ORG`);
    expected.sort();
    await page.waitForFunction((n) => document.querySelectorAll('#article mark[data-source="person"]').length === n, expected.length);
    if (when === 'while saving') {
      await page.evaluate(() => (window.leaving = true));
      await reloadWhileSaving();
      await page.waitForFunction(() => !window.leaving);
    } else {
      if (when > 0) await page.waitForTimeout(when);
      await page.reload();
    }
    await page.waitForSelector('body[data-state="ready"]');
    assert.deepEqual(await byPerson(), expected, `after labelling ${word} and reloading ${typeof when === 'number' ? `${when} ms later` : when}`);
    assert.match(await page.textContent('#status'), /^Restored your last session/);
  }
  // Undo goes back through the changes, as after any reload.
  await page.keyboard.press('Control+z');
  assert.equal((await byPerson()).length, expected.length - 1);
  assert.equal(app.errors.length, 0, app.errors.join('\n'));
});
