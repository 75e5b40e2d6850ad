/**
 * The seven annotation labels of format gloss/1, in display order, with what
 * the page needs to show them: a readable name, the key that applies the label
 * and whether the legend shows the label when the page opens.
 * @module
 */

/**
 * @typedef {object} LabelInfo
 * @property {string} name   label as written in JSON ("PERSON")
 * @property {string} title  readable name ("Person")
 * @property {string} key    keyboard shortcut that applies the label
 * @property {boolean} temporal  carries a TIMEX3 value
 * @property {boolean} shownByDefault  DURATION and SET start hidden (dates issue #3)
 */

/** @type {readonly LabelInfo[]} */
export const LABELS = Object.freeze([
  { name: 'PERSON', title: 'Person', key: 'p', temporal: false, shownByDefault: true },
  { name: 'PLACE', title: 'Place', key: 'l', temporal: false, shownByDefault: true },
  { name: 'ORG', title: 'Organisation', key: 'o', temporal: false, shownByDefault: true },
  { name: 'DATE', title: 'Date', key: 'd', temporal: true, shownByDefault: true },
  { name: 'TIME', title: 'Time', key: 't', temporal: true, shownByDefault: true },
  { name: 'DURATION', title: 'Duration', key: 'u', temporal: true, shownByDefault: false },
  { name: 'SET', title: 'Recurring time', key: 's', temporal: true, shownByDefault: false },
]);

/** Label names, in display order. */
export const LABEL_NAMES = Object.freeze(LABELS.map((l) => l.name));

/** @param {string} name */
export function labelInfo(name) {
  return LABELS.find((l) => l.name === name);
}

/** True for DATE, TIME, DURATION and SET, the labels that carry a value. */
export function isTemporal(name) {
  return labelInfo(name)?.temporal === true;
}

/** The label a shortcut key applies, or undefined. */
export function labelForKey(key) {
  return LABELS.find((l) => l.key === key.toLowerCase())?.name;
}

/** Labels hidden when the page opens. */
export function hiddenByDefault() {
  return LABELS.filter((l) => !l.shownByDefault).map((l) => l.name);
}
