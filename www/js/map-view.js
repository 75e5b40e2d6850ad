/**
 * The map: an offline world map (Natural Earth 1:110m countries from
 * www/vendor/, drawn with d3-geo and topojson-client) with a pin per resolved
 * place entity, sized by its mentions and zoomed to the article's places.
 * Pins are buttons: click, Enter or Space lists the place's mentions and
 * jumps to the first; Tab reaches the pins as one stop and the arrow keys step
 * between them. The list of places beside it is the print alternative.
 * @module
 */

import { whenShown } from './view-tabs.js';
import { byId, h, svgElement } from './dom.js';
import { geonamesSource, isResolved, jumpButton, mentionsOf, placeDetails, placeLabel, placeTitle } from './mentions.js';

const WIDTH = 960;
const HEIGHT = 500;
/** Room around the places, in viewBox units: wide enough for a label on either side. */
const MARGIN = { x: 90, y: 36 };
/** The smallest stretch of the globe the map shows, in degrees: one place or a tight cluster is not zoomed to a street. */
const MIN_SPAN = { lon: 24, lat: 14 };

/**
 * Resolves once the deferred vendored scripts have run: index.html lists
 * them after the page's modules (so that the page does not wait for them),
 * and DOMContentLoaded comes once every deferred script has run.
 */
const vendorRan = new Promise((resolve) => {
  if (globalThis.document?.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => resolve(undefined), { once: true });
  else resolve(undefined);
});

/** The globals the vendored UMD builds define (see vendorRan). */
function vendored() {
  const { d3, topojson } = /** @type {any} */ (globalThis);
  if (!d3?.geoNaturalEarth1 || !topojson?.feature) throw new Error('the map code (www/vendor/) did not load');
  return { d3, topojson };
}

/**
 * The area to fit: the places' bounding box, widened to MIN_SPAN and padded,
 * as a MultiPoint of its corners and edge midpoints; the whole globe when
 * the places spread too wide (or there are none). The box's longitudes are
 * the shortest arc that holds every place, so places on both sides of the
 * antimeridian (Fiji, Kamchatka, Alaska) make one box; its longitudes then
 * run past 180, which d3-geo reads as the same meridians.
 */
export function fitArea(places) {
  if (places.length === 0) return { type: 'Sphere' };
  const [westmost, eastmost] = shortestArc(places.map((p) => p.lon));
  const lats = places.map((p) => p.lat);
  const box = (lo, hi, min) => {
    const pad = Math.max(min, (hi - lo) * 1.2) / 2;
    const mid = (lo + hi) / 2;
    return [mid - pad, mid + pad];
  };
  const [west, east] = box(westmost, eastmost, MIN_SPAN.lon);
  const [south, north] = box(Math.min(...lats), Math.max(...lats), MIN_SPAN.lat).map((l) => Math.max(-85, Math.min(85, l)));
  if (east - west > 200) return { type: 'Sphere' };
  const midLon = (west + east) / 2;
  const midLat = (south + north) / 2;
  return {
    type: 'MultiPoint',
    coordinates: [[west, south], [west, north], [east, south], [east, north], [midLon, south], [midLon, north], [west, midLat], [east, midLat]],
  };
}

/**
 * The shortest arc of longitude that holds every one of `lons`, as
 * [west, east] with west in [-180, 180) and east ≥ west (past 180 when the
 * arc crosses the antimeridian): the circle is cut at its widest empty gap.
 */
export function shortestArc(lons) {
  const sorted = lons.map((l) => (l >= -180 && l < 180 ? l : ((((l + 180) % 360) + 360) % 360) - 180)).sort((a, b) => a - b);
  let first = 0;
  let widest = sorted[0] + 360 - sorted.at(-1);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] - sorted[i - 1] > widest) {
      widest = sorted[i] - sorted[i - 1];
      first = i;
    }
  }
  const west = sorted[first];
  const east = first === 0 ? sorted.at(-1) : sorted[first - 1] + 360;
  return [west, east];
}

/** The meridian the map centres on: the middle of the fitted area (Greenwich for the globe). */
export function centreLongitude(area) {
  if (area.type !== 'MultiPoint') return 0;
  const lons = area.coordinates.map((c) => c[0]);
  return (Math.min(...lons) + Math.max(...lons)) / 2;
}

/**
 * The pin to step to from pin `from` with an arrow key: the nearest one on
 * that side, favouring those straight that way; `from` itself when none is.
 * @param {{x: number, y: number}[]} spots  the pins' centres on the map
 * @param {number} from
 * @param {'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown'} key
 */
export function stepPin(spots, from, key) {
  const [ax, ay] = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[key];
  let best = from;
  let bestCost = Infinity;
  spots.forEach((s, i) => {
    const dx = s.x - spots[from].x;
    const dy = s.y - spots[from].y;
    const along = dx * ax + dy * ay;
    if (i === from || along <= 0) return;
    const across = Math.abs(dx * ay - dy * ax);
    const cost = along + 2 * across;
    if (cost < bestCost) {
      bestCost = cost;
      best = i;
    }
  });
  return best;
}

