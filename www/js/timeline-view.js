/**
 * The timeline: every DATE and TIME whose value names a stretch of calendar
 * time (the core's timeline(), TIMEX3 values as intervals) on one SVG axis —
 * days and shorter as points, weeks, months, quarters, seasons and years as
 * bars, fuzzy ones (seasons…) hatched with a dashed outline — with the
 * reference date marked. Items are buttons that jump to their mention; the
 * list under it says the same in text. It redraws when the document changes
 * while shown; its tab's count follows every change.
 * @module
 */

import { whenShown } from './view-tabs.js';
import { byId, h, svgElement } from './dom.js';

const WIDTH = 960;
const MARGIN = { left: 24, right: 24, top: 30, bottom: 34 };
const LANE = 26;
const DAY = 86_400_000;
/** Precisions drawn as a point: a day or less. */
const POINTS = new Set(['minute', 'hour', 'part_of_day', 'day']);

/** Milliseconds since the epoch of a timeline point, "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM". */
export function instant(point) {
  const [, y, m, d, hh = '0', mm = '0'] = /^(-?\d+)-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?$/.exec(point) ?? [];
  if (y === undefined) return NaN;
  const at = new Date(Date.UTC(2000, Number(m) - 1, Number(d), Number(hh), Number(mm)));
  at.setUTCFullYear(Number(y));
  return at.getTime();
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Axis ticks between `from` and `to` (ms): days, weeks, months or years, about 4 to 12 of them. */
export function ticks(from, to) {
  const days = (to - from) / DAY;
  const out = [];
  if (days <= 70) {
    const step = days <= 14 ? 1 : 7;
    const start = new Date(from);
    start.setUTCHours(0, 0, 0, 0);
    if (step === 7) start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7)); // Mondays
    for (let t = start.getTime(); t <= to; t += step * DAY) if (t >= from) out.push({ at: t, text: iso(t).slice(5) });
    return out;
  }
  const monthly = days <= 800;
  const step = monthly ? Math.max(1, Math.ceil(days / 30 / 12)) : Math.max(1, Math.ceil(days / 365 / 10));
  const d = new Date(from);
  const start = monthly ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)) : new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  for (let i = 0; ; i += step) {
    const t = monthly ? Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1) : Date.UTC(start.getUTCFullYear() + i, 0, 1);
    if (t > to) break;
    if (t >= from) out.push({ at: t, text: monthly ? iso(t).slice(0, 7) : iso(t).slice(0, 4) });
  }
  return out;
}

/** A readable span for the list: "2025-12-19" for a day, "2025-10-01 – 2025-10-31" for a range. */
function spanText(item) {
  if (POINTS.has(item.precision)) return item.start.replace('T', ' ');
  const last = iso(instant(item.end) - 1);
  return `${item.start} – ${last}`;
}

/**
 * @param {object} deps
 * @param {ReturnType<typeof import('./session.js').createPageState>} deps.state
 * @param {{timeline: (doc: object) => Promise<{annotation: number, start: string, end: string, precision: string, fuzzy: boolean}[]>}} deps.core
 * @param {import('./labels.js').Labels} deps.labels
 * @param {{flash: (index: number) => void}} deps.article
 */
