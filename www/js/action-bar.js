/**
 * The action bar: "Mark … as" with a button per label for a selection (in
 * the article or the text box), or, for a mark, its description with buttons
 * to relabel and remove it. Its three actions — add, relabel, remove — are
 * the person's corrections; each goes through the page state and says what
 * it did.
 * @module
 */

import { byId, h } from './dom.js';
import { firstEndingAfter } from './doc-patch.js';
import { offsetMap } from './offsets.js';
import { snapToWords } from './snap.js';
import { describe, quote } from './wording.js';

/**
 * @param {object} deps
 * @param {ReturnType<typeof import('./session.js').createPageState>} deps.state
 * @param {import('./labels.js').Labels} deps.labels
 * @param {ReturnType<typeof import('./article-view.js').createArticleView>} deps.article
 * @param {{panel: HTMLElement, source: HTMLTextAreaElement}} deps.sourcePanel
 * @param {(message: string, kind?: string) => void} deps.say
 */
export function createActionBar({ state, labels, article, sourcePanel, say }) {
  const bar = byId('action-bar');
  const title = byId('action-title');
  const buttons = byId('action-buttons');
  const wrap = byId('article-wrap');
  const { panel, source } = sourcePanel;
  /** A snapped selection waiting for a label: UTF-16 span of the document's text. */
  let pending = null;
  /** Where `pending` was selected: label keys act only on a selection in the article. */
  let pendingInArticle = false;
  /** Index of the annotation the bar edits, or -1. */
  let editing = -1;

  function hide() {
    bar.hidden = true;
    editing = -1;
  }

  /** Reads the current selection (article or text box) into `pending`. */
  function readSelection() {
    // Tabbing from a selection into the bar's buttons must not forget the selection.
    if (bar.contains(document.activeElement)) return;
    const text = state.document.text;
    pending = null;
    let span = null;
    let anchor = null;
    const selection = document.getSelection();
    if (document.activeElement === source) {
      if (source.value === text && source.selectionEnd > source.selectionStart) {
        span = snapToWords(text, source.selectionStart, source.selectionEnd);
      }
    } else if (selection && selection.rangeCount > 0 && !selection.isCollapsed) {
      const range = selection.getRangeAt(0);
      // A preview's text is not the document's: it is read-only.
      if (article.element.contains(range.commonAncestorContainer) && !article.previewing) {
        span = snapToWords(text, article.offsetOf(range.startContainer, range.startOffset), article.offsetOf(range.endContainer, range.endOffset));
        anchor = range.getBoundingClientRect();
      }
    }
    if (span) {
      pending = span;
      pendingInArticle = document.activeElement !== source;
      showForSelection(anchor, !pendingInArticle);
    } else if (editing < 0) {
      hide();
    }
  }

  /** A label's button; `withKey` false leaves out its key (keys type in the text box, they never label there). */
  function labelButton(l, pressed, onChoose, withKey = true) {
    const key = l.key.toUpperCase();
    const content = withKey ? [h('kbd', {}, key), ` ${l.title}`] : [l.title];
    const button = h('button', { type: 'button', className: 'label-button', title: withKey ? `${l.name} (key ${key})` : l.name, dataset: { label: l.name } }, ...content);
    button.setAttribute('aria-pressed', String(pressed));
    // Keep the text selection when the button is pressed with the mouse.
    button.addEventListener('mousedown', (e) => e.preventDefault());
    button.addEventListener('click', onChoose);
    return button;
  }

  function place(rect) {
    bar.hidden = false;
    const box = wrap.getBoundingClientRect();
    if (!rect || (rect.width === 0 && rect.height === 0)) {
      // A selection in the text box: show the bar at the top of the article.
      bar.style.left = '0px';
      bar.style.top = '0px';
      return;
    }
    const width = bar.offsetWidth;
    const left = Math.min(Math.max(0, rect.left - box.left), Math.max(0, box.width - width));
    bar.style.left = `${left}px`;
    bar.style.top = `${rect.bottom - box.top + 6}px`;
  }

  /**
   * Shows "Mark … as". For a selection in the text box the bar sits right
   * after the text box, so Tab reaches its buttons next; it shows no keys,
   * since a key pressed in the text box types there.
   */
  function showForSelection(rect, fromSource = false) {
    editing = -1;
    const home = fromSource ? panel : wrap;
    if (bar.parentElement !== home) home.append(bar);
    title.textContent = `Mark ${quote(state.document.text.slice(pending.start, pending.end))} as`;
    buttons.replaceChildren(...labels.all.map((l) => labelButton(l, false, () => add(l.name), !fromSource)));
    bar.dataset.mode = 'add';
    bar.classList.toggle('inline', fromSource);
    if (fromSource) bar.hidden = false;
    else place(rect);
  }

  function showForAnnotation(index) {
    const a = state.document.annotations[index];
    const mark = article.markAt(index);
    if (!a || !mark) return;
    editing = index;
    pending = null;
    if (bar.parentElement !== wrap) wrap.append(bar);
    bar.classList.remove('inline');
    title.textContent = `${quote(a.text)} — ${describe(a, labels)}`;
    const remove = h('button', { type: 'button', className: 'remove-button' }, h('kbd', {}, 'Del'), ' Remove');
    remove.addEventListener('click', () => removeAt(index));
    buttons.replaceChildren(...labels.all.map((l) => labelButton(l, l.name === a.label, () => relabel(index, l.name))), remove);
    bar.dataset.mode = 'edit';
    place(mark.getBoundingClientRect());
  }

  /** Marks the pending selection as `label`. */
  function add(label) {
    if (!pending) return;
    const doc = state.document;
    const map = offsetMap(doc.text);
    const start = map.toCodePoint(pending.start);
    const end = map.toCodePoint(pending.end);
    const text = doc.text.slice(pending.start, pending.end);
    const same = doc.annotations.find((a) => a.start === start && a.end === end);
    const name = labels.title(label);
    if (same && same.label === label) {
      say(`${quote(text)} is already marked ${name}.`);
      return;
    }
    const replaced = doc.annotations.filter((a) => a.start < end && start < a.end && a !== same);
    state.correct({ start, end, text, label });
    window.getSelection()?.removeAllRanges();
    let message = `Marked ${quote(text)} as ${name}.`;
    if (replaced.length > 0) message += ` It replaces ${replaced.map((a) => `${quote(a.text)} (${labels.title(a.label)})`).join(', ')}.`;
    if (state.hidden.has(label)) message += ` ${name} is hidden: tick it in Labels to see it.`;
    say(`${message} Undo with Ctrl+Z.`);
    article.focusMarkAt(start);
  }

  /** Gives annotation `index` the label `label`, keeping a date's value; its own label confirms it. */
  function relabel(index, label) {
    const a = state.document.annotations[index];
    if (!a || (a.label === label && a.source === 'person')) return;
    if (a.label === label) {
      // The label it has: the person confirms the finding, which becomes theirs (as Accept does).
      state.correct({ start: a.start, end: a.end, text: a.text, label, ...(a.value ? { value: a.value } : {}) });
      say(`Confirmed ${quote(a.text)} as ${labels.title(label)}.`);
      article.focusMarkAt(a.start);
      return;
    }
    const correction = { start: a.start, end: a.end, text: a.text, label };
    if (a.value && labels.isTemporal(label)) correction.value = a.value;
    // A value the person typed stays theirs under the new label.
    if (state.session.corrections.some((c) => c.start === a.start && c.end === a.end && c.valueEdited)) correction.valueEdited = true;
    state.correct(correction);
    say(`${quote(a.text)} is now ${labels.title(label)} (was ${labels.title(a.label)}).`);
    article.focusMarkAt(a.start);
  }

  /** Removes annotation `index` and focuses the next shown mark. */
  function removeAt(index) {
    const a = state.document.annotations[index];
    if (!a) return;
    state.correct({ start: a.start, end: a.end, text: a.text, label: null });
    say(`Removed ${quote(a.text)} (${labels.title(a.label)}). Undo with Ctrl+Z.`);
    const annotations = state.document.annotations;
    let next = firstEndingAfter(annotations, a.start);
    while (next < annotations.length && state.hidden.has(annotations[next].label)) next++;
    if (next < annotations.length) article.markAt(next)?.focus({ preventScroll: true });
    else article.element.focus();
  }

  state.subscribe((change) => {
    // Linked entities change no mark: the bar stays.
    const marks = change.document && !change.relinked;
    if (marks) pending = null;
    if (marks || change.hidden) hide();
    // Typing in the text box closes the bar for its (now stale) selection.
    else if (change.draft && !bar.hidden && bar.parentElement === panel) hide();
  });

  for (const event of ['select', 'mouseup', 'keyup']) source.addEventListener(event, readSelection);
  document.addEventListener('selectionchange', () => {
    if (document.activeElement !== source) readSelection();
  });
  article.element.addEventListener('click', (e) => {
    const mark = article.markOf(e.target);
    if (mark && document.getSelection()?.isCollapsed !== false) showForAnnotation(article.indexOf(mark));
  });
  article.element.addEventListener('focusin', (e) => {
    const mark = article.markOf(e.target);
    if (mark) showForAnnotation(article.indexOf(mark));
  });
  document.addEventListener('pointerdown', (e) => {
    if (!bar.hidden && e.target instanceof Node && !bar.contains(e.target) && !article.element.contains(e.target)) hide();
  });
  window.addEventListener('resize', () => {
    if (editing >= 0) showForAnnotation(editing);
    else hide();
  });

  return {
    /** True while a selection in the article waits for a label (what a label key marks). */
    get pending() {
      return pending !== null && pendingInArticle;
    },
    get isOpen() {
      return !bar.hidden;
    },
    add,
    relabel,
    remove: removeAt,
    showForAnnotation,
    /** Closes the bar and gives the focus back to the mark it edited. */
    close() {
      const back = editing >= 0 ? article.markAt(editing) : null;
      hide();
      back?.focus();
    },
    /** Focuses the button of the edited annotation's label. */
    focusCurrent() {
      /** @type {HTMLElement|null} */ (bar.querySelector('button[aria-pressed="true"]'))?.focus();
    },
  };
}
