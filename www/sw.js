// Gloss's service worker: after one visit the page opens and annotates with
// no server. At install it follows the page's own references (index.html's
// src/href, the manifest's icons, each module's imports and its
// new URL('…', import.meta.url) files: the wasm, pkg/towns.tsv, the map
// data, the sample) and caches them all, so no list is kept here.
//
// Requests go to the network first, so a served page is never older than
// its server; the cache, a copy taken at install, answers only when the
// network fails. The cache is named after the build (the ?build= of this script's
// URL, which js/install.js derives from pkg/INPUTS.sha256): a new build
// installs a new worker, which fills a new cache and deletes the old ones.

const BUILD = new URL(self.location.href).searchParams.get('build') ?? 'unversioned';
const CACHE = `gloss-${BUILD}`;
const START = ['./', 'index.html', 'manifest.webmanifest'];

/** The same-origin files a text refers to, as absolute URLs. */
function references(url, type, text) {
  const found = [];
  const add = (ref) => {
    if (/^(data|blob|javascript):|^#/.test(ref)) return;
    const target = new URL(ref, url);
    if (target.origin === self.location.origin) found.push(target.href.split('#')[0]);
  };
  if (type.includes('html')) {
    for (const m of text.matchAll(/\s(?:src|href)="([^"]+)"/g)) add(m[1]);
  } else if (type.includes('javascript')) {
    const patterns = [/\bfrom\s*'([^']+)'/g, /\bimport\s*\(\s*'([^']+)'\s*\)/g, /\bnew URL\(\s*'([^']+)'\s*,\s*import\.meta\.url\s*\)/g, /^import\s*'([^']+)'/gm];
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) add(m[1]);
  } else if (type.includes('manifest')) {
    for (const icon of JSON.parse(text).icons ?? []) add(icon.src);
  }
  return found;
}

async function precache() {
  const cache = await caches.open(CACHE);
  const seen = new Set();
  let queue = START.map((path) => new URL(path, self.registration.scope).href);
  while (queue.length > 0) {
    const next = [];
    await Promise.all(
      queue.map(async (url) => {
        if (seen.has(url)) return;
        seen.add(url);
        const response = await fetch(url, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        const type = response.headers.get('Content-Type') ?? '';
        if (/html|javascript|manifest/.test(type)) next.push(...references(url, type, await response.clone().text()));
        await cache.put(url, response);
      }),
    );
    queue = next;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('gloss-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Only reads: a worker being replaced must not write into (and so bring
  // back) a cache its successor deleted.
  event.respondWith(
    fetch(request).catch(async (offline) => {
      const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
      if (cached) return cached;
      throw offline;
    }),
  );
});
