/**
 * What the entity, map and timeline views share: an entity's mentions, a
 * mention as the reference entity edits use, a place's readable GeoNames
 * record, and a button that jumps to a mention in the article.
 * @module
 */

import { h } from './dom.js';

/** The indices of the annotations that are mentions of entity `id`. */
export function mentionsOf(doc, id) {
  const out = [];
  doc.annotations.forEach((a, index) => {
    if (a.entity === id) out.push(index);
  });
  if (out.length > 0) return out;
  // A place named only within other names ("Texas" in "Texas A&M University"): the names holding it.
  const within = doc.entities?.find((e) => e.id === id)?.within ?? [];
  doc.annotations.forEach((a, index) => {
    if (within.some((n) => a.start <= n.start && n.end <= a.end)) out.push(index);
  });
  return out;
}

/** A mention as gloss/3 `edits` name it: `{start, end, text}` in code points. */
export const mentionRef = ({ start, end, text }) => ({ start, end, text });

/**
 * The label of the entities the core places on GeoNames, read from the
 * document (the entities that carry a record or candidates), so that the page
 * names no label of its own; undefined when none does.
 */
export function placeLabel(doc) {
  return (doc.entities ?? []).find((e) => e.geonames_id !== undefined || e.candidates !== undefined)?.label;
}

/** True when a place entity has a GeoNames record with coordinates. */
export const isResolved = (entity) => entity.geonames_id !== undefined && Number.isFinite(entity.lat) && Number.isFinite(entity.lon);

/**
 * Where a record comes from, as the page shows it: "geonames.org/703448", or,
 * for a region Gloss curates without a GeoNames record (geonames_id 0,
 * Donbas), "no GeoNames record".
 */
export const geonamesSource = (id) => (id ? `geonames.org/${id}` : 'no GeoNames record');

/** "city, Kyiv, UA" for a GeoNames record (an entity or a candidate). */
export function placeDetails(record) {
  return [record.kind, record.admin1 && record.admin1 !== record.name ? record.admin1 : '', record.country].filter(Boolean).join(', ');
}

/** "Kyiv, UA — 3 mentions": how a pin and a place row are named. */
export function placeTitle(entity) {
  return `${entity.name}${entity.country ? `, ${entity.country}` : ''} — ${entity.mentions} mention${entity.mentions === 1 ? '' : 's'}`;
}

/**
 * A button showing `text` that flashes annotation `index` in the article.
 * @param {{flash: (index: number) => void}} article
 */
export function jumpButton(article, index, text, title) {
  const button = h('button', { type: 'button', className: 'mention', dataset: { index: String(index) } }, text);
  if (title) button.title = title;
  button.addEventListener('click', () => article.flash(index));
  return button;
}
