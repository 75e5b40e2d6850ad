/**
 * Loads the WebAssembly core (pkg/, built by scripts/build-wasm.sh) from the
 * page's own origin and exposes it to the page. The only module that touches
 * pkg/.
 * @module
 */

/**
 * Resolves to `{annotate, validateDocument, linkEntities, exportAs, version}` once the core is ready;
 * rejects with a readable message if pkg/ is missing or broken.
 */
export async function loadCore() {
  try {
    const pkg = await import('../../pkg/gloss.js');
    await pkg.default({ module_or_path: new URL('../../pkg/gloss_bg.wasm', import.meta.url) });
    return { annotate: pkg.annotate, validateDocument: pkg.validateDocument, linkEntities: pkg.linkEntities, exportAs: pkg.exportAs, version: pkg.version };
  } catch (e) {
    throw new Error(`The Gloss core did not load (${e.message}). Build it with ./scripts/serve.sh.`);
  }
}

/** Today's local date as YYYY-MM-DD: what "today" means to the person. */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
