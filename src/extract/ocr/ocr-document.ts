/**
 * Scanned reports and pictures of reports, read by OCR. How the parts fit:
 *
 *   pdf-page-images.ts  a PDF's pages rendered to grey bitmaps (PDFium);
 *   grey-image.ts       PNG and JPEG pictures decoded to the same bitmaps;
 *   image-rulings.ts    the page straightened, its table rulings found;
 *   ocr-engine.ts       the engine interface (words, boxes, confidences);
 *   tesseract-engine.ts Tesseract 5 + chi_sim, run as a process;
 *   ocr-page.ts         one page as a PDF text layer: pieces and rulings.
 *
 * The pages then go through the PDF layout (src/extract/pdf.ts: tables from
 * rulings or alignment, paragraphs, tables joined over pages), so a scan
 * becomes the same document model as a born-digital PDF, every table cell
 * carrying the confidence of its text. Without the engine a file fails with
 * NeedsOcrError "OCR engine not installed", one line, never a crash.
 */
import type { Block, DocumentModel, Extractor, SourceFormat } from '../document.ts';
import { EmptyFileError, NeedsOcrError } from '../../errors.ts';
import { layout } from '../pdf/pdf.ts';
import type { PageContent } from '../pdf/pdf-page-content.ts';
import { atLeastDpi, decodeImage, type GreyImage } from './grey-image.ts';
import { OcrEngineMissing, type OcrEngine } from './ocr-engine.ts';
import { ocrPages, PAGES_PER_RUN } from './ocr-page.ts';
import { RENDER_DPI, renderPdfPages } from './pdf-page-images.ts';
import { tesseractEngine } from './tesseract-engine.ts';

/** The installed engine, or NeedsOcrError naming why there is none. */
export async function ocrEngine(file: string): Promise<OcrEngine> {
  try {
    return await tesseractEngine();
  } catch (e) {
    if (e instanceof OcrEngineMissing) throw new NeedsOcrError(file, `OCR engine not installed: ${e.message}`);
    throw e;
  }
}

/** The document model of page images, read in page order. */
export async function ocrDocument(images: readonly GreyImage[], file: string, format: SourceFormat, engine: OcrEngine): Promise<DocumentModel> {
  const pages: PageContent[] = [];
  for (let i = 0; i < images.length; i += PAGES_PER_RUN) pages.push(...(await ocrPages(images.slice(i, i + PAGES_PER_RUN), i + 1, engine)));
  if (pages.every((p) => p.pieces.length === 0)) throw new NeedsOcrError(file, `OCR (${engine.name}) found no text on the page images`);
  return { file, format, blocks: layout(pages, file, {}).map(withConfidence), pageCount: pages.length, ocrEngine: engine.name };
}

/**
 * Every OCR'd cell carries a confidence. Cells of tables rebuilt from text
 * alignment (no rulings) do not get their pieces' confidence from the
 * layout; they are given 0, so each of their values is a warning, never
 * silently trusted.
 */
function withConfidence(block: Block): Block {
  if (block.kind !== 'table') return block;
  return { ...block, rows: block.rows.map((row) => row.map((c) => (c.confidence !== undefined || c.text === '' ? c : { ...c, confidence: 0 }))) };
}

/** A scanned PDF: every page rendered and read by OCR. */
export async function ocrPdf(bytes: Uint8Array, file: string): Promise<DocumentModel> {
  const engine = await ocrEngine(file);
  return ocrDocument(await renderPdfPages(bytes, file), file, 'pdf', engine);
}

/** A picture attachment (.png, .jpg): one page read by OCR. */
export const imageExtractor: Extractor = {
  extensions: ['.png', '.jpg', '.jpeg'],
  format: 'image',
  async extract(bytes, file) {
    if (bytes.length === 0) throw new EmptyFileError(file);
    const engine = await ocrEngine(file);
    // A picture coarser than the PDF pages are rendered at is read at that resolution too.
    return ocrDocument([atLeastDpi(decodeImage(bytes, file), RENDER_DPI)], file, 'image', engine);
  },
};
