/**
 * The page's working state. A session is one immutable value — the annotated
 * text, the reference-date field, what the model found and the person's
 * corrections — changed by the pure steps below. createPageState holds the
 * current session with its undo history, the labels the legend hides and the
 * text box's draft: every change of state goes through its methods, and it
 * tells its subscribers what changed so each view redraws what it shows.
 * @module
 */

import { applyCorrections, rebaseCorrections, recordCorrection, splitImported } from './corrections.js';
import { createHistory } from './history.js';
import { patchAnnotations } from './doc-patch.js';

/** The export format tag. */
export const FORMAT = 'gloss/2';

/** Up to this many annotations the entities are grouped again at once after a correction; above, LINK_DELAY ms later. */
export const LINK_AT_ONCE = 3000;
/** How long (ms) a large document waits after a correction before grouping its entities again (quick corrections share one). */
export const LINK_DELAY = 150;

/**
 * @typedef {import('./corrections.js').Annotation} Annotation
 * @typedef {import('./corrections.js').Correction} Correction
 * @typedef {import('./labels.js').Labels} Labels
 *
 * @typedef {object} Session
 * @property {string} text  the annotated text
 * @property {string} dateField  the reference-date field: "" (use dateline, else today) or YYYY-MM-DD
 * @property {{reference_date: string, reference_date_source: string, annotations: Annotation[]}} model
 * @property {Correction[]} corrections
 * @property {object[]} [edits]  the person's entity edits (gloss/2 `edits`), re-applied by the core's linkEntities
 *
 * @callback AnnotateFn  the core's annotate(text, {reference_date, today})
 * @param {string} text
 * @param {{reference_date: string|null, today: string}} options
 * @returns {{reference_date: string, reference_date_source: string, annotations: Annotation[]}}
 */

/** The empty session: no text, nothing found. */
export function emptySession() {
  return {
    text: '',
    dateField: '',
    model: { reference_date: '', reference_date_source: 'today', annotations: [] },
    corrections: [],
  };
}

/** True when there is no annotated text. */
export function isEmpty(session) {
  return session.text === '' && session.model.reference_date === '';
}

/**
 * The gloss/2 document a session stands for: what Export writes. With the
 * core's `linkEntities`, its entities are recomputed after the corrections
 * and the person's entity edits applied; without, it is an unlinked document
 * (no `entity`, no `entities`), which is valid too.
 * @param {Session} session
 * @param {Labels} labels
 * @param {(doc: object) => {document: object}} [linkEntities]
 */
export function documentOf(session, labels, linkEntities) {
  // The model's entity ids are stale once corrections apply: drop them.
  const annotations = applyCorrections(session.model.annotations, session.corrections, labels).map(({ entity, ...a }) => a);
  return withAnnotations(session, annotations, linkEntities);
}

/** documentOf with the shown annotations already known (entity ids are dropped and recomputed). */
function withAnnotations(session, annotations, linkEntities) {
  const doc = {
    format: FORMAT,
    text: session.text,
    reference_date: session.model.reference_date,
    reference_date_source: session.model.reference_date_source,
    annotations,
  };
  if (session.edits?.length) doc.edits = session.edits;
  if (!linkEntities || isEmpty(session)) return doc;
  return linkEntities({ ...doc, annotations: annotations.map(({ entity, ...a }) => a) }).document;
}

/**
 * Runs the model on `text` with the reference date in `dateField` and
 * re-applies the person's corrections on top. Corrections whose text no
 * longer stands at the same place (the text was edited) are dropped and
 * returned so the page can say so.
 * @param {Session} session
 * @param {string} text
 * @param {string} dateField
 * @param {AnnotateFn} annotate
 * @param {string} today  local date, YYYY-MM-DD
 * @returns {{session: Session, dropped: Correction[]}}
 */
export function reannotate(session, text, dateField, annotate, today) {
  const found = annotate(text, { reference_date: dateField === '' ? null : dateField, today });
  const { kept, dropped } = text === session.text ? { kept: session.corrections, dropped: [] } : rebaseCorrections(session.corrections, text);
  return {
    session: {
      text,
      dateField,
      model: {
        reference_date: found.reference_date,
        reference_date_source: found.reference_date_source,
        annotations: found.annotations,
      },
      corrections: kept,
      ...(session.edits ? { edits: session.edits } : {}),
    },
    dropped,
  };
}

/**
 * The session with one more correction.
 * @param {Session} session
 * @param {Correction} correction
 * @param {Labels} labels
 * @param {Annotation[]} [shown]  the annotations the session shows, when known
 * @returns {Session}
 */
export function correct(session, correction, labels, shown = documentOf(session, labels).annotations) {
  return { ...session, corrections: recordCorrection(session.corrections, correction, shown, session.model.annotations) };
}

/**
 * The session with one more entity edit (gloss/2 `edits`: merge, split,
 * rename, place), which the core's linkEntities applies on top of its grouping.
 * @param {Session} session
 * @param {object} edit
 * @returns {Session}
 */
export function editEntities(session, edit) {
  return { ...session, edits: [...(session.edits ?? []), edit] };
}

