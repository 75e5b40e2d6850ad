// A long paste (a few MB) in the real page: the core works in its worker, so
// a progress bar shows, the page answers clicks meanwhile, the text's
// beginning shows marked (read-only) before the rest is done, Cancel keeps
// the previous result, and the finished result equals the CLI's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, annotateText, annotated, exportJson, fixtures, cliAnnotate, GOLDEN_DATE } from './helpers.js';

let page;
withApp((_, app) => {
  page = app;
});

/** About `bytes` of news-like text from varied sentences, the same every run. */
function longText(bytes) {
  const people = ['Rustem Umerov', 'Anna Kowalska', 'Linda Okafor', 'Zoë Martín-Ødegaard', 'James Carter', 'Olena Shevchenko', 'Li Wei', 'Mr. Brown'];
  const places = ['Kyiv', 'Geneva', 'Springfield', 'Lagos', 'Warsaw', 'Texas', 'Beijing', 'the Black Sea'];
  const orgs = ['the United Nations', 'Reuters', 'the city council', 'NATO', 'the Finance Ministry', 'Acme Corp.'];
  const times = ['on Friday', 'last week', 'on December 5', 'in 2024', 'yesterday', 'at 3 p.m.', 'every Monday', 'for three days', 'next month'];
  const shapes = [
    (p, q, l, o, t) => `${p} met ${q} in ${l} ${t}, ${o} said.`,
    (p, q, l, o, t) => `${t[0].toUpperCase()}${t.slice(1)}, ${o} told ${p} that talks in ${l} would resume.`,
    (p, q, l, o, t) => `"We will not wait," ${p} said in ${l}, adding that ${q} agreed ${t}.`,
    (p, q, l, o, t) => `${o} opened an office in ${l} ${t}; ${q} will lead it.`,
  ];
  // As in news, most sentences name nobody (a mark every 60 bytes or so).
  const filler = [
    'The proposal drew sharp criticism from several members, who said it went too far and cost too much.',
    'Officials declined to comment on the details of the plan, citing the ongoing negotiations.',
    'Prices rose sharply in the weeks that followed, and many families struggled to keep up with their bills.',
    'Critics argued that the measure would do little to address the underlying problems facing the region.',
  ];
  let seed = 7;
  const pick = (list) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return list[(seed >>> 16) % list.length];
  };
  const parts = [];
  let size = 0;
  while (size < bytes) {
    const sentence = parts.length % 6 === 0 ? pick(shapes)(pick(people), pick(people), pick(places), pick(orgs), pick(times)) : pick(filler);
    parts.push(sentence, parts.length % 5 === 4 ? '\n\n' : ' ');
    size += Buffer.byteLength(sentence) + 1;
  }
  return parts.join('');
}

