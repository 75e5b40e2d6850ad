/**
 * Persistence, wired: opens the autosave store, decides with the other tabs
 * which one edits (tabs.js), brings back the saved state (keeping an
 * unusable one as a backup) or the journal's newer one (journal.js),
 * migrates a session left in localStorage by earlier versions, and keeps
 * saving (autosave.js) while this tab edits.
 * A read-only tab shows what the editing tab saves and offers "Edit here".
 * @module
 */

import { byId } from './dom.js';
import { FAILED_KEY, failureReason, keepSaved, textIds } from './autosave.js';
import { choose, journalTexts, readJournal, revOf } from './journal.js';
import { createSaveView, clock } from './save-view.js';
import { LEGACY_KEY, legacySnapshot, openStore, packSnapshot, unpackSnapshot } from './store.js';
import { createEditLock } from './tabs.js';

/** The controls that change the document: off while read-only. */
const EDIT_CONTROLS = ['new-document', 'load-sample', 'import-button', 'annotate', 'reference-auto', 'reference-date', 'undo', 'redo'];

/**
 * How long (ms) a page waits for the store to catch up with a journal that
 * names a text too large for it: the leaving page's save may still be committing.
 */
const JOURNAL_WAIT = 3000;

/** localStorage, or null where the browser refuses it. */
function localStore() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The save number after which a save failed, as noted in the store or localStorage; -1 for none. */
function failedAfter(noted, notes) {
  let local = null;
  try {
    local = JSON.parse(notes?.getItem(FAILED_KEY) ?? 'null');
  } catch {
    // An unreadable note is no note.
  }
  const afters = [noted, local].map((n) => (typeof n?.after === 'number' ? n.after : -1));
  const latest = Math.max(...afters);
  const reason = [noted, local].find((n) => n?.after === latest)?.reason;
  return { after: latest, reason };
}

/**
 * Begins opening the autosave store, so that it opens while the core loads;
 * startPersistence takes what this returns.
 */
export function openSaved() {
  let onVersionChange = null;
  let closed = false;
  const opening = openStore({
    onVersionChange: () => {
      closed = true;
      onVersionChange?.();
    },
  });
  opening.catch(() => {}); // said by startPersistence
  return {
    opening,
    /** True once the store was closed for a newer version (or deleted): nothing more is read or saved. */
    get closed() {
      return closed;
    },
    /** Calls `fn` when the store closes so, at once if it has. */
    whenVersionChanges(fn) {
      onVersionChange = fn;
      if (closed) fn();
    },
  };
}

/**
 * Starts persistence; resolves with what was brought back:
 * 'restored' (the last save, or the journal's newer state), 'unsaved' (the
 * journal's newer state, which saves failed to store), 'older' (a save older
 * than the work: later saves failed, or the page was left before its last
 * one completed), 'quarantined' (unusable: kept as a backup), or 'none'.
 * @param {object} deps
 * @param {ReturnType<typeof import('./session.js').createPageState>} deps.state
 * @param {(message: string, kind?: string) => void} deps.say
 * @param {() => void} deps.exportJson
 * @param {ReturnType<typeof openSaved>} [deps.saved]  the store being opened, when already begun
 * @returns {Promise<{outcome: 'restored'|'unsaved'|'older'|'quarantined'|'none', editing: boolean, savedAt?: number}>}
 */
