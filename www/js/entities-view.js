/**
 * The Entities view: the model's unsure findings to accept or reject; one
 * row per entity, grouped by label, with its name, mention count, mentions
 * (each jumps to the article) and, for a place, its GeoNames record; and the
 * dates and times with their TIMEX3 values. Its edits — rename, merge, split,
 * choose another place, label all occurrences, accept, reject, set a value —
 * all go through the page state, so each is one undo step, autosaved and
 * exported.
 * @module
 */

import { whenShown } from './view-tabs.js';
import { byId, h, paged } from './dom.js';
import { geonamesSource, isResolved, jumpButton, mentionRef, mentionsOf, placeDetails, placeLabel } from './mentions.js';
import { unlabelledOccurrences } from './occurrences.js';
import { indexAt } from './doc-patch.js';
import { quote } from './wording.js';
import { isUnsure } from './review.js';

/** An entity's row lists this many of its mentions, and more on request (long lists come in pages, see dom.js paged). */
const MENTIONS_SHOWN = 20;

/**
 * @param {object} deps
 * @param {ReturnType<typeof import('./session.js').createPageState>} deps.state
 * @param {import('./labels.js').Labels} deps.labels
 * @param {{flash: (index: number) => void}} deps.article
 * @param {(message: string, kind?: string) => void} deps.say
 */
