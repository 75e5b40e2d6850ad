/**
 * Keeps the page state saved in the store (store.js): within SAVE_DELAY of
 * each change, and at once when the page is hidden or left; and, in the
 * change's own task, notes it in the journal (journal.js), which the next
 * page reads should the store not have the change yet. Tells `report`
 * where saving stands — "unsaved" until a save of the latest change has
 * completed, "failed" (with the error) until one succeeds — so the page can
 * say so without ever claiming a save that did not happen.
 * @module
 */

import { dropJournal, writeJournal } from './journal.js';
import { packSnapshot } from './store.js';

/** At most this long (ms) between a change and the start of its save. */
export const SAVE_DELAY = 300;
/** After a failed save, try again this long (ms) later, or at the next change. */
export const RETRY_DELAY = 10_000;

/** The localStorage key of the note "saving failed after save number N" (no document data). */
export const FAILED_KEY = 'gloss.save-failed';

/**
 * @typedef {object} SaveStatus
 * @property {'saved'|'unsaved'|'saving'|'failed'|'conflict'} state
 * @property {Error} [error]  why the last save failed (failed, conflict)
 * @property {string} [reason]  the same in words, when only the words are known (noted by an earlier page)
 * @property {number} [savedAt]  when the last save completed (ms since the epoch)
 */

/** Why a save failed, in words. */
export function failureReason(error) {
  if (error?.name === 'QuotaExceededError') return 'the browser’s storage for this page is full';
  return `${error?.name ?? 'Error'}: ${error?.message ?? error}`.replace(/\.$/, '');
}

/**
 * The text → id map for texts already stored, from what load() read.
 * @param {Map<string, string>} texts  id → text
 */
export function textIds(texts) {
  return new Map([...texts].map(([id, text]) => [text, id]));
}

/** The snapshot of the page state that is saved. */
export function snapshotOf(state) {
  return { session: state.session, ...state.steps, hidden: [...state.hidden], known: state.labelNames, draft: state.draft };
}

/**
 * Starts saving `state` to `store` after each change.
 * @param {object} deps
 * @param {ReturnType<typeof import('./session.js').createPageState>} deps.state
 * @param {{save: (packed: import('./store.js').Packed, expected: number, writer: string) => Promise<{counter: number, savedAt: number}>, noteFailure: (counter: number, reason: string) => Promise<void>, has: (id: string) => boolean}} deps.store
 * @param {string} deps.writer  this tab's id
 * @param {number} deps.counter  the number of the save this tab loaded (0 for none)
 * @param {number} [deps.rev]  the revision of the state as loaded (journal.js; 0 for none)
 * @param {boolean} [deps.pending]  the state as loaded is not in the store yet (it came from the journal): save it
 * @param {Map<string, string>} [deps.ids]  text → id of the texts already stored
 * @param {(status: SaveStatus) => void} deps.report
 * @param {(saved: {counter: number, savedAt: number}) => void} [deps.onSaved]
 * @param {Storage} [deps.notes]  localStorage: the journal, and the note of a failed save besides the store's
 * @param {{setTimeout: typeof setTimeout, clearTimeout: typeof clearTimeout}} [deps.timers]
 * @param {EventTarget|null} [deps.page]  the window, for visibilitychange and pagehide (null in tests)
 */
