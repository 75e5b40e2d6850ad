/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const annotate: (a: number, b: number, c: any) => [number, number, number];
export const annotateWithProgress: (a: number, b: number, c: any, d: any) => [number, number, number];
export const documentFormat: () => [number, number];
export const exportAs: (a: any, b: number, c: number) => [number, number, number];
export const formats: () => [number, number, number];
export const formatsRead: () => [number, number, number];
export const importFiles: (a: any, b: any) => [number, number, number];
export const isValidTimexValue: (a: number, b: number) => number;
export const labels: () => [number, number, number];
export const linkEntities: (a: any) => [number, number, number];
export const loadTowns: (a: number, b: number) => number;
export const timeline: (a: any) => [number, number, number];
export const validateDocument: (a: any) => [number, number, number];
export const version: () => [number, number];
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __externref_table_alloc: () => number;
export const __wbindgen_externrefs: WebAssembly.Table;
export const __externref_table_dealloc: (a: number) => void;
export const __wbindgen_start: () => void;
