// Who, where and when in the real page: the Entities view groups the
// mentions of tests/fixtures/entities-variants.txt, the map pins its places
// at the right countries, the timeline lists its dates in order, each jumps
// to its mention; a merge, a re-resolution and a date-value edit survive a
// reload and are exported. Also prints the page's gzipped size at start.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { withApp, annotateText, exportJson, GOLDEN_DATE, OUTPUT, ROOT } from './helpers.js';

const TEXT = readFileSync(path.join(ROOT, 'tests/fixtures/entities-variants.txt'), 'utf8');
let browser;
let page;
withApp((opened, app) => {
  browser = opened;
  page = app;
});

/** The mark that has the focus: {text, start}, or null. */
const focusedMark = () => page.evaluate(() => (document.activeElement?.matches('#article mark.ann') ? { text: document.activeElement.textContent, start: Number(document.activeElement.dataset.start), flash: document.activeElement.classList.contains('flash') } : null));
const codePoint = (needle, from = 0) => [...TEXT.slice(0, TEXT.indexOf(needle, from))].length;
const entityRows = () =>
  page.$$eval('#entities li.entity', (rows) => rows.map((r) => ({ label: r.dataset.label, name: r.querySelector('.entity-name').textContent, mentions: [...r.querySelectorAll('.mentions button')].map((b) => b.textContent), geonames: r.dataset.geonamesId })));
/** The entity rows once `settled(rows)` holds (the view redraws when the core's worker has relinked), or after 5 s as they are. */
async function entityRowsWhen(settled) {
  let rows = await entityRows();
  for (const deadline = Date.now() + 5000; !settled(rows) && Date.now() < deadline; rows = await entityRows()) {
    await page.waitForTimeout(50);
  }
  return rows;
}
const petrovMentions = (rows) => rows.find((r) => r.name === 'Ivan Petrov')?.mentions ?? [];
const showTab = (name) => page.click(`#tab-${name}`);

test('the Entities view groups the mentions by entity and label', async () => {
  await annotateText(page, TEXT, GOLDEN_DATE);
  const rows = await entityRows();
  const row = (name) => rows.find((r) => r.name === name);
  assert.deepEqual(row('Volodymyr Zelenskyy').mentions, ['Volodymyr Zelenskyy', 'Zelensky']);
  assert.deepEqual(row('Andriy Khnatov').mentions, ['Andriy Khnatov', 'Andrii Hnatov'], 'a transliteration variant joins');
  assert.deepEqual(row('Donald Trump').mentions, ['Donald Trump', 'Trump'], 'a surname alone joins');
  assert.deepEqual(row('Donald Tusk').mentions, ['Donald Tusk'], 'another Donald stays apart');
  assert.deepEqual(row('United States').mentions, ['United States', 'U.S.', 'US'], 'an alias joins: "U.S.", and "the US"');
  assert.deepEqual(row('Kyiv').mentions, ['KYIV', 'Kiev', 'Kyiv']);
  assert.equal(row('Kyiv').geonames, '703448');
  assert.deepEqual([...new Set(rows.map((r) => r.label))], ['PERSON', 'PLACE', 'ORG'], 'grouped by label, in the legend order');
  assert.match(await page.textContent('#entities li.entity[data-geonames-id="703448"] .geonames'), /geonames\.org\/703448/);
  // An entity mention jumps to its mark.
  await page.click('#entities li.entity[data-geonames-id="703448"] .mentions button:has-text("Kiev")');
  assert.deepEqual(await focusedMark(), { text: 'Kiev', start: codePoint('Kiev'), flash: true });
});

test("the tabs' counts follow a correction and its undo while their views are not shown", async () => {
  // The Entities tab is shown: the map and the timeline are not drawn, but their tabs count.
  assert.equal(await page.getAttribute('#panel-timeline', 'hidden'), '');
  const counts = () => page.$$eval('#views [role="tab"] .count', (all) => all.map((c) => c.textContent));
  await page.waitForFunction(() => document.querySelector('#timeline-total').textContent === '5');
  const before = await counts();
  assert.equal(before[2], '5', 'October, Friday, Dec. 20, Saturday, next week');
  assert.match(before[0], /^\d+$/);
  assert.match(before[1], /^\d+$/);
  await page.focus(`#article mark[data-start="${codePoint('October')}"]`);
  await page.keyboard.press('Delete');
  await page.waitForFunction(() => document.querySelector('#timeline-total').textContent === '4');
  assert.deepEqual((await counts()).slice(0, 2), before.slice(0, 2), 'a date is no entity and no place');
  await page.click('#undo');
  await page.waitForFunction(() => document.querySelector('#timeline-total').textContent === '5');
  // Removing a place's only mention drops it from the entities and the map.
  const tusk = codePoint('Donald Tusk');
  await page.focus(`#article mark[data-start="${tusk}"]`);
  await page.keyboard.press('Delete');
  await page.waitForFunction((n) => document.querySelector('#entities-total').textContent === String(n), Number(before[0]) - 1);
  await page.click('#undo');
  await page.waitForFunction((n) => document.querySelector('#entities-total').textContent === n, before[0]);
  assert.deepEqual(await counts(), before);
});

