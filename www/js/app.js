/**
 * The page: wires the text box, reference date, article view, legend, found
 * list, correction tools, undo, autosave, import and export to the pure
 * modules beside it. Everything the person pasted reaches the DOM as text
 * nodes (textContent), never as markup.
 * @module
 */

import { loadCore, localToday } from './core.js';
import { LABELS, labelInfo, labelForKey, hiddenByDefault, isTemporal } from './labels.js';
import { segmentText } from './segments.js';
import { offsetMap } from './offsets.js';
import { snapToWords } from './snap.js';
import { createHistory } from './history.js';
import { emptySession, documentOf, reannotate, correct, sessionFromDocument, isEmpty } from './session.js';
import { serializeDocument, exportFileName, OTHER_FORMATS } from './exporter.js';
import { parseImport, sizeProblem } from './importer.js';
import { saveSession, loadSession, clearSaved } from './store.js';

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const ui = {
  source: /** @type {HTMLTextAreaElement} */ ($('source-text')),
  sourcePanel: /** @type {HTMLDetailsElement} */ ($('source-panel')),
  date: /** @type {HTMLInputElement} */ ($('reference-date')),
  auto: $('reference-auto'),
  annotate: $('annotate'),
  referenceStatus: $('reference-status'),
  textChanged: $('text-changed'),
  status: $('status'),
  article: $('article'),
  wrap: $('article-wrap'),
  bar: $('action-bar'),
  barTitle: $('action-title'),
  barButtons: $('action-buttons'),
  legend: $('legend'),
  found: $('found-list'),
  foundTotal: $('found-total'),
  undo: /** @type {HTMLButtonElement} */ ($('undo')),
  redo: /** @type {HTMLButtonElement} */ ($('redo')),
  importFile: /** @type {HTMLInputElement} */ ($('import-file')),
  version: $('version'),
};

const SOURCE_NAMES = { given: 'set by you', dateline: 'from dateline', today: 'today: no date given or found in the text' };

/** @type {Awaited<ReturnType<typeof loadCore>>} */
let core;
/** @type {ReturnType<typeof createHistory<import('./session.js').Session>>} */
let history = createHistory(emptySession());
/** The document on screen: documentOf(history.present), kept to avoid recomputing. */
let doc = documentOf(history.present);
let hidden = new Set(hiddenByDefault());
/** A snapped selection waiting for a label: UTF-16 span of doc.text. */
let pending = null;
/** Index of the annotation the action bar edits, or -1. */
let editing = -1;
/** For the found list: which occurrence a group shows next. */
const nextOccurrence = new Map();

// ---------------------------------------------------------------- messages

