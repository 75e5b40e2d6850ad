/**
 * The autosave store: the page state — the session, its undo and redo
 * lists, the hidden labels and the text box's draft — in IndexedDB, where a
 * save counts only once its transaction has completed on disk. Texts and
 * the model's findings are stored once each (undo steps share them), so a
 * save after a correction writes and reads a small record even for a 50 MB
 * article with 100,000 marks. Saved state that fails
 * validation is moved, untouched, to a quarantine store the person can
 * download; nothing saved is ever deleted unread.
 * @module
 */

/** The database and its stores; bump DB_VERSION when they change. */
export const DB_NAME = 'gloss';
const DB_VERSION = 1;
/** head: the current state's record; texts: id → a text or a model's annotations; quarantine: unusable saved states; meta: notes about saving. */
const STORES = ['head', 'texts', 'quarantine', 'meta'];
const HEAD = 'current';
/** The meta key of the note that the latest save failed. */
const FAILED = 'failed';
/**
 * The shape version of the head record: 4 may keep a long annotation list
 * in parts (see PART); 3 adds the labels the saving page knew (`known`); 2
 * refers to the model's annotations by id; 1 held them inline. All are read.
 * The autosave adds `rev`, the revision of the state (journal.js).
 */
const SHAPE = 4;
const SHAPES = [1, 2, 3, SHAPE];

/**
 * A list longer than this is stored as parts of this many items, under
 * `id#0`, `id#1`…, with `{parts: n}` under its id; a save writes one part
 * per task (each after the last is written), so that no task of the
 * page's thread copies a whole 80,000-mark list into the store.
 */
const PART = 20_000;

/** The id a stored key belongs to (a part's key names its list's id). */
const idOf = (key) => String(key).split('#')[0];

/** True for the record that stands for a list stored in parts. */
const isParted = (value) => value !== null && typeof value === 'object' && !Array.isArray(value) && Number.isInteger(value.parts);

/** The key of the session the page saved in localStorage before it used IndexedDB (migrated once). */
export const LEGACY_KEY = 'gloss.session.v1';

/**
 * @typedef {import('./session.js').Session} Session
 *
 * @typedef {object} Snapshot  what the page saves and restores
 * @property {Session} session
 * @property {Session[]} past  undo steps, oldest first
 * @property {Session[]} future  redo steps, next redo last
 * @property {string[]} hidden  the labels the legend hides
 * @property {string[] | null} [known]  the labels the saving page had (null: saved before shape 3)
 * @property {string} draft  the text box's content
 *
 * @typedef {object} Packed  a snapshot ready for the store
 * @property {object} head  the head record (texts and the model's annotations replaced by ids), without counter and time
 * @property {Map<string, string|object[]>} texts  every text and annotation list the head refers to, by id
 */

/**
 * Splits a snapshot into a head record that refers to texts and the model's
 * annotation lists by id, and those themselves, each once. `ids` remembers
 * the id given to each (filled in here; a list by identity), so unchanged
 * ones keep their ids from save to save and are not written again.
 * @param {Snapshot} snapshot
 * @param {Map<string|object[], string>} ids  text or annotation list → id
 * @param {() => string} newId
 * @returns {Packed}
 */
export function packSnapshot(snapshot, ids, newId) {
  const texts = new Map();
  const ref = (text) => {
    let id = ids.get(text);
    if (id === undefined) {
      id = newId();
      ids.set(text, id);
    }
    texts.set(id, text);
    return id;
  };
  const pack = (session) => ({ ...session, text: ref(session.text), model: { ...session.model, annotations: ref(session.model.annotations) } });
  const head = {
    shape: SHAPE,
    present: pack(snapshot.session),
    past: snapshot.past.map(pack),
    future: snapshot.future.map(pack),
    hidden: [...snapshot.hidden],
    known: snapshot.known ? [...snapshot.known] : null,
    draft: snapshot.draft === snapshot.session.text ? null : ref(snapshot.draft),
  };
  // Forget ids of texts no longer referred to, so the map stays small.
  for (const [text, id] of ids) if (!texts.has(id)) ids.delete(text);
  return { head, texts };
}

