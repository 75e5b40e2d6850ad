/**
 * The article's text box, the reference-date field and the Annotate button,
 * with the line that says where the reference date came from and the notice
 * that the text changed since it was annotated; also New and Load sample,
 * which replace the text.
 * @module
 */

import { Cancelled } from './core.js';
import { byId } from './dom.js';
import { htmlToText } from './html-text.js';
import { codePointLength } from './offsets.js';
import { isEmpty } from './session.js';
import { plural } from './wording.js';

const DATE_SOURCES = { given: 'set by you', dateline: 'from dateline', today: 'today: no date given or found in the text' };

/** The sample article's text; rejects with why it did not load. */
export async function fetchSample() {
  const response = await fetch(new URL('../sample-article.txt', import.meta.url));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

/**
 * @param {object} deps
 * @param {ReturnType<typeof import('./session.js').createPageState>} deps.state
 * @param {(message: string, kind?: string) => void} deps.say
 * @param {ReturnType<typeof import('./progress-view.js').createProgress>} deps.progress  the progress bar and its Cancel
 * @param {{showPreview: (text: string, found: {length: number, annotations: object[]}) => void, endPreview: () => void}} deps.preview
 *   where a long text's first findings show while the rest is annotated (the article view)
 */
export function createSourcePanel({ state, say, progress, preview }) {
  const panel = /** @type {HTMLDetailsElement} */ (byId('source-panel'));
  const source = /** @type {HTMLTextAreaElement} */ (byId('source-text'));
  const date = /** @type {HTMLInputElement} */ (byId('reference-date'));
  const referenceStatus = byId('reference-status');
  const textChanged = byId('text-changed');

  let dateTimer = 0;
  /** The date field's value when the annotation under way began, if one is. */
  let dateRun = null;

  function render(change) {
    if (change.inputs) {
      if (source.value !== state.draft) {
        source.value = state.draft;
        source.scrollTop = 0;
      }
      // A date typed while the core worked stays (its change re-annotates).
      if (dateRun === null || date.value === dateRun.value) date.value = state.session.dateField;
    }
    if (change.document) {
      const m = state.session.model;
      referenceStatus.textContent = m.reference_date ? `Reference date ${m.reference_date} (${DATE_SOURCES[m.reference_date_source] ?? m.reference_date_source})` : '';
      referenceStatus.dataset.source = m.reference_date_source;
    }
    textChanged.hidden = !state.textChanged;
  }

  /**
   * Annotates `text` at `dateField`, the progress bar showing while the core
   * works (a new one cancels the one running), and says what happened;
   * resolves to false when the core refused or it was cancelled.
   */
  async function annotate(text, dateField, options) {
    progress.cancel();
    // This annotation supersedes one that a date change was about to start.
    clearTimeout(dateTimer);
    const mine = { value: date.value };
    dateRun = mine;
    const started = performance.now();
    const run = progress.start();
    let dropped;
    // Only the run on screen shows its preview: a superseded one has been cancelled.
    const onPreview = (found) => dateRun === mine && preview.showPreview(text, found);
    try {
      dropped = await state.annotate(text, dateField, { ...options, onProgress: run.update, onPreview });
    } catch (e) {
      if (e instanceof Cancelled) say('Annotation cancelled: the previous result is kept.');
      else say(`Could not annotate: ${e.message}`, 'error');
      return false;
    } finally {
      run.stop();
      if (dateRun === mine) {
        dateRun = null;
        // The result replaced the preview; else (cancelled, refused) the document shows again.
        preview.endPreview();
      }
    }
    const ms = Math.max(1, Math.round(performance.now() - started));
    const parts = [`Annotated ${plural(codePointLength(text), 'character')} in ${ms} ms: ${plural(state.document.annotations.length, 'annotation')}.`];
    const kept = state.session.corrections.length;
    if (kept > 0) parts.push(`${plural(kept, 'correction')} of yours re-applied.`);
    if (dropped.length > 0) {
      const one = dropped.length === 1;
      parts.push(`${plural(dropped.length, 'correction')} no longer matched the edited text and ${one ? 'was' : 'were'} dropped (Undo brings ${one ? 'it' : 'them'} back).`);
    }
    say(parts.join(' '), dropped.length > 0 ? 'warning' : 'info');
    return true;
  }

  const annotateBox = () => annotate(source.value, date.value);

  /** A changed reference date re-resolves every date at once, without re-pasting. */
  function onDateChange() {
    clearTimeout(dateTimer);
    dateTimer = window.setTimeout(() => {
      if (date.value === state.session.dateField && source.value === state.session.text) return;
      if (source.value === '' && isEmpty(state.session)) return;
      annotateBox();
    }, 150);
  }

  /**
   * Loads and annotates the sample article; false when it did not load.
   * @param {{undoable?: boolean}} [options]
   */
  /** Annotates the sample article (its text as fetchSample gives it, when already asked for); false when it did not load. */
  async function loadSample(options, sample = fetchSample()) {
    let text;
    try {
      text = await sample;
    } catch (e) {
      say(`The sample article did not load (${e.message}).`, 'error');
      return false;
    }
    return annotate(text, '', options);
  }

  function newDocument() {
    state.clear();
    say('Started a new document. Undo (Ctrl+Z) brings the previous one back.');
    panel.open = true;
    source.focus();
  }

  byId('annotate').addEventListener('click', annotateBox);
  date.addEventListener('change', onDateChange);
  byId('reference-auto').addEventListener('click', () => {
    date.value = '';
    onDateChange();
  });
  source.addEventListener('input', () => state.setDraft(source.value));
  // Pasted from a web page: its text with paragraph breaks, not its markup
  // (else the browser pastes text/plain, which often runs paragraphs together).
  source.addEventListener('paste', (e) => {
    const html = e.clipboardData?.getData('text/html');
    const text = html ? htmlToText(html) : '';
    if (text === '') return;
    e.preventDefault();
    // insertText keeps the box's own undo; setRangeText where it is missing.
    if (!document.execCommand('insertText', false, text)) {
      source.setRangeText(text, source.selectionStart, source.selectionEnd, 'end');
      source.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  source.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      annotateBox();
    }
  });
  byId('new-document').addEventListener('click', newDocument);
  byId('load-sample').addEventListener('click', () => loadSample());
  state.subscribe(render);
  render({ document: true, hidden: true, inputs: true, draft: true });

  return { panel, source, loadSample };
}
