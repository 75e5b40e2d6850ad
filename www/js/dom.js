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

/** How many rows a long list shows at first, and how many more each "Show more" adds. */
export const PAGE = 100;

/**
 * The first `page` of `items`, each drawn by `draw`, then (when more are
 * left) a "Show more" button in a `tag` element that replaces itself with
 * the next page: a long list stays short in the DOM until asked for.
 * @template T
 * @param {T[]} items
 * @param {(item: T) => Node} draw
 * @param {{page?: number, tag?: string}} [options]
 * @returns {Node[]}
 */
export function paged(items, draw, { page = PAGE, tag = 'li' } = {}) {
  const nodes = items.slice(0, page).map(draw);
  const rest = items.length - nodes.length;
  if (rest > 0) {
    const more = h('button', { type: 'button', className: 'show-more' }, `Show ${Math.min(page, rest)} more (${rest} not listed)`);
    const holder = h(tag, {}, more);
    more.addEventListener('click', () => holder.replaceWith(...paged(items.slice(page), draw, { page, tag })));
    nodes.push(holder);
  }
  return nodes;
}

/**
 * Runs `fn` in a task of its own, after what is queued (with the browser's
 * scheduler, at `priority`: input and rendering may come first).
 * @param {() => void} fn
 * @param {'user-blocking'|'user-visible'|'background'} [priority]
 */
export function nextTask(fn, priority = 'user-visible') {
  if (globalThis.scheduler?.postTask) globalThis.scheduler.postTask(fn, { priority });
  else setTimeout(fn, 0);
}
