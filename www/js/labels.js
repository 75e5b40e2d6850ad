/**
 * The annotation labels as the core defines them (core.labels(), from
 * src/labels.rs), with the look-ups the page needs. The page lists no label
 * of its own: legend, keys, buttons and help are all built from this table.
 * @module
 */

/**
 * @typedef {object} LabelInfo  one row of the core's table
 * @property {string} name   label as written in JSON, such as PERSON; style.css colours each by it (data-label)
 * @property {string} title  readable name ("Person")
 * @property {string} key    the lower-case key that applies the label
 * @property {boolean} temporal  carries a TIMEX3 value
 * @property {boolean} shown_by_default  false for the labels the legend hides when the page opens
 *
 * @typedef {ReturnType<typeof labelTable>} Labels
 */

/**
 * The table with its look-ups.
 * @param {LabelInfo[]} rows  core.labels(), in display order
 */
export function labelTable(rows) {
  const all = Object.freeze(rows.map((row) => Object.freeze({ ...row })));
  const byName = new Map(all.map((l) => [l.name, l]));
  return Object.freeze({
    /** Every label, in display order. */
    all,
    /** The readable name of `name`, or `name` itself when unknown. */
    title: (name) => byName.get(name)?.title ?? name,
    /** True for the temporal labels, which carry a value. */
    isTemporal: (name) => byName.get(name)?.temporal === true,
    /** The label a key applies, or undefined. */
    forKey: (key) => all.find((l) => l.key === key.toLowerCase())?.name,
    /** The labels hidden when the page opens. */
    hiddenByDefault: () => all.filter((l) => !l.shown_by_default).map((l) => l.name),
  });
}
