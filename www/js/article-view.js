/**
 * The article and its marks: the annotated text, each annotation a <mark>
 * that carries its label, value and source as data attributes. Labels the
 * legend hides stay in the text as unmarked, unfocusable marks.
 * @module
 */

import { byId, h } from './dom.js';
import { segmentText } from './segments.js';
import { describe } from './wording.js';

/**
 * @param {object} deps
 * @param {ReturnType<typeof import('./session.js').createPageState>} deps.state
 * @param {import('./labels.js').Labels} deps.labels
 */
export function createArticleView({ state, labels }) {
  const article = byId('article');

  function render() {
    const doc = state.document;
    const fragment = document.createDocumentFragment();
    // One block per line (a line break ends a paragraph in the Unicode bidi
    // algorithm), each with dir=auto, so right-to-left lines read and align
    // right-to-left; the line breaks stay in the text, so textContent is the text.
    let paragraph = fragment.appendChild(h('div', { className: 'paragraph', dir: 'auto' }));
    for (const segment of segmentText(doc.text, doc.annotations)) {
      const text = doc.text.slice(segment.start, segment.end);
      if (segment.index < 0) {
        const lines = text.split(/(?<=\n)(?=[^\n])/);
        paragraph.append(lines[0]);
        for (const line of lines.slice(1)) paragraph = fragment.appendChild(h('div', { className: 'paragraph', dir: 'auto' }, line));
        continue;
      }
      const a = doc.annotations[segment.index];
      const dataset = { label: a.label, index: String(segment.index), start: String(a.start), source: a.source };
      if (a.value) dataset.value = a.value;
      const mark = h('mark', { className: 'ann', dataset }, text);
      if (state.hidden.has(a.label)) {
        mark.classList.add('off');
      } else {
        mark.tabIndex = 0;
        mark.title = describe(a, labels);
        mark.setAttribute('aria-description', mark.title);
      }
      paragraph.append(mark);
    }
    article.replaceChildren(fragment);
    article.dataset.empty = String(doc.text === '');
  }

  /** The mark of annotation `index`, or null. */
  function markAt(index) {
    return /** @type {HTMLElement|null} */ (article.querySelector(`mark[data-index="${index}"]`));
  }

  state.subscribe((change) => {
    if ((change.document && !change.relinked) || change.hidden) render(); // marks show no entities
  });
  render();

  return {
    element: article,
    markAt,

    /** The shown mark an event target is, or is inside; null otherwise. */
    markOf(target) {
      return target instanceof HTMLElement ? /** @type {HTMLElement|null} */ (target.closest('mark.ann:not(.off)')) : null;
    },

    /** Scrolls to annotation `index`, focuses it and makes it flash. */
    flash(index) {
      const mark = markAt(index);
      if (!mark) return;
      mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
      mark.focus({ preventScroll: true });
      mark.classList.remove('flash');
      void mark.offsetWidth; // restart the animation
      mark.classList.add('flash');
    },

    /** Focuses the shown mark that starts at code point `start`, if any. */
    focusMarkAt(start) {
      /** @type {HTMLElement|null} */ (article.querySelector(`mark[data-start="${start}"]:not(.off)`))?.focus({ preventScroll: true });
    },

    /** The UTF-16 offset in the text of a DOM position inside the article. */
    offsetOf(node, offset) {
      const range = document.createRange();
      range.setStart(article, 0);
      range.setEnd(node, offset);
      return range.toString().length;
    },
  };
}
