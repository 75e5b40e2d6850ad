/* tslint:disable */
/* eslint-disable */

/**
 * Annotates `text`; returns the document as a plain object.
 */
export function annotate(text: string, options: any): any;

/**
 * Annotates `text` as `annotate` does, calling `progress(done, total)` as
 * the work advances (the page's worker posts it to the progress bar).
 */
export function annotateWithProgress(text: string, options: any, progress: Function): any;

/**
 * The `format` tag of every exported document (`document::FORMAT`).
 */
export function documentFormat(): string;

/**
 * Converts a document (as `annotate` returns it) to the export format named
 * `format` (a `name` from `formats()`). Returns the file's text, or its
 * bytes (a `Uint8Array`) for a `binary` format.
 */
export function exportAs(value: any, format: string): any;

/**
 * The formats: `[{name, title, extension, mime_type, binary,
 * import_extensions}]` (see `src/formats.rs`).
 */
export function formats(): any;

/**
 * The `format` tags Import reads, oldest first (`document::FORMATS_READ`).
 */
export function formatsRead(): any;

/**
 * Reads files of an importable format (`format`, a `name` from
 * `formats()`, else told by the files' names and content): `files` is
 * `[{name, bytes}]`, `bytes` a `Uint8Array`. Returns `{format, documents,
 * notes}` (see `formats::import`), or throws the reason, naming file and line.
 */
export function importFiles(files: any, options: any): any;

/**
 * True when `value` is a well-formed TIMEX3 value (a person's edited date).
 */
export function isValidTimexValue(value: string): boolean;

/**
 * The labels, in display order: `[{name, title, key, temporal,
 * shown_by_default}]` (see `src/labels.rs`).
 */
export function labels(): any;

/**
 * Recomputes a document's entities after the person's corrections and
 * applies its `edits`; returns `{ document, unapplied }`, `unapplied` being
 * the edits whose mentions are gone (they stay in the document's `edits`).
 */
export function linkEntities(value: any): any;

/**
 * Adds the smaller towns (`pkg/towns.tsv`, fetched by the page after start)
 * to the place resolver; returns how many it holds. Later calls change nothing.
 */
export function loadTowns(text: string): number;

/**
 * The document's DATE and TIME annotations in time order, each as
 * `{ annotation, start, end, precision, fuzzy }` (see `timeline::TimelineItem`).
 */
export function timeline(value: any): any;

/**
 * Checks a parsed JSON value against the export format; returns it as a
 * document object, or throws an error that says what is wrong.
 */
export function validateDocument(value: any): any;

/**
 * The core's version.
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly annotate: (a: number, b: number, c: any) => [number, number, number];
    readonly annotateWithProgress: (a: number, b: number, c: any, d: any) => [number, number, number];
    readonly documentFormat: () => [number, number];
    readonly exportAs: (a: any, b: number, c: number) => [number, number, number];
    readonly formats: () => [number, number, number];
    readonly formatsRead: () => [number, number, number];
    readonly importFiles: (a: any, b: any) => [number, number, number];
    readonly isValidTimexValue: (a: number, b: number) => number;
    readonly labels: () => [number, number, number];
    readonly linkEntities: (a: any) => [number, number, number];
    readonly loadTowns: (a: number, b: number) => number;
    readonly timeline: (a: any) => [number, number, number];
    readonly validateDocument: (a: any) => [number, number, number];
    readonly version: () => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
