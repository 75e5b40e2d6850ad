/**
 * The article and its marks: the annotated text in blocks (blocks.js), each
 * annotation a <mark> that carries its label, start, value and source as
 * data attributes. Labels the legend hides stay in the text as unmarked,
 * unfocusable marks.
 *
 * A large document is virtual: every block holds its text, but only the
 * blocks near the screen hold marks (an IntersectionObserver fills and
 * empties them), and the browser skips laying out the blocks off screen
 * (content-visibility), so the DOM and the work stay in proportion to what
 * is on screen. A correction refills only the blocks it touches. Marks not
 * on screen are still reached: jumps, Tab and the action bar fill the block
 * first.
 * @module
 */

import { byId, h } from './dom.js';
import { blockAt, splitBlocks } from './blocks.js';
import { firstEndingAfter, indexAt } from './doc-patch.js';
import { offsetMap } from './offsets.js';
import { segmentText } from './segments.js';
import { describe } from './wording.js';
import { isUnsure } from './review.js';

/** Up to this many annotations and UTF-16 units, every block holds its marks and nothing is virtual. */
export const EAGER_MARKS = 2000;
export const EAGER_TEXT = 200_000;

/**
 * @typedef {object} Block
 * @property {number} from  UTF-16 index
 * @property {number} to    UTF-16 index, exclusive
 * @property {number} cpFrom  the same in code points
 * @property {number} cpTo
 * @property {HTMLElement} el
 * @property {boolean} filled  holds its marks (else its text only)
 */

/**
 * @param {object} deps
 * @param {ReturnType<typeof import('./session.js').createPageState>} deps.state
 * @param {import('./labels.js').Labels} deps.labels
 */
