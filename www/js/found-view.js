/**
 * The found list: the shown annotations grouped by label, each distinct
 * mention once with how often it occurs and its value; clicking one scrolls
 * to its next occurrence in the article.
 * @module
 */

import { byId, h } from './dom.js';
import { describe } from './wording.js';

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

  function entry(key, a, indices) {
    const button = h('button', { type: 'button', className: 'found-item' }, h('span', { className: 'found-text' }, a.text));
    if (indices.length > 1) button.append(h('span', { className: 'times' }, `×${indices.length}`));
    if (a.value) button.append(h('span', { className: 'value' }, a.value));
    if (a.source === 'person') button.classList.add('by-person');
    button.title = `${describe(a, labels)}${indices.length > 1 ? ` — ${indices.length} times; click again for the next` : ''}`;
    button.addEventListener('click', () => {
      const n = nextOccurrence.get(key) ?? 0;
      nextOccurrence.set(key, (n + 1) % indices.length);
      article.flash(indices[n]);
    });
    return h('li', {}, button);
  }

  function render() {
    const doc = state.document;
    nextOccurrence.clear();
    const groups = [];
    let shown = 0;
    for (const l of labels.all) {
      if (state.hidden.has(l.name)) continue;
      const mentions = new Map();
      doc.annotations.forEach((a, index) => {
        if (a.label !== l.name) return;
        const key = `${a.label}\u0000${a.text}\u0000${a.value ?? ''}`;
        if (!mentions.has(key)) mentions.set(key, { a, indices: [] });
        mentions.get(key).indices.push(index);
      });
      if (mentions.size === 0) continue;
      const items = [...mentions].map(([key, { a, indices }]) => {
        shown += indices.length;
        return entry(key, a, indices);
      });
      const heading = h('h3', {}, h('span', { className: 'swatch', dataset: { label: l.name } }, l.name), ` ${l.title}`);
      groups.push(h('section', { className: 'group', dataset: { label: l.name } }, heading, h('ul', {}, ...items)));
    }
    if (groups.length === 0) {
      const empty = doc.text === '' ? 'Nothing yet: paste an article and press Annotate.' : 'Nothing found under the shown labels.';
      groups.push(h('p', { className: 'empty' }, empty));
    }
    list.replaceChildren(...groups);
    total.textContent = shown > 0 ? String(shown) : '';
  }

  state.subscribe((change) => {
    if ((change.document && !change.relinked) || change.hidden) render(); // nor does the list
  });
  render();
}
