/**
 * Autosave: keeps the working session, the legend's hidden labels and the
 * text box's draft in localStorage, so a reload (or a crash) loses nothing.
 * @module
 */

/** The localStorage key; bump the version if the stored shape changes. */
export const STORAGE_KEY = 'gloss.session.v1';

/**
 * Saves; returns null or the reason saving failed (e.g. storage full).
 * @param {Storage} storage
 * @param {import('./session.js').Session} session
 * @param {string[]} hidden
 * @param {string} [draft]  the text box's content when it differs from the annotated text
 */
export function saveSession(storage, session, hidden, draft = session.text) {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify({ session, hidden, draft: draft === session.text ? undefined : draft }));
    return null;
  } catch (e) {
    return `Autosave failed (${e?.name ?? 'error'}): export your work to keep it.`;
  }
}

/**
 * Loads what was saved, or null when nothing (or nothing usable) was saved.
 * @param {Storage} storage
 * @returns {{session: import('./session.js').Session, hidden: string[], draft: string} | null}
 */
export function loadSession(storage) {
  let saved;
  try {
    saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    return null;
  }
  const s = saved?.session;
  const ok =
    s &&
    typeof s.text === 'string' &&
    typeof s.dateField === 'string' &&
    s.model &&
    typeof s.model.reference_date === 'string' &&
    typeof s.model.reference_date_source === 'string' &&
    Array.isArray(s.model.annotations) &&
    Array.isArray(s.corrections) &&
    Array.isArray(saved.hidden);
  if (!ok) return null;
  const draft = typeof saved.draft === 'string' ? saved.draft : s.text;
  return { session: s, hidden: saved.hidden.filter((h) => typeof h === 'string'), draft };
}

/** Forgets the saved session. */
export function clearSaved(storage) {
  try {
    storage.removeItem(STORAGE_KEY);
  } catch {
    // Storage unavailable: nothing was saved either.
  }
}

/** How long typing in the text box may go unsaved, in ms. */
const DRAFT_DELAY = 400;

/**
 * Saves the page state after every change: at once for the document and the
 * legend, a moment after typing stops for the text box. `report` receives
 * the reason when saving fails.
 * @param {ReturnType<typeof import('./session.js').createPageState>} state
 * @param {Storage} storage
 * @param {(problem: string) => void} report
 */
export function keepSaved(state, storage, report) {
  let timer;
  const save = () => {
    clearTimeout(timer);
    const problem = saveSession(storage, state.session, [...state.hidden], state.draft);
    if (problem) report(problem);
  };
  state.subscribe((change) => {
    if (change.document || change.hidden) save();
    else if (change.draft) {
      clearTimeout(timer);
      timer = setTimeout(save, DRAFT_DELAY);
    }
  });
}
