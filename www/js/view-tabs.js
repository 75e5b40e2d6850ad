/**
 * The tabs under the article (Entities, Map, Timeline): one panel shown at a
 * time, chosen by click or by the arrow, Home and End keys (the ARIA tabs
 * pattern). Print shows every panel (style.css). whenShown draws a view only
 * while its panel is shown.
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

/**
 * A view's render that runs only while the view's tab panel is shown: the
 * returned function renders now if shown, else once its tab is shown or the
 * page is printed (print shows every panel), so hidden views cost nothing
 * while the document changes.
 * @param {HTMLElement} element  inside a role=tabpanel
 * @param {() => void} render
 */
export function whenShown(element, render) {
  const panel = /** @type {HTMLElement} */ (element.closest('[role="tabpanel"]'));
  const tablist = document.querySelector(`[aria-controls="${panel.id}"]`)?.closest('[role="tablist"]');
  let stale = false;
  const catchUp = () => {
    if (!stale) return;
    stale = false;
    render();
  };
  tablist?.addEventListener('tabshown', () => {
    if (!panel.hidden) catchUp();
  });
  window.addEventListener('beforeprint', catchUp);
  return () => {
    stale = true;
    if (!panel.hidden) catchUp();
  };
}