/** The label font size in viewBox units (style.css .pin-label) and a rough width per character. */
const LABEL = { height: 19, charWidth: 11 };

/**
 * Where each pin's label goes: right of the pin, else left, below or above,
 * whichever stays on the map and overlaps no pin and no label placed before
 * (bigger pins place first); right when nothing is free.
 * @param {{x: number, y: number, r: number, name: string}[]} pins
 * @returns {{x: number, y: number, anchor: string}[]}  label positions relative to each pin
 */
export function placeLabels(pins) {
  const taken = pins.map((p) => ({ x0: p.x - p.r, x1: p.x + p.r, y0: p.y - p.r, y1: p.y + p.r }));
  const clash = (b) => b.x0 < 0 || b.x1 > WIDTH || b.y0 < 0 || b.y1 > HEIGHT || taken.some((t) => b.x0 < t.x1 && t.x0 < b.x1 && b.y0 < t.y1 && t.y0 < b.y1);
  return pins.map((p) => {
    const w = p.name.length * LABEL.charWidth;
    const gap = p.r + 5;
    const options = [
      { x: gap, y: 6, anchor: 'start', box: { x0: p.x + gap, x1: p.x + gap + w, y0: p.y - 10, y1: p.y + 9 } },
      { x: -gap, y: 6, anchor: 'end', box: { x0: p.x - gap - w, x1: p.x - gap, y0: p.y - 10, y1: p.y + 9 } },
      { x: 0, y: gap + 15, anchor: 'middle', box: { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y + gap, y1: p.y + gap + LABEL.height } },
      { x: 0, y: -gap - 4, anchor: 'middle', box: { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y - gap - LABEL.height, y1: p.y - gap } },
    ];
    const chosen = options.find((o) => !clash(o.box)) ?? options[0];
    taken.push(chosen.box);
    return { x: chosen.x, y: chosen.y, anchor: chosen.anchor };
  });
}

/** A pin's radius in viewBox units, growing with the square root of its mentions. */
const radius = (mentions) => Math.min(22, 7 + 4 * Math.sqrt(Math.max(0, mentions - 1)));

/**
 * @param {object} deps
 * @param {ReturnType<typeof import('./session.js').createPageState>} deps.state
 * @param {{flash: (index: number) => void}} deps.article
 * @param {(message: string, kind?: string) => void} deps.say
 */
