/**
 * PDFium, compiled to WebAssembly (@embedpdf/pdfium, whose FPDF_* functions
 * are exported and typed): loaded once per thread, on first use, from the
 * package's own .wasm file. Also the little memory helpers every caller of a
 * C API needs: scratch space for out-parameters, reading floats and UTF-16
 * strings back, copying a PDF's bytes into the module's heap.
 *
 * Everything PDFium hands out (documents, pages, text pages) must be closed
 * by the caller; `withScratch` frees what it allocates.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { WrappedPdfiumModule } from '@embedpdf/pdfium';

export type Pdfium = WrappedPdfiumModule;

const require = createRequire(import.meta.url);
let loading: Promise<Pdfium> | null = null;

/** The one PDFium instance of this thread. */
export function loadPdfium(): Promise<Pdfium> {
  loading ??= (async () => {
    const { init } = await import('@embedpdf/pdfium');
    const wasmBinary = await readFile(require.resolve('@embedpdf/pdfium/pdfium.wasm'));
    const pdfium = await init({ wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) });
    pdfium.PDFiumExt_Init();
    return pdfium;
  })();
  return loading;
}

/** Scratch memory for out-parameters, in 8-byte slots. */
export interface Scratch {
  /** Address of slot `i` (8 bytes each). */
  at(i: number): number;
  /** The `k`-th float32 from the start (two per slot: a struct of floats reads as f32(0), f32(1), …). */
  f32(k: number): number;
  /** The float64 in slot `i`. */
  f64(i: number): number;
  /** The int32 at the start of slot `i`. */
  i32(i: number): number;
}

/** Runs `fn` with `slots` 8-byte scratch slots, freed afterwards. */
export function withScratch<T>(pdfium: Pdfium, slots: number, fn: (s: Scratch) => T): T {
  const m = pdfium.pdfium;
  const base = m.wasmExports.malloc(slots * 8);
  try {
    return fn({
      at: (i) => base + i * 8,
      f32: (k) => m.HEAPF32[(base >> 2) + k]!,
      f64: (i) => m.HEAPF64[(base + i * 8) >> 3]!,
      i32: (i) => m.HEAP32[(base + i * 8) >> 2]!,
    });
  } finally {
    m.wasmExports.free(base);
  }
}

/** Copies bytes into the module's heap; the caller frees the address with `free` when PDFium is done with it. */
export function copyIn(pdfium: Pdfium, bytes: Uint8Array): number {
  const m = pdfium.pdfium;
  const ptr = m.wasmExports.malloc(Math.max(1, bytes.length));
  m.HEAPU8.set(bytes, ptr);
  return ptr;
}

export function free(pdfium: Pdfium, ptr: number): void {
  pdfium.pdfium.wasmExports.free(ptr);
}

/**
 * Reads a UTF-16LE string PDFium writes into a caller's buffer: `call(buf, len)`
 * returns the bytes needed (terminator included); called once to size, once to fill.
 */
export function readUtf16(pdfium: Pdfium, call: (buf: number, len: number) => number): string {
  const need = call(0, 0);
  if (need <= 2) return '';
  const buf = pdfium.pdfium.wasmExports.malloc(need);
  try {
    call(buf, need);
    return pdfium.pdfium.UTF16ToString(buf);
  } finally {
    pdfium.pdfium.wasmExports.free(buf);
  }
}

/**
 * The functions called once per glyph or path segment. The package's typed
 * wrappers marshal every call through Emscripten's `ccall`, which costs more
 * than the call itself at tens of thousands of calls a page; these take and
 * return plain numbers, so they are called straight on the WebAssembly
 * exports (booleans come back as 0 or 1). The exports are not the package's
 * documented API: `hotFunctions` checks every one is there and fails loudly
 * when a version of the package drops or renames one (pdfium.test.ts).
 */
const HOT = [
  'FPDFText_CountChars',
  'FPDFText_IsGenerated',
  'FPDFText_GetUnicode',
  'FPDFText_GetCharOrigin',
  'FPDFText_GetMatrix',
  'FPDFText_GetLooseCharBox',
  'FPDFText_GetCharBox',
  'FPDFText_GetFontSize',
  'FPDFText_GetTextObject',
  'FPDFTextObj_GetFont',
  'FPDFFont_GetGlyphWidth',
  'FPDFPage_CountObjects',
  'FPDFPage_GetObject',
  'FPDFFormObj_CountObjects',
  'FPDFFormObj_GetObject',
  'FPDFPageObj_GetType',
  'FPDFPageObj_GetMatrix',
  'FPDFPageObj_GetFillColor',
  'FPDFPath_GetDrawMode',
  'FPDFPath_CountSegments',
  'FPDFPath_GetPathSegment',
  'FPDFPathSegment_GetPoint',
  'FPDFPathSegment_GetType',
  'FPDFPathSegment_GetClose',
] as const;

type HotName = (typeof HOT)[number];
type Numeric<F> = F extends (...args: infer A) => infer R ? (...args: A) => R extends boolean ? number : R : never;
export type HotFunctions = { [K in HotName]: Numeric<Pdfium[K]> };

const hotCache = new WeakMap<Pdfium, HotFunctions>();

/** The hot functions of this PDFium instance, straight on its WebAssembly exports. */
export function hotFunctions(pdfium: Pdfium): HotFunctions {
  let hot = hotCache.get(pdfium);
  if (!hot) {
    const exports = pdfium.pdfium.wasmExports as unknown as Record<string, unknown>;
    const missing = HOT.filter((name) => typeof exports[name] !== 'function');
    if (missing.length > 0) throw new Error(`@embedpdf/pdfium no longer exports ${missing.join(', ')} from its WebAssembly: nianbao's PDF reader needs them`);
    hot = Object.fromEntries(HOT.map((name) => [name, exports[name]])) as unknown as HotFunctions;
    hotCache.set(pdfium, hot);
  }
  return hot;
}
