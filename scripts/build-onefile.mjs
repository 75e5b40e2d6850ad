// Builds dist/gloss.html: the whole page in one file that opens from file://
// with no server and no network. Only Node's standard library is used.
//
// What goes in, read from www/index.html, so a new module or asset needs no
// change here:
// - <link rel="stylesheet"> becomes a <style>, classic <script src> an
//   inline <script>, a local <link rel="icon"> a data: URL; <link
//   rel="manifest">, "modulepreload" and "preload"> are dropped;
// - each <script type="module" src> and every module it imports, statically
//   or with import('…'), becomes one inline module script: each module is an
//   async function run once, on first import, after its own imports;
// - every `new URL('…', import.meta.url)` in a module is a file the page
//   loads (the wasm, pkg/towns.tsv, the map data, the sample): it is embedded
//   gzip-compressed in a data block and turned back into a blob: URL before
//   the page starts. A .js file named so is a worker: its own module graph is
//   bundled the same way, with the files it loads, and started from a blob:
//   URL as a classic script (from file://, Chromium refuses module workers
//   from blob: URLs, and a worker cannot fetch the page's blob: URLs);
// - the Content-Security-Policy allows exactly the inline scripts and style
//   (by SHA-256), blob: for fetches and workers, data:/blob: images.
//
// Imports are copied at import time, not live bindings: the build refuses an
// import cycle and `export let`/`export var`, where that would differ.
//
// Usage: node scripts/build-onefile.mjs [OUT]   (default dist/gloss.html)

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MIME = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.txt': 'text/plain;charset=utf-8',
  '.tsv': 'text/tab-separated-values;charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

class BuildError extends Error {}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const rel = (root, file) => path.relative(root, file).split(path.sep).join('/');

