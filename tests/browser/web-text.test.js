// Text from the web: pasting HTML keeps its paragraph breaks and drops its
// markup (parsed inert, never put into the page), and right-to-left or
// mixed-direction paragraphs show in their own direction.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, annotateText, GOLDEN_DATE } from './helpers.js';

let browser;
let page;
withApp((opened, app) => {
  browser = opened;
  page = app;
});

/** Pastes a clipboard holding `data` ({type: text}) into the empty article box; returns its value. */
async function paste(data) {
  await page.locator('#source-panel').evaluate((d) => {
    d.open = true;
  });
  await page.fill('#source-text', '');
  return page.evaluate((items) => {
    const box = document.querySelector('#source-text');
    box.focus();
    const clipboardData = new DataTransfer();
    for (const [type, text] of Object.entries(items)) clipboardData.setData(type, text);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    return box.value;
  }, data);
}

const CASES = [
  {
    name: 'paragraphs, headings and line breaks',
    html: '<html><head><style>p{color:red}</style><title>Page</title></head><body><h1>Talks  resume</h1>\n<p>KYIV, Dec. 21 — Officials <b>met</b> on <a href="https://example.org/x">Friday</a>.</p><p>Second\n   paragraph,<br>same paragraph, next line.</p><script>window.pwned = true</script></body></html>',
    text: 'Talks resume\n\nKYIV, Dec. 21 — Officials met on Friday.\n\nSecond paragraph,\nsame paragraph, next line.',
  },
  {
    name: 'divs, lists and a table; emoji and combining marks kept',
    html: '<div>Zoë 🎉 Martín</div><div>Café\u0301 owner</div><ul><li>one</li><li>two</li></ul><table><tr><td>Paris</td><td>France</td></tr></table>',
    text: 'Zoë 🎉 Martín\n\nCafé\u0301 owner\n\none\ntwo\n\nParis France',
  },
];

for (const c of CASES) {
  test(`pasting HTML: ${c.name}`, async () => {
    const value = await paste({ 'text/html': c.html, 'text/plain': 'the plain version' });
    assert.equal(value, c.text);
    // The pasted text is the draft: Annotate uses it.
    await page.click('#annotate');
    await page.waitForFunction((t) => document.querySelector('#article').textContent === t, c.text);
  });
}

test('pasting HTML runs none of its scripts and loads none of its images', async () => {
  const before = browser.requests.length;
  await paste({ 'text/html': '<p>Text</p><img src="http://127.0.0.2:9/pixel.png" onerror="window.pwned = true"><script>window.pwned = true</script>' });
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(browser.requests.slice(before), []);
});

test('a clipboard with only text/plain pastes as the browser does', async () => {
  const value = await paste({ 'text/plain': 'plain words' });
  // A synthetic paste event does not insert by itself: the handler left it alone.
  assert.equal(value, '');
});

test('right-to-left and mixed-direction paragraphs show in their own direction', async () => {
  const text = 'Talks resumed in Geneva on Friday.\n\nالتقى الرئيس في القاهرة يوم الجمعة.\n\nהפגישה נערכה בירושלים.\nA line in English with עברית inside.';
  await annotateText(page, text, GOLDEN_DATE);
  const directions = await page.$$eval('#article .paragraph', (all) =>
    all.map((p) => [p.textContent.trim().slice(0, 8), getComputedStyle(p).direction, p.getAttribute('dir')]),
  );
  assert.deepEqual(directions, [
    ['Talks re', 'ltr', 'auto'],
    ['التقى ال', 'rtl', 'auto'],
    ['הפגישה נ', 'rtl', 'auto'],
    ['A line i', 'ltr', 'auto'],
  ]);
  // An RTL paragraph is laid out from the right: its words touch the right edge, not the left.
  const [ltr, rtl] = await page.$$eval('#article .paragraph', (all) =>
    all.slice(0, 2).map((p) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      const rects = [...range.getClientRects()].filter((r) => r.width > 1);
      const box = p.getBoundingClientRect();
      return { left: Math.min(...rects.map((r) => r.left)) - box.left, right: box.right - Math.max(...rects.map((r) => r.right)) };
    }),
  );
  assert.ok(ltr.left < 2 && ltr.right > 50 && rtl.right < 2 && rtl.left > 50, JSON.stringify({ ltr, rtl }));
});
