// The one-file build's module transform (scripts/build-onefile.mjs): each
// import and export form it reads, and the modules it refuses because
// copied imports would behave differently from ES modules there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildOnefile, transformModule } from '../../scripts/build-onefile.mjs';

const resolve = (spec) => `www/js/${spec.replace(/^\.\//, '')}`;
const transform = (source) => transformModule(source, 'www/js/m.js', resolve);

const CASES = [
  ["import { a, b as c } from './x.js';", /const __gloss_i0 = await __gloss_require\("www\/js\/x.js"\); const \{ a, b: c \} = __gloss_i0;/],
  ["import x, { y } from './x.js';", /const x = __gloss_i0\.default; const \{ y \} = __gloss_i0;/],
  ["import * as ns from './x.js';", /const ns = __gloss_i0;/],
  ["import init, * as pkg from './x.js';", /const init = __gloss_i0\.default; const pkg = __gloss_i0;/],
  ["import {\n  a,\n  b,\n} from './x.js';", /const \{ a, b \} = __gloss_i0;/],
  ["const pkg = await import('./x.js');", /const pkg = await __gloss_require\("www\/js\/x.js"\);/],
  ["fetch(new URL('../data.tsv', import.meta.url));", /fetch\(new URL\(__gloss_asset\("www\/js\/\.\.\/data\.tsv"\)\)\);/],
  ['export function f() {}\nexport const k = 1;', /__gloss_define\(exports, \{ "f": \(\) => f, "k": \(\) => k \}\);\nfunction f\(\) \{\}\nconst k = 1;/],
  ['const a = 1;\nexport { a, a as b };', /"a": \(\) => a, "b": \(\) => a/],
  ['export default function go() {}', /"default": \(\) => go \}\);\nfunction go\(\) \{\}/],
  ["export { clock } from './x.js';", /"clock": \(\) => __gloss_i0\.clock/],
  // A JSDoc type is not an import.
  ["/** @param {import('./s.js').T} t */\nexport function f(t) {}", /@param \{import\('\.\/s\.js'\)\.T\}/],
];

for (const [source, expected] of CASES) {
  test(`transform: ${source.split('\n')[0]}`, () => {
    assert.match(transform(source).body, expected);
  });
}

test('imports and assets are listed for the bundle', () => {
  const t = transform("import { a } from './x.js';\n/** {import('./t.js').T} */\nconst u = new URL('w.wasm', import.meta.url);\nimport('./y.js');");
  assert.deepEqual([...t.imports], ['www/js/x.js', 'www/js/y.js']);
  assert.deepEqual([...t.assets], ['www/js/w.wasm']);
});

const REFUSED = [
  ['export let n = 0;', /exports a let/],
  ['export var n = 0;', /exports a var/],
  ["export * from './x.js';", /export \*/],
  ['const m = await import(name);', /import\(\) of something other than a string literal/],
  ['console.log(import.meta.url);', /uses import\.meta/],
];
for (const [source, message] of REFUSED) {
  test(`refused: ${source}`, () => {
    assert.throws(() => transform(source), message);
  });
}

test('an import cycle is refused, naming it', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'gloss-onefile-unit-'));
  try {
    await mkdir(path.join(root, 'www/js'), { recursive: true });
    await writeFile(path.join(root, 'www/index.html'), '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'"><script type="module" src="js/a.js"></script>');
    await writeFile(path.join(root, 'www/js/a.js'), "import { b } from './b.js';\nexport const a = 1;\n");
    await writeFile(path.join(root, 'www/js/b.js'), "import { a } from './a.js';\nexport const b = 2;\n");
    await assert.rejects(buildOnefile(root), /import cycle: www\/js\/a\.js → www\/js\/b\.js → www\/js\/a\.js/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
