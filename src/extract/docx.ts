/**
 * The DOCX extractor: mammoth turns the document into HTML (merged cells
 * become rowspan/colspan), then the HTML reader builds the document model.
 * Before mammoth inflates anything, the parts' inflated size is held to the
 * limit (docx-inflate-limit.ts).
 */
import mammoth from 'mammoth';
import type { Extractor } from './document.ts';
import { CorruptFileError, EmptyFileError } from '../errors.ts';
import { DEFAULT_LIMITS } from '../limits.ts';
import { checkInflatedSize } from './docx-inflate-limit.ts';
import { readHtmlDocument } from './html-document.ts';

export const docxExtractor: Extractor = {
  extensions: ['.docx'],
  format: 'docx',
  async extract(bytes, file, limits = DEFAULT_LIMITS) {
    if (bytes.length === 0) throw new EmptyFileError(file);
    checkInflatedSize(bytes, file, limits.maxInflatedBytes);
    let html: string;
    try {
      ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
    } catch (e) {
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      throw new CorruptFileError(file, `not a readable DOCX (Word) file: ${why}`, e);
    }
    const doc = readHtmlDocument(`<body>${html}</body>`, file, 'docx');
    if (doc.blocks.length === 0) throw new EmptyFileError(file, 'DOCX document has no text');
    return doc;
  },
};
