/**
 * The HTML extractor (.html, .htm): saved report pages in UTF-8, GBK or
 * GB2312 become the document model.
 */
import type { Extractor } from './document.ts';
import { EmptyFileError } from '../errors.ts';
import { decodeHtml } from './html-charset.ts';
import { readHtmlDocument } from './html-document.ts';

export const htmlExtractor: Extractor = {
  extensions: ['.html', '.htm'],
  format: 'html',
  async extract(bytes, file) {
    if (bytes.length === 0) throw new EmptyFileError(file);
    const { text, mismatch } = decodeHtml(bytes);
    const doc = readHtmlDocument(text, file, 'html');
    if (doc.blocks.length === 0) throw new EmptyFileError(file, 'HTML page has no text');
    return mismatch ? { ...doc, notes: [{ code: 'charset_mismatch', message: mismatch }] } : doc;
  },
};
