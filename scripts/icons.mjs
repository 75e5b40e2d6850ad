// Draws the PNG icons of the web app manifest (www/icons/gloss-192.png and
// gloss-512.png) from www/icons/gloss.svg in headless Chromium, so there is
// one drawing. Run after changing the SVG, and commit the PNGs:
//
//   node scripts/icons.mjs

import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const icons = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../www/icons');
const svg = await readFile(path.join(icons, 'gloss.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  await page.screenshot({ path: path.join(icons, `gloss-${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
