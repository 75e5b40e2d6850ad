// Serves the page offline: a dependency-free static file server for the
// repository's www/, pkg/ and schema/ folders on 127.0.0.1 (port from $PORT,
// default 8000). Nothing else in the repository is reachable, paths cannot
// climb out of those folders, and .wasm goes out as application/wasm.
// Every response carries the security headers of SECURITY_HEADERS: the
// page's own Content-Security-Policy (read from www/index.html's <meta>, so
// it is written once) plus frame-ancestors 'none', which a <meta> cannot set.
//
// Usage: node scripts/serve.mjs  (or import { startServer } in tests)

import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Top-level folders the server exposes; everything else is 404. */
const SERVED = new Set(['www', 'pkg', 'schema']);

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.sha256': 'text/plain; charset=utf-8',
};

/**
 * The Content-Security-Policy of the page's <meta http-equiv> tag.
 * @param {string} html  the text of www/index.html
 */
export function metaCsp(html) {
  const tag = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i);
  if (!tag) throw new Error('www/index.html has no Content-Security-Policy <meta> tag');
  return tag[1];
}

/**
 * The headers every response carries (the README lists them for other hosts).
 * @param {string} root  the repository
 */
export async function securityHeaders(root = ROOT) {
  const csp = metaCsp(await fs.readFile(path.join(root, 'www', 'index.html'), 'utf8'));
  return {
    'Content-Security-Policy': `${csp}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * Maps a request path to a file under ROOT, or null when it is not served.
 * @param {string} urlPath  the path part of the URL, still percent-encoded
 */
export function resolvePath(urlPath, root = ROOT) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p !== '');
  if (parts.some((p) => p === '..' || p.startsWith('.'))) return null;
  if (parts.length === 0 || !SERVED.has(parts[0])) return null;
  const file = path.join(root, ...parts);
  if (!file.startsWith(root + path.sep)) return null;
  return file;
}

/**
 * Starts the server; resolves to the listening http.Server.
 * @param {{port?: number, host?: string, root?: string, quiet?: boolean}} options
 */
export async function startServer({ port = 8000, host = '127.0.0.1', root = ROOT, quiet = false } = {}) {
  const security = await securityHeaders(root);
  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...security, ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/' || url.pathname === '/www') return send(302, 'see /www/\n', { Location: '/www/' });
    let file = resolvePath(url.pathname, root);
    if (!file) return send(404, 'not found\n');
    try {
      let stat = await fs.stat(file);
      if (stat.isDirectory()) {
        if (!url.pathname.endsWith('/')) return send(301, 'moved\n', { Location: `${url.pathname}/` });
        file = path.join(file, 'index.html');
        stat = await fs.stat(file);
      }
      if (!stat.isFile()) return send(404, 'not found\n');
      // A validator, so that the browser revalidates (304) and keeps what it derived from a
      // file, such as the wasm's compiled code, rather than fetching and compiling it again.
      const etag = `"${stat.size.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}"`;
      const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache', ...security });
        return res.end();
      }
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': stat.size,
        'Cache-Control': 'no-cache',
        ETag: etag,
        ...security,
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch {
      send(404, 'not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      if (!quiet) {
        const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
        console.log(`Gloss is served at http://${host}:${actual}/www/  (Ctrl-C to stop)`);
      }
      resolve(server);
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number.parseInt(process.env.PORT ?? '8000', 10);
  startServer({ port }).catch((e) => {
    console.error(`serve: cannot listen on 127.0.0.1:${port}: ${e.message} (set PORT to another port)`);
    process.exit(1);
  });
}
