/**
 * Makes the served page work offline after one visit: registers the service
 * worker (www/sw.js) under the build's name, the first 16 hex digits of the
 * SHA-256 of the page's stamp, BUILD.sha256 (scripts/page-hash.sh), so a new
 * build replaces the cache. Does nothing where there is no service worker
 * (file://, the one-file build). Sets body[data-offline] to "ready" once this
 * build's worker controls the page ("unavailable" if it could not install).
 * The worker answers from its cache first, so a page opened from an older
 * build's cache says that a reload shows the new one.
 * @module
 */

import { createStatus } from './status.js';

async function install() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  try {
    const response = await fetch('BUILD.sha256', { cache: 'no-cache' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await response.arrayBuffer()));
    const build = [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const previous = navigator.serviceWorker.controller?.scriptURL;
    const registration = await navigator.serviceWorker.register(`sw.js?build=${build}`, { scope: './' });
    // This build's worker, once it has cached the page and controls it.
    const worker = registration.installing ?? registration.waiting ?? registration.active;
    if (worker.state !== 'activated') {
      await new Promise((resolve, reject) =>
        worker.addEventListener('statechange', () => {
          if (worker.state === 'activated') resolve();
          if (worker.state === 'redundant') reject(new Error('its service worker did not install'));
        }),
      );
    }
    if (navigator.serviceWorker.controller?.scriptURL !== worker.scriptURL) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    document.body.dataset.offline = 'ready';
    if (previous && previous !== worker.scriptURL) {
      document.body.dataset.update = 'installed';
      createStatus(document.getElementById('status'))('A new version of Gloss is installed: reload the page to use it. Your work is kept.');
    }
  } catch (e) {
    // The page works as before, only not offline.
    document.body.dataset.offline = 'unavailable';
    console.warn(`Gloss will not work offline: ${e.message}`);
  }
}

install();
