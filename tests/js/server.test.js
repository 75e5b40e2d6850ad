import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, resolvePath, metaCsp } from '../../scripts/serve.mjs';

let server;
let base;
before(async () => {
  server = await startServer({ port: 0, quiet: true });
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

test('serves the page, its modules and the wasm with the right MIME types', async () => {
  const cases = [
    ['/www/', 200, 'text/html; charset=utf-8'],
    ['/www/index.html', 200, 'text/html; charset=utf-8'],
    ['/www/js/offsets.js', 200, 'text/javascript; charset=utf-8'],
    ['/www/style.css', 200, 'text/css; charset=utf-8'],
    ['/pkg/gloss_bg.wasm', 200, 'application/wasm'],
    ['/schema/gloss-document.schema.json', 200, 'application/json; charset=utf-8'],
  ];
  for (const [url, status, type] of cases) {
    const res = await fetch(base + url);
    assert.equal(res.status, status, url);
    assert.equal(res.headers.get('content-type'), type, url);
    await res.arrayBuffer();
  }
  const root = await fetch(`${base}/`, { redirect: 'manual' });
  assert.equal(root.status, 302);
  assert.equal(root.headers.get('location'), '/www/');
});

test('a file is revalidated by its ETag: unchanged, the answer is 304 with no body, so the browser keeps the wasm compiled', async () => {
  const first = await fetch(`${base}/pkg/gloss_bg.wasm`);
  await first.arrayBuffer();
  const etag = first.headers.get('etag');
  assert.match(etag ?? '', /^"[0-9a-z]+-[0-9a-z]+"$/);
  assert.equal(first.headers.get('cache-control'), 'no-cache');
  const again = await fetch(`${base}/pkg/gloss_bg.wasm`, { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  assert.equal((await again.arrayBuffer()).byteLength, 0);
  const other = await fetch(`${base}/www/index.html`, { headers: { 'If-None-Match': etag } });
  assert.equal(other.status, 200, "another file's tag does not match");
  assert.notEqual(other.headers.get('etag'), etag);
  await other.arrayBuffer();
});

test('nothing outside www/, pkg/ and schema/ is reachable, however the path is spelt', async () => {
  for (const url of ['/Cargo.toml', '/.git/HEAD', '/www/../Cargo.toml', '/www/%2e%2e/Cargo.toml', '/www/..%2fCargo.toml', '/pkg/%2e%2e%2f%2e%2e%2fetc/passwd', '/www/%00', '/src/lib.rs', '/www/missing.js', '/%E0%A4%A']) {
    const res = await fetch(base + url);
    assert.equal(res.status, 404, url);
    await res.arrayBuffer();
  }
  assert.equal(resolvePath('/www/..\\Cargo.toml'), null);
  const post = await fetch(`${base}/www/`, { method: 'POST' });
  assert.equal(post.status, 405);
});

test('every response carries the page CSP as a header, with frame-ancestors, nosniff and no-referrer', async () => {
  const html = readFileSync(new URL('../../www/index.html', import.meta.url), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(meta, /default-src 'none'/);
  assert.equal(metaCsp(html), meta);
  for (const url of ['/www/', '/www/js/offsets.js', '/pkg/gloss_bg.wasm', '/www/missing.js', '/Cargo.toml']) {
    const res = await fetch(base + url);
    await res.arrayBuffer();
    // The header is the page's own policy (the two cannot drift apart) plus what only a header can say.
    assert.equal(res.headers.get('content-security-policy'), `${meta}; frame-ancestors 'none'`, url);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', url);
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer', url);
  }
  assert.throws(() => metaCsp('<html><head></head></html>'), /no Content-Security-Policy/);
});
