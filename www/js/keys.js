/**
 * The keyboard: Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo; a
 * label's key marks the selection or relabels the focused mark; Delete
 * removes it, Enter opens its bar, Escape closes the bar; N and Shift+N
 * step to the next and previous unsure finding (review.js). Also writes the
 * list of label keys into the help text.
 * @module
 */

import { h } from './dom.js';

/**
 * True in a field that takes typing: there keys type and Ctrl+Z undoes
 * typing, as everywhere else; label keys never act on a field's text.
 */
export function isTyping(target) {
  return (
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && target.type !== 'checkbox') ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/**
 * @param {object} deps
 * @param {import('./labels.js').Labels} deps.labels
 * @param {ReturnType<typeof import('./action-bar.js').createActionBar>} deps.actionBar
 * @param {{markOf: (target: EventTarget|null) => HTMLElement|null, indexOf: (mark: HTMLElement) => number}} deps.article
 * @param {() => void} deps.undo
 * @param {() => void} deps.redo
 * @param {(focused: number, backwards: boolean) => void} deps.reviewUnsure  steps to the next unsure finding after the focused mark's index (-1: none focused)
 * @param {() => boolean} [deps.canEdit]  false while this tab is read-only: then no key edits
 */
export function bindKeys({ labels, actionBar, article, undo, redo, reviewUnsure, canEdit = () => true }) {
  document.addEventListener('keydown', (e) => {
    if (!canEdit()) return;
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
    if (key === 'Escape' && actionBar.isOpen) {
      actionBar.close();
      return;
    }
    const label = labels.forKey(key);
    // A fresh selection wins over a focused mark: the person selected text to label it.
    if (label && actionBar.pending) {
      e.preventDefault();
      actionBar.add(label);
      return;
    }
    if (!label && (key === 'n' || key === 'N')) {
      e.preventDefault();
      const focused = article.markOf(e.target);
      reviewUnsure(focused ? article.indexOf(focused) : -1, key === 'N');
      return;
    }
    const mark = article.markOf(e.target);
    if (!mark || mark !== e.target) return;
    const index = article.indexOf(mark);
    if (label) {
      e.preventDefault();
      actionBar.relabel(index, label);
    } else if (key === 'Delete' || key === 'Backspace') {
      e.preventDefault();
      actionBar.remove(index);
    } else if (key === 'Enter' || key === ' ') {
      e.preventDefault();
      actionBar.showForAnnotation(index);
      actionBar.focusCurrent();
    }
  });
}

/**
 * Fills `element` with "P person, L place, …" from the label table.
 * @param {HTMLElement} element
 * @param {import('./labels.js').Labels} labels
 */
export function renderKeyHelp(element, labels) {
  const items = labels.all.flatMap((l, i) => [i > 0 ? ', ' : '', h('kbd', {}, l.key.toUpperCase()), ` ${l.title.toLowerCase()}`]);
  element.replaceChildren(...items);
}
