/**
 * The page's working state. A session is one immutable value — the annotated
 * text, the reference-date field, what the model found and the person's
 * corrections — changed by the pure steps below. createPageState holds the
 * current session with its undo history, the labels the legend hides and the
 * text box's draft: every change of state goes through its methods, and it
 * tells its subscribers what changed so each view redraws what it shows.
 * The core answers asynchronously (it runs in a worker, see core.js): a
 * change is shown at once, its entities as they were, and again (a
 * `relinked` change) once the core has linked them; a method that changes
 * the document resolves then.
 * @module
 */

import { applyCorrections, rebaseCorrections, recordCorrection, splitImported } from './corrections.js';
import { createHistory } from './history.js';
import { patchAnnotations } from './doc-patch.js';
import { nextTask } from './dom.js';

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
 * @property {object[]} [edits]  the person's entity edits (gloss/3 `edits`), re-applied by the core's linkEntities
 *
 * @callback AnnotateFn  the core's annotate(text, {reference_date, today})
 * @param {string} text
 * @param {{reference_date: string|null, today: string}} options
 * @returns {{reference_date: string, reference_date_source: string, annotations: Annotation[]}}
 *
 * @typedef {object} Core  the core as core.js gives it (or pkg/ itself: a plain value does as well as a promise)
 * @property {(text: string, options: object, extra?: {onProgress?: (done: number, total: number) => void}) => Promise<object>|object} annotate
 * @property {(value: unknown) => Promise<object>|object} validateDocument
 * @property {(doc: object) => Promise<{document: object}>|{document: object}} [linkEntities]
 * @property {(value: string) => Promise<boolean>|boolean} [isValidTimexValue]
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

/** The annotations a session shows: the model's with the corrections applied, without entities. */
export function annotationsOf(session, labels) {
  // The model's entity ids are stale once corrections apply: drop them.
  return applyCorrections(session.model.annotations, session.corrections, labels).map(({ entity, ...a }) => a);
}

/**
 * The document a session stands for: what Export writes. With the
 * core's `linkEntities`, its entities are recomputed after the corrections
 * and the person's entity edits applied; without, it is an unlinked document
 * (no `entity`, no `entities`), which is valid too.
 * @param {Session} session
 * @param {Labels} labels
 * @param {string} format  the export's format tag, the core's (core.documentFormat)
 * @param {(doc: object) => {document: object}} [linkEntities]
 */
export function documentOf(session, labels, format, linkEntities) {
  return withAnnotations(session, annotationsOf(session, labels), format, linkEntities);
}

