/**
 * The page's handle on the Gloss core, which runs in a worker
 * (core-worker.js, loading pkg/ from the page's own origin): the page's
 * thread never runs it. Each core function is a call that resolves to the
 * core's answer. The worker starts when this module is first evaluated, as
 * early as the page allows (index.html loads this module first).
 * @module
 */

const WORKER = new URL('./core-worker.js', import.meta.url);

/** The error an annotation rejects with when Cancel stopped it. */
export class Cancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'Cancelled';
  }
}

/** @type {Worker} */
let worker;
/** The compiled core, kept so that a fresh worker (after Cancel) starts without compiling. */
let compiled;
let nextId = 1;
/** Unanswered calls by id: {message, resolve, reject, onProgress?}. */
const pending = new Map();
let towns = false;
let announceReady;
let announceFailure;
/** The first worker's ready message. */
const ready = new Promise((resolve, reject) => {
  announceReady = resolve;
  announceFailure = reject;
});

function spawn() {
  worker = new Worker(WORKER, { type: 'module', name: 'gloss-core' });
  worker.addEventListener('message', ({ data }) => {
    if (data.ready) {
      compiled ??= data.ready.module;
      announceReady(data.ready);
    } else if ('failed' in data) {
      announceFailure(new Error(data.failed));
    } else {
      const call = pending.get(data.id);
      if (!call) return;
      if (data.progress) {
        call.onProgress?.(...data.progress);
        return;
      }
      pending.delete(data.id);
      if ('error' in data) call.reject(new Error(data.error));
      else call.resolve(data.result);
    }
  });
  worker.addEventListener('error', (e) => announceFailure(new Error(e.message || 'the core worker did not start')));
  worker.postMessage({ init: compiled ?? null });
}

spawn();

function call(name, args, onProgress) {
  const message = { id: nextId++, call: name, args };
  return new Promise((resolve, reject) => {
    pending.set(message.id, { message, resolve, reject, onProgress });
    worker.postMessage(message);
  });
}

/**
 * Stops every annotation that reports progress (their promises reject with
 * Cancelled): ends the worker and starts a fresh one from the compiled core,
 * which answers every other call still waiting.
 */
export function cancel() {
  for (const [id, waiting] of pending) {
    if (!waiting.onProgress) continue;
    pending.delete(id);
    waiting.reject(new Cancelled());
  }
  worker.terminate();
  spawn();
  if (towns) worker.postMessage({ id: 0, call: 'loadTowns', args: [] });
  for (const { message } of pending.values()) worker.postMessage(message);
}

/**
 * Resolves to `{annotate, validateDocument, importFiles, linkEntities, exportAs, timeline,
 * isValidTimexValue, version, labels, formats, loadTowns, cancel}` once the
 * core is ready: each function returns a promise of what the core's function
 * of that name returns (`annotate` takes a third argument, `{onProgress(done,
 * total)}`, which also makes it one that Cancel stops); `labels` and `formats`
 * are the core's tables (src/labels.rs, src/formats.rs). Rejects with a
 * readable message if pkg/ is missing, broken or older than the page.
 */
export async function loadCore() {
  let started;
  try {
    started = await ready;
  } catch (e) {
    throw new Error(`The Gloss core did not load (${e.message}). Build it with ./scripts/serve.sh.`);
  }
  return {
    annotate: (text, options, { onProgress } = {}) => call('annotate', [text, options], onProgress),
    validateDocument: (value) => call('validateDocument', [value]),
    importFiles: (files, options) => call('importFiles', [files, options]),
    linkEntities: (value) => call('linkEntities', [value]),
    exportAs: (value, format) => call('exportAs', [value, format]),
    timeline: (value) => call('timeline', [value]),
    isValidTimexValue: (value) => call('isValidTimexValue', [value]),
    version: () => started.version,
    labels: started.labels,
    formats: started.formats,
    /** Fetches pkg/towns.tsv and hands it to the place resolver; resolves to the count. */
    loadTowns() {
      towns = true;
      return call('loadTowns', []);
    },
    cancel,
  };
}

/** Today's local date as YYYY-MM-DD: what "today" means to the person. */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