export function keepSaved({ state, store, writer, counter, rev = 0, pending = false, ids = new Map(), report, onSaved = () => {}, notes, timers = globalThis, page = globalThis.window ?? null }) {
  let changes = pending ? 1 : 0;
  let savedChanges = 0;
  let timer = 0;
  /** @type {Promise<void>|null} */
  let saving = null;
  let again = false;
  let failure = null;
  let stopped = false;
  let n = 0;
  const newId = () => `${writer}-${Date.now().toString(36)}-${n++}`;
  /** The state packed for the store, with its revision. */
  const pack = () => {
    const packed = packSnapshot(snapshotOf(state), ids, newId);
    return { ...packed, head: { ...packed.head, rev } };
  };

  function schedule(ms) {
    if (timer || stopped) return;
    timer = timers.setTimeout(() => {
      timer = 0;
      save();
    }, ms);
  }

  function noteFailed(reason) {
    store.noteFailure(counter, reason);
    try {
      notes?.setItem(FAILED_KEY, JSON.stringify({ after: counter, at: Date.now(), reason }));
    } catch {
      // Noted in the store, if it had room.
    }
  }

  function clearNote() {
    try {
      notes?.removeItem(FAILED_KEY);
    } catch {
      // Nothing was noted there either.
    }
  }

  /** Records save number `saved.counter`, which holds the changes up to number `target` (revision `savedRev`). */
  function succeeded(saved, target, savedRev) {
    counter = saved.counter;
    savedChanges = target;
    failure = null;
    clearNote();
    if (notes) dropJournal(notes, savedRev);
    report(changes === savedChanges ? { state: 'saved', savedAt: saved.savedAt } : { state: 'unsaved' });
    onSaved(saved);
  }

  /** Saves now (or right after the save in flight); resolves when done. */
  function save() {
    timers.clearTimeout(timer);
    timer = 0;
    if (saving) {
      again = true;
      return saving;
    }
    if (stopped || changes === savedChanges) return Promise.resolve();
    const target = changes;
    const savedRev = rev;
    report({ state: failure ? 'failed' : 'saving', error: failure ?? undefined });
    saving = (async () => {
      try {
        succeeded(await store.save(pack(), counter, writer), target, savedRev);
      } catch (e) {
        const error = e instanceof Error || e instanceof DOMException ? e : new Error(String(e));
        if (error.name === 'ConflictError') {
          stopped = true;
          report({ state: 'conflict', error });
          return;
        }
        failure = error;
        report({ state: 'failed', error });
        noteFailed(failureReason(error));
        schedule(RETRY_DELAY);
      } finally {
        saving = null;
      }
      if (again) {
        again = false;
        await save();
      }
    })();
    return saving;
  }

  /**
   * Saves at once, with every write issued before returning (see store.save's
   * `now`): for a page being hidden or left, which may not live to see a reply.
   */
  function saveNow() {
    if (stopped || changes === savedChanges) return Promise.resolve();
    timers.clearTimeout(timer);
    timer = 0;
    const target = changes;
    const savedRev = rev;
    return store.save(pack(), counter, writer, { now: true }).then(
      (saved) => {
        if (target > savedChanges) succeeded(saved, target, savedRev);
      },
      () => schedule(SAVE_DELAY),
    );
  }

  const unsubscribe = state.subscribeSaved(() => {
    if (stopped) return;
    changes++;
    rev++;
    writeJournal(notes, { rev, writer, base: counter, packed: pack(), stored: store.has });
    if (!saving) report({ state: failure ? 'failed' : 'unsaved', error: failure ?? undefined });
    // A failed save retries on its own timer; a change brings the retry forward.
    if (failure) {
      timers.clearTimeout(timer);
      timer = 0;
    }
    schedule(SAVE_DELAY);
  });
  if (pending) schedule(0);
  const onHidden = () => {
    if (globalThis.document?.visibilityState === 'hidden') saveNow();
  };
  const onPageHide = () => saveNow();
  page?.addEventListener('visibilitychange', onHidden);
  page?.addEventListener('pagehide', onPageHide);

  return {
    /** Saves what is unsaved now; resolves when that save has completed or failed. */
    flush: save,
    /** True while a change is not yet saved. */
    get unsaved() {
      return changes !== savedChanges;
    },
    /** The revision of the state now (journal.js). */
    get rev() {
      return rev;
    },
    /** The number of the last save this tab made or loaded. */
    get counter() {
      return counter;
    },
    /**
     * Stops saving (another tab takes over), after saving what is unsaved
     * unless `save` is false (the lock is already gone: a save now could
     * overwrite the other tab's).
     */
    async stop({ save: last = true } = {}) {
      if (last) await save();
      stopped = true;
      timers.clearTimeout(timer);
      unsubscribe();
      page?.removeEventListener('visibilitychange', onHidden);
      page?.removeEventListener('pagehide', onPageHide);
    },
  };
}
