/**
 * The autosave journal: after every change, before the change's task ends,
 * the editing tab notes the page state in localStorage (synchronous, so it
 * is there for the next page even when the leaving page's IndexedDB save
 * never commits). It holds the head record, which refers to texts already
 * in the store by id, and the texts not yet stored when they fit in
 * BUDGET; a larger one is named as missing. Each change has a revision
 * number, also written with each save, so the next page takes whichever of
 * the journal and the store is newer (see choose).
 * @module
 */

/** The localStorage key of the journal. */
export const JOURNAL_KEY = 'gloss.journal';

/**
 * At most this many UTF-16 units of texts in the journal: localStorage
 * holds about 5 million for the whole origin, and each change writes the
 * journal again. A correction in a 5 MB document needs none (its text is stored).
 */
export const BUDGET = 1_000_000;

/**
 * @typedef {object} Journal
 * @property {number} rev  the revision of the state it holds
 * @property {string} writer  the tab that wrote it
 * @property {number} base  the number of the last save that tab had made or loaded
 * @property {number} at  when it was written (ms since the epoch)
 * @property {object} head  the head record (store.js), texts by id, with `rev`
 * @property {Record<string, string|object[]>} texts  the texts the store may not have yet
 * @property {string[]} missing  ids of texts the store may not have yet and that did not fit
 */

/** About how many UTF-16 units a text or annotation list takes as JSON, without writing it. */
function sizeOf(value) {
  return typeof value === 'string' ? value.length : Array.isArray(value) ? value.length * 120 : 0;
}

/**
 * Notes `packed` (revision `rev`) in `notes`; `stored(id)` says whether the
 * store has a text already. Returns false when localStorage refused even
 * a journal without texts (then the next page cannot know of this change).
 * @param {Storage|null|undefined} notes
 * @param {{rev: number, writer: string, base: number, packed: import('./store.js').Packed, stored: (id: string) => boolean}} entry
 */
export function writeJournal(notes, { rev, writer, base, packed, stored }) {
  if (!notes) return false;
  const texts = {};
  const missing = [];
  let room = BUDGET;
  const pending = [...packed.texts].filter(([id]) => !stored(id)).sort((a, b) => sizeOf(a[1]) - sizeOf(b[1]));
  for (const [id, value] of pending) {
    const size = sizeOf(value);
    if (size <= room) {
      texts[id] = value;
      room -= size;
    } else missing.push(id);
  }
  const entry = { rev, writer, base, at: Date.now(), head: packed.head };
  try {
    notes.setItem(JOURNAL_KEY, JSON.stringify({ ...entry, texts, missing }));
    return true;
  } catch {
    // No room for the texts: note at least that this revision exists.
  }
  try {
    notes.setItem(JOURNAL_KEY, JSON.stringify({ ...entry, texts: {}, missing: pending.map(([id]) => id) }));
    return true;
  } catch {
    return false;
  }
}

/** The journal in `notes`, or null when there is none or it is unreadable. */
export function readJournal(notes) {
  let j;
  try {
    j = JSON.parse(notes?.getItem(JOURNAL_KEY) ?? 'null');
  } catch {
    return null;
  }
  const ok = j && Number.isInteger(j.rev) && typeof j.writer === 'string' && Number.isInteger(j.base) && j.head && typeof j.head === 'object' && j.texts && typeof j.texts === 'object' && Array.isArray(j.missing);
  return ok ? /** @type {Journal} */ (j) : null;
}

/** Removes the journal when it holds revision `rev` or an older one (a save has it all). */
export function dropJournal(notes, rev) {
  try {
    const j = readJournal(notes);
    if (j && j.rev <= rev) notes.removeItem(JOURNAL_KEY);
  } catch {
    // Kept: the next page compares revisions anyway.
  }
}

/** The revision a stored head record holds (0 for one saved before revisions). */
export const revOf = (head) => (Number.isInteger(head?.rev) ? head.rev : 0);

/**
 * Which of the stored head and the journal the next page shows:
 * 'store' when the journal is absent, not newer, or was written on top of
 * a save another tab has since replaced (that tab's work wins, as a save
 * conflict would have decided); 'journal' when it is newer and whole with
 * the texts the store has (`texts`); 'wait' when it is newer but names a
 * text that did not fit, which only the leaving page's save can bring.
 * @param {any} head  the stored head record, undefined if none
 * @param {Map<string, unknown>} texts  the stored texts read with it
 * @param {Journal|null} journal
 * @returns {'store'|'journal'|'wait'}
 */
export function choose(head, texts, journal) {
  if (!journal || journal.rev <= revOf(head)) return 'store';
  if (head && head.writer !== journal.writer && head.counter > journal.base) return 'store';
  if (journal.missing.length > 0) return 'wait';
  const h = journal.head;
  const sessions = [h.present, ...(Array.isArray(h.past) ? h.past : []), ...(Array.isArray(h.future) ? h.future : [])];
  const ids = sessions.flatMap((s) => [s?.text, s?.model?.annotations]).concat(h.draft ?? []);
  const known = (id) => typeof id !== 'string' || texts.has(id) || Object.hasOwn(journal.texts, id);
  return ids.every(known) ? 'journal' : 'wait';
}

/** The stored texts with the journal's, for unpackSnapshot. */
export function journalTexts(texts, journal) {
  return new Map([...texts, ...Object.entries(journal.texts)]);
}
