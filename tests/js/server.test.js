import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, resolvePath } from '../../scripts/serve.mjs';

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
