// The page's third-party files (www/vendor/, copied by scripts/vendor-page.sh)
// are exactly node_modules' files, of packages pinned to exact versions.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.js';

const VENDOR = path.join(ROOT, 'www/vendor');
const files = readdirSync(VENDOR, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile())
  .map((d) => path.relative(VENDOR, path.join(d.parentPath ?? d.path, d.name)));
const pinned = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies;

test('every vendored file equals its node_modules original', () => {
  assert.ok(files.length >= 8, `www/vendor/ holds ${files.length} files`);
  for (const f of files) {
    assert.ok(readFileSync(path.join(VENDOR, f)).equals(readFileSync(path.join(ROOT, 'node_modules', f))), `www/vendor/${f} differs: run scripts/vendor-page.sh`);
  }
});

test('each vendored package has its licence and is pinned to the installed version', () => {
  for (const name of new Set(files.map((f) => f.split(path.sep)[0]))) {
    assert.ok(files.includes(path.join(name, 'LICENSE')), `${name} has its LICENSE`);
    const installed = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
    assert.equal(pinned[name], installed, `package.json pins ${name} to exactly ${installed}`);
  }
});