test('a long paste shows progress, leaves the page answering, can be cancelled, and equals the CLI', { timeout: 300_000 }, async () => {
  const previous = fixtures().find((f) => f.name === 'ceasefire-talks.txt');
  await annotateText(page, previous.text, GOLDEN_DATE);
  const before = (await exportJson(page)).text;
  const text = longText(2_000_000);

  // Pasted at once (page.fill types it in pieces, too slowly for megabytes).
  await page.$eval('#source-text', (box, t) => {
    box.value = t;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.click('#annotate');
  await page.waitForSelector('#progress:not([hidden])', { timeout: 2_000 });
  await page.waitForFunction(() => document.querySelector('#progress-bar').value > 0);
  assert.match(await page.textContent('#progress-text'), /^\d+%, about \d+ (s|min) left$/);
  // The page answers while the core works: the legend hides the previous result's places.
  assert.ok(await page.isChecked('#legend input[data-label="PLACE"]'));
  await page.click('#legend input[data-label="PLACE"]');
  const during = await page.evaluate(() => ({
    annotating: document.body.dataset.annotating,
    checked: document.querySelector('#legend input[data-label="PLACE"]').checked,
    hiddenPlaces: document.querySelectorAll('#article mark.off[data-label="PLACE"]').length,
    places: document.querySelectorAll('#article mark[data-label="PLACE"]').length,
  }));
  assert.equal(during.annotating, 'true', 'the core is still working');
  assert.equal(during.checked, false);
  assert.ok(during.places > 0);
  assert.equal(during.hiddenPlaces, during.places, 'the article (the previous result, or the preview) answered the toggle');
  await page.click('#legend input[data-label="PLACE"]');

  await page.click('#progress-cancel');
  await annotated(page);
  assert.equal(await page.isHidden('#progress'), true);
  assert.match(await page.textContent('#status'), /cancelled: the previous result is kept/);
  assert.equal(await page.textContent('#article'), previous.text);
  assert.equal((await exportJson(page)).text, before, 'Cancel kept the previous result');
  assert.ok((await page.inputValue('#source-text')) === text, 'and the pasted text');

  // Annotated to the end (by a fresh worker), the result is the CLI's.
  await page.click('#annotate');
  await page.waitForFunction(() => !document.body.dataset.annotating, null, { timeout: 240_000 });
  assert.match(await page.textContent('#status'), /^Annotated/);
  const { doc } = cliAnnotate('-', GOLDEN_DATE, text);
  assert.ok(doc.annotations.length > 20_000, `${doc.annotations.length} annotations`);
  assert.deepEqual(JSON.parse((await exportJson(page)).text), doc);
  // So large an article is virtual (article-view.js, large.test.js): all its text, the marks near the screen.
  assert.equal(await page.getAttribute('#article', 'data-virtual'), 'true');
  assert.equal(await page.textContent('#article'), text);
  const marks = await page.locator('#article mark.ann').count();
  assert.ok(marks > 0 && marks < doc.annotations.length, `${marks} of ${doc.annotations.length} marks in the DOM`);
});

test('a reference date typed while the core works stays in its field, and Annotate uses it', { timeout: 120_000 }, async () => {
  const text = longText(1_000_000);
  await page.fill('#reference-date', '');
  await page.$eval('#source-text', (box, t) => {
    box.value = t;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.click('#annotate');
  // Typed, not yet committed (no change event): the finishing annotation must not overwrite it.
  const typedWhileBusy = await page.evaluate(() => {
    const busy = document.body.dataset.annotating === 'true';
    document.querySelector('#reference-date').value = '2024-05-01';
    return busy;
  });
  assert.ok(typedWhileBusy, 'the core was still working when the date was typed');
  await page.waitForFunction(() => !document.body.dataset.annotating, null, { timeout: 100_000 });
  assert.equal(await page.inputValue('#reference-date'), '2024-05-01');
  await page.click('#annotate');
  await page.waitForFunction(() => !document.body.dataset.annotating, null, { timeout: 100_000 });
  const exported = JSON.parse((await exportJson(page)).text);
  assert.deepEqual([exported.reference_date, exported.reference_date_source], ['2024-05-01', 'given']);
});

/** Some 80 characters of the article's text at the middle of the window (run in the page). */
function textInView() {
  const box = document.querySelector('#article').getBoundingClientRect();
  const range = document.caretRangeFromPoint(box.left + box.width / 2, innerHeight / 2);
  const node = range.startContainer;
  const whole = node.textContent;
  const at = Math.min(range.startOffset, Math.max(0, whole.length - 80));
  return whole.slice(at, at + 80);
}

test('a long paste shows its beginning marked at once, read-only, until the whole result replaces it', { timeout: 300_000 }, async () => {
  const previous = fixtures().find((f) => f.name === 'ceasefire-talks.txt');
  await annotateText(page, previous.text, GOLDEN_DATE);
  const text = longText(3_000_000);
  await page.$eval('#source-text', (box, t) => {
    box.value = t;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  // Scrolled to the page's end, as after reading a long article; clicked without scrolling.
  await page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    document.querySelector('#annotate').click();
  });
  await page.waitForSelector('#article[data-preview="true"] mark.ann.preview', { timeout: 10_000 });
  const shownTop = await page.evaluate(() => document.querySelector('#article').getBoundingClientRect().top);
  assert.ok(shownTop > -1 && shownTop < 900, `the preview's start is in view (${shownTop} px)`);
  // Read a little further down the preview.
  await page.evaluate(() => window.scrollBy(0, 1500));
  const readBefore = text.indexOf(await page.evaluate(textInView));
  const shown = await page.evaluate(() => {
    const article = document.querySelector('#article');
    return {
      annotating: document.body.dataset.annotating,
      note: article.querySelector('.preview-note')?.textContent,
      head: [...article.querySelectorAll('.paragraph')].map((p) => p.textContent).join(''),
      marks: [...article.querySelectorAll('mark.ann')].map((m) => [Number(m.dataset.start), m.dataset.label, m.textContent]),
      focusable: article.querySelectorAll('mark[tabindex]').length,
      // In the same task, so that the whole result cannot have replaced it: a click opens no editing bar.
      barAfterClick: (article.querySelector('mark.ann.preview').click(), document.querySelector('#action-bar').hidden),
    };
  });
  assert.equal(shown.annotating, 'true', 'shown while the core still works on the rest');
  assert.match(shown.note, /^Preview of the first \d+% of the text while Gloss annotates the rest/);
  assert.ok(shown.head.length > 10_000 && shown.head.length < 30_000 && text.startsWith(shown.head), `the first ${shown.head.length} characters of the text`);
  assert.ok(shown.head.endsWith('\n') || shown.head.endsWith(' '), 'cut between words');
  // The marks are the core's own for that beginning: the CLI's on the same text.
  const { doc: headDoc } = cliAnnotate('-', GOLDEN_DATE, shown.head);
  assert.deepEqual(shown.marks, headDoc.annotations.map((a) => [a.start, a.label, a.text]));
  assert.equal(shown.focusable, 0, 'no preview mark takes the focus');
  assert.equal(shown.barAfterClick, true, 'read-only: clicking a mark opens no editing bar');

  await page.waitForFunction(() => !document.body.dataset.annotating, null, { timeout: 240_000 });
  assert.match(await page.textContent('#status'), /^Annotated/);
  assert.equal(await page.getAttribute('#article', 'data-preview'), null);
  // The page stays where the preview was read: the same text, now with the whole result's marks, in view.
  await page.waitForTimeout(500);
  const readAfter = text.indexOf(await page.evaluate(textInView));
  assert.ok(readBefore > 1000 && Math.abs(readAfter - readBefore) < 1500, `text read at ${readBefore}, then at ${readAfter}`);
  const marksInView = await page.evaluate(() =>
    [...document.querySelectorAll('#article mark.ann')].filter((m) => {
      const r = m.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    }).length,
  );
  assert.ok(marksInView > 0, 'marks in view');
  assert.equal(await page.locator('#article mark.preview, #article .preview-note').count(), 0, 'the whole result replaced the preview');
  await page.waitForSelector('#article[data-texted="true"]');
  assert.equal(await page.textContent('#article'), text);
  assert.deepEqual(JSON.parse((await exportJson(page)).text), cliAnnotate('-', GOLDEN_DATE, text).doc);
  // Editable again: a mark of the result opens its bar.
  await page.click('#article mark.ann');
  assert.equal(await page.isHidden('#action-bar'), false);
});