function say(message, kind = 'info') {
  ui.status.textContent = message;
  ui.status.dataset.kind = kind;
  ui.status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

const quote = (text) => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

// ---------------------------------------------------------------- state changes

/** Makes `session` current (undoable) and redraws. */
function commit(session) {
  history.push(session);
  refresh();
}

/** Redraws everything from history.present and autosaves. */
function refresh({ syncInputs = false } = {}) {
  const session = history.present;
  doc = documentOf(session, core?.linkEntities);
  if (syncInputs) {
    setSource(session.text);
    ui.date.value = session.dateField;
  }
  pending = null;
  hideBar();
  renderArticle();
  renderLegend();
  renderFound();
  renderReference();
  updateTextChanged();
  ui.undo.disabled = !history.canUndo;
  ui.redo.disabled = !history.canRedo;
  autosave();
}

function autosave() {
  const problem = saveSession(localStorage, history.present, [...hidden], ui.source.value);
  if (problem) say(problem, 'error');
}

/** Puts `text` in the text box, scrolled to its start. */
function setSource(text) {
  ui.source.value = text;
  ui.source.scrollTop = 0;
}

function updateTextChanged() {
  ui.textChanged.hidden = ui.source.value === history.present.text || (isEmpty(history.present) && ui.source.value === '');
}

// ---------------------------------------------------------------- annotate

/** Runs the core on the text box with the date field, keeping corrections. */
function annotateNow() {
  if (!core) return;
  const text = ui.source.value;
  const dateField = ui.date.value;
  const before = history.present;
  const started = performance.now();
  let result;
  try {
    result = reannotate(before, text, dateField, core.annotate, localToday());
  } catch (e) {
    say(`Could not annotate: ${e.message}`, 'error');
    return;
  }
  const ms = Math.max(1, Math.round(performance.now() - started));
  commit(result.session);
  const parts = [`Annotated ${plural([...text].length, 'character')} in ${ms} ms: ${plural(doc.annotations.length, 'annotation')}.`];
  const kept = result.session.corrections.length;
  if (kept > 0) parts.push(`${plural(kept, 'correction')} of yours re-applied.`);
  if (result.dropped.length > 0) {
    parts.push(`${plural(result.dropped.length, 'correction')} no longer matched the edited text and ${result.dropped.length === 1 ? 'was' : 'were'} dropped (Undo brings ${result.dropped.length === 1 ? 'it' : 'them'} back).`);
  }
  say(parts.join(' '), result.dropped.length > 0 ? 'warning' : 'info');
}

let dateTimer = 0;
/** A changed reference date re-resolves every date at once, without re-pasting. */
function onDateChange() {
  clearTimeout(dateTimer);
  dateTimer = window.setTimeout(() => {
    if (ui.date.value === history.present.dateField && ui.source.value === history.present.text) return;
    if (ui.source.value === '' && isEmpty(history.present)) return;
    annotateNow();
  }, 150);
}

// ---------------------------------------------------------------- article view

function describe(a) {
  const info = labelInfo(a.label);
  const parts = [info ? info.title : a.label];
  if (a.value) parts.push(a.value);
  if (a.source === 'person') parts.push('corrected by you');
  else parts.push(a.confidence !== undefined ? `found by Gloss, ${Math.round(a.confidence * 100)}% sure` : 'found by Gloss');
  return parts.join(' · ');
}

function renderArticle() {
  const fragment = document.createDocumentFragment();
  for (const segment of segmentText(doc.text, doc.annotations)) {
    const text = doc.text.slice(segment.start, segment.end);
    if (segment.index < 0) {
      fragment.append(document.createTextNode(text));
      continue;
    }
    const a = doc.annotations[segment.index];
    const mark = document.createElement('mark');
    mark.className = 'ann';
    mark.textContent = text;
    mark.dataset.label = a.label;
    mark.dataset.index = String(segment.index);
    mark.dataset.start = String(a.start);
    mark.dataset.source = a.source;
    if (a.value) mark.dataset.value = a.value;
    if (hidden.has(a.label)) {
      mark.classList.add('off');
    } else {
      mark.tabIndex = 0;
      mark.title = describe(a);
      mark.setAttribute('aria-description', describe(a));
    }
    fragment.append(mark);
  }
  ui.article.replaceChildren(fragment);
  ui.article.dataset.empty = String(doc.text === '');
}

function markAt(index) {
  return /** @type {HTMLElement|null} */ (ui.article.querySelector(`mark[data-index="${index}"]`));
}

function flash(index) {
  const mark = markAt(index);
  if (!mark) return;
  mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
  mark.focus({ preventScroll: true });
  mark.classList.remove('flash');
  void mark.offsetWidth; // restart the animation
  mark.classList.add('flash');
}

// ---------------------------------------------------------------- legend and found list

function renderLegend() {
  const counts = new Map(LABELS.map((l) => [l.name, 0]));
  for (const a of doc.annotations) counts.set(a.label, (counts.get(a.label) ?? 0) + 1);
  const items = LABELS.map((l) => {
    const li = document.createElement('li');
    const label = document.createElement('label');
    label.className = 'legend-item';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = !hidden.has(l.name);
    box.dataset.label = l.name;
    box.addEventListener('change', () => {
      if (box.checked) hidden.delete(l.name);
      else hidden.add(l.name);
      refreshView();
    });
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.dataset.label = l.name;
    swatch.textContent = l.name;
    const title = document.createElement('span');
    title.className = 'legend-title';
    title.textContent = l.title;
    const count = document.createElement('span');
    count.className = 'count';
    count.dataset.count = l.name;
    count.textContent = String(counts.get(l.name));
    label.append(box, swatch, title, count);
    li.append(label);
    return li;
  });
  ui.legend.replaceChildren(...items);
}

/** Redraws after a view-only change (legend toggle): no new undo step. */
function refreshView() {
  hideBar();
  renderArticle();
  renderFound();
  autosave();
}

function renderFound() {
  nextOccurrence.clear();
  const groups = [];
  let shown = 0;
  for (const l of LABELS) {
    if (hidden.has(l.name)) continue;
    const entries = new Map();
    doc.annotations.forEach((a, index) => {
      if (a.label !== l.name) return;
      const key = `${a.label}\u0000${a.text}\u0000${a.value ?? ''}`;
      if (!entries.has(key)) entries.set(key, { a, indices: [] });
      entries.get(key).indices.push(index);
    });
    if (entries.size === 0) continue;
    const section = document.createElement('section');
    section.className = 'group';
    section.dataset.label = l.name;
    const heading = document.createElement('h3');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.dataset.label = l.name;
    swatch.textContent = l.name;
    heading.append(swatch, ` ${l.title}`);
    const list = document.createElement('ul');
    for (const [key, { a, indices }] of entries) {
      shown += indices.length;
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'found-item';
      const name = document.createElement('span');
      name.className = 'found-text';
      name.textContent = a.text;
      button.append(name);
      if (indices.length > 1) {
        const times = document.createElement('span');
        times.className = 'times';
        times.textContent = `×${indices.length}`;
        button.append(times);
      }
      if (a.value) {
        const value = document.createElement('span');
        value.className = 'value';
        value.textContent = a.value;
        button.append(value);
      }
      if (a.source === 'person') button.classList.add('by-person');
      button.title = `${describe(a)}${indices.length > 1 ? ` — ${indices.length} times; click again for the next` : ''}`;
      button.addEventListener('click', () => {
        const n = nextOccurrence.get(key) ?? 0;
        nextOccurrence.set(key, (n + 1) % indices.length);
        flash(indices[n]);
      });
      li.append(button);
      list.append(li);
    }
    section.append(heading, list);
    groups.push(section);
  }
  if (groups.length === 0) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = doc.text === '' ? 'Nothing yet: paste an article and press Annotate.' : 'Nothing found under the shown labels.';
    groups.push(p);
  }
  ui.found.replaceChildren(...groups);
  ui.foundTotal.textContent = shown > 0 ? String(shown) : '';
}

