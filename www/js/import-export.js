/**
 * Import and export: Import (button or files dropped on the page) of Gloss
 * JSON and of every format the core's table marks importable, Export JSON,
 * Copy JSON, and the menu of the core's other export formats, filled from
 * its format table.
 * @module
 */

import { byId, h } from './dom.js';
import { localToday } from './core.js';
import { serializeDocument, exportFileName } from './exporter.js';
import { fullStop, readImport, sizeProblem } from './importer.js';
import { isEmpty } from './session.js';
import { plural, quote } from './wording.js';

/** The name of gloss/3 in the core's format table: Export JSON writes it, the menu lists the others. */
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
 * @param {{validateDocument: (value: unknown) => Promise<object>, importFiles: (files: object[], options: object) => Promise<object>, exportAs: (doc: object, format: string) => Promise<string|Uint8Array>, formats: {name: string, title: string, extension: string, mime_type: string, binary: boolean, import_extensions: string[]}[]}} deps.core
 * @param {(message: string, kind?: string) => void} deps.say
 */
export function createImportExport({ state, core, say }) {
  const own = core.formats.find((f) => f.name === OWN_FORMAT);
  const others = core.formats.filter((f) => f !== own);
  const menu = /** @type {HTMLSelectElement} */ (byId('export-format'));
  menu.replaceChildren(...others.map((f) => h('option', { value: f.name }, `${f.title} (.${f.extension})`)));
  const fileInput = /** @type {HTMLInputElement} */ (byId('import-file'));
  // Every extension some format is imported from; brat takes its .txt and .ann together.
  const importable = core.formats.filter((f) => f.import_extensions.length > 0);
  fileInput.accept = [...new Set(importable.flatMap((f) => f.import_extensions.map((e) => `.${e}`)))].join(',');
  fileInput.multiple = true;
  const importButton = byId('import-button');
  importButton.title = `Open a file of Gloss JSON, ${importable.filter((f) => f !== own).map((f) => f.title).join(', ')} (up to 10 MB); for brat, pick the .txt and the .ann together, or their zip`;

  /** Imports the picked or dropped files (one document); a refusal changes nothing. */
  async function importFiles(fileList) {
    const picked = [...fileList];
    const name = picked.map((f) => quote(f.name)).join(' and ');
    const refuse = (why) => say(`${name} ${picked.length > 1 ? 'were' : 'was'} not imported. ${why} Your document is unchanged.`, 'error');
    const problem = sizeProblem(picked.reduce((sum, f) => sum + f.size, 0), picked.length > 1 ? 'Together the files' : 'The file');
    if (problem) return refuse(problem);
    let files;
    try {
      files = await Promise.all(picked.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    } catch (e) {
      return refuse(`The file could not be read (${e.message}).`);
    }
    const dateField = state.session?.dateField;
    const result = await readImport(files, core, { reference_date: dateField || null, today: localToday() });
    if ('error' in result) return refuse(result.error);
    const imported = result.document;
    try {
      await state.importDocument(imported);
    } catch (e) {
      return refuse(fullStop(e.message));
    }
    const byPerson = imported.annotations.filter((a) => a.source === 'person').length;
    const format = core.formats.find((f) => f.name === result.format);
    const from = result.format === OWN_FORMAT ? '' : ` (${format?.title ?? result.format})`;
    const notes = result.notes.length ? ` Left out: ${result.notes.map((n) => n.replace(/^[^:]*: /, '')).join(' ')}` : '';
    say(`Imported ${name}${from}: ${plural(imported.annotations.length, 'annotation')}, ${byPerson} by a person.${notes}`);
  }

  /** Exports in `format` (a row of the core's table): gloss/3 JSON by default. */
  async function exportAs(format = own) {
    if (isEmpty(state.session)) {
      say('Nothing to export yet: paste an article and press Annotate.', 'warning');
      return;
    }
    await state.settled(); // the entities linked
    const doc = state.document;
    let content;
    try {
      // A string, or a Uint8Array for a binary format (the brat zip).
      content = format === own ? serializeDocument(doc) : await core.exportAs(doc, format.name);
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
    await state.settled();
    const json = serializeDocument(state.document);
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

  importButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const files = [...(fileInput.files ?? [])];
    fileInput.value = '';
    if (files.length) await importFiles(files);
  });
  document.addEventListener('dragover', (e) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  });
  document.addEventListener('drop', (e) => {
    const files = e.dataTransfer?.files;
    if (!files?.length) return;
    e.preventDefault();
    importFiles(files);
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
