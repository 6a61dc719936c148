/**
 * The Kingsoft WPS Writer (.wps) extractor. A .wps is one of several kinds
 * of file, told apart by its first bytes and, for a compound document, by its
 * streams:
 *
 *   - a compound document with a WordDocument stream: what WPS Office writes
 *     by default (Word 97-2003 inside), read by the .doc reader;
 *   - a zip (OOXML package with word/document.xml): read as DOCX;
 *   - anything else (a compound document of other streams, Microsoft Works'
 *     own .wps, the DOS-era WPS text format) fails with a reason that names
 *     which kind it is.
 */
import type { DocumentModel, Extractor } from '../document.ts';
import { EmptyFileError, UnsupportedFormatError } from '../../errors.ts';
import { docxExtractor } from '../docx.ts';
import { readWordDocument } from './doc.ts';
import { hasWordDocument, openCompound, streamNames } from './word-streams.ts';

/** First bytes of an OLE2 compound document. */
const COMPOUND_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** First bytes of a zip archive (an OOXML package). */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** First bytes of a Microsoft Works 1-3 (DOS) / 2 (Windows) document, big-endian 0x01FE. */
const WORKS_DOS_MAGIC = [0x01, 0xfe];
/** Streams of a Microsoft Works 4-9 word-processor document. */
const WORKS_STREAMS = ['MatOST', 'CONTENTS'];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Which kind of .wps a file is, for the reason of a file nianbao cannot read. */
export function wpsKind(bytes: Uint8Array, names: readonly string[] = []): string {
  if (startsWith(bytes, COMPOUND_MAGIC)) {
    if (WORKS_STREAMS.every((s) => names.includes(s))) return 'a Microsoft Works word-processor document (not Kingsoft WPS)';
    return `a compound document without a WordDocument stream (Kingsoft WPS 2000-2005 native format; streams: ${names.join(', ') || 'none'})`;
  }
  if (startsWith(bytes, ZIP_MAGIC)) return 'a zip package without word/document.xml (not an OOXML word-processing document)';
  if (startsWith(bytes, WORKS_DOS_MAGIC)) return 'a Microsoft Works 1-3 (DOS) document';
  return 'neither a compound document nor a zip package: an old Kingsoft WPS (DOS or WPS 97) file, or not a WPS file at all';
}

async function readZippedWps(bytes: Uint8Array, file: string): Promise<DocumentModel> {
  if (!Buffer.from(bytes).includes('word/document.xml')) throw new UnsupportedFormatError(file, `cannot read this .wps: it is ${wpsKind(bytes)}`);
  return { ...(await docxExtractor.extract(bytes, file)), format: 'wps' };
}

export const wpsExtractor: Extractor = {
  extensions: ['.wps'],
  format: 'wps',
  async extract(bytes, file) {
    if (bytes.length === 0) throw new EmptyFileError(file);
    if (startsWith(bytes, ZIP_MAGIC)) return readZippedWps(bytes, file);
    if (!startsWith(bytes, COMPOUND_MAGIC)) throw new UnsupportedFormatError(file, `cannot read this .wps: it is ${wpsKind(bytes)}`);
    const container = openCompound(bytes, file);
    if (!hasWordDocument(container)) throw new UnsupportedFormatError(file, `cannot read this .wps: it is ${wpsKind(bytes, streamNames(container))}`);
    return readWordDocument(container, file, 'wps');
  },
};
