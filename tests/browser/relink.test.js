// Relinking after a correction in the real page: the page sends the core's
// worker only the change against a document the worker holds; when the
// worker no longer holds it (it keeps the last few), the page sends the whole
// document instead, and the entities come out as linking the whole document
// gives them. The Entities view keeps the rows a correction does not change.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, annotateText, exportJson, GOLDEN_DATE } from './helpers.js';

const TEXT = 'Anna Petrova of the World Bank met Kwame Mensah in Lagos on Friday. Petrova later flew to Nairobi, and Mensah went back to Accra.';
let page;
withApp((_, app) => {
  page = app;
});

/** Records how each link call is sent to the worker: 'change' (splices against a held document) or 'whole'. */
function recordLinks() {
  return page.evaluate(() => {
    window.__links = [];
    if (window.__recording) return;
    window.__recording = true;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message?.call === 'link') window.__links.push(message.args[1].doc ? 'whole' : 'change');
      return post.call(this, message, ...rest);
    };
  });
}

/** Deletes the mark of `word` with the keyboard; resolves once the relinked entities are shown (one entity fewer). */
async function deleteMark(word) {
  const before = Number(await page.textContent('#entities-total'));
  await page.click(`#article mark.ann:text-is("${word}")`);
  await page.keyboard.press('Delete');
  await page.waitForFunction((n) => Number(document.querySelector('#entities-total').textContent) === n, before - 1);
}

/** The document's entities as the core links the whole of `doc` (on the page's thread, from pkg/ itself). */
function linkedWhole(doc) {
  return page.evaluate(async (d) => {
    const pkg = await import('/pkg/gloss.js');
    await pkg.default({ module_or_path: '/pkg/gloss_bg.wasm' });
    const { entities, ...rest } = d;
    return pkg.linkEntities({ ...rest, annotations: d.annotations.map(({ entity, ...a }) => a) }).document;
  }, doc);
}

test('a correction sends only the change while the worker holds the document shown', async () => {
  await annotateText(page, TEXT, GOLDEN_DATE);
  await recordLinks();
  await deleteMark('Nairobi');
  assert.deepEqual(await page.evaluate(() => window.__links), ['change']);
});

test('when the worker no longer holds it, the page sends the whole document, and the entities are right', async () => {
  await recordLinks();
  // Other annotations make the worker drop the document shown (it holds the last few).
  await page.evaluate(async () => {
    const { loadCore } = await import('/www/js/core.js');
    const core = await loadCore();
    for (let i = 0; i < 12; i++) await core.annotate(`Olga Ivanova met ${i} people in Odesa.`, { reference_date: '2025-12-21', today: '2025-12-21' });
  });
  await deleteMark('Lagos');
  assert.deepEqual(await page.evaluate(() => window.__links), ['change', 'whole'], 'the change was refused, then the whole document sent');
  const exported = JSON.parse((await exportJson(page)).text);
  assert.ok(!exported.annotations.some((a) => a.text === 'Lagos'), 'Lagos is no longer marked');
  const whole = await linkedWhole(exported);
  assert.deepEqual(exported.entities, whole.entities, 'the entities are those of linking the whole document');
  assert.deepEqual(
    exported.annotations.map((a) => a.entity),
    whole.annotations.map((a) => a.entity),
  );
});

test('a correction keeps the Entities rows it does not change, and their mentions still jump to their marks', async () => {
  const row = (name) => page.locator('#entities li.entity', { has: page.locator(`.entity-name:text-is("${name}")`) });
  await row('Kwame Mensah').evaluate((li) => {
    li.kept = true;
  });
  // Before Kwame Mensah's mentions: their places in the list of annotations move.
  await deleteMark('World Bank');
  assert.equal(await row('Kwame Mensah').evaluate((li) => li.kept === true), true, 'the row is the one drawn before');
  await row('Kwame Mensah').locator('.mentions button:text-is("Mensah")').click();
  await page.waitForFunction(() => document.activeElement?.matches('#article mark.ann') && document.activeElement.textContent === 'Mensah');
});