/**
 * A session that reproduces an imported (already validated) document exactly.
 * @param {object} doc  a valid gloss/2 (or gloss/1) document
 * @param {Annotation[]} coreAnnotations  what the core finds in doc.text at doc.reference_date
 * @returns {Session}
 */
export function sessionFromDocument(doc, coreAnnotations) {
  const { model, corrections } = splitImported(doc.annotations, coreAnnotations);
  return {
    text: doc.text,
    dateField: doc.reference_date_source === 'given' ? doc.reference_date : '',
    model: { reference_date: doc.reference_date, reference_date_source: doc.reference_date_source, annotations: model },
    corrections,
    ...(doc.edits?.length ? { edits: doc.edits } : {}),
  };
}

/**
 * @typedef {object} Change  what one change of state touched
 * @property {boolean} document  the session: text, reference date, annotations (and so undo and redo)
 * @property {boolean} hidden    the labels the legend hides
 * @property {boolean} inputs    the text box and date field must show the state again (undo, import, New…)
 * @property {boolean} draft     the text box's content
 * @property {boolean} relinked  only the entities were recomputed: the session is unchanged (nothing to save or undo)
 * @property {import('./doc-patch.js').Patch|null} patch  set when only corrections changed: the spans they touched and
 *   the annotations removed and added there, so views patch instead of redrawing; the entities are then
 *   grouped again a moment later (a `relinked` change) when the document is large
 * @property {boolean} readOnly  whether this tab may edit (see setReadOnly)
 *
 * @typedef {(change: Change) => void} Listener
 */

/**
 * The page's state and the only way to change it. Views read it, call its
 * methods and redraw when a subscriber call tells them what changed; they
 * never keep a copy of the document.
 * @param {object} deps
 * @param {{annotate: AnnotateFn, validateDocument: (value: unknown) => object, linkEntities?: (doc: object) => {document: object}, isValidTimexValue?: (value: string) => boolean}} deps.core
 * @param {Labels} deps.labels
 * @param {() => string} deps.today  the local date, YYYY-MM-DD
 */
