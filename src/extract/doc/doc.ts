/**
 * The Word 97-2003 (.doc) extractor, pure JavaScript so no converter is
 * needed. How the parts fit:
 *
 *   word-streams.ts          the compound file (cfb), the FIB, the streams;
 *   piece-table.ts           the main document's characters (piece table);
 *   paragraph-properties.ts  which paragraphs are table cells and row ends,
 *                            and each row's cell edges and merges;
 *   doc-blocks.ts            paragraphs and tables (cell grids) in order.
 *
 * The result is the document model every format produces (tables with
 * spans resolved, as docx.ts gives for a DOCX). wps.ts reads Kingsoft WPS
 * files through this when they are Word-compatible.
 */
import type { DocumentModel, Extractor, SourceFormat } from '../document.ts';
import { CorruptFileError, EmptyFileError, isNianbaoError } from '../../errors.ts';
import { docBlocks, paragraphsOf } from './doc-blocks.ts';
import { paragraphProperties } from './paragraph-properties.ts';
import { mainText } from './piece-table.ts';
import { openCompound, wordStreams } from './word-streams.ts';
import type CFB from 'cfb';

/** The document model of a Word binary document already opened as a compound file. */
export function readWordDocument(container: CFB.CFB$Container, file: string, format: SourceFormat): DocumentModel {
  const streams = wordStreams(container, file);
  let blocks;
  try {
    blocks = docBlocks(paragraphsOf(mainText(streams, file), paragraphProperties(streams)), file);
  } catch (e) {
    if (isNianbaoError(e)) throw e;
    throw new CorruptFileError(file, `Word document structure is damaged: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  if (blocks.length === 0) throw new EmptyFileError(file, 'Word document has no text');
  return { file, format, blocks };
}

export const docExtractor: Extractor = {
  extensions: ['.doc'],
  format: 'doc',
  async extract(bytes, file) {
    if (bytes.length === 0) throw new EmptyFileError(file);
    return readWordDocument(openCompound(bytes, file), file, 'doc');
  },
};