/** documentOf with the shown annotations already known (entity ids are dropped and recomputed). */
function withAnnotations(session, annotations, format, linkEntities) {
  const doc = {
    format,
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
 * `unlinked` (a document from documentOf, without entities) with the entity
 * of each annotation that `basis` has too, and basis's entities: what to
 * show until the core has linked `unlinked`.
 * @param {object} unlinked
 * @param {object} basis  the document shown before, or the core's own
 */
export function withEntitiesOf(unlinked, basis) {
  if (!basis.entities) return unlinked;
  const entityAt = new Map();
  for (const a of basis.annotations) if (a.entity !== undefined) entityAt.set(`${a.start} ${a.end} ${a.label}`, a.entity);
  const annotations = unlinked.annotations.map((a) => {
    const entity = entityAt.get(`${a.start} ${a.end} ${a.label}`);
    return entity === undefined ? a : { ...a, entity };
  });
  return { ...unlinked, annotations, entities: basis.entities };
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
export function correct(session, correction, labels, shown = annotationsOf(session, labels)) {
  return { ...session, corrections: recordCorrection(session.corrections, correction, shown, session.model.annotations) };
}

/**
 * The session with one more entity edit (gloss/3 `edits`: merge, split,
 * rename, place), which the core's linkEntities applies on top of its grouping.
 * A rename or a place choice right after one of the same kind for the same
 * mention replaces it, so renaming one entity five times leaves one edit, not
 * five (the earlier ones could change nothing; Undo still steps back).
 * @param {Session} session
 * @param {object} edit
 * @returns {Session}
 */
export function editEntities(session, edit) {
  const edits = session.edits ?? [];
  const last = edits.at(-1);
  const sameMention = (a, b) => a.start === b.start && a.end === b.end && a.text === b.text;
  const supersedes = last && (edit.edit === 'rename' || edit.edit === 'place') && last.edit === edit.edit && sameMention(last.mention, edit.mention);
  return { ...session, edits: [...(supersedes ? edits.slice(0, -1) : edits), edit] };
}

/**
 * A session that reproduces an imported (already validated) document exactly.
 * @param {object} doc  a valid gloss/3 (or gloss/1) document
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
 * @property {boolean} interim   the entities are still those shown before (a relinked change follows): views of entities may wait for it
 * @property {import('./doc-patch.js').Patch|null} patch  set when at most the corrections changed: the spans they touched
 *   and the annotations removed and added there (none for an entity edit), so views patch instead of redrawing
 * @property {boolean} readOnly  whether this tab may edit (see setReadOnly)
 *
 * @typedef {(change: Change) => void} Listener
 */

/** Above this many annotations, a change every view redraws reaches the views one task each (see emit). */
export const SPREAD = 1000;


/**
 * Two changes as one, for a listener told of both at once: the later
 * document change says whether the entities are interim; a patch stands
 * only where the other change touched no document.
 * @param {Change} a  the earlier
 * @param {Change} b
 * @returns {Change}
 */
export function mergeChanges(a, b) {
  const document = a.document || b.document;
  return {
    document,
    hidden: a.hidden || b.hidden,
    inputs: a.inputs || b.inputs,
    draft: a.draft || b.draft,
    readOnly: a.readOnly || b.readOnly,
    relinked: document && (!a.document || a.relinked) && (!b.document || b.relinked),
    interim: b.document ? b.interim : a.interim,
    patch: a.document && b.document ? null : a.document ? a.patch : b.patch,
  };
}

/**
 * The page's state and the only way to change it. Views read it, call its
 * methods and redraw when a subscriber call tells them what changed; they
 * never keep a copy of the document.
 * @param {object} deps
 * @param {Core} deps.core
 * @param {Labels} deps.labels
 * @param {string} deps.format  the export's format tag, the core's (core.documentFormat)
 * @param {() => string} deps.today  the local date, YYYY-MM-DD
 */
export function createPageState({ core, labels, format, today }) {
  const history = createHistory(emptySession());
  const docOf = (session) => documentOf(session, labels, format);
  let doc = docOf(history.present);
  /** The session whose annotations doc shows (its entities may lag: see `interim`). */
  let docSession = history.present;
  let hidden = new Set(labels.hiddenByDefault());
  let draft = '';
  let readOnly = false;
  /** @type {Set<Listener>} */
  const listeners = new Set();
  /** Told at once, in the changing task, when what is saved changed (see subscribeSaved). */
  const savedListeners = new Set();
  const savedChanged = () => {
    for (const listener of savedListeners) listener();
  };

  /** Changes a listener is still to be told, each in a task of its own (see emit). */
  const backlog = new Map();

  /**
   * Tells every listener: at once, or, when every view redraws a large
   * document, each listener in a task of its own, in order, so that no task
   * holds the page for all of them. A listener with a change still to come
   * gets the next one merged into it, so each hears of every change in order.
   */
  function emit(change) {
    const full = { document: false, hidden: false, inputs: false, draft: false, readOnly: false, relinked: false, interim: false, patch: null, ...change };
    const spread = full.document && !full.patch && doc.annotations.length > SPREAD;
    for (const listener of listeners) {
      const waiting = backlog.get(listener);
      if (waiting) backlog.set(listener, mergeChanges(waiting, full));
      else if (spread) backlog.set(listener, full);
      else listener(full);
    }
    if (backlog.size > 0 && !draining) {
      draining = true;
      nextTask(drain);
    }
  }

  let draining = false;
  function drain() {
    const next = backlog.entries().next();
    try {
      if (!next.done) {
        backlog.delete(next.value[0]);
        next.value[0](next.value[1]);
      }
    } finally {
      if (backlog.size > 0) nextTask(drain);
      else {
        draining = false;
        for (const resolve of whenDrained.splice(0)) resolve();
      }
    }
  }
  /** What waits for the backlog to be told (settled). */
  const whenDrained = [];

  /**
   * The document a session stands for, its entities linked by the core;
   * from `unlinked` (its document, its annotations' entities ignored) when
   * already known, and `change`, how its annotations differ from a list the
   * core linked before (core.js link: then only the change is sent).
   */
  async function linked(session, unlinked = docOf(session), change = undefined) {
    return core.linkEntities && !isEmpty(session) ? (await core.linkEntities(unlinked, change)).document : unlinked;
  }

  function show(next, session) {
    doc = next;
    docSession = session;
  }

  // Each showing is numbered; the core's linked document is shown only for
  // the latest one. What a superseded showing did not announce is announced
  // with the next.
  let showing = 0;
  let latest = Promise.resolve();
  /** @type {Partial<Change> | null} */
  let unannounced = null;
  /** The last few sessions' linked documents, so that undo and redo show at once. */
  const recent = new Map();
  const RECENT = 4;

  function remember(session, linkedDoc) {
    recent.delete(session);
    recent.set(session, linkedDoc);
    if (recent.size > RECENT) recent.delete(recent.keys().next().value);
  }

  function announce(change) {
    const all = unannounced ? { ...change, inputs: change.inputs || unannounced.inputs, draft: change.draft || unannounced.draft, relinked: change.relinked && unannounced.relinked } : change;
    unannounced = null;
    emit(all);
  }

  /** Resolves once the document shown is history.present's, its entities linked, and every listener told. */
  async function settled() {
    for (;;) {
      const at = showing;
      await latest;
      if (backlog.size > 0) await new Promise((resolve) => whenDrained.push(resolve));
      if (at === showing && backlog.size === 0) return;
    }
  }

  /**
   * Shows history.present: sets the draft and tells the views at once, its
   * entities taken from `basis` (unless the entity edits changed: then it
   * waits for the core), then again once the core has linked them.
   * `final`: the core's own document for it, already linked (a fresh
   * annotation with no corrections), shown as it is; as is a recent one.
   */
  function shown({ newDraft = draft, inputs = false, relinked = false, basis = doc, final } = {}) {
    const mine = ++showing;
    const session = history.present;
    // Where only corrections changed, only their spans are recomputed (doc-patch.js);
    // the annotations outside them keep the entities shown, as the interim shows them.
    const patched = patchAnnotations(doc.annotations, docSession, session, labels);
    const change = patched ? { base: doc.annotations, splices: patched.splices } : undefined;
    if (relinked) recent.clear();
    else final ??= recent.get(session);
    // With the core's own document at hand, none is made (a pass over every annotation).
    const unlinked = patched ? withAnnotations(session, patched.annotations, format) : final ? null : docOf(session);
    // Nothing for the core to link.
    if (!final && (isEmpty(session) || !core.linkEntities)) final = patched ? withoutEntities(unlinked) : unlinked;
    let waiting = { document: true, relinked: true, inputs: false, draft: false };
    /** The interim shown, if any: linking it keeps its annotations whose entity is unchanged. */
    let interimShown = null;
    if (!relinked) {
      const draftChanged = newDraft !== draft;
      draft = newDraft;
      const change = { document: true, inputs, draft: draftChanged, relinked: false, patch: patched?.patch ?? null };
      const sameEdits = JSON.stringify(session.edits ?? []) === JSON.stringify(basis.edits ?? []);
      const interim = final ?? (sameEdits ? interimOf(unlinked, patched, basis) : null);
      if (final) remember(session, final);
      if (interim) {
        interimShown = interim;
        show(interim, session);
        announce({ ...change, interim: !final });
        if (final) {
          latest = Promise.resolve();
          return settled();
        }
      } else {
        // Shown once linked: a patch then still goes from what is on screen now.
        waiting = change;
      }
    }
    latest = linked(session, interimShown ?? unlinked, change).then((next) => {
      remember(session, next);
      if (mine !== showing) {
        if (!waiting.relinked) unannounced = unannounced ? { inputs: unannounced.inputs || waiting.inputs, draft: unannounced.draft || waiting.draft, relinked: false } : waiting;
        return;
      }
      show(next, session);
      announce(waiting);
    });
    return settled();
  }

  /** A document with its annotations' entities (and its entities) dropped, as documentOf has them. */
  function withoutEntities({ entities, ...unlinked }) {
    return { ...unlinked, annotations: unlinked.annotations.map(({ entity, ...a }) => a) };
  }

  /**
   * What to show until the core has linked `unlinked`: basis's entities.
   * When patched from the document shown, `unlinked`'s annotations outside
   * the patch keep theirs already, and only those the patch added (new
   * objects) take the entity of the one removed at their place.
   */
  function interimOf(unlinked, patched, basis) {
    if (!patched) return withEntitiesOf(unlinked, basis);
    if (basis !== doc) return withEntitiesOf(withoutEntities(unlinked), basis);
    const entityAt = new Map();
    for (const a of patched.patch.removed) if (a.entity !== undefined) entityAt.set(`${a.start} ${a.end} ${a.label}`, a.entity);
    for (const a of patched.patch.added) {
      const entity = entityAt.get(`${a.start} ${a.end} ${a.label}`);
      if (entity !== undefined) a.entity = entity;
    }
    return { ...unlinked, ...(basis.entities ? { entities: basis.entities } : {}) };
  }

  /** The annotations history.present shows. */
  function shownAnnotations() {
    return docSession === history.present ? doc.annotations : annotationsOf(history.present, labels);
  }

  /** Refuses every change of the document while another tab edits it. */
  function writable() {
    if (readOnly) throw new Error('This tab is read-only: the document is being edited in another tab');
  }

  function commit(session, { undoable = true, ...show } = {}) {
    writable();
    if (undoable) history.push(session);
    else history.reset(session);
    const showing = shown(show);
    savedChanged();
    return showing;
  }

  return {
    /** @returns {Session} */
    get session() {
      return history.present;
    },
    /** The gloss/3 document on screen. */
    get document() {
      return doc;
    },
    /** @returns {ReadonlySet<string>} the labels the legend hides */
    get hidden() {
      return hidden;
    },
    /** Every label's name, as saved with the state (see restore). */
    get labelNames() {
      return labels.all.map((l) => l.name);
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
      return () => {
        backlog.delete(listener);
        return listeners.delete(listener);
      };
    },

    /**
     * Calls `listener` (no arguments) in the very task that changed what is
     * saved — the session, its undo and redo lists, the hidden labels, the
     * draft — even where views hear of the change later (a large document,
     * or entities still being linked); returns a function that stops it.
     * Not for restore, which brings back what is saved already.
     * @param {() => void} listener
     */
    subscribeSaved(listener) {
      savedListeners.add(listener);
      return () => savedListeners.delete(listener);
    },

    /** Resolves once the document shown reflects every change made so far. */
    settled,

    /**
     * Annotates `text` at `dateField`, keeping the corrections that still
     * apply; resolves to the ones dropped. Rejects (changing nothing) when
     * the core refuses or the annotation is cancelled.
     * @param {{undoable?: boolean, onProgress?: (done: number, total: number) => void, onPreview?: (preview: {length: number, annotations: Annotation[]}) => void}} [options]
     *   undoable: false for the sample the page opens with; onProgress: the core's progress (and Cancel may stop it);
     *   onPreview: a long text's beginning, annotated before the rest (core.js)
     * @returns {Promise<Correction[]>}
     */
    async annotate(text, dateField, { undoable = true, onProgress, onPreview } = {}) {
      writable();
      const typed = draft;
      const found = await core.annotate(text, { reference_date: dateField === '' ? null : dateField, today: today() }, onProgress ? { onProgress, onPreview } : undefined);
      writable();
      const result = reannotate(history.present, text, dateField, () => found, today());
      const s = result.session;
      const final = s.corrections.length === 0 && !s.edits?.length ? found : undefined;
      // What was typed into the box while the core worked stays there.
      await commit(s, { undoable, newDraft: draft === typed ? text : draft, inputs: true, basis: found, final });
      return result.dropped;
    },

    /** Adds, relabels or removes one annotation (see corrections.js). */
    correct(correction) {
      return commit(correct(history.present, correction, labels, shownAnnotations()));
    },

    /** Several corrections as one undo step (e.g. "Label all occurrences"). */
    correctAll(corrections) {
      if (corrections.length === 0) return settled();
      // Each correction needs what the ones before it show: patch as they go.
      let session = history.present;
      let annotations = shownAnnotations();
      for (const c of corrections) {
        const next = correct(session, c, labels, annotations);
        annotations = patchAnnotations(annotations, session, next, labels)?.annotations ?? annotationsOf(next, labels);
        session = next;
      }
      return commit(session);
    },

    /**
     * Gives the temporal annotation `a` (as shown) the TIMEX3 value `value`;
     * resolves to false, changing nothing, when the core does not read `value` as TIMEX3.
     * @param {Annotation} a
     * @param {string} value
     * @returns {Promise<boolean>}
     */
    async setValue(a, value) {
      if (!labels.isTemporal(a.label) || !(await core.isValidTimexValue(value))) return false;
      await commit(correct(history.present, { start: a.start, end: a.end, text: a.text, label: a.label, value, valueEdited: true }, labels, shownAnnotations()));
      return true;
    },

    /** Records one entity edit (see editEntities above); an undo step. */
    editEntities(edit) {
      return commit(editEntities(history.present, edit));
    },

    /**
     * Makes an imported, already validated document current (undoable). The
     * core's own findings in its text become removals where the document has
     * nothing, so a later re-annotation does not bring them back.
     */
    async importDocument(document) {
      writable();
      let found = [];
      try {
        found = (await core.annotate(document.text, { reference_date: document.reference_date, today: today() })).annotations;
      } catch {
        // Without the core's opinion the import still restores exactly; only removals are not remembered.
      }
      await commit(sessionFromDocument(document, found), { newDraft: document.text, inputs: true, basis: document });
    },

    /** Empties the document (undoable). */
    clear() {
      return commit(emptySession(), { newDraft: '', inputs: true });
    },

    /** Steps back; false when there is nothing to undo. */
    undo() {
      if (readOnly || history.undo() === undefined) return false;
      shown({ newDraft: history.present.text, inputs: true });
      savedChanged();
      return true;
    },

    /** Steps forward again; false when there is nothing to redo. */
    redo() {
      if (readOnly || history.redo() === undefined) return false;
      shown({ newDraft: history.present.text, inputs: true });
      savedChanged();
      return true;
    },

    /**
     * Brings back an autosaved state with its undo and redo lists (if
     * saved). Rejects (changing nothing) when its document is not valid.
     * Allowed while read-only: a read-only tab shows what the editing tab saved.
     * @param {{session: Session, hidden: string[], known?: string[] | null, draft: string, past?: Session[], future?: Session[]}} saved
     */
    async restore(saved) {
      const restored = await linked(saved.session);
      if (!isEmpty(saved.session)) await core.validateDocument(restored);
      // Whatever was being linked is superseded.
      showing++;
      unannounced = null;
      remember(saved.session, restored);
      history.reset(saved.session, { past: saved.past ?? [], future: saved.future ?? [] });
      show(restored, saved.session);
      // A label the saving page did not have starts as by default (a state
      // saved without `known` comes from a page of gloss/2 or before).
      const known = saved.known ? new Set(saved.known) : null;
      const added = labels.all.filter((l) => !l.shown_by_default && (known ? !known.has(l.name) : l.since > 2)).map((l) => l.name);
      hidden = new Set([...saved.hidden, ...added]);
      draft = saved.draft;
      emit({ document: true, hidden: true, inputs: true, draft: true });
    },

    /**
     * Recomputes the document's entities (no undo step): after the core has
     * learnt more places (the towns list arrives after start).
     */
    relink() {
      return shown({ relinked: true });
    },

    /** Hides or shows a label's annotations (a view change: no undo step). */
    setHidden(label, isHidden) {
      if (hidden.has(label) === isHidden) return;
      hidden = new Set(hidden);
      if (isHidden) hidden.add(label);
      else hidden.delete(label);
      emit({ hidden: true });
      savedChanged();
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
      savedChanged();
    },
  };
}