export function createArticleView({ state, labels }) {
  const article = byId('article');
  let text = '';
  let map = offsetMap(text);
  /** @type {Block[]} */
  let blocks = [];
  /** @type {WeakMap<Element, Block>} */
  const blockOfElement = new WeakMap();
  let virtual = false;
  /** Blocks within a screen of the viewport hold marks; farther ones give them up. */
  const observer = new IntersectionObserver(onIntersect, { rootMargin: '100% 0px' });

  function markFor(a, segmentText) {
    const dataset = { label: a.label, start: String(a.start), source: a.source };
    if (a.value) dataset.value = a.value;
    if (isUnsure(a)) dataset.unsure = 'true';
    const mark = h('mark', { className: 'ann', dataset }, segmentText);
    if (state.hidden.has(a.label)) {
      mark.classList.add('off');
    } else {
      mark.tabIndex = 0;
      mark.title = describe(a, labels);
      mark.setAttribute('aria-description', mark.title);
    }
    return mark;
  }

  /**
   * Appends plain text to `paragraph`, starting a new paragraph (in
   * `fragment`) at each line: a line break ends a paragraph in the Unicode
   * bidi algorithm, and with dir=auto each line reads and aligns in its own
   * direction. The line breaks stay in the text, so textContent is the text.
   * Returns the last paragraph.
   */
  function appendLines(fragment, paragraph, slice) {
    const lines = slice.split(/(?<=\n)(?=[^\n])/);
    paragraph.append(lines[0]);
    for (const line of lines.slice(1)) paragraph = fragment.appendChild(h('div', { className: 'paragraph', dir: 'auto' }, line));
    return paragraph;
  }

  /** A block's text without marks, a paragraph per line. */
  function plainText(from, to) {
    const fragment = document.createDocumentFragment();
    appendLines(fragment, fragment.appendChild(h('div', { className: 'paragraph', dir: 'auto' })), text.slice(from, to));
    return fragment;
  }

  /** Puts the block's marks in it. */
  function fill(block) {
    const annotations = state.document.annotations;
    const fragment = document.createDocumentFragment();
    // Blocks end after a line break where they can, so a block starts a paragraph.
    let paragraph = fragment.appendChild(h('div', { className: 'paragraph', dir: 'auto' }));
    const range = { from: block.from, to: block.to, first: firstEndingAfter(annotations, block.cpFrom), map };
    for (const segment of segmentText(text, annotations, range)) {
      const slice = text.slice(segment.start, segment.end);
      if (segment.index < 0) paragraph = appendLines(fragment, paragraph, slice);
      else paragraph.append(markFor(annotations[segment.index], slice));
    }
    block.el.replaceChildren(fragment);
    block.filled = true;
  }

  /**
   * Leaves the block its text only, unless the focus or `selected` (the
   * selection's range, when not collapsed) is in it.
   * @param {Block} block
   * @param {Range|null} selected
   */
  function empty(block, selected) {
    const holds = (node) => node !== null && node !== undefined && block.el.contains(node);
    if (holds(document.activeElement) || (selected && (holds(selected.startContainer) || holds(selected.endContainer)))) return;
    block.el.replaceChildren(plainText(block.from, block.to));
    block.filled = false;
  }

  /** The selection's range when it selects something; read from the DOM range, which needs no layout. */
  function selectedRange() {
    const selection = document.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    return range && !range.collapsed ? range : null;
  }

  /** A rough height (px) for a block not laid out yet: its lines at the article's width. */
  function estimator() {
    const style = getComputedStyle(article);
    const fontSize = parseFloat(style.fontSize) || 16;
    const lineHeight = parseFloat(style.lineHeight) || fontSize * 1.6;
    const perLine = Math.max(20, Math.floor(article.clientWidth / (fontSize * 0.5)));
    return (from, to) => {
      let lines = 0;
      for (let at = from; at < to; ) {
        const end = text.indexOf('\n', at);
        const stop = end < 0 || end >= to ? to : end;
        lines += Math.max(1, Math.ceil((stop - at) / perLine));
        at = stop + 1;
      }
      return Math.round(lines * lineHeight);
    };
  }

  function newBlock({ from, to }, estimate) {
    const el = h('div', { className: 'block' }, plainText(from, to));
    if (estimate) el.style.containIntrinsicSize = `auto ${estimate(from, to)}px`;
    const block = { from, to, cpFrom: map.toCodePoint(from), cpTo: map.toCodePoint(to), el, filled: false };
    blockOfElement.set(el, block);
    if (virtual) observer.observe(el);
    return block;
  }

  /** Builds every block anew: a new text, reference date or document. */
  function build() {
    const doc = state.document;
    observer.disconnect();
    if (doc.text !== text) {
      text = doc.text;
      map = offsetMap(text);
    }
    virtual = doc.annotations.length > EAGER_MARKS || text.length > EAGER_TEXT;
    const spans = doc.annotations.map((a) => ({ start: map.toUtf16(a.start), end: map.toUtf16(a.end) }));
    const estimate = virtual ? estimator() : null;
    blocks = splitBlocks(text, spans).map((range) => newBlock(range, estimate));
    if (!virtual) blocks.forEach(fill);
    article.dataset.virtual = String(virtual);
    article.replaceChildren(...blocks.map((b) => b.el));
    article.dataset.empty = String(text === '');
  }

  /** Joins blocks i..j into one (an annotation now spans them). */
  function join(i, j) {
    const joined = newBlock({ from: blocks[i].from, to: blocks[j].to }, null);
    joined.el.style.containIntrinsicSize = blocks[i].el.style.containIntrinsicSize;
    const wasFilled = blocks.slice(i, j + 1).some((b) => b.filled);
    blocks[i].el.before(joined.el);
    for (const b of blocks.slice(i, j + 1)) {
      observer.unobserve(b.el);
      b.el.remove();
    }
    blocks.splice(i, j - i + 1, joined);
    if (wasFilled || !virtual) fill(joined);
  }

  /** The index of the block holding code point `cp`. */
  const blockIndexAt = (cp) => blockAt(blocks, map.toUtf16(cp));

  /** Refills only the blocks a correction, undo or redo touched. */
  function patch({ spans, added }) {
    for (const a of added) {
      const i = blockIndexAt(a.start);
      const j = blockAt(blocks, map.toUtf16(a.end) - 1);
      if (j > i) join(i, j);
    }
    const touched = new Set();
    for (const span of spans) {
      const last = blockAt(blocks, map.toUtf16(span.end) - 1);
      for (let i = blockIndexAt(span.start); i <= last; i++) touched.add(blocks[i]);
    }
    for (const block of touched) if (block.filled) fill(block);
  }

  function onIntersect(entries) {
    if (!virtual) return;
    let selected;
    for (const entry of entries) {
      const block = blockOfElement.get(entry.target);
      if (!block) continue;
      if (entry.isIntersecting && !block.filled) fill(block);
      else if (!entry.isIntersecting && block.filled) empty(block, selected === undefined ? (selected = selectedRange()) : selected);
    }
  }

  /** The block of annotation `a`, filled. */
  function filledBlockOf(a) {
    const block = blocks[blockIndexAt(a.start)];
    if (block && !block.filled) fill(block);
    return block;
  }

  /** The mark of annotation `index`, its block filled first; null when there is none. */
  function markAt(index) {
    const a = state.document.annotations[index];
    const block = a && filledBlockOf(a);
    return block ? /** @type {HTMLElement|null} */ (block.el.querySelector(`mark[data-start="${a.start}"]`)) : null;
  }

  /** The index of the annotation a mark shows. */
  const indexOf = (mark) => indexAt(state.document.annotations, Number(mark.dataset.start));

  /** The shown mark an event target is, or is inside; null otherwise. */
  const markOf = (target) => (target instanceof HTMLElement ? /** @type {HTMLElement|null} */ (target.closest('mark.ann:not(.off)')) : null);

  // Tab and Shift+Tab go to the next shown mark in the text, also when its block holds no marks yet.
  article.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey) return;
    const mark = markOf(e.target);
    if (!mark || mark !== e.target) return;
    const annotations = state.document.annotations;
    const step = e.shiftKey ? -1 : 1;
    let i = indexOf(mark) + step;
    while (i >= 0 && i < annotations.length && state.hidden.has(annotations[i].label)) i += step;
    if (i < 0 || i >= annotations.length) return;
    e.preventDefault();
    markAt(i)?.focus();
  });

  // Print shows every mark.
  window.addEventListener('beforeprint', () => blocks.filter((b) => !b.filled).forEach(fill));

  state.subscribe((change) => {
    if (change.document && change.patch) patch(change.patch);
    // Marks show no entities: grouping them again changes none.
    else if (change.document && !change.relinked) build();
    else if (change.hidden) blocks.filter((b) => b.filled).forEach(fill);
  });
  build();

  return {
    element: article,
    markAt,
    indexOf,
    markOf,

    /** Scrolls to annotation `index`, focuses it and makes it flash. */
    flash(index) {
      const a = state.document.annotations[index];
      const near = a && blocks[blockIndexAt(a.start)]?.filled;
      const mark = markAt(index);
      if (!mark) return;
      // Far away, the blocks between are estimates: jump, then make sure once they are laid out.
      mark.scrollIntoView({ block: 'center', behavior: near ? 'smooth' : 'instant' });
      if (!near) {
        requestAnimationFrame(() => {
          const box = mark.getBoundingClientRect();
          if (box.bottom < 0 || box.top > innerHeight) mark.scrollIntoView({ block: 'center', behavior: 'instant' });
        });
      }
      mark.focus({ preventScroll: true });
      mark.classList.remove('flash');
      void mark.offsetWidth; // restart the animation
      mark.classList.add('flash');
    },

    /** Focuses the shown mark that starts at code point `start`, if any. */
    focusMarkAt(start) {
      const i = indexAt(state.document.annotations, start);
      if (i >= 0 && !state.hidden.has(state.document.annotations[i].label)) markAt(i)?.focus({ preventScroll: true });
    },

    /** The UTF-16 offset in the text of a DOM position inside the article. */
    offsetOf(node, offset) {
      if (node === article) return offset < blocks.length ? blocks[offset].from : text.length;
      const element = node instanceof Element ? node : node.parentElement;
      const blockElement = element?.closest('.block');
      const block = blockElement && blockOfElement.get(blockElement);
      if (!block) return 0;
      const range = document.createRange();
      range.setStart(block.el, 0);
      range.setEnd(node, offset);
      return block.from + range.toString().length;
    },
  };
}
