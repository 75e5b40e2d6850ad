/**
 * The found list: the shown annotations grouped by label, each distinct
 * mention once (in the order of its first occurrence) with how often it
 * occurs and its value; clicking one scrolls to its next occurrence in the
 * article. A correction updates only the mentions it touches; each label
 * lists its first mentions, and more on request (dom.js paged), so the
 * list stays small on a large document.
 * @module
 */

import { byId, h, nextTask, paged } from './dom.js';
import { indexAt } from './doc-patch.js';
import { describe } from './wording.js';

/**
 * @typedef {import('./corrections.js').Annotation} Annotation
 * @typedef {{key: string, items: Annotation[]}} Mention  one distinct mention: its occurrences, by start
 * @typedef {{label: string, mentions: Mention[], byKey: Map<string, Map<string, Mention>>, count: number, section: HTMLElement, list: HTMLElement}} Group
 */

/** A build takes this many annotations per task (see build). */
const BUILD_SLICE = 15_000;

const keyOf = (a) => `${a.label}\u0000${a.text}\u0000${a.value ?? ''}`;

/** The mention of annotation `a` in its group, if any: by its text, then its value (no key string made per annotation). */
const mentionIn = (group, a) => group.byKey.get(a.text)?.get(a.value ?? '');

/** A new, empty mention of `a`'s text and value in `group`. */
function newMention(group, a) {
  let byValue = group.byKey.get(a.text);
  if (!byValue) group.byKey.set(a.text, (byValue = new Map()));
  const m = { key: keyOf(a), items: [] };
  byValue.set(a.value ?? '', m);
  return m;
}

/** Takes the mention of `a` (emptied) out of `group`'s index. */
function dropMention(group, a) {
  const byValue = group.byKey.get(a.text);
  byValue?.delete(a.value ?? '');
  if (byValue?.size === 0) group.byKey.delete(a.text);
}

/** The index of the first item of `sorted` whose `start(item)` is not less than `at`. */
function lowerBound(sorted, at, start) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (start(sorted[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const first = (m) => m.items[0].start;
const startOf = (a) => a.start;

/**
 * @param {object} deps
 * @param {ReturnType<typeof import('./session.js').createPageState>} deps.state
 * @param {import('./labels.js').Labels} deps.labels
 * @param {{flash: (index: number) => void}} deps.article
 */
export function createFoundList({ state, labels, article }) {
  const list = byId('found-list');
  const total = byId('found-total');
  /** Which occurrence a mention shows next, by mention key. */
  const nextOccurrence = new Map();
  /** @type {Map<string, Group>} */
  let groups = new Map();
  const empty = h('p', { className: 'empty' });

  function entry(m) {
    const a = m.items[0];
    const n = m.items.length;
    const button = h('button', { type: 'button', className: 'found-item' }, h('span', { className: 'found-text' }, a.text));
    if (n > 1) button.append(h('span', { className: 'times' }, `×${n}`));
    if (a.value) button.append(h('span', { className: 'value' }, a.value));
    if (a.source === 'person') button.classList.add('by-person');
    button.title = `${describe(a, labels)}${n > 1 ? ` — ${n} times; click again for the next` : ''}`;
    button.addEventListener('click', () => {
      const k = (nextOccurrence.get(m.key) ?? 0) % m.items.length;
      nextOccurrence.set(m.key, k + 1);
      article.flash(indexAt(state.document.annotations, m.items[k].start));
    });
    return h('li', {}, button);
  }

  /** Lists a group's first mentions, with a button for more. */
  function draw(group) {
    group.list.replaceChildren(...paged(group.mentions, entry));
  }

  function newGroup(l) {
    const list = h('ul', {});
    const heading = h('h3', {}, h('span', { className: 'swatch', dataset: { label: l.name } }, l.name), ` ${l.title}`);
    const section = h('section', { className: 'group', dataset: { label: l.name } }, heading, list);
    return { label: l.name, mentions: [], byKey: new Map(), count: 0, section, list };
  }

  /** Takes annotation `a` out of its mention (and the mention out of its group when it was its last). */
  function take(a) {
    const group = groups.get(a.label);
    const m = group && mentionIn(group, a);
    if (!m) return null;
    const at = lowerBound(group.mentions, first(m), first);
    const i = lowerBound(m.items, a.start, startOf);
    if (m.items[i]?.start !== a.start) return null;
    group.mentions.splice(at, 1);
    m.items.splice(i, 1);
    group.count--;
    if (m.items.length > 0) group.mentions.splice(lowerBound(group.mentions, first(m), first), 0, m);
    else dropMention(group, a);
    return group;
  }

  /** Puts annotation `a` in its mention, in order. */
  function put(a) {
    const group = groups.get(a.label);
    if (!group) return null;
    let m = mentionIn(group, a);
    if (m) group.mentions.splice(lowerBound(group.mentions, first(m), first), 1);
    else m = newMention(group, a);
    m.items.splice(lowerBound(m.items, a.start, startOf), 0, a);
    group.mentions.splice(lowerBound(group.mentions, first(m), first), 0, m);
    group.count++;
    return group;
  }

  /** Puts the groups with mentions under shown labels in the list, and the totals. */
  function arrange() {
    const shownGroups = [...groups.values()].filter((g) => g.mentions.length > 0 && !state.hidden.has(g.label));
    const sections = [...shownGroups.map((g) => g.section), empty];
    // Moving the same sections again would only make the browser lay them out again.
    if (sections.length !== list.children.length || sections.some((section, i) => list.children[i] !== section)) list.replaceChildren(...sections);
    let shown = 0;
    for (const g of groups.values()) if (!state.hidden.has(g.label)) shown += g.count;
    total.textContent = shown > 0 ? String(shown) : '';
    empty.textContent = state.document.text === '' ? 'Nothing yet: paste an article and press Annotate.' : 'Nothing found under the shown labels.';
    empty.hidden = shown > 0;
  }

  /** Each build is numbered; one under way (a large document's) is dropped for a newer. */
  let building = 0;
  let buildingNow = false;

  /**
   * Builds every group anew from the document: a slice of BUILD_SLICE
   * annotations per task, so that a large document's list never holds the
   * page for long; the list shown until then stays.
   */
  function build() {
    const mine = ++building;
    buildingNow = true;
    const fresh = new Map(labels.all.map((l) => [l.name, newGroup(l)]));
    const annotations = state.document.annotations;
    let i = 0;
    const step = () => {
      if (mine !== building) return;
      for (const end = Math.min(annotations.length, i + BUILD_SLICE); i < end; i++) {
        const a = annotations[i];
        const group = fresh.get(a.label);
        if (!group) continue;
        let m = mentionIn(group, a);
        if (!m) {
          m = newMention(group, a);
          group.mentions.push(m);
        }
        m.items.push(a);
        group.count++;
      }
      if (i < annotations.length) {
        nextTask(step);
        return;
      }
      buildingNow = false;
      nextOccurrence.clear();
      groups = fresh;
      groups.forEach(draw);
      arrange();
    };
    step();
  }

  /** Updates the mentions a correction, undo or redo touched. */
  function patch({ removed, added }) {
    const touched = new Set();
    for (const a of removed) touched.add(take(a));
    for (const a of added) touched.add(put(a));
    touched.delete(null);
    touched.forEach(draw);
    arrange();
  }

  state.subscribe((change) => {
    // A build under way reads the document when it began: begin again.
    if (change.document && buildingNow) {
      if (!change.relinked) build();
    } else if (change.document && change.patch) patch(change.patch);
    else if (change.document && !change.relinked) build();
    if (change.hidden) arrange();
  });
  build();
}