/** Makes script text safe inside <script>…</script> without changing its meaning in JS. */
function scriptSafe(text) {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/**
 * Replaces the matches of `pattern` that are code, leaving comments alone
 * (JSDoc types such as import('./x.js').T are not imports). A match counts
 * as comment when its line starts one (//, /*, *) before it.
 */
function inCode(text, pattern, fn) {
  return text.replace(pattern, (...args) => {
    const at = args.at(-2);
    const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
    if (/^\s*(\*|\/\*|\/\/)/.test(line) || line.includes('/*') || line.includes('//')) return args[0];
    return fn(...args);
  });
}

/** A string literal's value ('…' or "…", no escapes needed in our imports). */
const SPEC = String.raw`(['"])([^'"\n]+)['"]`;

/**
 * Turns one ES module's text into the body of an async factory
 * `(exports) => {...}`; returns {body, imports, assets}.
 * @param {string} source
 * @param {string} id  repository-relative path, for messages
 * @param {(spec: string) => string} resolve  import specifier → module id
 */
export function transformModule(source, id, resolve) {
  const imports = new Set();
  const assets = new Set();
  const exported = []; // [exportedName, localExpression]
  const fail = (why) => {
    throw new BuildError(`${id}: ${why}`);
  };
  let body = source;
  let n = 0;

  // import … from '…';  (and bare import '…';)
  body = body.replace(new RegExp(String.raw`^import\s+([\s\S]*?)\s+from\s+${SPEC}\s*;?`, 'gm'), (_, clause, _q, spec) => {
    const dep = resolve(spec);
    imports.add(dep);
    const tmp = `__gloss_i${n++}`;
    const lines = [`const ${tmp} = await __gloss_require(${JSON.stringify(dep)});`];
    let rest = clause.trim();
    const def = rest.match(/^([\w$]+)\s*(?:,\s*|$)/);
    if (def) {
      lines.push(`const ${def[1]} = ${tmp}.default;`);
      rest = rest.slice(def[0].length);
    }
    const ns = rest.match(/^\*\s+as\s+([\w$]+)$/);
    if (ns) {
      lines.push(`const ${ns[1]} = ${tmp};`);
    } else if (rest) {
      const named = rest.match(/^\{([\s\S]*)\}$/);
      if (!named) fail(`cannot read the import clause "${clause}"`);
      const pairs = named[1]
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => s.replace(/^([\w$]+)\s+as\s+([\w$]+)$/, '$1: $2'));
      lines.push(`const { ${pairs.join(', ')} } = ${tmp};`);
    }
    return lines.join(' ');
  });
  body = body.replace(new RegExp(String.raw`^import\s+${SPEC}\s*;?`, 'gm'), (_, _q, spec) => {
    const dep = resolve(spec);
    imports.add(dep);
    return `await __gloss_require(${JSON.stringify(dep)});`;
  });
  // Dynamic import of a literal path.
  body = inCode(body, new RegExp(String.raw`\bimport\(\s*${SPEC}\s*\)`, 'g'), (_, _q, spec) => {
    const dep = resolve(spec);
    imports.add(dep);
    return `__gloss_require(${JSON.stringify(dep)})`;
  });
  // Files loaded at run time.
  body = inCode(body, new RegExp(String.raw`\bnew URL\(\s*${SPEC}\s*,\s*import\.meta\.url\s*\)`, 'g'), (_, _q, spec) => {
    // A URL, unlike an import specifier, may be a bare relative path.
    const file = resolve(/^\.\.?\//.test(spec) ? spec : `./${spec}`);
    assets.add(file);
    return `new URL(__gloss_asset(${JSON.stringify(file)}))`;
  });
  // A bundled worker is a classic script (see PAGE_START).
  body = inCode(body, /\bnew Worker\(/g, () => 'new __gloss_Worker(');
  inCode(body, /\bimport\.meta\b/g, () => fail("uses import.meta other than in new URL('…', import.meta.url)"));
  inCode(body, /\bimport\(/g, () => fail('has an import() of something other than a string literal'));

  // export { a, b as c } from '…';
  body = body.replace(new RegExp(String.raw`^export\s*\{([^}]*)\}\s*from\s*${SPEC}\s*;?`, 'gm'), (_, list, _q, spec) => {
    const dep = resolve(spec);
    imports.add(dep);
    const tmp = `__gloss_i${n++}`;
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [local, as = local] = item.split(/\s+as\s+/);
      exported.push([as, `${tmp}.${local}`]);
    }
    return `const ${tmp} = await __gloss_require(${JSON.stringify(dep)});`;
  });
  if (/^export\s*\*/m.test(body)) fail('uses export * (list the names instead)');
  // export { a, b as c };
  body = body.replace(/^export\s*\{([^}]*)\}\s*;?/gm, (_, list) => {
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [local, as = local] = item.split(/\s+as\s+/);
      exported.push([as, local]);
    }
    return '';
  });
  // export default …
  body = body.replace(/^export\s+default\s+(?:(async\s+)?(function\*?|class)\s+([\w$]+))?/gm, (_, async = '', kind, name) => {
    if (name) {
      exported.push(['default', name]);
      return `${async}${kind} ${name}`;
    }
    exported.push(['default', '__gloss_default']);
    return 'const __gloss_default = ';
  });
  // export function / class / const
  body = body.replace(/^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([\w$]+)/gm, (_, kind, name) => {
    if (kind === 'let' || kind === 'var') fail(`exports a ${kind} (${name}); importers would not see it change`);
    exported.push([name, name]);
    return `${kind} ${name}`;
  });
  if (/^export\b/m.test(body)) fail(`has an export this build does not read: ${body.match(/^export.*$/m)[0]}`);

  const getters = exported.map(([as, local]) => `${JSON.stringify(as)}: () => ${local}`).join(', ');
  return { body: `__gloss_define(exports, { ${getters} });\n${body}`, imports, assets };
}

/**
 * Bundles the module graph from `entries` (repository-relative ids); returns
 * {code, assets: Set of ids}. `code` defines __gloss_require and runs the entries.
 */
async function bundle(root, entries) {
  const modules = new Map();
  const assets = new Set();
  const load = async (id, chain) => {
    if (chain.includes(id)) throw new BuildError(`import cycle: ${[...chain.slice(chain.indexOf(id)), id].join(' → ')}`);
    if (modules.has(id)) return;
    const file = path.join(root, id);
    let source;
    try {
      source = await fs.readFile(file, 'utf8');
    } catch {
      throw new BuildError(`${chain.at(-1) ?? 'www/index.html'} imports ${id}, which does not exist`);
    }
    const resolve = (spec) => {
      if (!spec.startsWith('./') && !spec.startsWith('../')) throw new BuildError(`${id}: import of "${spec}" is not a relative path`);
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(root + path.sep)) throw new BuildError(`${id}: "${spec}" is outside the repository`);
      return rel(root, target);
    };
    const t = transformModule(source, id, resolve);
    modules.set(id, t);
    t.assets.forEach((a) => assets.add(a));
    for (const dep of t.imports) await load(dep, [...chain, id]);
  };
  for (const entry of entries) await load(entry, []);
  const factories = [...modules]
    .map(([id, t]) => `${JSON.stringify(id)}: async (exports) => {\n${t.body}\n},`)
    .join('\n');
  const code = `const __gloss_factories = {\n${factories}\n};
const __gloss_loaded = new Map();
function __gloss_define(exports, getters) {
  for (const [name, get] of Object.entries(getters)) Object.defineProperty(exports, name, { get, enumerable: true });
}
function __gloss_require(id) {
  if (!__gloss_loaded.has(id)) {
    const exports = Object.create(null);
    __gloss_loaded.set(id, __gloss_factories[id](exports).then(() => exports));
  }
  return __gloss_loaded.get(id);
}
${entries.map((e) => `await __gloss_require(${JSON.stringify(e)});`).join('\n')}`;
  return { code, assets };
}

