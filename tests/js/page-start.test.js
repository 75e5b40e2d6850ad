// How the page starts: index.html names every module its scripts import
// (rel="modulepreload"), so the browser fetches the module graph at once;
// a module added or dropped without updating the list fails here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.js';

const WWW = path.join(ROOT, 'www');

/** The modules `entry` imports statically, directly or not, as paths relative to www/. */
function importsOf(entry, seen = new Set()) {
  const text = readFileSync(path.join(WWW, entry), 'utf8');
  for (const m of text.matchAll(/^import\s[^'"]*?from\s*'([^']+)'/gms)) {
    const file = path.posix.join(path.posix.dirname(entry), m[1]);
    if (seen.has(file)) continue;
    seen.add(file);
    importsOf(file, seen);
  }
  return seen;
}

test("index.html preloads exactly the modules its scripts import, and those scripts are the page's entry modules", () => {
  const html = readFileSync(path.join(WWW, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(scripts, ['js/core.js', 'js/app.js', 'js/install.js']);
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
  assert.equal(new Set(preloaded).size, preloaded.length, 'each module once');
  const imported = new Set(scripts.flatMap((s) => [...importsOf(s)]));
  for (const s of scripts) imported.delete(s);
  assert.deepEqual([...preloaded].sort(), [...imported].sort());
  assert.ok(imported.has('js/session.js') && imported.has('js/corrections.js'), 'direct and indirect imports both');
});