export function createMapView({ state, article, say }) {
  const container = byId('map');
  const list = byId('map-list');
  const detail = byId('map-detail');
  const total = byId('map-total');
  /** The countries as GeoJSON and their borders, once loaded. */
  let world = null;

  /** Lists the place's mentions in the detail box and jumps to the first. */
  function open(entity, { jump = true } = {}) {
    const doc = state.document;
    const indices = mentionsOf(doc, entity.id);
    detail.replaceChildren(
      h('p', { className: 'map-detail-title' }, h('strong', {}, entity.name), ` — ${placeDetails(entity)} · ${geonamesSource(entity.geonames_id)} · ${indices.length} mention${indices.length === 1 ? '' : 's'}:`),
      h('p', { className: 'mentions' }, ...indices.map((i) => jumpButton(article, i, doc.annotations[i].text, 'Show this mention in the article'))),
    );
    detail.dataset.entity = entity.id;
    if (jump && indices.length > 0) article.flash(indices[0]);
  }

  function pin(entity, { x, y, r }, at) {
    const label = placeTitle(entity);
    const g = svgElement(
      'g',
      { class: 'pin', transform: `translate(${x.toFixed(1)} ${y.toFixed(1)})`, tabindex: 0, role: 'button', 'aria-label': label, 'data-entity': entity.id, 'data-geonames-id': entity.geonames_id, 'data-country': entity.country ?? '', 'data-mentions': entity.mentions },
      svgElement('title', {}, label),
      svgElement('circle', { r: r.toFixed(1) }),
      svgElement('text', { x: at.x.toFixed(1), y: at.y.toFixed(1), 'text-anchor': at.anchor, class: 'pin-label' }, entity.name),
    );
    g.addEventListener('click', () => open(entity));
    g.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      open(entity);
    });
    return g;
  }

  function drawMap(places) {
    if (!world) return;
    const { d3 } = vendored();
    const area = fitArea(places);
    // Centred on the places, so the antimeridian, where the map is cut, lies away from them.
    const projection = d3
      .geoNaturalEarth1()
      .rotate([-centreLongitude(area), 0])
      .fitExtent([[MARGIN.x, MARGIN.y], [WIDTH - MARGIN.x, HEIGHT - MARGIN.y]], area);
    const path = d3.geoPath(projection);
    const project = (lonLat) => projection(lonLat) ?? [-100, -100];
    // Bigger pins first, so smaller ones stay clickable on top.
    const sorted = [...places].sort((a, b) => b.mentions - a.mentions);
    const spots = sorted.map((p) => {
      const [x, y] = project([p.lon, p.lat]);
      return { x, y, r: radius(p.mentions), name: p.name };
    });
    const labelSpots = placeLabels(spots);
    const pins = sorted.map((p, i) => pin(p, spots[i], labelSpots[i]));
    // One pin is in the Tab order (the biggest first); the arrow keys step to the nearest pin
    // that way, Home and End to the biggest and the smallest.
    pins.forEach((g, i) => g.setAttribute('tabindex', i === 0 ? '0' : '-1'));
    const moveTo = (from, to) => {
      if (to === from) return;
      pins[from].setAttribute('tabindex', '-1');
      pins[to].setAttribute('tabindex', '0');
      pins[to].focus();
    };
    pins.forEach((g, i) =>
      g.addEventListener('keydown', (e) => {
        if (e.key.startsWith('Arrow')) moveTo(i, stepPin(spots, i, e.key));
        else if (e.key === 'Home') moveTo(i, 0);
        else if (e.key === 'End') moveTo(i, pins.length - 1);
        else return;
        e.preventDefault();
      }),
    );
    const svg = svgElement(
      'svg',
      { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'group', 'aria-label': `World map with ${places.length} place${places.length === 1 ? '' : 's'} of the article`, class: 'map-svg' },
      svgElement('path', { class: 'sphere', d: path({ type: 'Sphere' }) ?? '' }),
      svgElement('path', { class: 'graticule', d: path(d3.geoGraticule10()) ?? '' }),
      svgElement('path', { class: 'countries', d: path(world.countries) ?? '' }),
      svgElement('path', { class: 'borders', d: path(world.borders) ?? '' }),
      svgElement('g', { class: 'pins' }, ...pins),
    );
    container.replaceChildren(svg);
    container.dataset.state = 'drawn';
  }

  function render() {
    const doc = state.document;
    const label = placeLabel(doc);
    const places = label ? doc.entities.filter((e) => e.label === label) : [];
    // The mention buttons take the place label's colour (style.css).
    if (label) detail.dataset.label = list.dataset.label = label;
    const resolved = places.filter(isResolved);
    total.textContent = resolved.length > 0 ? String(resolved.length) : '';
    drawMap(resolved);
    const items = places.map((entity) => {
      const button = h('button', { type: 'button', className: 'place-item', dataset: { entity: entity.id } }, h('span', { className: 'place-name' }, entity.name));
      if (isResolved(entity)) {
        button.append(h('span', { className: 'place-where' }, `${placeDetails(entity)} · ${geonamesSource(entity.geonames_id)}`));
        button.addEventListener('click', () => open(entity));
      } else {
        button.append(h('span', { className: 'place-where' }, 'not on the map: no GeoNames record'));
        button.addEventListener('click', () => {
          const first = mentionsOf(doc, entity.id)[0];
          if (first !== undefined) article.flash(first);
        });
      }
      button.append(h('span', { className: 'times' }, `×${entity.mentions}`));
      return h('li', {}, button);
    });
    list.replaceChildren(...(items.length > 0 ? items : [h('li', { className: 'empty' }, 'No places yet.')]));
    const shown = resolved.find((e) => e.id === detail.dataset.entity);
    if (shown) open(shown, { jump: false });
    else {
      detail.replaceChildren(...(resolved.length > 0 ? [h('p', { className: 'help' }, 'Choose a pin or a place to list its mentions.')] : []));
      delete detail.dataset.entity;
    }
  }

  // Drawn from the linked entities (an interim change's are those of a moment ago), when its tab is shown.
  const draw = whenShown(list, render);
  state.subscribe((change) => {
    if (!change.document || change.interim) return;
    // The tab's count stays current while the map waits to be shown.
    const label = placeLabel(state.document);
    const resolved = label ? state.document.entities.filter((e) => e.label === label && isResolved(e)).length : 0;
    total.textContent = resolved > 0 ? String(resolved) : '';
    draw();
  });
  draw();

  fetch(new URL('../vendor/world-atlas/countries-110m.json', import.meta.url))
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    })
    .then(async (topology) => {
      await vendorRan;
      const { topojson } = vendored();
      const countries = topology.objects.countries;
      world = { countries: topojson.feature(topology, countries), borders: topojson.mesh(topology, countries, (a, b) => a !== b) };
      draw();
    })
    .catch((e) => {
      container.dataset.state = 'broken';
      container.replaceChildren(h('p', { className: 'empty' }, `The map did not load (${e.message}); the list of places still works.`));
      say(`The map did not load (${e.message}).`, 'warning');
    });
}