test('the map pins each resolved place at its country; a pin lists and jumps to its mentions, from the keyboard too', async () => {
  await showTab('map');
  await page.waitForSelector('#map[data-state="drawn"] .pin');
  const pins = await page.$$eval('#map .pin', (all) => all.map((p) => [p.dataset.geonamesId, p.dataset.country, p.getAttribute('aria-label'), p.getAttribute('tabindex'), p.getAttribute('role')]));
  const byId = Object.fromEntries(pins.map(([id, ...rest]) => [id, rest]));
  assert.deepEqual(Object.keys(byId).sort(), ['4140963', '524901', '6252001', '690791', '703448']);
  assert.deepEqual(byId['703448'], ['UA', 'Kyiv, UA — 3 mentions', '0', 'button']);
  assert.deepEqual(byId['524901'].slice(0, 1), ['RU']);
  assert.deepEqual(byId['4140963'].slice(0, 1), ['US']);
  // The pins sit inside the drawn map, apart from each other (zoomed to the article's places).
  const boxes = await page.$$eval('#map .pin circle', (all) => all.map((c) => c.getBoundingClientRect().toJSON()));
  const map = await page.$eval('#map svg', (s) => s.getBoundingClientRect().toJSON());
  for (const b of boxes) assert.ok(b.left >= map.left && b.right <= map.right && b.top >= map.top && b.bottom <= map.bottom, 'pin inside the map');
  const moscow = await page.$eval('#map .pin[data-geonames-id="524901"] circle', (c) => c.getBoundingClientRect().toJSON());
  const washington = await page.$eval('#map .pin[data-geonames-id="4140963"] circle', (c) => c.getBoundingClientRect().toJSON());
  assert.ok(moscow.left - washington.left > map.width / 3, 'Moscow lies far east of Washington');
  await page.click('#map .pin[data-geonames-id="6252001"] circle');
  assert.deepEqual(await focusedMark(), { text: 'United States', start: codePoint('United States'), flash: true });
  assert.deepEqual(await page.$$eval('#map-detail .mentions button', (b) => b.map((x) => x.textContent)), ['United States', 'U.S.', 'US']);
  // From the keyboard: the pins are one Tab stop, the arrow keys step west and east, Enter opens.
  const tabbable = () => page.$$eval('#map .pin[tabindex="0"]', (all) => all.map((p) => p.dataset.geonamesId));
  assert.deepEqual(await tabbable(), ['703448'], 'the biggest pin (Kyiv, 3 mentions) is the Tab stop');
  const focusedPin = () => page.evaluate(() => document.activeElement?.closest('.pin')?.dataset.geonamesId ?? null);
  const westmost = await page.$$eval('#map .pin', (all) => all.map((p) => [p.dataset.geonamesId, p.querySelector('circle').getBoundingClientRect().left]).sort((a, b) => a[1] - b[1])[0][0]);
  await page.focus('#map .pin[data-geonames-id="703448"]');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  assert.equal(await focusedPin(), westmost, 'ArrowLeft steps to the westmost pin');
  assert.deepEqual(await tabbable(), [westmost], 'and the Tab stop moves with the focus');
  await page.keyboard.press('ArrowRight');
  assert.notEqual(await focusedPin(), westmost, 'ArrowRight steps back east');
  await page.keyboard.press('Home');
  assert.equal(await focusedPin(), '703448');
  await page.keyboard.press('Enter');
  assert.deepEqual(await focusedMark(), { text: 'KYIV', start: 0, flash: true });
  await page.locator('#views').scrollIntoViewIfNeeded();
  await page.locator('#panel-map').screenshot({ path: path.join(OUTPUT, 'map.png') });
});