export function createEntitiesView({ state, labels, article, say }) {
  const root = byId('entities');
  const total = byId('entities-total');
  /** Rows whose edit box is open, by the code-point start of their first mention (ids change with merges). */
  const open = new Set();
  /** The control to focus again after the redraw an action causes. */
  let refocus = null;

  const button = (text, onClick, props = {}) => {
    const b = h('button', { type: 'button', ...props }, text);
    b.addEventListener('click', onClick);
    return b;
  };
  // The redraw an action causes happens before the state settles (once the core has linked the entities).
  const act = (key, fn) => async () => {
    refocus = key;
    try {
      await fn();
      await state.settled();
    } finally {
      refocus = null;
    }
  };

  /**
   * In one pass over the annotations (each view below reads its part): the
   * unsure findings, the dates and times, and each entity's mentions, as indices.
   */
  function indexOf(doc) {
    const unsure = [];
    const temporal = [];
    const mentions = new Map();
    const { annotations } = doc;
    for (let index = 0; index < annotations.length; index++) {
      const a = annotations[index];
      if (isUnsure(a)) unsure.push(index);
      if (a.entity !== undefined) {
        const list = mentions.get(a.entity);
        if (list) list.push(index);
        else mentions.set(a.entity, [index]);
      } else if (labels.isTemporal(a.label)) temporal.push(index);
    }
    return { unsure, temporal, mentions };
  }

  function suggestions(doc, unsure) {
    if (unsure.length === 0) return [];
    const rows = paged(unsure, (index) => {
      const a = doc.annotations[index];
      const key = `suggest-${a.start}`;
      const accept = act(key, () => {
        state.correct({ start: a.start, end: a.end, text: a.text, label: a.label });
        say(`Accepted ${quote(a.text)} as ${labels.title(a.label)}.`);
      });
      const reject = act(key, () => {
        state.correct({ start: a.start, end: a.end, text: a.text, label: null });
        say(`Rejected ${quote(a.text)} (${labels.title(a.label)}). Undo with Ctrl+Z.`);
      });
      return h(
        'li',
        { className: 'suggestion', dataset: { start: String(a.start), key, label: a.label } },
        jumpButton(article, index, a.text, 'Show it in the article'),
        h('span', { className: 'swatch', dataset: { label: a.label } }, a.label),
        h('span', { className: 'times' }, `${Math.round(a.confidence * 100)}% sure`),
        h('span', { className: 'row-actions' }, button('Accept', accept, { className: 'accept', dataset: { key } }), button('Reject', reject, { className: 'reject' })),
      );
    });
    return [h('section', { className: 'entity-group suggestions' }, h('h3', {}, `Suggestions to check (${unsure.length})`), h('p', { className: 'help' }, 'Found with less confidence: accept makes one yours, reject removes it.'), h('ul', {}, ...rows))];
  }

  /**
   * The Edit box of an entity row; its controls are made when it is first
   * opened (a merge menu per row lists every other entity), from what the
   * row shows then (`shown`: {doc, entity, indices}, brought up to date when
   * a redraw keeps the row).
   */
  function editBox(shown, key) {
    const details = h('details', { className: 'entity-edit' }, h('summary', {}, 'Edit'));
    let filled = false;
    const fill = () => {
      if (filled || !details.open) return;
      filled = true;
      details.append(...editControls(shown.doc, shown.entity, shown.indices, key));
    };
    details.open = open.has(key);
    fill();
    details.addEventListener('toggle', () => {
      if (details.open) open.add(key);
      else open.delete(key);
      fill();
    });
    return details;
  }

  function editControls(doc, entity, indices, key) {
    const first = doc.annotations[indices[0]];
    const ref = mentionRef(first);
    const parts = [];

    const name = h('input', { type: 'text', value: entity.name, className: 'rename-input' });
    name.setAttribute('aria-label', `New name for ${entity.name}`);
    const rename = act(key, () => {
      const value = name.value.trim();
      if (value === '' || value === entity.name) return;
      state.editEntities({ edit: 'rename', mention: ref, name: value });
      say(`Renamed ${quote(entity.name)} to ${quote(value)}.`);
    });
    name.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') rename();
    });
    parts.push(h('div', { className: 'edit-line' }, name, button('Rename', rename, { className: 'rename' })));

    const others = doc.entities.filter((e) => e.label === entity.label && e.id !== entity.id);
    if (others.length > 0) {
      const select = h('select', { className: 'merge-select' }, ...others.map((e) => h('option', { value: e.id }, `${e.name} (×${e.mentions})`)));
      select.setAttribute('aria-label', `Entity to merge into ${entity.name}`);
      const merge = act(key, () => {
        const other = others.find((e) => e.id === select.value);
        const theirs = other && mentionsOf(doc, other.id)[0];
        if (theirs === undefined) return;
        state.editEntities({ edit: 'merge', mention: ref, with: mentionRef(doc.annotations[theirs]) });
        say(`Merged ${quote(other.name)} into ${quote(entity.name)}.`);
      });
      parts.push(h('div', { className: 'edit-line' }, h('span', {}, 'Merge'), select, button('into this one', merge, { className: 'merge' })));
    }

    if (indices.length > 1) {
      const select = h('select', { className: 'split-select' }, ...indices.map((i) => h('option', { value: String(i) }, `${doc.annotations[i].text} (at ${doc.annotations[i].start})`)));
      select.setAttribute('aria-label', `Mention to split out of ${entity.name}`);
      const split = act(key, () => {
        const a = doc.annotations[Number(select.value)];
        state.editEntities({ edit: 'split', mention: mentionRef(a) });
        say(`${quote(a.text)} now stands alone, apart from ${quote(entity.name)}.`);
      });
      parts.push(h('div', { className: 'edit-line' }, h('span', {}, 'Split'), select, button('out of this one', split, { className: 'split' })));
    }

    if ((entity.candidates?.length ?? 0) > 1) {
      const select = h(
        'select',
        { className: 'place-select' },
        ...entity.candidates.map((c) => {
          const option = h('option', { value: String(c.geonames_id) }, `${c.name} — ${placeDetails(c)}, pop. ${c.population.toLocaleString('en')} (${geonamesSource(c.geonames_id)})`);
          option.selected = c.geonames_id === entity.geonames_id;
          return option;
        }),
      );
      select.setAttribute('aria-label', `GeoNames place for ${entity.name}`);
      const choose = act(key, () => {
        const id = Number(select.value);
        if (id === entity.geonames_id) return;
        state.editEntities({ edit: 'place', mention: ref, geonames_id: id });
        const c = entity.candidates.find((x) => x.geonames_id === id);
        say(`${quote(entity.name)} is now ${c.name} (${placeDetails(c)}).`);
      });
      parts.push(h('div', { className: 'edit-line' }, h('span', {}, 'Place'), select, button('Use this place', choose, { className: 'choose-place' })));
    }

    const strings = [...new Set(indices.map((i) => doc.annotations[i].text))];
    for (const text of strings) {
      const more = unlabelledOccurrences(doc.text, doc.annotations, { text, label: entity.label });
      if (more.length === 0) continue;
      const all = act(key, () => {
        state.correctAll(more);
        say(`Marked ${more.length} more ${quote(text)} as ${labels.title(entity.label)}. Undo with Ctrl+Z.`);
      });
      parts.push(h('div', { className: 'edit-line' }, button(`Label all occurrences: ${more.length} more ${quote(text)}`, all, { className: 'label-all', dataset: { text } })));
    }

    return parts;
  }

  /** A button that flashes the annotation at code point `start`, found when clicked (a kept row's indices may have moved). */
  function jumpTo(start, text) {
    const b = h('button', { type: 'button', className: 'mention', title: 'Show this mention in the article', dataset: { start: String(start) } }, text);
    b.addEventListener('click', () => article.flash(indexAt(state.document.annotations, start)));
    return b;
  }

  /** The entity rows drawn last, by what they show (rowSignature): a redraw keeps those whose content is unchanged. */
  let rowsShown = new Map();
  let rowsNow = new Map();

  /**
   * What an entity row shows: the entity but its id (ids renumber when an
   * entity before it comes or goes), the mentions it lists, and a hash of
   * where all its mentions are (those behind "Show more"), made without a
   * string per mention: an entity may have thousands.
   */
  function rowSignature(doc, entity, indices) {
    const { id, ...rest } = entity;
    let hash = indices.length;
    for (const i of indices) hash = (Math.imul(hash, 31) + doc.annotations[i].start) | 0;
    const listed = indices.slice(0, MENTIONS_SHOWN).map((i) => `${doc.annotations[i].start}:${doc.annotations[i].text}`);
    return `${JSON.stringify(rest)}\u0000${hash}\u0000${listed.join('\u0000')}`;
  }

  /** The row of an entity: the one drawn last when it shows the same and its Edit box is closed, else a new one. */
  function entityRow(doc, entity, mentions) {
    const indices = mentions.get(entity.id);
    const signature = rowSignature(doc, entity, indices);
    const kept = rowsShown.get(signature);
    if (kept && !open.has(kept.key) && !rowsNow.has(signature)) {
      Object.assign(kept.shown, { doc, entity, indices });
      kept.li.dataset.entity = entity.id;
      rowsNow.set(signature, kept);
      return kept.li;
    }
    const row = newEntityRow(doc, entity, indices);
    rowsNow.set(signature, row);
    return row.li;
  }

  function newEntityRow(doc, entity, indices) {
    const key = `entity-${doc.annotations[indices[0]].start}`;
    const shown = { doc, entity, indices };
    const head = h('div', { className: 'entity-head' }, h('strong', { className: 'entity-name' }, entity.name), h('span', { className: 'times' }, `×${entity.mentions}`));
    const rows = [head];
    if (entity.label === placeLabel(doc)) {
      rows.push(
        h(
          'div',
          { className: 'geonames' },
          isResolved(entity) ? `${entity.geonames_id ? 'GeoNames: ' : ''}${entity.candidates?.find((c) => c.geonames_id === entity.geonames_id)?.name ?? entity.name} — ${placeDetails(entity)} · ${geonamesSource(entity.geonames_id)}` : 'No GeoNames record',
        ),
      );
    }
    rows.push(h('div', { className: 'mentions' }, ...paged(indices, (i) => jumpTo(doc.annotations[i].start, doc.annotations[i].text), { page: MENTIONS_SHOWN, tag: 'span' })));
    rows.push(editBox(shown, key));
    const dataset = { entity: entity.id, label: entity.label, key };
    if (entity.geonames_id !== undefined) dataset.geonamesId = String(entity.geonames_id);
    return { li: h('li', { className: 'entity', dataset }, ...rows), key, shown };
  }

  function entityGroups(doc, mentions) {
    const groups = [];
    for (const l of labels.all) {
      const entities = (doc.entities ?? []).filter((e) => e.label === l.name && mentions.has(e.id));
      if (entities.length === 0) continue;
      const rows = paged(entities, (e) => entityRow(doc, e, mentions));
      groups.push(h('section', { className: 'entity-group', dataset: { label: l.name } }, h('h3', {}, h('span', { className: 'swatch', dataset: { label: l.name } }, l.name), ` ${l.title} (${entities.length})`), h('ul', {}, ...rows)));
    }
    return groups;
  }

  function valueRows(doc, temporal) {
    if (temporal.length === 0) return [];
    const rows = paged(temporal, (index) => {
      const a = doc.annotations[index];
      const key = `value-${a.start}`;
      const input = h('input', { type: 'text', value: a.value ?? '', className: 'value-input', spellcheck: false });
      input.setAttribute('aria-label', `TIMEX3 value of ${a.text}`);
      const problem = h('span', { className: 'value-problem', role: 'alert' });
      const set = act(key, async () => {
        const value = input.value.trim();
        if (value === (a.value ?? '')) return;
        if (!(await state.setValue(a, value))) {
          problem.textContent = `${quote(value)} is not a TIMEX3 value (e.g. 2025-12-21, 2025-12, 2025-W52, 2025-Q3, 2025-SU, P3D): nothing changed.`;
          say(problem.textContent, 'error');
          input.focus();
          return;
        }
        say(`${quote(a.text)} now means ${value}.`);
      });
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') set();
      });
      return h(
        'li',
        { className: 'value-row', dataset: { start: String(a.start), key, label: a.label } },
        jumpButton(article, index, a.text, 'Show it in the article'),
        h('span', { className: 'swatch', dataset: { label: a.label } }, a.label),
        input,
        button('Set value', set, { className: 'set-value', dataset: { key } }),
        problem,
      );
    });
    return [h('section', { className: 'entity-group values' }, h('h3', {}, `Dates and times (${temporal.length})`), h('ul', {}, ...rows))];
  }

  /** A note when some of the person's entity edits name words no longer annotated (the core keeps them, unapplied). */
  function unappliedNote(doc) {
    if (!doc.edits?.length) return [];
    const named = new Set(doc.annotations.filter((a) => a.entity).map((a) => a.text));
    const missing = (e) => [e.mention, e.with].filter((m) => m && !named.has(m.text)).map((m) => m.text);
    const gone = (doc.edits ?? []).filter((e) => missing(e).length > 0);
    if (gone.length === 0) return [];
    const words = [...new Set(gone.flatMap(missing))];
    const n = gone.length;
    return [h('p', { className: 'notice' }, `${n} of your entity edits no longer appl${n === 1 ? 'ies' : 'y'}: ${words.map(quote).join(', ')} ${words.length > 1 ? 'are' : 'is'} no longer marked. Kept: ${n === 1 ? 'it applies' : 'they apply'} again if marked again.`)];
  }

  function render() {
    const doc = state.document;
    const { unsure, temporal, mentions } = indexOf(doc);
    rowsNow = new Map();
    const groups = entityGroups(doc, mentions);
    // Rows drawn later ("Show more") are new ones.
    rowsShown = rowsNow;
    rowsNow = new Map();
    const parts = [...unappliedNote(doc), ...suggestions(doc, unsure), ...groups, ...valueRows(doc, temporal)];
    total.textContent = doc.entities?.length ? String(doc.entities.length) : '';
    root.replaceChildren(...(parts.length > 0 ? parts : [h('p', { className: 'empty' }, doc.text === '' ? 'Nothing yet: paste an article and press Annotate.' : 'No people, places, organisations or dates found.')]));
    if (refocus) {
      const key = refocus;
      refocus = null;
      // The row itself, else (an accepted or rejected suggestion is gone) the next suggestion.
      const row = root.querySelector(`[data-key="${key}"]`) ?? (key.startsWith('suggest-') ? root.querySelector('.suggestion') : null);
      const target = ['summary', 'button.accept', 'input.value-input'].map((q) => row?.querySelector(q)).find(Boolean);
      /** @type {HTMLElement|undefined} */ (target)?.focus({ preventScroll: true });
    }
  }

  // Drawn from the linked entities (an interim change's are those of a moment ago), when its tab is shown.
  const draw = whenShown(root, render);
  state.subscribe((change) => {
    if (!change.document || change.interim) return;
    // The tab's count stays current while the list waits to be drawn.
    total.textContent = state.document.entities?.length ? String(state.document.entities.length) : '';
    draw();
  });
  draw();
}