/** Why a stored session is unusable, or null. */
function sessionProblem(s, texts) {
  if (!s || typeof s !== 'object') return 'a session is missing';
  if (typeof texts.get(s.text) !== 'string') return 'a text is missing';
  if (typeof s.dateField !== 'string') return 'a reference date field is missing';
  const m = s.model;
  const annotations = typeof m?.annotations === 'string' ? texts.get(m.annotations) : m?.annotations;
  if (!m || typeof m.reference_date !== 'string' || typeof m.reference_date_source !== 'string' || !Array.isArray(annotations)) return "the model's findings are missing";
  if (!Array.isArray(s.corrections)) return 'the corrections are missing';
  return null;
}

/**
 * The snapshot a head record and its texts stand for; throws an Error that
 * says what is wrong when they are not a usable saved state.
 * @param {any} head
 * @param {Map<string, string>} texts
 * @returns {Snapshot}
 */
export function unpackSnapshot(head, texts) {
  if (!head || typeof head !== 'object') throw new Error('the saved record is not an object');
  if (!SHAPES.includes(head.shape)) throw new Error(`the saved record has shape ${JSON.stringify(head.shape)}, this page reads shapes ${SHAPES.join(', ')}`);
  if (!Array.isArray(head.past) || !Array.isArray(head.future) || !Array.isArray(head.hidden)) throw new Error('the undo lists or hidden labels are missing');
  for (const s of [head.present, ...head.past, ...head.future]) {
    const problem = sessionProblem(s, texts);
    if (problem) throw new Error(problem);
  }
  if (head.draft !== null && typeof texts.get(head.draft) !== 'string') throw new Error("the text box's draft is missing");
  // Sessions that shared a text or a model share the one string or model again (undo then patches, doc-patch.js).
  const models = new Map();
  const modelOf = (m) => {
    if (typeof m.annotations !== 'string') return m;
    const key = JSON.stringify([m.annotations, m.reference_date, m.reference_date_source]);
    if (!models.has(key)) models.set(key, { ...m, annotations: texts.get(m.annotations) });
    return models.get(key);
  };
  const unpack = (s) => ({ ...s, text: texts.get(s.text), model: modelOf(s.model) });
  const session = unpack(head.present);
  return {
    session,
    past: head.past.map(unpack),
    future: head.future.map(unpack),
    hidden: head.hidden.filter((h) => typeof h === 'string'),
    known: Array.isArray(head.known) ? head.known.filter((k) => typeof k === 'string') : null,
    draft: head.draft === null ? session.text : texts.get(head.draft),
  };
}

/**
 * Reads the session saved in localStorage by earlier versions of the page,
 * as a snapshot without undo steps; null when there is none or it is unusable.
 * @param {string|null} json  localStorage's value under LEGACY_KEY
 * @returns {Snapshot|null}
 */
export function legacySnapshot(json) {
  let saved;
  try {
    saved = JSON.parse(json ?? 'null');
  } catch {
    return null;
  }
  const s = saved?.session;
  if (!s || typeof s.text !== 'string' || !Array.isArray(saved.hidden)) return null;
  if (sessionProblem({ ...s, text: 0 }, new Map([[0, s.text]]))) return null;
  const draft = typeof saved.draft === 'string' ? saved.draft : s.text;
  return { session: s, past: [], future: [], hidden: saved.hidden.filter((h) => typeof h === 'string'), draft };
}

/** A save refused because another tab saved since this one last loaded or saved. */
export class ConflictError extends Error {
  constructor(found) {
    super('another tab saved newer work');
    this.name = 'ConflictError';
    this.found = found;
  }
}

