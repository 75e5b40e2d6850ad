/**
 * The page's working state as one immutable value — the annotated text, the
 * reference-date field, what the model found and the person's corrections —
 * and the pure steps that change it. Undo, autosave and export all work on
 * this value.
 * @module
 */

import { applyCorrections, rebaseCorrections, recordCorrection, splitImported } from './corrections.js';

/** The export format tag. */
export const FORMAT = 'gloss/2';

/**
 * @typedef {import('./corrections.js').Annotation} Annotation
 * @typedef {import('./corrections.js').Correction} Correction
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
 * @param {(doc: object) => {document: object}} [linkEntities]
 */
export function documentOf(session, linkEntities) {
  const doc = {
    format: FORMAT,
    text: session.text,
    reference_date: session.model.reference_date,
    reference_date_source: session.model.reference_date_source,
    // The model's entity ids are stale once corrections apply: drop them.
    annotations: applyCorrections(session.model.annotations, session.corrections).map(({ entity, ...a }) => a),
  };
  if (session.edits?.length) doc.edits = session.edits;
  return linkEntities && !isEmpty(session) ? linkEntities(doc).document : doc;
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
 * @returns {Session}
 */
export function correct(session, correction) {
  const shown = documentOf(session).annotations;
  return { ...session, corrections: recordCorrection(session.corrections, correction, shown, session.model.annotations) };
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