function renderReference() {
  const m = history.present.model;
  ui.referenceStatus.textContent = m.reference_date
    ? `Reference date ${m.reference_date} (${SOURCE_NAMES[m.reference_date_source] ?? m.reference_date_source})`
    : '';
  ui.referenceStatus.dataset.source = m.reference_date_source;
}

// ---------------------------------------------------------------- corrections

/** The UTF-16 offset of a DOM position inside the article. */
function articleOffset(node, offset) {
  const range = document.createRange();
  range.setStart(ui.article, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** Reads the current selection (article or text box) into `pending`. */
function readSelection() {
  // Tabbing from a selection into the bar's buttons must not forget the selection.
  if (ui.bar.contains(document.activeElement)) return;
  pending = null;
  let span = null;
  let anchor = null;
  const selection = document.getSelection();
  if (document.activeElement === ui.source) {
    if (ui.source.value === doc.text && ui.source.selectionEnd > ui.source.selectionStart) {
      span = snapToWords(doc.text, ui.source.selectionStart, ui.source.selectionEnd);
    }
  } else if (selection && selection.rangeCount > 0 && !selection.isCollapsed) {
    const range = selection.getRangeAt(0);
    if (ui.article.contains(range.commonAncestorContainer)) {
      span = snapToWords(doc.text, articleOffset(range.startContainer, range.startOffset), articleOffset(range.endContainer, range.endOffset));
      anchor = range.getBoundingClientRect();
    }
  }
  if (span) {
    pending = span;
    showBarForSelection(anchor, document.activeElement === ui.source);
  } else if (editing < 0) {
    hideBar();
  }
}

function labelButton(l, pressed, onChoose) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'label-button';
  button.dataset.label = l.name;
  const key = document.createElement('kbd');
  key.textContent = l.key.toUpperCase();
  button.append(key, ` ${l.title}`);
  button.setAttribute('aria-pressed', String(pressed));
  button.title = `${l.name} (key ${l.key.toUpperCase()})`;
  // Keep the text selection when the button is pressed with the mouse.
  button.addEventListener('mousedown', (e) => e.preventDefault());
  button.addEventListener('click', onChoose);
  return button;
}

function placeBar(rect) {
  ui.bar.hidden = false;
  const wrap = ui.wrap.getBoundingClientRect();
  if (!rect || (rect.width === 0 && rect.height === 0)) {
    // A selection in the text box: show the bar at the top of the article.
    ui.bar.style.left = '0px';
    ui.bar.style.top = '0px';
    return;
  }
  const width = ui.bar.offsetWidth;
  const left = Math.min(Math.max(0, rect.left - wrap.left), Math.max(0, wrap.width - width));
  ui.bar.style.left = `${left}px`;
  ui.bar.style.top = `${rect.bottom - wrap.top + 6}px`;
}

/**
 * Shows the "Mark as" bar. For a selection in the text box the bar sits right
 * after the text box, so Tab reaches its buttons next.
 */
function showBarForSelection(rect, fromSource = false) {
  editing = -1;
  const home = fromSource ? ui.sourcePanel : ui.wrap;
  if (ui.bar.parentElement !== home) home.append(ui.bar);
  const text = doc.text.slice(pending.start, pending.end);
  ui.barTitle.textContent = `Mark ${quote(text)} as`;
  ui.barButtons.replaceChildren(...LABELS.map((l) => labelButton(l, false, () => addAnnotation(l.name))));
  ui.bar.dataset.mode = 'add';
  ui.bar.classList.toggle('inline', fromSource);
  if (fromSource) ui.bar.hidden = false;
  else placeBar(rect);
}

function showBarForAnnotation(index) {
  const a = doc.annotations[index];
  const mark = markAt(index);
  if (!a || !mark) return;
  editing = index;
  pending = null;
  if (ui.bar.parentElement !== ui.wrap) ui.wrap.append(ui.bar);
  ui.bar.classList.remove('inline');
  ui.barTitle.textContent = `${quote(a.text)} — ${describe(a)}`;
  const buttons = LABELS.map((l) => labelButton(l, l.name === a.label, () => relabel(index, l.name)));
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'remove-button';
  const key = document.createElement('kbd');
  key.textContent = 'Del';
  remove.append(key, ' Remove');
  remove.addEventListener('click', () => removeAnnotation(index));
  ui.barButtons.replaceChildren(...buttons, remove);
  ui.bar.dataset.mode = 'edit';
  placeBar(mark.getBoundingClientRect());
}

function hideBar() {
  ui.bar.hidden = true;
  editing = -1;
}

function addAnnotation(label) {
  if (!pending) return;
  const map = offsetMap(doc.text);
  const start = map.toCodePoint(pending.start);
  const end = map.toCodePoint(pending.end);
  const text = doc.text.slice(pending.start, pending.end);
  const same = doc.annotations.find((a) => a.start === start && a.end === end);
  if (same && same.label === label) {
    say(`${quote(text)} is already marked ${labelInfo(label).title}.`);
    return;
  }
  const replaced = doc.annotations.filter((a) => a.start < end && start < a.end && a !== same);
  commit(correct(history.present, { start, end, text, label }));
  window.getSelection()?.removeAllRanges();
  let message = `Marked ${quote(text)} as ${labelInfo(label).title}.`;
  if (replaced.length > 0) message += ` It replaces ${replaced.map((a) => `${quote(a.text)} (${labelInfo(a.label).title})`).join(', ')}.`;
  if (hidden.has(label)) message += ` ${labelInfo(label).title} is hidden: tick it in Labels to see it.`;
  say(`${message} Undo with Ctrl+Z.`);
  focusMarkAt(start);
}

function relabel(index, label) {
  const a = doc.annotations[index];
  if (!a || a.label === label) return;
  const correction = { start: a.start, end: a.end, text: a.text, label };
  if (a.value && isTemporal(label)) correction.value = a.value;
  commit(correct(history.present, correction));
  say(`${quote(a.text)} is now ${labelInfo(label).title} (was ${labelInfo(a.label).title}).`);
  focusMarkAt(a.start);
}

function removeAnnotation(index) {
  const a = doc.annotations[index];
  if (!a) return;
  commit(correct(history.present, { start: a.start, end: a.end, text: a.text, label: null }));
  say(`Removed ${quote(a.text)} (${labelInfo(a.label).title}). Undo with Ctrl+Z.`);
  const next = doc.annotations.findIndex((b) => b.start >= a.start && !hidden.has(b.label));
  if (next >= 0) markAt(next)?.focus({ preventScroll: true });
  else ui.article.focus();
}

function focusMarkAt(start) {
  const mark = /** @type {HTMLElement|null} */ (ui.article.querySelector(`mark[data-start="${start}"]:not(.off)`));
  mark?.focus({ preventScroll: true });
}

// ---------------------------------------------------------------- import and export

async function importFile(file) {
  const problem = sizeProblem(file.size, quote(file.name));
  if (problem) {
    say(`Import refused: ${problem} Your document is unchanged.`, 'error');
    return;
  }
  let text;
  try {
    text = await file.text();
  } catch (e) {
    say(`Import failed: cannot read ${quote(file.name)} (${e.message}). Your document is unchanged.`, 'error');
    return;
  }
  const result = parseImport(text, core.validateDocument);
  if ('error' in result) {
    say(`Import of ${quote(file.name)} refused. ${result.error} Your document is unchanged.`, 'error');
    return;
  }
  const imported = result.document;
  let found = [];
  try {
    found = core.annotate(imported.text, { reference_date: imported.reference_date, today: localToday() }).annotations;
  } catch {
    // Without the core's opinion the import still restores exactly; only removals are not remembered.
  }
  commit(sessionFromDocument(imported, found));
  setSource(imported.text);
  ui.date.value = history.present.dateField;
  updateTextChanged();
  const byPerson = imported.annotations.filter((a) => a.source === 'person').length;
  say(`Imported ${quote(file.name)}: ${plural(imported.annotations.length, 'annotation')}, ${byPerson} by a person.`);
}

/** Downloads `content` as a file named `name`. */
function download(content, name, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Exports gloss/2 JSON, or with `format` one of the core's other formats. */
function exportDocument(format) {
  if (isEmpty(history.present)) {
    say('Nothing to export yet: paste an article and press Annotate.', 'warning');
    return;
  }
  let name;
  if (format) {
    let content;
    try {
      content = core.exportAs(doc, format);
    } catch (e) {
      say(`Export failed: ${e.message}`, 'error');
      return;
    }
    name = exportFileName(doc, OTHER_FORMATS[format]);
    download(content, name, 'text/plain');
  } else {
    name = exportFileName(doc);
    download(serializeDocument(doc), name, 'application/json');
  }
  const stale = ui.source.value !== doc.text ? ' (the text as last annotated; press Annotate to include your edits)' : '';
  say(`Exported ${name}: ${plural(doc.annotations.length, 'annotation')}${stale}.`);
}

async function copyJson() {
  if (isEmpty(history.present)) {
    say('Nothing to copy yet: paste an article and press Annotate.', 'warning');
    return;
  }
  const json = serializeDocument(doc);
  try {
    await navigator.clipboard.writeText(json);
  } catch {
    const scratch = document.createElement('textarea');
    scratch.value = json;
    scratch.className = 'visually-hidden';
    document.body.append(scratch);
    scratch.select();
    const ok = document.execCommand('copy');
    scratch.remove();
    if (!ok) {
      say('Copying was refused by the browser; use Export JSON instead.', 'error');
      return;
    }
  }
  say(`Copied the JSON (${plural(json.length, 'character')}) to the clipboard.`);
}

// ---------------------------------------------------------------- sample, new, undo

async function loadSample() {
  let text;
  try {
    const response = await fetch(new URL('../sample-article.txt', import.meta.url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (e) {
    say(`The sample article did not load (${e.message}).`, 'error');
    return false;
  }
  setSource(text);
  ui.date.value = '';
  annotateNow();
  return true;
}

function newDocument() {
  commit(emptySession());
  ui.source.value = '';
  ui.date.value = '';
  updateTextChanged();
  autosave();
  say('Started a new document. Undo (Ctrl+Z) brings the previous one back.');
  ui.sourcePanel.open = true;
  ui.source.focus();
}

function undo() {
  if (!history.undo()) return;
  refresh({ syncInputs: true });
  say('Undone.');
}

function redo() {
  if (!history.redo()) return;
  refresh({ syncInputs: true });
  say('Redone.');
}

// ---------------------------------------------------------------- events

function isTyping(target) {
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type !== 'checkbox');
}

function onKeyDown(e) {
  const key = e.key;
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && !e.altKey && !isTyping(e.target)) {
    const k = key.toLowerCase();
    if (k === 'z' && !e.shiftKey) {
      e.preventDefault();
      undo();
    } else if ((k === 'z' && e.shiftKey) || k === 'y') {
      e.preventDefault();
      redo();
    }
    return;
  }
  if (ctrl || e.altKey || isTyping(e.target)) return;
  if (key === 'Escape' && !ui.bar.hidden) {
    const back = editing >= 0 ? markAt(editing) : null;
    hideBar();
    back?.focus();
    return;
  }
  const label = labelForKey(key);
  // A fresh selection wins over a focused mark: the person selected text to label it.
  if (label && pending) {
    e.preventDefault();
    addAnnotation(label);
    return;
  }
  const mark = e.target instanceof HTMLElement && e.target.matches('mark.ann') ? e.target : null;
  if (mark) {
    const index = Number(mark.dataset.index);
    if (label) {
      e.preventDefault();
      relabel(index, label);
    } else if (key === 'Delete' || key === 'Backspace') {
      e.preventDefault();
      removeAnnotation(index);
    } else if (key === 'Enter' || key === ' ') {
      e.preventDefault();
      showBarForAnnotation(index);
      /** @type {HTMLElement|null} */ (ui.bar.querySelector('button[aria-pressed="true"]'))?.focus();
    }
  }
}

function bind() {
  ui.annotate.addEventListener('click', annotateNow);
  ui.date.addEventListener('change', onDateChange);
  ui.auto.addEventListener('click', () => {
    ui.date.value = '';
    onDateChange();
  });
  let draftTimer = 0;
  ui.source.addEventListener('input', () => {
    if (!ui.bar.hidden && ui.bar.parentElement === ui.sourcePanel) hideBar();
    updateTextChanged();
    clearTimeout(draftTimer);
    draftTimer = window.setTimeout(autosave, 400);
  });
  ui.source.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      annotateNow();
    }
  });
  for (const event of ['select', 'mouseup', 'keyup']) ui.source.addEventListener(event, readSelection);
  document.addEventListener('selectionchange', () => {
    if (document.activeElement !== ui.source) readSelection();
  });
  ui.article.addEventListener('click', (e) => {
    const mark = e.target instanceof HTMLElement ? e.target.closest('mark.ann:not(.off)') : null;
    if (mark && document.getSelection()?.isCollapsed !== false) showBarForAnnotation(Number(mark.dataset.index));
  });
  ui.article.addEventListener('focusin', (e) => {
    const mark = e.target instanceof HTMLElement && e.target.matches('mark.ann') ? e.target : null;
    if (mark) showBarForAnnotation(Number(mark.dataset.index));
  });
  document.addEventListener('pointerdown', (e) => {
    if (!ui.bar.hidden && e.target instanceof Node && !ui.bar.contains(e.target) && !ui.article.contains(e.target)) hideBar();
  });
  document.addEventListener('keydown', onKeyDown);
  $('new-document').addEventListener('click', newDocument);
  $('load-sample').addEventListener('click', loadSample);
  $('import-button').addEventListener('click', () => ui.importFile.click());
  ui.importFile.addEventListener('change', async () => {
    const file = ui.importFile.files?.[0];
    ui.importFile.value = '';
    if (file) await importFile(file);
  });
  $('export-json').addEventListener('click', () => exportDocument());
  $('export-other').addEventListener('click', () => exportDocument(/** @type {HTMLSelectElement} */ ($('export-format')).value));
  $('copy-json').addEventListener('click', copyJson);
  ui.undo.addEventListener('click', undo);
  ui.redo.addEventListener('click', redo);
  document.addEventListener('dragover', (e) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  });
  document.addEventListener('drop', (e) => {
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    importFile(file);
  });
  window.addEventListener('resize', () => {
    if (editing >= 0) showBarForAnnotation(editing);
    else hideBar();
  });
}