export function createTimelineView({ state, core, labels, article }) {
  const container = byId('timeline');
  const list = byId('timeline-list');
  const total = byId('timeline-total');

  /** Click, Enter or Space jumps to the mention; the arrow keys step to the previous or next item in time. */
  function activate(element, index) {
    element.addEventListener('click', () => article.flash(index));
    element.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        article.flash(index);
        return;
      }
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
      if (!step) return;
      e.preventDefault();
      const all = [...container.querySelectorAll('.tl-item')];
      /** @type {SVGElement|undefined} */ (all[all.indexOf(element) + step])?.focus();
    });
  }

  let rendering = 0;
  async function render() {
    const doc = state.document;
    const mine = ++rendering;
    let items = [];
    try {
      items = doc.text === '' ? [] : await core.timeline(doc);
    } catch {
      items = [];
    }
    if (mine !== rendering) return;
    total.textContent = items.length > 0 ? String(items.length) : '';
    list.replaceChildren(
      ...items.map((item) => {
        const a = doc.annotations[item.annotation];
        const button = h('button', { type: 'button', className: 'timeline-item', dataset: { index: String(item.annotation), start: item.start } }, h('span', { className: 'when' }, spanText(item)), ` ${a.text}`, h('span', { className: 'times' }, ` ${item.precision.replaceAll('_', ' ')}${item.fuzzy ? ', fuzzy' : ''}`));
        button.addEventListener('click', () => article.flash(item.annotation));
        return h('li', {}, button);
      }),
    );
    if (items.length === 0) {
      container.replaceChildren(h('p', { className: 'empty' }, doc.text === '' ? 'Nothing yet: annotate an article.' : 'No dates or times with a calendar value.'));
      list.replaceChildren();
      return;
    }
    const reference = doc.reference_date ? instant(doc.reference_date) : NaN;
    const starts = items.map((i) => instant(i.start));
    const ends = items.map((i) => instant(i.end));
    let from = Math.min(...starts, Number.isFinite(reference) ? reference : Infinity);
    let to = Math.max(...ends, Number.isFinite(reference) ? reference + DAY : -Infinity);
    const pad = Math.max(DAY, (to - from) * 0.04);
    from -= pad;
    to += pad;
    const inner = WIDTH - MARGIN.left - MARGIN.right;
    const x = (ms) => MARGIN.left + ((ms - from) / (to - from)) * inner;

    // Lanes: each item goes in the first lane where it and its label overlap
    // nothing; a label that would run past the right edge goes left of its item.
    const lanes = [];
    const placed = items.map((item, n) => {
      const a = doc.annotations[item.annotation];
      const x0 = x(starts[n]);
      const point = POINTS.has(item.precision);
      const x1 = point ? x0 : Math.max(x0 + 3, x(ends[n]));
      const width = a.text.length * 6.6;
      const onLeft = (point ? x0 + 10 : x0 + 4) + width > WIDTH - 4;
      const textX = onLeft ? (point ? x0 - 10 : x1 - 4) : point ? x0 + 10 : x0 + 4;
      const span = onLeft ? [textX - width - 6, Math.max(x1, x0 + 6) + 6] : [Math.min(x0 - 6, x0), Math.max(x1, textX + width) + 6];
      let lane = lanes.findIndex((taken) => taken.every(([l, r]) => span[1] <= l || r <= span[0]));
      if (lane < 0) lane = lanes.push([]) - 1;
      lanes[lane].push(span);
      return { item, a, x0, x1, point, lane, textX, onLeft };
    });
    const height = MARGIN.top + lanes.length * LANE + MARGIN.bottom;
    const axisY = height - MARGIN.bottom + 6;

    const tickMarks = ticks(from, to).map((t) =>
      svgElement('g', { class: 'tick', transform: `translate(${x(t.at).toFixed(1)} 0)` }, svgElement('line', { y1: MARGIN.top - 10, y2: axisY }), svgElement('text', { y: axisY + 16, 'text-anchor': 'middle' }, t.text)),
    );
    const shapes = placed.map(({ item, a, x0, x1, point, lane, textX, onLeft }) => {
      const y = MARGIN.top + lane * LANE + LANE / 2;
      const label = `${a.text} — ${spanText(item)} (${item.precision.replaceAll('_', ' ')}${item.fuzzy ? ', fuzzy' : ''}), value ${a.value}`;
      const shape = point ? svgElement('circle', { cx: x0.toFixed(1), cy: y, r: 6 }) : svgElement('rect', { x: x0.toFixed(1), y: y - 7, width: (x1 - x0).toFixed(1), height: 14, rx: 3 });
      const g = svgElement(
        'g',
        { class: `tl-item ${point ? 'point' : 'range'}${item.fuzzy ? ' fuzzy' : ''}`, tabindex: 0, role: 'button', 'aria-label': label, 'data-index': item.annotation, 'data-start': item.start, 'data-precision': item.precision, 'data-label': a.label },
        svgElement('title', {}, label),
        shape,
        svgElement('text', { x: textX.toFixed(1), y: point ? y + 4 : y - 10, 'text-anchor': onLeft ? 'end' : 'start', class: 'tl-label' }, a.text),
      );
      activate(g, item.annotation);
      return g;
    });
    const marks = [];
    if (Number.isFinite(reference)) {
      const rx = x(reference + DAY / 2);
      // The label's anchor keeps it inside the axis: about 170 units wide.
      const anchor = rx > WIDTH - 90 ? 'end' : rx < 90 ? 'start' : 'middle';
      marks.push(svgElement('g', { class: 'reference' }, svgElement('line', { x1: rx, x2: rx, y1: 14, y2: axisY }), svgElement('text', { x: rx + (anchor === 'end' ? 4 : anchor === 'start' ? -4 : 0), y: 11, 'text-anchor': anchor }, `reference date ${doc.reference_date}`)));
    }
    const svg = svgElement(
      'svg',
      { viewBox: `0 0 ${WIDTH} ${height}`, class: 'timeline-svg', role: 'group', 'aria-label': `Timeline of ${items.length} date${items.length === 1 ? '' : 's'} and times` },
      svgElement('defs', {}, svgElement('pattern', { id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, svgElement('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' }))),
      svgElement('g', { class: 'ticks' }, ...tickMarks),
      svgElement('line', { class: 'axis', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: axisY, y2: axisY }),
      ...marks,
      svgElement('g', { class: 'items' }, ...shapes),
    );
    container.replaceChildren(svg);
  }

  /**
   * The tab's count, kept current while the timeline is not shown: whether
   * an annotation is on the timeline depends only on its label and value
   * (PRESENT_REF: and the reference date), so the core is asked once per
   * new value, with a document of those values alone.
   */
  const onTimeline = new Map();
  const keyOf = (a, doc) => `${a.label} ${a.value}${a.value === 'PRESENT_REF' ? ` ${doc.reference_date}` : ''}`;
  const dated = (a) => a.value !== undefined && labels.isTemporal(a.label);
  let counting = 0;
  /** The count shown, while it is known (a full count may be under way). */
  let counted = null;
  /** Counts again, by the patch's delta when every value it touches is known, else in full. */
  function recount(patch) {
    if (patch && counted !== null) {
      const doc = state.document;
      const touched = [...patch.removed, ...patch.added].filter(dated);
      if (touched.every((a) => onTimeline.has(keyOf(a, doc)))) {
        for (const a of patch.removed) if (dated(a) && onTimeline.get(keyOf(a, doc))) counted--;
        for (const a of patch.added) if (dated(a) && onTimeline.get(keyOf(a, doc))) counted++;
        counting++; // a full count under way is superseded
        total.textContent = counted > 0 ? String(counted) : '';
        return;
      }
    }
    count();
  }
  async function count() {
    const doc = state.document;
    const mine = ++counting;
    counted = null;
    const unknown = new Map();
    for (const a of doc.annotations) if (dated(a) && !onTimeline.has(keyOf(a, doc))) unknown.set(keyOf(a, doc), a);
    if (unknown.size > 0) {
      const values = [...unknown.values()];
      let text = '';
      let at = 0;
      const annotations = values.map((a) => {
        const start = at;
        at += [...a.value].length + 1;
        text += `${a.value} `;
        return { start, end: at - 1, label: a.label, text: a.value, value: a.value, source: 'person' };
      });
      const { reference_date, reference_date_source } = doc;
      let items = null;
      try {
        items = await core.timeline({ format: doc.format, text, reference_date, reference_date_source, annotations });
      } catch {
        // Counted as the timeline counts when it is drawn.
      }
      if (mine !== counting) return;
      if (!items) return;
      const on = new Set(items.map((i) => i.annotation));
      [...unknown.keys()].forEach((key, n) => onTimeline.set(key, on.has(n)));
    }
    let n = 0;
    for (const a of doc.annotations) if (dated(a) && onTimeline.get(keyOf(a, doc))) n++;
    counted = n;
    total.textContent = n > 0 ? String(n) : '';
  }

  // Drawn when its tab is shown; counted on every change (a correction that touches no date changes no count).
  const draw = whenShown(container, render);
  state.subscribe((change) => {
    if (!change.document || change.relinked) return; // dates have no entities
    if (!change.patch || [...change.patch.removed, ...change.patch.added].some(dated)) recount(change.patch);
    draw();
  });
  count();
  draw();
}