export function createPageState({ core, labels, today }) {
  const history = createHistory(emptySession());
  let doc = documentOf(history.present, labels, core.linkEntities);
  let hidden = new Set(labels.hiddenByDefault());
  let draft = '';
  let readOnly = false;
  /** The pending regrouping of entities after a patch, or 0. */
  let linkTimer = 0;
  /** @type {Set<Listener>} */
  const listeners = new Set();

  function emit(change) {
    const full = { document: false, hidden: false, inputs: false, draft: false, readOnly: false, relinked: false, patch: null, ...change };
    for (const listener of listeners) listener(full);
  }

  /** Groups the entities again now, from the annotations shown. */
  function link() {
    clearTimeout(linkTimer);
    linkTimer = 0;
    doc = withAnnotations(history.present, doc.annotations, core.linkEntities);
  }

  /**
   * Shows history.present, which follows `before`: patches the document
   * where only corrections changed, else recomputes it; sets the draft and
   * tells the views.
   */
  function shown(before, { newDraft = draft, inputs = false } = {}) {
    const session = history.present;
    const patched = patchAnnotations(doc.annotations, before, session, labels);
    clearTimeout(linkTimer);
    linkTimer = 0;
    if (patched) {
      doc = withAnnotations(session, patched.annotations);
      // The entities keep their last grouping for a moment on a large document, off the click's path.
      if (patched.annotations.length <= LINK_AT_ONCE) link();
      else linkTimer = setTimeout(relinked, LINK_DELAY);
    } else {
      doc = documentOf(session, labels, core.linkEntities);
    }
    const draftChanged = newDraft !== draft;
    draft = newDraft;
    emit({ document: true, inputs, draft: draftChanged, patch: patched?.patch ?? null });
  }

  function relinked() {
    link();
    emit({ document: true, relinked: true });
  }

  /** Refuses every change of the document while another tab edits it. */
  function writable() {
    if (readOnly) throw new Error('This tab is read-only: the document is being edited in another tab');
  }

  function commit(session, { undoable = true, ...show } = {}) {
    writable();
    const before = history.present;
    if (undoable) history.push(session);
    else history.reset(session);
    shown(before, show);
  }

  return {
    /** @returns {Session} */
    get session() {
      return history.present;
    },
    /**
     * The gloss/2 document on screen. Right after a correction on a large
     * document its entities may be those of a moment ago (see Change.patch).
     */
    get document() {
      return doc;
    },
    /** The gloss/2 document with its entities grouped now: what Export writes. */
    linkedDocument() {
      if (linkTimer) link();
      return doc;
    },
    /** @returns {ReadonlySet<string>} the labels the legend hides */
    get hidden() {
      return hidden;
    },
    /** The text box's content, annotated or not. */
    get draft() {
      return draft;
    },
    get canUndo() {
      return !readOnly && history.canUndo;
    },
    get canRedo() {
      return !readOnly && history.canRedo;
    },
    /** The undo and redo lists: sessions, oldest first, and undone ones, next redo last. */
    get steps() {
      return { past: history.past, future: history.future };
    },
    /** True while another tab edits the document: then every change is refused. */
    get readOnly() {
      return readOnly;
    },
    /** True when the text box holds something other than the annotated text. */
    get textChanged() {
      return draft !== history.present.text && !(isEmpty(history.present) && draft === '');
    },

    /**
     * Calls `listener` after every change; returns a function that stops it.
     * @param {Listener} listener
     */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /**
     * Annotates `text` at `dateField`, keeping the corrections that still
     * apply; returns the ones dropped. Throws (changing nothing) when the core does.
     * @param {{undoable?: boolean}} [options]  undoable: false for the sample the page opens with
     * @returns {Correction[]}
     */
    annotate(text, dateField, { undoable = true } = {}) {
      writable();
      const result = reannotate(history.present, text, dateField, core.annotate, today());
      commit(result.session, { undoable, newDraft: text, inputs: true });
      return result.dropped;
    },

    /** Adds, relabels or removes one annotation (see corrections.js). */
    correct(correction) {
      commit(correct(history.present, correction, labels, doc.annotations));
    },

    /** Several corrections as one undo step (e.g. "Label all occurrences"). */
    correctAll(corrections) {
      if (corrections.length === 0) return;
      // Each correction needs what the ones before it show: patch as they go.
      let session = history.present;
      let annotations = doc.annotations;
      for (const c of corrections) {
        const next = correct(session, c, labels, annotations);
        annotations = patchAnnotations(annotations, session, next, labels)?.annotations ?? documentOf(next, labels).annotations;
        session = next;
      }
      commit(session);
    },

    /**
     * Gives the temporal annotation `a` (as shown) the TIMEX3 value `value`;
     * false, changing nothing, when the core does not read `value` as TIMEX3.
     * @param {Annotation} a
     * @param {string} value
     */
    setValue(a, value) {
      if (!labels.isTemporal(a.label) || !core.isValidTimexValue(value)) return false;
      commit(correct(history.present, { start: a.start, end: a.end, text: a.text, label: a.label, value, valueEdited: true }, labels, doc.annotations));
      return true;
    },

    /** Records one entity edit (see editEntities above); an undo step. */
    editEntities(edit) {
      commit(editEntities(history.present, edit));
    },

    /**
     * Makes an imported, already validated document current (undoable). The
     * core's own findings in its text become removals where the document has
     * nothing, so a later re-annotation does not bring them back.
     */
    importDocument(document) {
      writable();
      let found = [];
      try {
        found = core.annotate(document.text, { reference_date: document.reference_date, today: today() }).annotations;
      } catch {
        // Without the core's opinion the import still restores exactly; only removals are not remembered.
      }
      commit(sessionFromDocument(document, found), { newDraft: document.text, inputs: true });
    },

    /** Empties the document (undoable). */
    clear() {
      commit(emptySession(), { newDraft: '', inputs: true });
    },

    /** Steps back; false when there is nothing to undo. */
    undo() {
      const before = history.present;
      if (readOnly || history.undo() === undefined) return false;
      shown(before, { newDraft: history.present.text, inputs: true });
      return true;
    },

    /** Steps forward again; false when there is nothing to redo. */
    redo() {
      const before = history.present;
      if (readOnly || history.redo() === undefined) return false;
      shown(before, { newDraft: history.present.text, inputs: true });
      return true;
    },

    /**
     * Brings back an autosaved state with its undo and redo lists (if
     * saved). Throws (changing nothing) when its document is not valid.
     * Allowed while read-only: a read-only tab shows what the editing tab saved.
     * @param {{session: Session, hidden: string[], draft: string, past?: Session[], future?: Session[]}} saved
     */
    restore(saved) {
      const restored = documentOf(saved.session, labels, core.linkEntities);
      if (!isEmpty(saved.session)) core.validateDocument(restored);
      history.reset(saved.session, { past: saved.past ?? [], future: saved.future ?? [] });
      clearTimeout(linkTimer);
      linkTimer = 0;
      doc = restored;
      hidden = new Set(saved.hidden);
      draft = saved.draft;
      emit({ document: true, hidden: true, inputs: true, draft: true });
    },

    /**
     * Recomputes the document's entities (no undo step): after the core has
     * learnt more places (the towns list arrives after start).
     */
    relink: relinked,

    /** False for a moment after a correction on a large document, until its entities are grouped again (a `relinked` change). */
    get linked() {
      return linkTimer === 0;
    },

    /** Hides or shows a label's annotations (a view change: no undo step). */
    setHidden(label, isHidden) {
      if (hidden.has(label) === isHidden) return;
      hidden = new Set(hidden);
      if (isHidden) hidden.add(label);
      else hidden.delete(label);
      emit({ hidden: true });
    },

    /** Makes this tab read-only (another tab edits) or editable again. */
    setReadOnly(flag) {
      if (readOnly === flag) return;
      readOnly = flag;
      emit({ readOnly: true });
    },

    /** Records what the text box holds now. */
    setDraft(text) {
      if (text === draft) return;
      writable();
      draft = text;
      emit({ draft: true });
    },
  };
}
