/**
 * The legend: one row per label with its swatch, name, count and a box that
 * hides or shows the label's annotations. Built once from the label table
 * and updated in place, so a ticked box keeps the focus; a correction
 * changes the counts by what it removed and added.
 * @module
 */

import { byId, h } from './dom.js';

/**
 * @param {object} deps
 * @param {ReturnType<typeof import('./session.js').createPageState>} deps.state
 * @param {import('./labels.js').Labels} deps.labels
 */
export function createLegend({ state, labels }) {
  const rows = labels.all.map((l) => {
    const box = h('input', { type: 'checkbox', dataset: { label: l.name } });
    box.addEventListener('change', () => state.setHidden(l.name, !box.checked));
    const count = h('span', { className: 'count', dataset: { count: l.name } });
    const item = h(
      'label',
      { className: 'legend-item' },
      box,
      h('span', { className: 'swatch', dataset: { label: l.name } }, l.name),
      h('span', { className: 'legend-title' }, l.title),
      count,
    );
    return { name: l.name, box, count, li: h('li', {}, item) };
  });
  byId('legend').replaceChildren(...rows.map((r) => r.li));

  /** Annotations per label, updated by a correction's delta. */
  let counts = new Map();
  const add = (label, n) => counts.set(label, (counts.get(label) ?? 0) + n);

  function update(change) {
    if (change.document && change.patch) {
      for (const a of change.patch.removed) add(a.label, -1);
      for (const a of change.patch.added) add(a.label, 1);
    } else if (change.document && !change.relinked) {
      counts = new Map();
      for (const a of state.document.annotations) add(a.label, 1);
    }
    for (const r of rows) {
      r.box.checked = !state.hidden.has(r.name);
      r.count.textContent = String(counts.get(r.name) ?? 0);
    }
  }

  state.subscribe((change) => {
    if ((change.document && !change.relinked) || change.hidden) update(change); // relinking changes no count
  });
  update({ document: true, patch: null, relinked: false });
}
