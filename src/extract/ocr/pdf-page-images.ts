/**
 * Renders the pages of a PDF to grey bitmaps with PDFium (WebAssembly,
 * @embedpdf/pdfium: FPDF_RenderPageBitmap into a grey FPDF bitmap), for OCR
 * of scanned reports.
 */
import type { WrappedPdfiumModule } from '@embedpdf/pdfium';
import { CorruptFileError } from '../../errors.ts';
import { loadPdfium } from '../pdf/pdfium.ts';
import type { GreyImage } from './grey-image.ts';

/** Resolution pages are rendered at for OCR: Tesseract reads the scanned fixtures' cells 94% right at 300 dpi, 74% at 200. */
export const RENDER_DPI = 300;
/** Most pages OCR'd from one PDF: an annual report has a handful; past this it is no report. */
export const MAX_OCR_PAGES = 40;
/** FPDFBitmap_Gray: one byte a pixel. */
const BITMAP_GREY = 1;
/** FPDF_GRAYSCALE | FPDF_PRINTING (render as printed, annotations off). */
const RENDER_FLAGS = 0x08 | 0x800;

/** The PDF extractor's PDFium module, loaded once per thread. */
const pdfium = loadPdfium;

/** The module's memory as bytes (looked up each time: it is replaced when the memory grows). */
function heapOf(p: WrappedPdfiumModule): Uint8Array {
  return (p.pdfium as unknown as { HEAPU8: Uint8Array }).HEAPU8;
}

function renderPage(p: WrappedPdfiumModule, doc: number, index: number): GreyImage {
  const page = p.FPDF_LoadPage(doc, index);
  if (!page) throw new Error(`page ${index + 1} cannot be loaded`);
  try {
    const scale = RENDER_DPI / 72;
    const width = Math.max(1, Math.round(p.FPDF_GetPageWidthF(page) * scale));
    const height = Math.max(1, Math.round(p.FPDF_GetPageHeightF(page) * scale));
    const bitmap = p.FPDFBitmap_CreateEx(width, height, BITMAP_GREY, 0, 0);
    if (!bitmap) throw new Error(`no memory for page ${index + 1} at ${RENDER_DPI} dpi`);
    try {
      p.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xffffffff);
      p.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, RENDER_FLAGS);
      const stride = p.FPDFBitmap_GetStride(bitmap);
      const base = p.FPDFBitmap_GetBuffer(bitmap);
      const heap = heapOf(p);
      const data = new Uint8Array(width * height);
      for (let y = 0; y < height; y++) data.set(heap.subarray(base + y * stride, base + y * stride + width), y * width);
      return { width, height, data, dpi: RENDER_DPI };
    } finally {
      p.FPDFBitmap_Destroy(bitmap);
    }
  } finally {
    p.FPDF_ClosePage(page);
  }
}

/** Every page of the PDF as a grey bitmap, in page order. */
export async function renderPdfPages(bytes: Uint8Array, file: string): Promise<GreyImage[]> {
  const p = await pdfium();
  const ptr = p.pdfium.wasmExports.malloc(Math.max(1, bytes.length));
  heapOf(p).set(bytes, ptr);
  try {
    const doc = p.FPDF_LoadMemDocument(ptr, bytes.length, '');
    if (!doc) throw new CorruptFileError(file, `PDFium cannot open the PDF to render it (error ${p.FPDF_GetLastError()})`);
    try {
      const count = p.FPDF_GetPageCount(doc);
      if (count > MAX_OCR_PAGES) throw new CorruptFileError(file, `a scan of ${count} pages is more than the ${MAX_OCR_PAGES} OCR'd of one report`);
      const pages: GreyImage[] = [];
      for (let i = 0; i < count; i++) {
        try {
          pages.push(renderPage(p, doc, i));
        } catch (e) {
          throw new CorruptFileError(file, `cannot render page ${i + 1}: ${e instanceof Error ? e.message : String(e)}`, e);
        }
      }
      return pages;
    } finally {
      p.FPDF_CloseDocument(doc);
    }
  } finally {
    p.pdfium.wasmExports.free(ptr);
  }
}
