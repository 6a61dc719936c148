/**
 * PDFs as the registry reads them: the text layer first (src/extract/pdf/),
 * and a PDF that has none to read (a scan, or fonts that map their glyphs to
 * no characters) is rendered and read by OCR instead, so a scanned report
 * gives a record like any other, every OCR'd value a warning naming its cell.
 * Without the engine it stays NeedsOcrError, one line saying the engine is
 * missing and why the PDF needed it.
 */
import type { Extractor } from '../document.ts';
import { NeedsOcrError } from '../../errors.ts';
import { DEFAULT_LIMITS } from '../../limits.ts';
import { extractPdf } from '../pdf/pdf.ts';

export const pdfWithOcrExtractor: Extractor = {
  extensions: ['.pdf'],
  format: 'pdf',
  async extract(bytes, file, limits = DEFAULT_LIMITS) {
    try {
      return await extractPdf(bytes, file, { maxPages: limits.maxPages });
    } catch (e) {
      if (!(e instanceof NeedsOcrError)) throw e;
      // Loaded only for a PDF without a text layer: a run over born-digital PDFs never loads the OCR code.
      const { ocrPdf } = await import('./ocr-document.ts');
      try {
        return await ocrPdf(bytes, file);
      } catch (ocr) {
        if (ocr instanceof NeedsOcrError) throw new NeedsOcrError(file, `${ocr.message}; ${e.message}`);
        throw ocr;
      }
    }
  },
};
