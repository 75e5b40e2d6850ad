// pkg/ as an npm package: packed with `npm pack`, installed offline into a
// scratch project in a temporary folder, and imported by its name, gloss-core,
// running the Node example of its README as a consumer would.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './helpers.js';

const PKG = path.join(ROOT, 'pkg');
let scratch;
const npm = (args, cwd) => execFileSync('npm', [...args, '--cache', path.join(scratch, '.npm-cache'), '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });

before(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'gloss-consumer-'));
  await writeFile(path.join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const tarball = npm(['pack', PKG, '--pack-destination', scratch], scratch).trim().split('\n').at(-1);
  npm(['install', '--offline', path.join(scratch, tarball)], scratch);
});
after(() => rm(scratch, { recursive: true, force: true }));

test('the package is named, versioned as the crate, and declares its module, types and files', async () => {
  const manifest = JSON.parse(await readFile(path.join(PKG, 'package.json'), 'utf8'));
  const cargo = await readFile(path.join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(manifest.name, 'gloss-core');
  assert.equal(manifest.version, cargo.match(/^version = "(.*)"$/m)[1]);
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.exports['.'].types, './gloss.d.ts');
  const installed = (await readdir(path.join(scratch, 'node_modules/gloss-core'))).sort();
  assert.deepEqual(installed, [...manifest.files, 'package.json'].sort());
  const types = await readFile(path.join(scratch, 'node_modules/gloss-core/gloss.d.ts'), 'utf8');
  for (const name of ['annotate', 'exportAs', 'validateDocument', 'loadTowns', 'version']) assert.match(types, new RegExp(`export function ${name}\\(`));
});

test("the README's Node example runs in a scratch project, importing gloss-core by name", async () => {
  const readme = await readFile(path.join(PKG, 'README.md'), 'utf8');
  const example = readme.match(/## Node[^\n]*\n+```js\n([\s\S]*?)```/)[1];
  await writeFile(path.join(scratch, 'example.mjs'), example);
  const output = execFileSync(process.execPath, ['example.mjs'], { cwd: scratch, encoding: 'utf8' });
  assert.match(output, /'PLACE Geneva'/);
  assert.match(output, /'DATE Friday 2025-12-26'/);
  assert.match(output, /'PERSON Maria Schmidt'/);
  assert.match(output, /^Geneva\tB-PLACE$/m);
});