/** Resolves with a request's result; rejects with its error. */
function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves when a transaction has completed (committed), rejects when it aborts or fails. */
function completed(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The save was aborted', 'AbortError'));
  });
}

/** Ends a transaction now rather than when the event loop is idle. */
function commitNow(tx) {
  if (typeof tx.commit === 'function') tx.commit();
}

/**
 * Opens (creating if need be) the store.
 * @param {object} [options]
 * @param {IDBFactory} [options.indexedDB]
 * @param {string} [options.name]  the database name (tests use their own)
 * @param {() => void} [options.onVersionChange]  another page wants a newer database: this one is closed
 */
export async function openStore({ indexedDB = globalThis.indexedDB, name = DB_NAME, onVersionChange = () => {} } = {}) {
  if (!indexedDB) throw new Error('this browser offers no IndexedDB');
  const open = indexedDB.open(name, DB_VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    for (const store of STORES) {
      if (!db.objectStoreNames.contains(store)) db.createObjectStore(store, store === 'quarantine' ? { autoIncrement: true } : undefined);
    }
  };
  /** @type {IDBDatabase} */
  const db = await done(open);
  db.onversionchange = () => {
    db.close();
    onVersionChange();
  };
  /** The ids of the texts in the store, as last read or written. */
  let stored = new Set();
  const tx = (stores, mode) => db.transaction(stores, mode, mode === 'readwrite' ? { durability: 'strict' } : undefined);

  /** A stored text or list, its parts joined; undefined when it or a part is missing. */
  async function readText(t, id) {
    const value = await done(t.objectStore('texts').get(id));
    if (!isParted(value)) return value;
    const list = [];
    for (let k = 0; k < value.parts; k++) {
      const part = await done(t.objectStore('texts').get(`${id}#${k}`));
      if (!Array.isArray(part)) return undefined;
      for (const item of part) list.push(item);
    }
    return list;
  }

  /**
   * Writes a text or list under `id` (a long list in parts, see PART); with
   * `oneByOne`, each part once the one before is written, so each is copied
   * in a task of its own. Resolves to the keys written.
   */
  async function writeText(store, id, value, oneByOne) {
    if (!Array.isArray(value) || value.length <= PART) {
      store.put(value, id);
      return [id];
    }
    const keys = [id];
    const parts = Math.ceil(value.length / PART);
    store.put({ parts }, id);
    for (let k = 0; k < parts; k++) {
      const put = store.put(value.slice(k * PART, (k + 1) * PART), `${id}#${k}`);
      keys.push(`${id}#${k}`);
      if (oneByOne) await done(put);
    }
    return keys;
  }

  /** Reads the head and the texts it refers to, in one transaction. */
  async function readCurrent(t) {
    const head = await done(t.objectStore('head').get(HEAD));
    const texts = new Map();
    if (head && typeof head === 'object') {
      const ids = [head.present, ...(Array.isArray(head.past) ? head.past : []), ...(Array.isArray(head.future) ? head.future : [])].flatMap((s) => [s?.text, s?.model?.annotations]);
      if (head.draft != null) ids.push(head.draft);
      for (const id of new Set(ids.filter((i) => typeof i === 'string'))) {
        const text = await readText(t, id);
        if (text !== undefined) texts.set(id, text);
      }
    }
    return { head, texts };
  }

  return {
    /**
     * The saved state as stored: `{head, texts, failed}` (head undefined when
     * nothing was saved; failed: the note of a later save that failed, or undefined).
     * Unpack it with unpackSnapshot.
     */
    async load() {
      const t = tx(['head', 'texts', 'meta'], 'readonly');
      const [current, failed, keys] = await Promise.all([readCurrent(t), done(t.objectStore('meta').get(FAILED)), done(t.objectStore('texts').getAllKeys())]);
      stored = new Set(keys);
      return { ...current, failed };
    },

    /**
     * Saves `packed` as the current state if the stored one is still number
     * `expected` (what this tab last loaded or saved; 0 for none), else
     * rejects with ConflictError and writes nothing. Texts no longer referred
     * to are deleted in the same transaction. Resolves with the new number
     * and time once the transaction has completed.
     *
     * `now`: issue every write at once, without reading first (and so
     * without the check), for a page being hidden or left, where a reply
     * from the database may never arrive; the editing lock keeps other tabs out.
     * @param {Packed} packed
     * @param {number} expected
     * @param {string} writer  this tab's id
     * @param {{now?: boolean}} [options]
     * @returns {Promise<{counter: number, savedAt: number}>}
     */
    async save(packed, expected, writer, { now = false } = {}) {
      const t = tx(['head', 'texts', 'meta'], 'readwrite');
      const finished = completed(t);
      const heads = t.objectStore('head');
      const textStore = t.objectStore('texts');
      let have = stored;
      if (!now) {
        const [old, keys] = await Promise.all([done(heads.get(HEAD)), done(textStore.getAllKeys())]);
        const found = old?.counter ?? 0;
        if (found !== expected) {
          t.abort();
          await finished.catch(() => {});
          throw new ConflictError(found);
        }
        have = new Set(keys);
      }
      // Kept: every stored key of a text still referred to (a list's parts too).
      const keys = new Set([...have].filter((key) => packed.texts.has(idOf(key))));
      for (const key of have) if (!keys.has(key)) textStore.delete(key);
      for (const [id, text] of packed.texts) {
        if (have.has(id)) continue;
        for (const key of await writeText(textStore, id, text, !now)) keys.add(key);
      }
      const record = { ...packed.head, counter: expected + 1, savedAt: Date.now(), writer };
      heads.put(record, HEAD);
      t.objectStore('meta').delete(FAILED);
      commitNow(t);
      await finished;
      stored = keys;
      return { counter: record.counter, savedAt: record.savedAt };
    },

    /**
     * Notes (best effort: storage may be full) that saving after number
     * `counter` failed, so a reload knows the saved state is older than the work.
     */
    async noteFailure(counter, reason) {
      try {
        const t = tx(['meta'], 'readwrite');
        const finished = completed(t);
        t.objectStore('meta').put({ after: counter, at: Date.now(), reason }, FAILED);
        commitNow(t);
        await finished;
      } catch {
        // Storage refuses even this; the page also notes it in localStorage.
      }
    },

    /**
     * Moves the saved state, as stored, to the quarantine store with the
     * reason it was refused, and empties the current state, in one
     * transaction. Resolves with the backup's key.
     * @param {string} reason
     * @param {object} [extra]  something else to keep, e.g. a legacy localStorage value
     */
    async quarantine(reason, extra) {
      const t = tx(['head', 'texts', 'quarantine'], 'readwrite');
      const finished = completed(t);
      const kept = extra ?? (await readCurrent(t));
      const record = { at: Date.now(), reason, head: kept.head ?? null, texts: kept.texts ? Object.fromEntries(kept.texts) : {}, legacy: kept.legacy };
      const key = await done(t.objectStore('quarantine').add(record));
      if (!extra) {
        t.objectStore('head').delete(HEAD);
        t.objectStore('texts').clear();
      }
      commitNow(t);
      await finished;
      return key;
    },

    /** The quarantined backups: [{key, at, reason}], oldest first. */
    async backups() {
      const t = tx(['quarantine'], 'readonly');
      const store = t.objectStore('quarantine');
      const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
      return keys.map((key, i) => ({ key, at: values[i].at, reason: values[i].reason }));
    },

    /** One quarantined backup as JSON text, to download. */
    async backupJson(key) {
      const record = await done(tx(['quarantine'], 'readonly').objectStore('quarantine').get(key));
      return JSON.stringify({ gloss_backup: 1, ...record }, null, 2);
    },

    /** True when the text `id` is in the store, as last read or written (a save under way does not count yet). */
    has(id) {
      return stored.has(id);
    },

    close() {
      db.close();
    },
  };
}
