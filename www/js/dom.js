/**
 * Small DOM helpers for the page's views. Text goes in as text nodes only,
 * never as markup, so whatever a person pasted stays text.
 * @module
 */

/** The element with `id`; throws when the page has none, so a renamed id shows at once. */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no element #${id}`);
  return element;
}

/**
 * A new element. `props` are set as properties (className, type, title…)
 * except `dataset`, whose entries become data- attributes; `children` are
 * nodes or strings, which become text nodes.
 * @param {string} tag
 * @param {Record<string, any>} [props]
 * @param {...(Node|string)} children
 */
export function h(tag, props = {}, ...children) {
  const { dataset, ...properties } = props;
  const element = Object.assign(document.createElement(tag), properties);
  if (dataset) Object.assign(element.dataset, dataset);
  element.append(...children);
  return element;
}

/**
 * A new SVG element; `attributes` are set with setAttribute (never `style`:
 * the CSP allows styles from style.css only), `children` as in h().
 * @param {string} tag
 * @param {Record<string, string|number>} [attributes]
 * @param {...(Node|string)} children
 */
export function svgElement(tag, attributes = {}, ...children) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}