test('the timeline lists the dates in time order, marks the reference date, and jumps to each', async () => {
  await showTab('timeline');
  // Drawn once shown, from the core's answer (it runs in a worker).
  await page.waitForSelector('#timeline .tl-item');
  const items = await page.$$eval('#timeline .tl-item', (all) => all.map((g) => [g.getAttribute('aria-label').split(' — ')[0], g.dataset.start, g.dataset.precision]));
  assert.deepEqual(items, [
    ['October', '2025-10-01', 'month'],
    ['Friday', '2025-12-19', 'day'],
    ['Dec. 20', '2025-12-20', 'day'],
    ['Saturday', '2025-12-20', 'day'],
    ['next week', '2025-12-22', 'week'],
  ]);
  assert.deepEqual(await page.$$eval('#timeline .tl-item', (all) => all.map((g) => g.querySelector('circle') ? 'point' : 'range')), ['range', 'point', 'point', 'point', 'range']);
  assert.match(await page.textContent('#timeline .reference'), /reference date 2025-12-21/);
  assert.deepEqual(await page.$$eval('#timeline-list button', (b) => b.map((x) => x.textContent.split(' ')[0])), ['2025-10-01', '2025-12-19', '2025-12-20', '2025-12-20', '2025-12-22']);
  await page.click('#timeline .tl-item[data-start="2025-10-01"] rect');
  assert.deepEqual(await focusedMark(), { text: 'October', start: codePoint('October'), flash: true });
  // The arrow keys step through time: from Saturday to next week.
  await page.focus('#timeline .tl-item[data-start="2025-12-20"][data-index]:nth-child(4)');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.start), '2025-12-22');
  await page.keyboard.press('Enter');
  assert.deepEqual(await focusedMark(), { text: 'next week', start: codePoint('next week'), flash: true });
  await page.locator('#views').scrollIntoViewIfNeeded();
  await page.locator('#panel-timeline').screenshot({ path: path.join(OUTPUT, 'timeline.png') });
});

test('a merge, a re-resolution and a date-value edit are undoable, survive a reload and are exported; an invalid value changes nothing', async () => {
  await showTab('entities');
  // Merge "Ivan" into "Ivan Petrov".
  const petrov = page.locator('#entities li.entity', { has: page.locator('.entity-name', { hasText: /^Ivan Petrov$/ }) });
  await petrov.locator('summary').click();
  const target = await page.$$eval('#entities li.entity', (rows) => rows.find((r) => r.querySelector('.entity-name').textContent === 'Ivan').dataset.entity);
  await petrov.locator('.merge-select').selectOption(target);
  await petrov.locator('button.merge').click();
  let rows = await entityRowsWhen((r) => petrovMentions(r).length === 2);
  assert.deepEqual(rows.find((r) => r.name === 'Ivan Petrov').mentions, ['Ivan Petrov', 'Ivan']);
  assert.equal(rows.some((r) => r.name === 'Ivan'), false);
  await page.click('#undo');
  rows = await entityRowsWhen((r) => r.some((row) => row.name === 'Ivan'));
  assert.ok(rows.some((r) => r.name === 'Ivan'), 'undo brings Ivan back on his own');
  await page.click('#redo');
  await entityRowsWhen((r) => petrovMentions(r).length === 2);

  // Washington: the state, not the city.
  const washington = page.locator('#entities li.entity[data-geonames-id="4140963"]');
  await washington.locator('summary').click();
  await washington.locator('.place-select').selectOption('5815135');
  await washington.locator('button.choose-place').click();
  await page.waitForSelector('#entities li.entity[data-geonames-id="5815135"]');

  // October → October 2024; an invalid value first.
  const october = page.locator(`#entities li.value-row[data-start="${codePoint('October')}"]`);
  await october.locator('.value-input').fill('2024-13');
  await october.locator('button.set-value').click();
  // The core (in its worker) checks the value: wait for its answer.
  await october.locator('.value-problem', { hasText: /not a TIMEX3 value/ }).waitFor();
  assert.equal(await page.$eval(`#article mark[data-start="${codePoint('October')}"]`, (m) => m.dataset.value), '2025-10');
  await october.locator('.value-input').fill('2024-10');
  await october.locator('.value-input').press('Enter');
  await page.waitForSelector(`#article mark[data-start="${codePoint('October')}"][data-value="2024-10"]`);

  // Reload once saved (a reload right after an edit is persistence.test.js's
  // business): everything is still there.
  await page.waitForSelector('#save-state[data-save="saved"]');
  page = await browser.openApp({ fresh: false, page });
  rows = await entityRowsWhen((r) => petrovMentions(r).length === 2 && r.some((row) => row.geonames === '5815135'));
  assert.deepEqual(rows.find((r) => r.name === 'Ivan Petrov').mentions, ['Ivan Petrov', 'Ivan']);
  assert.ok(rows.some((r) => r.geonames === '5815135'), 'Washington stays the state');
  await showTab('map');
  await page.waitForSelector('#map .pin[data-geonames-id="5815135"][data-country="US"]', { state: 'attached' });
  await showTab('timeline');
  await page.waitForSelector('#timeline .tl-item');
  assert.equal(await page.$eval('#timeline .tl-item', (g) => g.dataset.start), '2024-10-01', 'October 2024 comes first now');

  const { text } = await exportJson(page);
  const doc = JSON.parse(text);
  const oct = doc.annotations.find((a) => a.text === 'October');
  assert.deepEqual([oct.value, oct.source], ['2024-10', 'person']);
  const washingtonEntity = doc.entities.find((e) => e.name === 'Washington');
  assert.equal(washingtonEntity.geonames_id, 5815135);
  const ivan = doc.annotations.find((a) => a.text === 'Ivan');
  assert.equal(ivan.entity, doc.annotations.find((a) => a.text === 'Ivan Petrov').entity);
  assert.deepEqual(doc.edits.map((e) => e.edit), ['merge', 'place']);
  // Relabelling the typed date (key T on its mark) keeps the typed value; undo.
  await page.focus(`#article mark[data-start="${codePoint('October')}"]`);
  await page.keyboard.press('t');
  assert.deepEqual(await page.$eval(`#article mark[data-start="${codePoint('October')}"]`, (m) => [m.dataset.label, m.dataset.value]), ['TIME', '2024-10']);
  await page.click('#undo');
  assert.deepEqual(browser.errors, []);
});

