// Prints how fast the built WebAssembly core (pkg/) annotates in Node:
// module start-up (instantiate + first call, which loads the embedded model),
// then throughput on the fixture articles repeated into one long article.
//
//   ./scripts/build-wasm.sh && node bench/wasm-speed.mjs [SIZE_KB]
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initSync, annotate } from '../pkg/gloss.js';

const root = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const wasm = readFileSync(root('pkg/gloss_bg.wasm'));
const options = { reference_date: '2025-12-21', today: '2025-12-21' };

let t = performance.now();
initSync({ module: wasm });
const instantiated = performance.now() - t;
t = performance.now();
annotate('Rustem Umerov arrived in Kyiv on Friday.', options);
const firstCall = performance.now() - t;

const fixtures = readdirSync(root('tests/fixtures'))
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(root(`tests/fixtures/${name}`), 'utf8'));
const targetBytes = Number(process.argv[2] ?? 1024) * 1024;
let article = '';
while (Buffer.byteLength(article) < targetBytes) article += fixtures.join('\n\n') + '\n\n';
const bytes = Buffer.byteLength(article);

const runs = 5;
const times = [];
let mentions = 0;
for (let i = 0; i < runs; i += 1) {
  t = performance.now();
  mentions = annotate(article, options).annotations.length;
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(runs / 2)];
console.log(`wasm: ${wasm.length} bytes`);
console.log(`start-up: instantiate ${instantiated.toFixed(1)} ms, first annotate (loads the model) ${firstCall.toFixed(1)} ms`);
console.log(`article: ${(bytes / 1024).toFixed(0)} KB, ${mentions} mentions`);
console.log(`annotate: median ${median.toFixed(0)} ms of ${runs} runs = ${(bytes / 1e6 / (median / 1000)).toFixed(2)} MB/s`);