/** Unpacks one embedded file (gzip, base64) into a Blob. */
const UNPACK = `async function __gloss_unpack(base64, type) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Blob([await new Response(stream).arrayBuffer()], { type });
}
`;

/**
 * The page's start: each data block becomes a blob: URL. A worker's block
 * lists the files it loads (data-assets); its script starts with them,
 * packed, because a worker started from file:// cannot fetch the page's
 * blob: URLs, only its own. Workers start as classic scripts (see
 * workerStart), because Chromium refuses module workers from blob: there.
 */
const PAGE_START = `${UNPACK}const __gloss_urls = {};
const __gloss_blocks = [...document.querySelectorAll('script[type="application/x-gloss-asset"]')];
const __gloss_packed = Object.fromEntries(__gloss_blocks.map((b) => [b.dataset.path, [b.dataset.type, b.textContent]]));
await Promise.all(__gloss_blocks.map(async (block) => {
  const id = block.dataset.path;
  const [type, data] = __gloss_packed[id];
  let blob = await __gloss_unpack(data, type);
  if (block.dataset.assets !== undefined) {
    const packed = Object.fromEntries(block.dataset.assets.split(' ').filter(Boolean).map((a) => [a, __gloss_packed[a]]));
    blob = new Blob([\`const __gloss_packed = \${JSON.stringify(packed)};\\n\`, blob], { type });
  }
  __gloss_urls[id] = URL.createObjectURL(blob);
}));
class __gloss_Worker extends Worker {
  constructor(url, options = {}) {
    super(url, { ...options, type: 'classic' });
  }
}
`;

/**
 * A worker's script around its bundle `code`: unpacks its files, then runs
 * its modules; messages that arrive before they have run are held, then
 * delivered, so none is lost while the worker starts.
 */
const workerStart = (code) => `(() => {
const __gloss_early = [];
const __gloss_hold = (e) => {
  e.stopImmediatePropagation();
  __gloss_early.push(e);
};
self.addEventListener('message', __gloss_hold);
(async () => {
${UNPACK}const __gloss_urls = {};
for (const [id, [type, data]] of Object.entries(__gloss_packed)) __gloss_urls[id] = URL.createObjectURL(await __gloss_unpack(data, type));
${ASSET}${code}
})()
  .catch((e) => setTimeout(() => {
    throw e;
  }))
  .finally(() => {
    self.removeEventListener('message', __gloss_hold);
    for (const e of __gloss_early) self.dispatchEvent(new MessageEvent('message', { data: e.data, ports: [...e.ports] }));
  });
})();
`;

const ASSET = `function __gloss_asset(id) {
  const url = __gloss_urls[id];
  if (!url) throw new Error(\`\${id} is not in this file\`);
  return url;
}
`;

/**
 * Builds the one-file page; returns {html, csp}.
 * @param {string} root  the repository
 */