// ---------------------------------------------------------------- start

async function start() {
  bind();
  renderLegend();
  renderFound();
  try {
    core = await loadCore();
  } catch (e) {
    say(e.message, 'error');
    ui.annotate.setAttribute('disabled', '');
    document.body.dataset.state = 'broken';
    return;
  }
  ui.version.textContent = `Gloss ${core.version()}`;
  if (typeof core.exportAs !== 'function') $('export-other').setAttribute('disabled', '');
  const saved = loadSession(localStorage);
  let restored = false;
  if (saved) {
    try {
      if (!isEmpty(saved.session)) core.validateDocument(documentOf(saved.session));
      history.reset(saved.session);
      hidden = new Set(saved.hidden);
      refresh({ syncInputs: true });
      ui.source.value = saved.draft;
      updateTextChanged();
      restored = true;
      if (!isEmpty(saved.session)) say('Restored your last session (saved in this browser).');
    } catch (e) {
      clearSaved(localStorage);
      say(`The saved session could not be restored (${e.message}); it was discarded.`, 'error');
    }
  }
  if (!restored) {
    if (await loadSample()) {
      history.reset(history.present);
      refresh();
      say('Loaded a sample article: select words to add an annotation, click a highlight to change it.');
    }
  }
  document.body.dataset.state = 'ready';
}

start();
