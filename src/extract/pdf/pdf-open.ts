/**
 * Opens a PDF with PDFium and turns the ways a PDF can fail to open into
 * typed errors: not a PDF or truncated (CorruptFileError), password-protected
 * (EncryptedFileError). The document keeps its bytes in PDFium's heap until
 * it is closed; pages are loaded and closed one at a time by the caller.
 */
import { CorruptFileError, EncryptedFileError } from '../../errors.ts';
import { copyIn, free, loadPdfium, readUtf16, type Pdfium } from './pdfium.ts';

/** An open PDF. `close()` frees it (and its bytes); call it exactly once. */
export interface PdfDocument {
  readonly pdfium: Pdfium;
  /** PDFium's FPDF_DOCUMENT handle. */
  readonly handle: number;
  readonly pageCount: number;
  /** The Title of the document information dictionary ('' when there is none). */
  title(): string;
  close(): void;
}

const HEADER = '%PDF-';
const EOF_MARK = '%%EOF';

/** FPDF_GetLastError codes (fpdfview.h). */
const FPDF_ERR_FORMAT = 3;
const FPDF_ERR_PASSWORD = 4;
const FPDF_ERR_SECURITY = 5;

function hasMarker(bytes: Uint8Array, marker: string, from: number, to: number): boolean {
  const codes = [...marker].map((c) => c.charCodeAt(0));
  outer: for (let i = Math.max(0, from); i + codes.length <= Math.min(bytes.length, to); i++) {
    for (let k = 0; k < codes.length; k++) if (bytes[i + k] !== codes[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * Checks the bytes look like a whole PDF: the %PDF- header near the start and
 * the %%EOF marker near the end. A PDF cut short (an interrupted download)
 * lacks the end marker; a PDF reader would recover part of it and say nothing.
 */
function checkPdfBytes(bytes: Uint8Array, file: string): void {
  if (!hasMarker(bytes, HEADER, 0, 1024)) {
    throw new CorruptFileError(file, 'not a PDF: the file does not start with a %PDF- header');
  }
  if (!hasMarker(bytes, EOF_MARK, bytes.length - 2048, bytes.length)) {
    throw new CorruptFileError(file, 'PDF is truncated: the %%EOF end marker is missing (incomplete download?)');
  }
}

function openError(code: number, file: string): Error {
  if (code === FPDF_ERR_PASSWORD || code === FPDF_ERR_SECURITY) return new EncryptedFileError(file, 'PDF is password-protected; cannot read its text');
  if (code === FPDF_ERR_FORMAT) return new CorruptFileError(file, 'PDF is damaged: its structure cannot be parsed');
  return new CorruptFileError(file, `cannot read PDF (PDFium error ${code})`);
}

/** Opens the document. The caller must `close()` it when done. */
export async function openPdf(bytes: Uint8Array, file: string): Promise<PdfDocument> {
  checkPdfBytes(bytes, file);
  const pdfium = await loadPdfium();
  const data = copyIn(pdfium, bytes);
  const handle = pdfium.FPDF_LoadMemDocument(data, bytes.length, '');
  if (!handle) {
    const code = pdfium.FPDF_GetLastError();
    free(pdfium, data);
    throw openError(code, file);
  }
  let open = true;
  return {
    pdfium,
    handle,
    pageCount: pdfium.FPDF_GetPageCount(handle),
    title: () => readUtf16(pdfium, (buf, len) => pdfium.FPDF_GetMetaText(handle, 'Title', buf, len)),
    close: () => {
      if (!open) return;
      open = false;
      pdfium.FPDF_CloseDocument(handle);
      free(pdfium, data);
    },
  };
}
