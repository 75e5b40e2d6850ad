// Gloss's service worker: after one visit the page opens and annotates with
// no server. At install it follows the page's own references (index.html's
// src/href, the manifest's icons, each module's imports and its
// new URL('…', import.meta.url) files: the wasm, pkg/towns.tsv, the map
// data, the sample) and caches them all, so no list is kept here.
//
// The cache answers first: a returning visit opens without waiting for the
// server, and its module requests never queue behind each other on the
// server's connections. It stays current through its name: the build (the
// ?build= of this script's URL), which js/install.js derives from the page's
// stamp, BUILD.sha256 (scripts/page-hash.sh: a digest of every page file and
// of the core's inputs). The stamp alone is asked of the network first, at
// every visit; a new stamp registers a new worker, which fills a new cache,
// takes over and deletes the old ones, and the page says a reload shows the
// new version. A file the cache lacks comes from the network.
const BUILD = new URL(self.location.href).searchParams.get('build') ?? 'unversioned';
const CACHE = `gloss-${BUILD}`;
const START = ['./', 'index.html', 'manifest.webmanifest', 'BUILD.sha256'];
const STAMP = new URL('BUILD.sha256', self.registration.scope).href;

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
  const cached = () => caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  if (request.url.split('?')[0] === STAMP) {
    // The stamp says whether a new build is out: the network's, if it answers.
    event.respondWith(
      fetch(request).catch(async (offline) => {
        const response = await cached();
        if (response) return response;
        throw offline;
      }),
    );
    return;
  }
  event.respondWith(cached().then((response) => response ?? fetch(request)));
});
