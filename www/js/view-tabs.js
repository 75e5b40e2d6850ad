/**
 * The tabs under the article (Entities, Map, Timeline): one panel shown at a
 * time, chosen by click or by the arrow, Home and End keys (the ARIA tabs
 * pattern). Print shows every panel (style.css). whenShown draws a view only
 * while its panel is shown and near the screen.
 * @module
 */

/**
 * @param {HTMLElement} tablist  holds the role=tab buttons, each aria-controls its panel
 * @returns {{show: (tabId: string) => void}}
 */
export function bindTabs(tablist) {
  const tabs = /** @type {HTMLElement[]} */ ([...tablist.querySelectorAll('[role="tab"]')]);
  function show(tab, focus = false) {
    for (const t of tabs) {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      /** @type {HTMLElement} */ (document.getElementById(t.getAttribute('aria-controls') ?? '')).hidden = !selected;
    }
    if (focus) tab.focus();
    tablist.dispatchEvent(new CustomEvent('tabshown', { detail: tab.id }));
  }
  for (const tab of tabs) tab.addEventListener('click', () => show(tab));
  tablist.addEventListener('keydown', (e) => {
    const at = tabs.indexOf(/** @type {HTMLElement} */ (e.target));
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1 + tabs.length, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    show(tabs[next % tabs.length], true);
  });
  return {
    show(tabId) {
      const tab = tabs.find((t) => t.id === tabId);
      if (tab) show(tab);
    },
  };
}

/** How near the viewport (in viewport heights, above and below) a panel counts as on screen. */
const NEAR = '200%';

/**
 * A view's render that runs only while the view's tab panel is shown and
 * on or near the screen: the returned function renders now if so, else once
 * its tab is shown, it is scrolled near, or the page is printed (print shows
 * every panel), so views out of sight cost nothing while the document
 * changes (a correction far down a long article redraws none of them).
 * @param {HTMLElement} element  inside a role=tabpanel
 * @param {() => void} render
 */
export function whenShown(element, render) {
  const panel = /** @type {HTMLElement} */ (element.closest('[role="tabpanel"]'));
  const tablist = document.querySelector(`[aria-controls="${panel.id}"]`)?.closest('[role="tablist"]');
  let stale = false;
  /** Until the observer first answers, the panel counts as near. */
  let near = true;
  const visible = () => !panel.hidden && near;
  const catchUp = () => {
    if (!stale) return;
    stale = false;
    render();
  };
  tablist?.addEventListener('tabshown', () => {
    if (visible()) catchUp();
  });
  window.addEventListener('beforeprint', catchUp);
  if (typeof IntersectionObserver === 'function') {
    // The tabs and the shown panel: the box of the views, whichever is shown.
    new IntersectionObserver(
      (entries) => {
        near = entries[entries.length - 1].isIntersecting;
        if (visible()) catchUp();
      },
      { rootMargin: `${NEAR} 0px` },
    ).observe(panel.parentElement ?? panel);
  }
  return () => {
    stale = true;
    if (visible()) catchUp();
  };
}
