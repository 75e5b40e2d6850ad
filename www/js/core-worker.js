/**
 * The Gloss core's own thread: a module worker that compiles pkg/ and runs
 * every core call the page makes, so the page's thread never waits on the
 * core. Only core.js talks to it.
 *
 * In: first `{init: module|null}` (a module compiled by an earlier worker,
 * reused after Cancel; null compiles pkg/gloss_bg.wasm, streaming, which
 * Chromium caches as compiled code), then `{id, call, args}`, answered in
 * order. Out: `{ready: {version, labels, formats, module}}` or
 * `{failed: message}` once; then `{id, progress: [done, total]}` while
 * annotating and `{id, result}` or `{id, error: message}` for each call.
 * @module
 */

import init, * as pkg from '../../pkg/gloss.js';

/** The calls the page may make, by name; each returns its answer (or a promise of it). */
const CALLS = {
  annotate(id, text, options) {
    const progress = (done, total) => self.postMessage({ id, progress: [done, total] });
    return pkg.annotateWithProgress(text, options, progress);
  },
  validateDocument: (id, value) => pkg.validateDocument(value),
  importFiles: (id, files, options) => pkg.importFiles(files, options),
  linkEntities: (id, value) => pkg.linkEntities(value),
  exportAs: (id, value, format) => pkg.exportAs(value, format),
  timeline: (id, value) => pkg.timeline(value),
  isValidTimexValue: (id, value) => pkg.isValidTimexValue(value),
  /** Fetches pkg/towns.tsv and hands it to the place resolver; the count. */
  async loadTowns() {
    const response = await fetch(new URL('../../pkg/towns.tsv', import.meta.url));
    if (!response.ok) throw new Error(`The towns list did not load (HTTP ${response.status}).`);
    return pkg.loadTowns(await response.text());
  },
};

async function start(given) {
  try {
    const module = given ?? (await WebAssembly.compileStreaming(fetch(new URL('../../pkg/gloss_bg.wasm', import.meta.url))));
    await init({ module_or_path: module });
    self.postMessage({ ready: { version: pkg.version(), labels: pkg.labels(), formats: pkg.formats(), module } });
    return true;
  } catch (e) {
    self.postMessage({ failed: String(e?.message ?? e) });
    return false;
  }
}

async function answer({ id, call, args }) {
  try {
    if (!Object.hasOwn(CALLS, call)) throw new Error(`unknown core call ${call}`);
    self.postMessage({ id, result: await CALLS[call](id, ...args) });
  } catch (e) {
    self.postMessage({ id, error: String(e?.message ?? e) });
  }
}

// One call at a time, in the order sent: the core is not reentrant.
let queue = Promise.resolve(false);
self.addEventListener('message', ({ data }) => {
  if ('init' in data) {
    queue = queue.then(() => start(data.init));
  } else {
    queue = queue.then((started) => (started ? answer(data).then(() => true) : self.postMessage({ id: data.id, error: 'the core did not load' })));
  }
});