test('accept and reject a suggestion; label all occurrences in one undoable step', async () => {
  await showTab('entities');
  const suggested = await page.$$eval('#entities li.suggestion', (all) => all.map((li) => li.querySelector('.mention').textContent));
  assert.ok(suggested.includes('Zelensky') && suggested.includes('Kiev'), `unsure findings are offered: ${suggested}`);
  const zelensky = codePoint('Zelensky said');
  await page.click(`#entities li.suggestion[data-start="${zelensky}"] button.accept`);
  assert.equal(await page.$eval(`#article mark[data-start="${zelensky}"]`, (m) => m.dataset.source), 'person');
  const kiev = codePoint('Kiev');
  assert.equal(await page.evaluate(() => document.activeElement.closest('.suggestion')?.dataset.start), String(kiev), 'the focus moves to the next suggestion');
  await page.click(`#entities li.suggestion[data-start="${kiev}"] button.reject`);
  assert.equal(await page.$(`#article mark[data-start="${kiev}"]`), null, 'rejected: no longer marked');
  // Remove the first "Ukraine"; "Label all occurrences" on its entity brings it back in one step.
  const before = await page.$$eval('#article mark[data-label="PLACE"]', (m) => m.length);
  const firstUkraine = codePoint('Ukraine');
  await page.click(`#article mark[data-start="${firstUkraine}"]`);
  await page.keyboard.press('Delete');
  assert.equal(await page.$$eval('#article mark[data-label="PLACE"]', (m) => m.length), before - 1);
  const row = page.locator('#entities li.entity[data-geonames-id="690791"]');
  await row.locator('summary').click();
  await row.locator('button.label-all').click();
  assert.equal(await page.$$eval('#article mark[data-label="PLACE"]', (m) => m.length), before);
  await page.click('#undo');
  assert.equal(await page.$$eval('#article mark[data-label="PLACE"]', (m) => m.length), before - 1);
});

test('the page loads at most 2.0 MB gzipped before it is ready (towns.tsv comes after)', async () => {
  const fresh = await browser.context.newPage();
  // A first visit: nothing saved, so the page loads its sample article too.
  await fresh.goto(`${browser.base}/www/`);
  await fresh.evaluate(() => localStorage.clear());
  const urls = [];
  fresh.on('request', (r) => urls.push(r.url()));
  await fresh.goto(`${browser.base}/www/`);
  await fresh.waitForSelector('body[data-state="ready"]');
  const files = [...new Set(urls)].map((u) => new URL(u).pathname).filter((p) => !p.endsWith('/pkg/towns.tsv')).map((p) => (p.endsWith('/') ? `${p}index.html` : p));
  let total = 0;
  const sizes = files.map((p) => {
    const size = gzipSync(readFileSync(path.join(ROOT, p)), { level: 9 }).length;
    total += size;
    return `${p} ${size}`;
  });
  assert.ok(files.includes('/www/vendor/world-atlas/countries-110m.json'), 'the map data is in the count');
  console.log(`page at start: ${files.length} files, ${total} bytes gzipped (-9)\n  ${sizes.join('\n  ')}`);
  assert.ok(total <= 2_000_000, `${total} bytes gzipped`);
  await fresh.close();
});

test('an entity edit whose mention is no longer marked is kept and the Entities view says so', async () => {
  await showTab('entities');
  // The merge of "Ivan" from the test above: remove the "Ivan" mark.
  const ivan = codePoint('Ivan said');
  await page.click(`#article mark[data-start="${ivan}"]`);
  await page.keyboard.press('Delete');
  assert.match(await page.textContent('#entities .notice'), /1 of your entity edits no longer applies: “Ivan” is no longer marked/);
  await page.click('#undo');
  assert.equal(await page.$('#entities .notice'), null);
});
