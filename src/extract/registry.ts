/**
 * Picks the extractor for a file by its extension. Extractors are loaded on
 * first use so a run over text files never loads the PDF machinery.
 */
import { extname } from 'node:path';
import type { Extractor, SourceFormat } from './document.ts';
import { UnsupportedFormatError } from '../errors.ts';

type Loader = () => Promise<Extractor>;

const loaders: Record<string, Loader> = {
  '.txt': async () => (await import('./text.ts')).textExtractor,
  '.md': async () => (await import('./text.ts')).textExtractor,
  '.markdown': async () => (await import('./text.ts')).textExtractor,
  '.html': async () => (await import('./ocr/html-images.ts')).htmlWithPicturesExtractor,
  '.htm': async () => (await import('./ocr/html-images.ts')).htmlWithPicturesExtractor,
  '.docx': async () => (await import('./docx.ts')).docxExtractor,
  '.pdf': async () => (await import('./ocr/scanned-pdf.ts')).pdfWithOcrExtractor,
  '.doc': async () => (await import('./doc/doc.ts')).docExtractor,
  '.wps': async () => (await import('./doc/wps.ts')).wpsExtractor,
  '.xlsx': async () => (await import('./xlsx.ts')).xlsxExtractor,
  '.xls': async () => (await import('./xlsx.ts')).xlsExtractor,
  '.png': async () => (await import('./ocr/ocr-document.ts')).imageExtractor,
  '.jpg': async () => (await import('./ocr/ocr-document.ts')).imageExtractor,
  '.jpeg': async () => (await import('./ocr/ocr-document.ts')).imageExtractor,
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(loaders);

const FORMATS: Record<string, SourceFormat> = {
  '.txt': 'text',
  // The text extractor reads markdown too, and says so: format 'text'.
  '.md': 'text',
  '.markdown': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.doc': 'doc',
  '.wps': 'wps',
  '.xlsx': 'xlsx',
  '.xls': 'xlsx',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
};

/** The format a file's extension says, without loading its extractor ('text' for an unsupported one). */
export function formatOfPath(file: string): SourceFormat {
  return FORMATS[extname(file).toLowerCase()] ?? 'text';
}

export function isSupported(file: string): boolean {
  return extname(file).toLowerCase() in loaders;
}

export async function extractorFor(file: string): Promise<Extractor> {
  const ext = extname(file).toLowerCase();
  const load = loaders[ext];
  if (!load) {
    throw new UnsupportedFormatError(file, `unsupported file type "${ext || '(none)'}"; nianbao reads ${SUPPORTED_EXTENSIONS.join(', ')}`);
  }
  return load();
}
