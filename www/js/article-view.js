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
 * first. A large document's blocks come in sections, each skipped whole
 * while off screen. A new large document's blocks start empty at their estimated
 * height and get their text a slice per task (the article's `data-texted`
 * is "true" once all have it).
 *
 * While the core annotates a long text, the article may show a preview: the
 * text's beginning with the marks the core found there first (core-worker.js
 * previewEnd), read-only (its marks take no focus, clicks or selections),
 * the article's `data-preview` "true". The next document shown, or the end
 * of the annotation (cancelled or failed), replaces it.
 * @module
 */

import { byId, h, nextTask } from './dom.js';
import { blockAt, splitBlocks } from './blocks.js';
import { firstEndingAfter, indexAt } from './doc-patch.js';
import { offsetMap } from './offsets.js';
import { segmentText } from './segments.js';
import { describe } from './wording.js';
import { isUnsure } from './review.js';

/** How long (ms) one task of filling a large document's blocks with their text runs. */
const TEXT_SLICE_MS = 8;


/** A large document's blocks come in sections of this many (see sections). */
const SECTION_BLOCKS = 32;

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

  /** `preview`: a preview's mark, which shows but takes no focus (see showPreview). */
  function markFor(a, segmentText, preview = false) {
    const dataset = { label: a.label, start: String(a.start), source: a.source };
    if (a.value) dataset.value = a.value;
    if (isUnsure(a)) dataset.unsure = 'true';
    const mark = h('mark', { className: preview ? 'ann preview' : 'ann', dataset }, segmentText);
    if (state.hidden.has(a.label)) {
      mark.classList.add('off');
    } else if (preview) {
      mark.title = describe(a, labels);
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

  /**
   * Appends `source`'s text in `range` (segmentText's) to `fragment`, a
   * paragraph per line, each annotation a mark (`preview`: a preview's).
   */
  function appendMarked(fragment, source, annotations, range, preview = false) {
    // Blocks end after a line break where they can, so a block starts a paragraph.
    let paragraph = fragment.appendChild(h('div', { className: 'paragraph', dir: 'auto' }));
    for (const segment of segmentText(source, annotations, range)) {
      const slice = source.slice(segment.start, segment.end);
      if (segment.index < 0) paragraph = appendLines(fragment, paragraph, slice);
      else paragraph.append(markFor(annotations[segment.index], slice, preview));
    }
  }

  /** Puts the block's marks in it. */
  function fill(block) {
    const annotations = state.document.annotations;
    const fragment = document.createDocumentFragment();
    const range = { from: block.from, to: block.to, first: firstEndingAfter(annotations, block.cpFrom), map };
    appendMarked(fragment, text, annotations, range);
    block.el.replaceChildren(fragment);
    block.filled = true;
    block.texted = true;
  }

  /** Each build's text filling is numbered: a new build stops the last one's. */
  let texting = 0;

  /**
   * Gives the blocks built empty their text, a slice of blocks per task
   * (about TEXT_SLICE_MS each), so that a new large document shows at once
   * and the page answers while the rest of its text arrives; the blocks near
   * the screen get theirs, with their marks, first (onIntersect).
   */
  function textInSlices() {
    const mine = ++texting;
    let i = 0;
    const step = () => {
      if (mine !== texting) return;
      const until = performance.now() + TEXT_SLICE_MS;
      for (; i < blocks.length && performance.now() < until; i++) {
        const block = blocks[i];
        if (block.texted) continue;
        block.el.replaceChildren(plainText(block.from, block.to));
        block.texted = true;
      }
      if (i < blocks.length) nextTask(step, 'background');
      else article.dataset.texted = 'true';
    };
    article.dataset.texted = 'false';
    nextTask(step, 'background');
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
    block.texted = true;
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

  /** `lazy`: the block starts empty, at its estimated height, and gets its text later (textInSlices). */
  function newBlock({ from, to }, estimate, lazy = false) {
    const el = h('div', { className: 'block' });
    if (!lazy) el.append(plainText(from, to));
    const height = estimate ? estimate(from, to) : 0;
    if (estimate) el.style.containIntrinsicSize = `auto ${height}px`;
    const block = { from, to, cpFrom: map.toCodePoint(from), cpTo: map.toCodePoint(to), el, filled: false, texted: !lazy, height };
    blockOfElement.set(el, block);
    if (virtual) observer.observe(el);
    return block;
  }

  /** The preview on screen: the text it previews and its annotations; null when none is. */
  let preview = null;

  /** Draws the preview: a note, then the beginning of `preview.text` with its marks. */
  function drawPreview() {
    const { text: full, length, annotations } = preview;
    const head = full.slice(0, length);
    const fragment = document.createDocumentFragment();
    const share = Math.max(1, Math.floor((100 * length) / full.length));
    fragment.append(h('p', { className: 'preview-note', role: 'note' }, `Preview of the first ${share < 100 ? `${share}%` : 'part'} of the text while Gloss annotates the rest: editing opens when it is done.`));
    appendMarked(fragment, head, annotations, undefined, true);
    observer.disconnect();
    texting++;
    article.replaceChildren(fragment);
    article.dataset.preview = 'true';
    article.dataset.empty = 'false';
  }

  /** Ends the preview, if one shows: the article shows the document again. */
  function endPreview() {
    if (preview) build();
  }

  /**
   * Where the person reads the preview: the UTF-16 offset of the text at a
   * third of the window's height (or the preview's top, if lower) and that
   * height; null when no preview text is there.
   */
  function previewReading() {
    const box = article.getBoundingClientRect();
    const y = Math.min(Math.max(box.top + 1, innerHeight / 3), box.bottom - 1);
    const first = article.querySelector('.paragraph');
    const caret = first && caretAt(box.left + box.width / 2, y);
    if (!caret || !article.contains(caret.node) || first.compareDocumentPosition(caret.node) & Node.DOCUMENT_POSITION_PRECEDING) return null;
    const range = document.createRange();
    range.setStart(first, 0);
    range.setEnd(caret.node, caret.offset);
    return { offset: range.toString().length, y };
  }

  /** The text position at a point of the window: {node, offset}, or null. */
  function caretAt(x, y) {
    if (document.caretPositionFromPoint) {
      const p = document.caretPositionFromPoint(x, y);
      return p && { node: p.offsetNode, offset: p.offset };
    }
    const r = document.caretRangeFromPoint?.(x, y);
    return r && { node: r.startContainer, offset: r.startOffset };
  }

  /** Scrolls so that UTF-16 offset `offset` of the text stands at height `y` of the window. */
  function scrollOffsetTo(offset, y) {
    const block = blocks[blockAt(blocks, offset)];
    if (!block) return;
    if (!block.filled) fill(block);
    // Near first, so that the browser lays the block out (content-visibility skips it off screen).
    block.el.scrollIntoView({ block: 'start', behavior: 'instant' });
    const walker = document.createTreeWalker(block.el, NodeFilter.SHOW_TEXT);
    let left = offset - block.from;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = /** @type {Text} */ (node).length;
      if (left < length) {
        // One character's box: a collapsed range has none in some browsers.
        const range = document.createRange();
        range.setStart(node, left);
        range.setEnd(node, left + 1);
        const rect = range.getBoundingClientRect();
        window.scrollBy({ top: rect.top - y, behavior: 'instant' });
        return;
      }
      left -= length;
    }
  }

  /** Builds every block anew: a new text, reference date or document. */
  function build() {
    // The previewed text's own document (not one shown again after Cancel) keeps the
    // text being read in view (else the browser would keep what stood below the short preview).
    const reading = preview && preview.text === state.document.text ? previewReading() : null;
    preview = null;
    delete article.dataset.preview;
    const doc = state.document;
    observer.disconnect();
    if (doc.text !== text) {
      text = doc.text;
      map = offsetMap(text);
    }
    virtual = doc.annotations.length > EAGER_MARKS || text.length > EAGER_TEXT;
    // Without astral characters code points are UTF-16 units: the annotations are their own spans (none made per annotation).
    const spans = map.codePoints === text.length ? doc.annotations : doc.annotations.map((a) => ({ start: map.toUtf16(a.start), end: map.toUtf16(a.end) }));
    const estimate = virtual ? estimator() : null;
    blocks = splitBlocks(text, spans).map((range) => newBlock(range, estimate, virtual));
    if (!virtual) blocks.forEach(fill);
    article.dataset.virtual = String(virtual);
    article.replaceChildren(...(virtual ? sections(blocks) : blocks.map((b) => b.el)));
    if (reading) scrollOffsetTo(reading.offset, reading.y);
    article.dataset.empty = String(text === '');
    if (virtual) textInSlices();
    else {
      texting++;
      article.dataset.texted = 'true';
    }
  }

  /**
   * The blocks' elements in sections of SECTION_BLOCKS, each skipped by
   * layout as a whole while off screen: a long article then has a few dozen
   * boxes for the browser to lay out and observe, not thousands.
   */
  function sections(all) {
    const out = [];
    for (let i = 0; i < all.length; i += SECTION_BLOCKS) {
      const group = all.slice(i, i + SECTION_BLOCKS);
      const section = h('div', { className: 'section' }, ...group.map((b) => b.el));
      section.style.containIntrinsicSize = `auto ${group.reduce((sum, b) => sum + b.height, 0)}px`;
      out.push(section);
    }
    return out;
  }

  /** The UTF-16 offset of a DOM position between the article's sections or blocks (`container` the article or a section). */
  function offsetBetween(container, offset) {
    const child = container.childNodes[offset];
    const first = child instanceof Element ? (child.classList.contains('block') ? child : child.querySelector('.block')) : null;
    if (first) return blockOfElement.get(first)?.from ?? 0;
    const last = container === article ? null : container.querySelector('.block:last-child');
    return last ? (blockOfElement.get(last)?.to ?? text.length) : text.length;
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

  /** The shown mark an event target is, or is inside; null otherwise (a preview's marks are not the document's). */
  const markOf = (target) => (target instanceof HTMLElement ? /** @type {HTMLElement|null} */ (target.closest('mark.ann:not(.off, .preview)')) : null);

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
    // Under a preview the blocks are off screen: a change to them is drawn by the build that ends it.
    if (preview) {
      if (change.document && !change.relinked) build();
      else if (change.hidden) drawPreview();
      return;
    }
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

    /** True while a preview shows: the article then holds no mark of the document. */
    get previewing() {
      return preview !== null;
    },

    /**
     * Shows the beginning of `text` with `annotations` (code points), the
     * core's first findings in its first `length` UTF-16 units, until the
     * next document or endPreview.
     * @param {string} text
     * @param {{length: number, annotations: object[]}} found
     */
    showPreview(text, { length, annotations }) {
      preview = { text, length, annotations };
      drawPreview();
      // A new text from its start: scrolled down an earlier one, the page would show what is below the preview.
      if (article.getBoundingClientRect().top < 0) article.scrollIntoView({ block: 'start', behavior: 'instant' });
    },

    endPreview,

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
      if (node === article || (node instanceof Element && node.parentElement === article && node.classList.contains('section'))) return offsetBetween(node, offset);
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
