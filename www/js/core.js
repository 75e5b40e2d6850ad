/**
 * The page's handle on the Gloss core, which runs in a worker
 * (core-worker.js, loading pkg/ from the page's own origin): the page's
 * thread never runs it. Each core function is a call that resolves to the
 * core's answer. The worker starts when this module is first evaluated, as
 * early as the page allows (index.html loads this module first).
 * @module
 */

const WORKER = new URL('./core-worker.js', import.meta.url);

/**
 * The core's WebAssembly, fetched and compiled (streaming, off the page's
 * thread, and cached as compiled code by Chromium) from the moment this
 * module runs, while the worker's own scripts still load behind the page's
 * modules; the worker is handed the compiled module. Null when it failed:
 * the worker then compiles it itself and says why it could not.
 */
const compiling = WebAssembly.compileStreaming(fetch(new URL('../../pkg/gloss_bg.wasm', import.meta.url))).catch(() => null);

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
/** Unanswered calls by id: {message, resolve, reject, onProgress?, onPreview?, parts?}. */
const pending = new Map();
/**
 * The annotation lists the worker holds (core-worker.js), each → its key
 * there: a link after a correction sends only the change against one.
 * A fresh worker holds none.
 * @type {WeakMap<object[], number>}
 */
let held = new WeakMap();
let nextKey = 1;
/** The entities of the documents linked last, by key: a link's answer names its entities by their index in its base's. */
let entitiesOf = new Map();
/** More than the worker holds (core-worker.js HELD), so that every base it diffs against is here. */
const ENTITIES_KEPT = 16;

function keepEntities(key, entities) {
  entitiesOf.set(key, entities);
  if (entitiesOf.size > ENTITIES_KEPT) entitiesOf.delete(entitiesOf.keys().next().value);
}

/** The entities of a link's answer (core-worker.js diffed), reusing those of its base that are unchanged but for their id. */
function entitiesFrom({ against, reuse, fresh, ids }) {
  const before = against === null ? [] : entitiesOf.get(against);
  if (!before) return null;
  let next = 0;
  return (ids === '' ? [] : ids.split('\n')).map((id, n) => {
    if (reuse[n] < 0) return fresh[next++];
    const old = before[reuse[n]];
    return old.id === id ? old : { ...old, id };
  });
}
let towns = false;
let announceReady;
let announceFailure;
/** The first worker's ready message. */
const ready = new Promise((resolve, reject) => {
  announceReady = resolve;
  announceFailure = reject;
});

/** Keeps a part of a long list of a call's answer (core-worker.js sendParts): `items` of the list at `path`. */
function collect(call, path, items) {
  call.parts ??= new Map();
  const list = call.parts.get(path);
  if (!list) call.parts.set(path, items);
  else for (const item of items) list.push(item);
}

/** The answer with the lists that came in parts put back in place. */
function withParts(result, parts) {
  if (!parts) return result;
  for (const [path, list] of parts) {
    const keys = path.split('.');
    keys.slice(0, -1).reduce((o, k) => o[k], result)[keys.at(-1)] = list;
  }
  return result;
}

function spawn() {
  held = new WeakMap();
  entitiesOf = new Map();
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
      if (data.preview) {
        call.onPreview?.(data.preview);
        return;
      }
      if (data.part) {
        collect(call, ...data.part);
        return;
      }
      pending.delete(data.id);
      if ('error' in data) call.reject(Object.assign(new Error(data.error), data.missing ? { missing: true } : {}));
      else call.resolve(withParts(data.result, call.parts));
    }
  });
  worker.addEventListener('error', (e) => announceFailure(new Error(e.message || 'the core worker did not start')));
  // A fresh worker (after Cancel) is given the module at once, before the calls re-sent to it.
  if (compiled) worker.postMessage({ init: compiled });
  else {
    const first = worker;
    compiling.then((module) => first.postMessage({ init: module }));
  }
}

spawn();

function call(name, args, onProgress, onPreview) {
  const message = { id: nextId++, call: name, args };
  return new Promise((resolve, reject) => {
    pending.set(message.id, { message, resolve, reject, onProgress, onPreview });
    worker.postMessage(message);
  });
}

