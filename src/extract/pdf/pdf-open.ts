/**
 * Opens a PDF with pdfjs-dist (the legacy build, for Node 20) and turns the
 * ways a PDF can fail to open into typed errors: not a PDF or truncated
 * (CorruptFileError), password-protected (EncryptedFileError). pdfjs is
 * loaded once per process, on first use, and runs its worker in this thread.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CorruptFileError, EncryptedFileError } from '../../errors.ts';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

const require = createRequire(import.meta.url);
let pdfjs: Promise<Pdfjs> | null = null;

/** The one pdfjs instance of the process. */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= (async () => {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Node has no web workers: pdfjs runs its worker code in this thread, loaded from this path.
    lib.GlobalWorkerOptions.workerSrc = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
    return lib;
  })();
  return pdfjs;
}

/** Where pdfjs-dist keeps its CMaps and standard font data (trailing slash required). */
function assetDir(name: 'cmaps' | 'standard_fonts'): string {
  return join(dirname(require.resolve('pdfjs-dist/package.json')), name) + '/';
}

const HEADER = '%PDF-';
const EOF_MARK = '%%EOF';

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
 * lacks the end marker; pdfjs would recover part of it and say nothing.
 */
function checkPdfBytes(bytes: Uint8Array, file: string): void {
  if (!hasMarker(bytes, HEADER, 0, 1024)) {
    throw new CorruptFileError(file, 'not a PDF: the file does not start with a %PDF- header');
  }
  if (!hasMarker(bytes, EOF_MARK, bytes.length - 2048, bytes.length)) {
    throw new CorruptFileError(file, 'PDF is truncated: the %%EOF end marker is missing (incomplete download?)');
  }
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Maps a pdfjs failure to a typed error naming the file. */
export function pdfError(e: unknown, file: string): Error {
  const name = e instanceof Error ? e.name : '';
  if (name === 'PasswordException') return new EncryptedFileError(file, 'PDF is password-protected; cannot read its text');
  if (name === 'InvalidPDFException') return new CorruptFileError(file, `PDF is damaged: ${reasonOf(e)}`, e);
  return new CorruptFileError(file, `cannot read PDF: ${reasonOf(e)}`, e);
}

/** Opens the document. The caller must call `destroy()` on it when done. */
export async function openPdf(bytes: Uint8Array, file: string): Promise<PdfDocument> {
  checkPdfBytes(bytes, file);
  const lib = await loadPdfjs();
  const task = lib.getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given: give it a copy.
    data: new Uint8Array(bytes),
    verbosity: lib.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    cMapUrl: assetDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetDir('standard_fonts'),
    stopAtErrors: false,
  });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw pdfError(e, file);
  }
}
