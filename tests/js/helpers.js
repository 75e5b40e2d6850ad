// Shared by the page's Node tests: where things are, the wasm core loaded
// with initSync, and the CLI's output for a fixture.

import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');
export const CLI = path.join(ROOT, 'target/release/gloss');
export const GOLDEN_DATE = '2025-12-21';

/** Every tests/fixtures/*.txt: [{name, file, text}]. */
export function fixtures() {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, file: path.join(FIXTURES, f), text: readFileSync(path.join(FIXTURES, f), 'utf8') }));
}

let core;
/** The wasm core from pkg/ (scripts/build-wasm.sh), instantiated once. */
export async function loadCore() {
  if (!core) {
    const pkg = path.join(ROOT, 'pkg');
    if (!existsSync(path.join(pkg, 'gloss_bg.wasm'))) throw new Error('pkg/ is missing: run scripts/build-wasm.sh');
    core = await import(path.join(pkg, 'gloss.js'));
    core.initSync({ module: readFileSync(path.join(pkg, 'gloss_bg.wasm')) });
    // As the page does after start, so that places resolve as in the CLI.
    core.loadTowns(readFileSync(path.join(pkg, 'towns.tsv'), 'utf8'));
  }
  return core;
}

/** `gloss annotate [--date DATE] FILE` parsed; the raw JSON text too. FILE "-" reads `input`. */
export function cliAnnotate(file, date, input) {
  if (!existsSync(CLI)) throw new Error('target/release/gloss is missing: run cargo build --release');
  const args = ['annotate', ...(date ? ['--date', date] : []), file];
  const raw = execFileSync(CLI, args, { encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
  return { raw, doc: JSON.parse(raw) };
}

/** Today in UTC as YYYY-MM-DD: what the CLI uses when no date is given. */
export function todayUtc() {
  return new Date().toISOString().slice(0, 10);
}

/** A deterministic pseudo-random generator (mulberry32): numbers in [0, 1) from `seed`. */
export function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