/** Resolves after the next frame is drawn (or soon, where no frame comes: a hidden page). */
function afterFrame() {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

/** Link calls go out in the order made; see link. */
let linking = Promise.resolve();

/** Posts a link call once those before it are posted (a whole document after the next frame); resolves to its answer. */
function postLink(args, whole) {
  let answer;
  const posted = linking.then(whole ? afterFrame : undefined).then(() => {
    answer = call('link', args);
  });
  linking = posted;
  return posted.then(() => answer);
}

/**
 * linkEntities(doc) through the worker, as cheaply for the page's thread as
 * it goes: with `change` — `doc.annotations` are `change.base` (a list the
 * worker holds) with `change.splices` applied (`[from, to, added]`, base
 * indices, sorted, disjoint) — only the splices are sent; else the whole
 * document, after the next frame, so that what changed is drawn first. The
 * answer (each annotation's entity index) is applied to `doc.annotations`:
 * annotations whose entity is unchanged are kept, not copied.
 * @param {object} doc  a document, its annotations' entities ignored (as the core ignores them)
 * @param {{base: object[], splices: [number, number, object[]][]}} [change]
 * @returns {Promise<{document: object, unapplied: object[]}>}
 */
async function link(doc, change) {
  const { text, annotations, entities: _, ...head } = doc;
  const base = change && held.get(change.base);
  let answer = null;
  let entities = null;
  let key;
  if (base !== undefined) {
    key = nextKey++;
    held.set(annotations, key);
    answer = await postLink([key, { base, splices: change.splices, head }], false).catch((e) => {
      if (e.missing) return null;
      throw e;
    });
    entities = answer && entitiesFrom(answer.entities);
  }
  if (!entities) {
    key = nextKey++;
    held.set(annotations, key);
    answer = await postLink([key, { doc: { ...head, text, annotations } }], true);
    entities = entitiesFrom(answer.entities);
  }
  keepEntities(key, entities);
  const ids = entities.map((e) => e.id);
  const linked = annotations.map((a, n) => {
    const id = answer.entity[n] < 0 ? undefined : ids[answer.entity[n]];
    if (a.entity === id) return a;
    if (id !== undefined) return { ...a, entity: id };
    const { entity, ...rest } = a;
    return rest;
  });
  held.set(linked, key);
  // The core's own document: its fields in its order.
  const document = {};
  for (const field of answer.keys) document[field] = field === 'text' ? text : field === 'annotations' ? linked : field === 'entities' ? entities : answer.head[field];
  return { document, unapplied: answer.unapplied };
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
  for (const waiting of pending.values()) {
    waiting.parts = undefined; // the fresh worker answers in full again
    worker.postMessage(waiting.message);
  }
}

/**
 * Resolves to `{annotate, validateDocument, importFiles, linkEntities, exportAs, timeline,
 * isValidTimexValue, version, labels, formats, documentFormat, formatsRead, loadTowns, cancel}` once the
 * core is ready: each function returns a promise of what the core's function
 * of that name returns (`annotate` takes a third argument, `{onProgress(done,
 * total), onPreview({length, annotations})}`: the share done, and for a long
 * text the annotations of its first `length` UTF-16 units while the rest is
 * annotated; onProgress also makes it one that Cancel stops; `linkEntities` a
 * second, the change from a document linked before: see link); `labels` and `formats`
 * are the core's tables (src/labels.rs, src/formats.rs), `documentFormat` the
 * export's format tag and `formatsRead` the tags Import reads (src/document.rs). Rejects with a
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
    /** Annotates; the worker holds the result, so that a correction's link then sends only the change. */
    async annotate(text, options, { onProgress, onPreview } = {}) {
      const key = nextKey++;
      const found = await call('annotate', [text, options, key], onProgress, onPreview);
      held.set(found.annotations, key);
      keepEntities(key, found.entities ?? []);
      return found;
    },
    validateDocument: (value) => call('validateDocument', [value]),
    importFiles: (files, options) => call('importFiles', [files, options]),
    linkEntities: link,
    exportAs: (value, format) => call('exportAs', [value, format]),
    timeline: (value) => call('timeline', [value]),
    isValidTimexValue: (value) => call('isValidTimexValue', [value]),
    version: () => started.version,
    labels: started.labels,
    formats: started.formats,
    documentFormat: started.documentFormat,
    formatsRead: started.formatsRead,
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
