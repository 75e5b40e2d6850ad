/**
 * Import and export: Import JSON (button or a file dropped on the page),
 * Export JSON, Copy JSON, and the menu of the core's other export formats,
 * filled from its format table.
 * @module
 */

import { byId, h } from './dom.js';
import { serializeDocument, exportFileName } from './exporter.js';
import { decodeImport, fullStop, parseImport, sizeProblem } from './importer.js';
import { isEmpty } from './session.js';
import { plural, quote } from './wording.js';

/** The name of gloss/1 in the core's format table: Export JSON writes it, the menu lists the others. */
const OWN_FORMAT = 'gloss';

/** Downloads `content` as a file named `name`. */
function download(content, name, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * @param {object} deps
 * @param {ReturnType<typeof import('./session.js').createPageState>} deps.state
 * @param {{validateDocument: (value: unknown) => object, exportAs: (doc: object, format: string) => string, formats: {name: string, title: string, extension: string, mime_type: string}[]}} deps.core
 * @param {(message: string, kind?: string) => void} deps.say
 */
export function createImportExport({ state, core, say }) {
  const own = core.formats.find((f) => f.name === OWN_FORMAT);
  const others = core.formats.filter((f) => f !== own);
  const menu = /** @type {HTMLSelectElement} */ (byId('export-format'));
  menu.replaceChildren(...others.map((f) => h('option', { value: f.name }, `${f.title} (.${f.extension})`)));
  const fileInput = /** @type {HTMLInputElement} */ (byId('import-file'));

  async function importFile(file) {
    const name = quote(file.name);
    const refuse = (why) => say(`${name} was not imported. ${why} Your document is unchanged.`, 'error');
    const problem = sizeProblem(file.size, 'The file');
    if (problem) return refuse(problem);
    let bytes;
    try {
      bytes = await file.arrayBuffer();
    } catch (e) {
      return refuse(`The file could not be read (${e.message}).`);
    }
    const decoded = decodeImport(bytes);
    if ('error' in decoded) return refuse(decoded.error);
    const result = parseImport(decoded.text, core.validateDocument);
    if ('error' in result) return refuse(result.error);
    const imported = result.document;
    try {
      state.importDocument(imported);
    } catch (e) {
      return refuse(fullStop(e.message));
    }
    const byPerson = imported.annotations.filter((a) => a.source === 'person').length;
    say(`Imported ${quote(file.name)}: ${plural(imported.annotations.length, 'annotation')}, ${byPerson} by a person.`);
  }

  /** Exports in `format` (a row of the core's table): gloss/1 JSON by default. */
  function exportAs(format = own) {
    if (isEmpty(state.session)) {
      say('Nothing to export yet: paste an article and press Annotate.', 'warning');
      return;
    }
    const doc = state.linkedDocument();
    let content;
    try {
      content = format === own ? serializeDocument(doc) : core.exportAs(doc, format.name);
    } catch (e) {
      say(`Export failed: ${fullStop(e.message)}`, 'error');
      return;
    }
    const name = exportFileName(doc, format.extension);
    download(content, name, format.mime_type);
    const stale = state.draft !== doc.text ? ' (the text as last annotated; press Annotate to include your edits)' : '';
    say(`Exported ${name}: ${plural(doc.annotations.length, 'annotation')}${stale}.`);
  }

  async function copyJson() {
    if (isEmpty(state.session)) {
      say('Nothing to copy yet: paste an article and press Annotate.', 'warning');
      return;
    }
    const json = serializeDocument(state.linkedDocument());
    try {
      await navigator.clipboard.writeText(json);
    } catch {
      const scratch = h('textarea', { value: json, className: 'visually-hidden' });
      document.body.append(scratch);
      scratch.select();
      const ok = document.execCommand('copy');
      scratch.remove();
      if (!ok) {
        say('Copying was refused by the browser; use Export JSON instead.', 'error');
        return;
      }
    }
    say(`Copied the JSON (${plural(json.length, 'character')}) to the clipboard.`);
  }

  byId('import-button').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) await importFile(file);
  });
  document.addEventListener('dragover', (e) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  });
  document.addEventListener('drop', (e) => {
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    importFile(file);
  });
  byId('export-json').addEventListener('click', () => exportAs());
  byId('export-other').addEventListener('click', () => {
    const chosen = others.find((f) => f.name === menu.value);
    if (chosen) exportAs(chosen);
  });
  byId('copy-json').addEventListener('click', copyJson);

  return {
    /** Downloads the document as gloss JSON, as the Export JSON button does. */
    exportJson: () => exportAs(),
  };
}
