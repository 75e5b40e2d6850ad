/**
 * The annotation's progress bar: the share the core reports done, with an
 * estimate of the time left, and Cancel. It appears only when the core takes
 * longer than a glance (SHOW_AFTER_MS), so short texts do not flicker; while
 * it runs, <body> carries data-annotating.
 * @module
 */

import { byId } from './dom.js';

const SHOW_AFTER_MS = 100;

/** "about 12 s left", "about 2 min left": the time left, rounded up, in words. */
export function timeLeft(ms) {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s < 90 ? `about ${s} s left` : `about ${Math.ceil(s / 60)} min left`;
}

/**
 * @param {object} deps
 * @param {() => void} deps.cancel  stops the core's annotations (core.js cancel)
 */
export function createProgress({ cancel }) {
  const box = byId('progress');
  const bar = /** @type {HTMLProgressElement} */ (byId('progress-bar'));
  const words = byId('progress-text');
  /** The run on screen, if any. */
  let active = null;

  function stopActive() {
    if (active) cancel();
  }
  byId('progress-cancel').addEventListener('click', stopActive);

  return {
    /** Cancels the run on screen, if any (its annotation rejects with Cancelled). */
    cancel: stopActive,

    /** Starts a run: returns {update(done, total), stop()}. */
    start() {
      const began = performance.now();
      const run = {
        update(done, total) {
          if (active !== run || total <= 0) return;
          const share = Math.min(1, done / total);
          bar.value = share;
          const elapsed = performance.now() - began;
          const estimate = share > 0.02 && share < 1 ? `, ${timeLeft((elapsed * (1 - share)) / share)}` : '';
          words.textContent = `${Math.floor(share * 100)}%${estimate}`;
        },
        stop() {
          clearTimeout(timer);
          if (active !== run) return;
          active = null;
          box.hidden = true;
          delete document.body.dataset.annotating;
        },
      };
      active = run;
      document.body.dataset.annotating = 'true';
      bar.value = 0;
      words.textContent = '0%';
      const timer = setTimeout(() => {
        if (active === run) box.hidden = false;
      }, SHOW_AFTER_MS);
      return run;
    },
  };
}