export async function startPersistence({ state, say, exportJson, saved = openSaved() }) {
  const view = createSaveView({ exportJson });
  const notes = localStore();
  const tabId = globalThis.crypto?.randomUUID?.() ?? `tab-${Math.random().toString(36).slice(2)}`;
  let store;
  try {
    saved.whenVersionChanges(() => view.unavailable('a newer version of Gloss opened in another tab; reload this page'));
    store = await saved.opening;
  } catch (e) {
    view.unavailable(e?.message ?? String(e));
    return { outcome: 'none', editing: true };
  }
  navigator.storage?.persist?.().catch(() => {});

  /** @type {ReturnType<typeof keepSaved>|null} */
  let saver = null;
  let counter = 0;
  let ids = new Map();
  let savedAt = 0;
  /** The revision loaded (journal.js), and whether it came from the journal, not yet in the store. */
  let rev = 0;
  let pending = false;
  /** False after the lock was taken from this tab with unsaved changes: do not replace them by the other tab's saves. */
  let follow = true;
  /** Why later saves failed, when the saved state is older than the work. */
  let older = '';
  /** A read-only tab's pending load of what the editing tab saved. */
  let followTimer = 0;

  function setEditable(editable) {
    state.setReadOnly(!editable);
    document.body.dataset.editing = editable ? 'editing' : 'readonly';
    /** @type {HTMLTextAreaElement} */ (byId('source-text')).readOnly = !editable;
    for (const id of EDIT_CONTROLS) {
      const control = /** @type {HTMLButtonElement} */ (byId(id));
      if (!editable) control.disabled = true;
      else if (id !== 'undo' && id !== 'redo') control.disabled = false;
    }
  }

  /**
   * Shows the latest saved state — the store's, or the journal's when newer
   * (only for the tab that edits: the journal is the editing tab's) —;
   * quarantines an unusable one when this tab edits.
   */
  async function loadLatest(editing) {
    let loaded = await store.load();
    const journal = editing ? readJournal(notes) : null;
    let choice = choose(loaded.head, loaded.texts, journal);
    for (let waited = 0; choice === 'wait' && waited < JOURNAL_WAIT; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      loaded = await store.load();
      choice = choose(loaded.head, loaded.texts, journal);
    }
    rev = Math.max(revOf(loaded.head), journal?.rev ?? 0);
    pending = false;
    if (choice === 'journal') {
      try {
        const texts = journalTexts(loaded.texts, journal);
        await state.restore(unpackSnapshot(journal.head, texts));
        counter = loaded.head?.counter ?? 0;
        savedAt = journal.at;
        ids = textIds(texts);
        pending = true;
        const failed = failedAfter(loaded.failed, notes);
        if (failed.after < counter) return 'restored';
        older = failed.reason ?? 'saving failed';
        return 'unsaved';
      } catch {
        // An unusable journal: the store's state stands.
      }
    }
    if (!loaded.head) return choice === 'wait' ? lostMessage() : 'none';
    // A read-only tab's load that ends after this tab began to edit must not replace the edits.
    if (!editing && !state.readOnly) return 'none';
    try {
      await state.restore(unpackSnapshot(loaded.head, loaded.texts));
    } catch (e) {
      if (!editing) return 'none';
      const reason = e?.message ?? String(e);
      const key = await store.quarantine(reason);
      view.backup(`The saved session could not be restored (${reason}). It is kept, unchanged, as a backup in this browser; download it to keep it elsewhere.`, () => downloadBackup(key));
      return 'quarantined';
    }
    counter = loaded.head.counter;
    savedAt = loaded.head.savedAt;
    ids = textIds(loaded.texts);
    const failed = failedAfter(loaded.failed, notes);
    if (failed.after >= counter) {
      older = failed.reason ?? 'saving failed';
      return 'older';
    }
    if (choice === 'wait') return lostMessage();
    older = '';
    return 'restored';
  }

  /** The journal named a change the store never got: said as a save that failed. */
  function lostMessage() {
    older = 'the page was left before its last save completed, and that change was too large to note at once';
    return 'older';
  }

  async function downloadBackup(key) {
    const json = await store.backupJson(key);
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `gloss-backup-${key}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  /** Moves a session left in localStorage by earlier versions into the store, once. */
  async function migrateLegacy() {
    const json = notes?.getItem(LEGACY_KEY) ?? null;
    if (json === null) return;
    const snapshot = legacySnapshot(json);
    const loaded = await store.load();
    if (snapshot && !loaded.head) {
      let n = 0;
      await store.save(packSnapshot(snapshot, new Map(), () => `legacy-${n++}`), 0, tabId);
    } else {
      const reason = snapshot ? 'a session saved by an earlier version of Gloss, found after a newer one' : 'an unreadable session saved by an earlier version of Gloss';
      const key = await store.quarantine(reason, { legacy: json });
      view.backup(`Found ${reason}. It is kept as a backup in this browser; download it to keep it elsewhere.`, () => downloadBackup(key));
    }
    notes.removeItem(LEGACY_KEY);
  }

  async function becomeEditor() {
    clearTimeout(followTimer);
    const outcome = await loadLatest(true);
    setEditable(true);
    follow = true;
    view.readOnly(null);
    saver = keepSaved({ state, store, writer: tabId, counter, rev, pending, ids, notes, report: onStatus, onSaved: (s) => lock.announceSave(s.counter) });
    if (outcome === 'older' || outcome === 'unsaved') view.show({ state: 'failed', reason: older });
    else if (counter > 0) view.show({ state: 'saved', savedAt });
    else view.show({ state: 'unsaved' });
    return outcome;
  }

  function onStatus(status) {
    view.show(status);
    if (status.state === 'conflict') becomeReader('Another tab saved newer work, so this tab is read-only and did not overwrite it.', { flush: false });
  }

  /**
   * Makes this tab read-only with the banner `text`, after saving what is
   * unsaved unless `flush` is false (the lock is gone already). Work that
   * stays unsaved is said so, and not replaced by the other tab's saves.
   */
  async function becomeReader(text, { flush = true } = {}) {
    setEditable(false);
    const stopping = saver;
    saver = null;
    if (stopping) await stopping.stop({ save: flush });
    const unsaved = stopping?.unsaved ?? false;
    if (unsaved) follow = false;
    const more = unsaved ? ' Changes made here since the last save are shown but not saved: Export JSON keeps them.' : '';
    view.readOnly(`${text}${more} Press Edit here to edit in this tab instead (it first loads the latest saved work).`, editHere);
  }

  async function editHere() {
    await lock.take();
    const outcome = await becomeEditor();
    if (outcome === 'older' || outcome === 'unsaved') say(`This tab edits now. ${olderMessage(outcome)}`, 'warning');
    else say('This tab edits now, with the latest saved work; the other tab is read-only.');
  }

  const lock = createEditLock({
    tabId,
    onHandoverRequest: () => becomeReader('This session is being edited in another tab, so this tab is read-only.'),
    onGranted: async () => {
      const outcome = await becomeEditor();
      if (outcome === 'older' || outcome === 'unsaved') say(`The editing tab closed: this tab edits now. ${olderMessage(outcome)}`, 'warning');
      else say('The editing tab closed: this tab edits now, with the latest saved work.');
    },
    onLost: () => becomeReader('Another tab took over editing, so this tab is read-only.', { flush: false }),
    onRemoteSave: () => {
      if (state.readOnly && follow) {
        clearTimeout(followTimer);
        followTimer = window.setTimeout(() => loadLatest(false), 100);
      }
    },
  });

  /** What to say of an 'older' or 'unsaved' outcome. */
  const olderMessage = (outcome) =>
    outcome === 'unsaved'
      ? `Brought back your latest work from this browser's journal of changes, but it is not saved: ${older}. Export JSON to keep it, or free some storage.`
      : counter === 0
      ? `Nothing was saved in this browser yet: the work could not be saved (${older}).`
      : `This is the last copy saved in this browser, from ${clock(savedAt)}; changes made after it could not be saved (${older}). Export JSON once you have redone them, or free some storage.`;

  try {
    if (await lock.tryAcquire()) {
      try {
        await migrateLegacy();
      } catch (e) {
        say(`The session saved by an earlier version of Gloss could not be moved (${failureReason(e)}); it is left where it was.`, 'warning');
      }
      const outcome = await becomeEditor();
      if (outcome === 'older' || outcome === 'unsaved') say(olderMessage(outcome), 'warning');
      return { outcome, editing: true, savedAt };
    }
    await becomeReader('This session is open for editing in another tab, so this tab is read-only and shows what that tab saves.');
    const outcome = await loadLatest(false);
    return { outcome, editing: false, savedAt };
  } catch (e) {
    // The store closed while starting (see openSaved): the page works unsaved, and the save view says so.
    if (!saved.closed) throw e;
    return { outcome: 'none', editing: true };
  }
}
