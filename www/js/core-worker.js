/**
 * The Gloss core's own thread: a module worker that compiles pkg/ and runs
 * every core call the page makes, so the page's thread never waits on the
 * core. Only core.js talks to it.
 *
 * In: first `{init: module|null}` (the module core.js compiled, or an
 * earlier worker's after Cancel; null compiles pkg/gloss_bg.wasm here,
 * streaming, which Chromium caches as compiled code), then `{id, call, args}`, answered in
 * order. Out: `{ready: {version, labels, formats, documentFormat, formatsRead, module}}` or
 * `{failed: message}` once; then `{id, preview: {length, annotations}}` once when
 * annotating a long text (its first `length` UTF-16 units annotated: see
 * previewEnd), `{id, progress: [done, total]}` while annotating, `{id, part: [path, items]}` for each part of a long list of
 * the answer (see sendParts), and `{id, result}` or `{id, error: message}` for each call
 * (`missing: true` with the error when a `link` names a document no longer held).
 *
 * The worker holds the last few documents it annotated or linked (text and
 * annotations, by a key the page gives), so that relinking after a
 * correction sends only what changed, and answers with each annotation's
 * entity as an index into the entities (an Int32Array, transferred): the
 * page's thread then never clones the whole document (core.js rebuilds it).
 * @module
 */

/** pkg/'s glue, imported while the wasm compiles (a static import would make the compile wait for it). */
const glue = import('../../pkg/gloss.js');
/** The glue's exports, once started. */
let pkg;

/** How many documents the worker holds for `link`: the page's undo steps reuse the recent ones. */
const HELD = 8;
/** key → {text, annotations, entities, bySignature?}, least recently used first. */
const held = new Map();

function hold(key, text, annotations, entities = []) {
  held.delete(key);
  const entry = { text, annotations, entities, bySignature: null };
  held.set(key, entry);
  if (held.size > HELD) held.delete(held.keys().next().value);
  return entry;
}

/** An entity's content but its id (ids renumber when an entity before it comes or goes). */
const signature = ({ id, ...rest }) => JSON.stringify(rest);

/** Each entity signature of a held document → the index of its first entity with it. */
function signatures(entry) {
  if (!entry.bySignature) {
    entry.bySignature = new Map();
    entry.entities.forEach((e, n) => {
      const s = signature(e);
      if (!entry.bySignature.has(s)) entry.bySignature.set(s, n);
    });
  }
  return entry.bySignature;
}

/**
 * `entities` as sent to the page: each the same but its id as one of held
 * entry `before`'s (its index in `reuse`) or new (-1, and the entity in
 * `fresh`), with every id in `ids` (joined by line breaks): after a
 * correction most entities are unchanged, and the page keeps them.
 */
function diffed(entities, before, against) {
  const old = before ? signatures(before) : new Map();
  const reuse = new Int32Array(entities.length);
  const fresh = [];
  entities.forEach((e, n) => {
    const at = old.get(signature(e));
    reuse[n] = at ?? -1;
    if (at === undefined) fresh.push(e);
  });
  return { against: before ? against : null, reuse, fresh, ids: entities.map((e) => e.id).join('\n') };
}

/** An error that says the page must send the whole document (the worker does not hold its base). */
class Missing extends Error {}

/**
 * The annotations of held document `base` with `splices` applied: each
 * `[from, to, added]` replaces base's annotations from index `from` up to
 * `to` (sorted, disjoint) by `added`.
 */
function spliced(base, splices) {
  const out = [];
  let at = 0;
  for (const [from, to, added] of splices) {
    for (let i = at; i < from; i++) out.push(base[i]);
    for (const a of added) out.push(a);
    at = to;
  }
  for (let i = at; i < base.length; i++) out.push(base[i]);
  return out;
}

/** A text longer than this (UTF-16 units) is previewed: about a few screens' worth of its beginning. */
const PREVIEW_FROM = 128_000;
const PREVIEW = 24_000;

/**
 * Where the preview of `text` ends (0: no preview): at the last line break,
 * else space, in its first PREVIEW units, so that no sentence the preview
 * shows is cut. The preview's marks are the core's own on that beginning,
 * so they may differ from the whole text's in a few places (a surname
 * named in full only later): the page shows them read-only until the
 * whole result replaces them.
 */
export function previewEnd(text) {
  if (text.length <= PREVIEW_FROM) return 0;
  const head = text.slice(0, PREVIEW);
  const line = head.lastIndexOf('\n');
  const end = line >= PREVIEW / 2 ? line + 1 : head.lastIndexOf(' ') + 1;
  if (end > 0) return end;
  // One long word: cut it, but not inside a surrogate pair.
  const high = text.charCodeAt(PREVIEW - 1);
  return high >= 0xd800 && high < 0xdc00 ? PREVIEW - 1 : PREVIEW;
}

