/**
 * Loads the WebAssembly core (pkg/, built by scripts/build-wasm.sh) from the
 * page's own origin and exposes it to the page. The only module that touches
 * pkg/.
 * @module
 */

/**
 * Resolves to `{annotate, validateDocument, importFiles, linkEntities, exportAs, timeline,
 * isValidTimexValue, version, labels, formats, loadTowns}`
 * once the core is ready (`labels` and `formats` are the core's tables, see
 * src/labels.rs and src/formats.rs); rejects with a readable message if pkg/
 * is missing, broken or older than the page.
 */
export async function loadCore() {
  try {
    const pkg = await import('../../pkg/gloss.js');
    await pkg.default({ module_or_path: new URL('../../pkg/gloss_bg.wasm', import.meta.url) });
    return {
      annotate: pkg.annotate,
      validateDocument: pkg.validateDocument,
      importFiles: pkg.importFiles,
      linkEntities: pkg.linkEntities,
      exportAs: pkg.exportAs,
      timeline: pkg.timeline,
      isValidTimexValue: pkg.isValidTimexValue,
      version: pkg.version,
      labels: pkg.labels(),
      formats: pkg.formats(),
      /** Fetches pkg/towns.tsv and hands it to the place resolver; resolves to the count. */
      async loadTowns() {
        const response = await fetch(new URL('../../pkg/towns.tsv', import.meta.url));
        if (!response.ok) throw new Error(`The towns list did not load (HTTP ${response.status}).`);
        return pkg.loadTowns(await response.text());
      },
    };
  } catch (e) {
    throw new Error(`The Gloss core did not load (${e.message}). Build it with ./scripts/serve.sh.`);
  }
}

/** Today's local date as YYYY-MM-DD: what "today" means to the person. */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