export async function buildOnefile(root = ROOT) {
  root = path.resolve(root);
  const www = path.join(root, 'www');
  let html = await fs.readFile(path.join(www, 'index.html'), 'utf8');
  const hashes = { script: [], style: [] };
  const local = (href) => !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//');
  const read = (href) => fs.readFile(path.join(www, href));

  const replaceAsync = async (pattern, fn) => {
    const found = [...html.matchAll(pattern)];
    const parts = await Promise.all(found.map((m) => fn(...m)));
    let i = 0;
    html = html.replace(pattern, () => parts[i++]);
  };

  await replaceAsync(/<link\s+rel="stylesheet"\s+href="([^"]+)">/g, async (_, href) => {
    const css = (await read(href)).toString('utf8');
    if (/url\(\s*['"]?(?!#|data:)/.test(css)) throw new BuildError(`${href} refers to a file by url(); only url(#…) and data: are embedded`);
    const text = `\n${css.replace(/<\/(style)/gi, '<\\/$1')}\n`;
    hashes.style.push(sha256(text));
    return `<style>${text}</style>`;
  });
  await replaceAsync(/<link\s+rel="icon"\s+href="([^"]+)"([^>]*)>/g, async (all, href, rest) => {
    if (!local(href)) return all;
    const type = MIME[path.extname(href)] ?? 'application/octet-stream';
    return `<link rel="icon" href="data:${type};base64,${(await read(href)).toString('base64')}"${rest}>`;
  });
  // Nothing to install from file://, nor to preload: every module is inline.
  html = html.replace(/\s*<link\s+rel="(?:manifest|modulepreload|preload)"[^>]*>/g, '');
  await replaceAsync(/<script\s+src="([^"]+)"(?:\s+defer)?><\/script>/g, async (_, src) => {
    // Inline classic scripts run at once, in order, before module scripts: as deferred ones would.
    const text = scriptSafe((await read(src)).toString('utf8'));
    hashes.script.push(sha256(text));
    return `<script>${text}</script>`;
  });

  const entries = [...html.matchAll(/<script\s+type="module"\s+src="([^"]+)"[^>]*><\/script>/g)].map((m) => rel(root, path.join(www, m[1])));
  if (entries.length === 0) throw new BuildError('www/index.html has no <script type="module" src>');
  const main = await bundle(root, entries);
  // Workers (a .js file opened by URL) get bundles of their own; their assets join the page's.
  const workers = new Map();
  const pending = [...main.assets].filter((a) => a.endsWith('.js'));
  const files = new Set([...main.assets].filter((a) => !a.endsWith('.js')));
  while (pending.length > 0) {
    const id = pending.pop();
    if (workers.has(id)) continue;
    const w = await bundle(root, [id]);
    const nested = [...w.assets].find((a) => a.endsWith('.js'));
    if (nested) throw new BuildError(`${id} starts a worker of its own (${nested}); the one-file build supports workers started by the page only`);
    workers.set(id, { code: workerStart(w.code), assets: [...w.assets].sort() });
    w.assets.forEach((a) => files.add(a));
  }

  const blocks = [];
  const block = (id, bytes, assets) => {
    const type = MIME[path.extname(id)] ?? 'application/octet-stream';
    const data = gzipSync(bytes, { level: 9 }).toString('base64');
    blocks.push(`<script type="application/x-gloss-asset" data-path="${id}" data-type="${type}"${assets ? ` data-assets="${assets.join(' ')}"` : ''}>${data}</script>`);
  };
  for (const id of [...files].sort()) {
    try {
      block(id, await fs.readFile(path.join(root, id)));
    } catch {
      throw new BuildError(`a module loads ${id}, which does not exist (build pkg/ with scripts/build-wasm.sh)`);
    }
  }
  for (const [id, w] of [...workers].sort()) block(id, Buffer.from(w.code), w.assets);

  const moduleText = scriptSafe(`\n${PAGE_START}${ASSET}${main.code}\n`);
  hashes.script.push(sha256(moduleText));
  const modulePattern = /<script\s+type="module"\s+src="[^"]+"[^>]*><\/script>/g;
  let first = true;
  html = html.replace(modulePattern, () => {
    if (!first) return '';
    first = false;
    // Data blocks are not scripts: they never run, so they need no hash.
    return `${blocks.join('\n')}\n<script type="module">${moduleText}</script>`;
  });

  const csp = [
    "default-src 'none'",
    `script-src ${hashes.script.join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${hashes.style.join(' ')}`,
    'img-src data: blob:',
    'connect-src blob:',
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
  const cspTag = /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]+">/;
  if (!cspTag.test(html)) throw new BuildError('www/index.html has no Content-Security-Policy <meta> tag');
  html = html.replace(cspTag, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  return { html, csp };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist', 'gloss.html'));
  try {
    const { html } = await buildOnefile();
    await fs.mkdir(path.dirname(out), { recursive: true });
    await fs.writeFile(out, html);
    console.log(`build-onefile: ${path.relative(process.cwd(), out)} ${Buffer.byteLength(html)} bytes`);
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    console.error(`build-onefile: ${e.message}`);
    process.exit(1);
  }
}