/** The calls the page may make, by name; each returns its answer (or a promise of it). */
const CALLS = {
  /**
   * Annotates `text`; with `key`, holds the result under it for later links.
   * A long text's beginning is annotated first and posted as a preview (see previewEnd).
   */
  annotate(id, text, options, key) {
    const progress = (done, total) => self.postMessage({ id, progress: [done, total] });
    const end = previewEnd(text);
    if (end > 0) self.postMessage({ id, preview: { length: end, annotations: pkg.annotate(text.slice(0, end), options).annotations } });
    const found = pkg.annotateWithProgress(text, options, progress);
    if (key !== undefined) hold(key, text, found.annotations, found.entities);
    return found;
  },
  /**
   * Links a document's entities (linkEntities) and holds it under `key`:
   * `{doc}` whole, or `{base, splices, head}` as held document `base`
   * changed by `splices` (see spliced), `head` its other fields but text.
   * Answers `{keys, head, entity, entities, unapplied}`: the linked
   * document's field names in order, its fields but text, annotations and
   * entities, each annotation's entity index (-1: none), and the entities
   * as changed from base's (see diffed).
   */
  link(id, key, { doc, base, splices, head }) {
    let document = doc;
    const from = doc ? null : held.get(base);
    if (!document) {
      if (!from) throw new Missing(`document ${base} is no longer held`);
      document = { ...head, text: from.text, annotations: spliced(from.annotations, splices) };
    }
    const entry = hold(key, document.text, document.annotations);
    const linked = pkg.linkEntities(document);
    const { text, annotations, entities = [], ...rest } = linked.document;
    entry.entities = entities;
    const index = new Map(entities.map((e, n) => [e.id, n]));
    const entity = new Int32Array(annotations.length);
    annotations.forEach((a, n) => {
      entity[n] = a.entity === undefined ? -1 : index.get(a.entity);
    });
    return { keys: Object.keys(linked.document), head: rest, entity, entities: diffed(entities, from, base), unapplied: linked.unapplied };
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

/**
 * A module of one function that returns a 128-bit vector constant: valid only
 * where WebAssembly SIMD is, which the core is built with (scripts/build-wasm.sh).
 */
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12, ...new Array(16).fill(0), 11]);

/** Why the core could not start, in words a reader can act on. */
export function startFailure(error, simd = WebAssembly.validate(SIMD_PROBE)) {
  if (!simd) return 'this browser lacks WebAssembly SIMD, which Gloss needs: use Chrome or Edge 91, Firefox 89, Safari 16.4 or later';
  return String(error?.message ?? error);
}

async function start(given) {
  try {
    const [module, loaded] = await Promise.all([given ?? WebAssembly.compileStreaming(fetch(new URL('../../pkg/gloss_bg.wasm', import.meta.url))), glue]);
    pkg = loaded;
    await pkg.default({ module_or_path: module });
    self.postMessage({ ready: { version: pkg.version(), labels: pkg.labels(), formats: pkg.formats(), documentFormat: pkg.documentFormat(), formatsRead: pkg.formatsRead(), module } });
    return true;
  } catch (e) {
    self.postMessage({ failed: startFailure(e) });
    return false;
  }
}

/** A list longer than this is sent in parts of this many items, each its own message (see sendParts). */
const PART = 10_000;

/** The lists of an answer sent in parts, by call: paths of fields (`a.b`: field b of field a). */
const PARTED = { annotate: ['annotations', 'entities'], link: ['entities.fresh'] };

/**
 * Posts each long list of `result` named in `paths` in parts, as
 * `{id, part: [path, items]}` messages, and leaves it empty in `result`:
 * the page's thread then takes in a large answer a part per task (each
 * message is read in its own task), never freezing for all of it at once.
 */
function sendParts(id, result, paths) {
  for (const path of paths) {
    const keys = path.split('.');
    const holder = keys.slice(0, -1).reduce((o, k) => o?.[k], result);
    const last = keys.at(-1);
    const list = holder?.[last];
    if (!Array.isArray(list) || list.length <= PART) continue;
    for (let at = 0; at < list.length; at += PART) self.postMessage({ id, part: [path, list.slice(at, at + PART)] });
    holder[last] = [];
  }
}

async function answer({ id, call, args }) {
  try {
    if (!Object.hasOwn(CALLS, call)) throw new Error(`unknown core call ${call}`);
    const result = await CALLS[call](id, ...args);
    if (PARTED[call]) sendParts(id, result, PARTED[call]);
    self.postMessage({ id, result }, result?.entity instanceof Int32Array ? [result.entity.buffer, result.entities.reuse.buffer] : []);
  } catch (e) {
    self.postMessage({ id, error: String(e?.message ?? e), ...(e instanceof Missing ? { missing: true } : {}) });
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
