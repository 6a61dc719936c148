/**
 * Opens a Word 97-2003 binary document: the compound file (cfb), its
 * WordDocument stream, the FIB at its start, and the table and data streams
 * the FIB points to ([MS-DOC] 2.5). Only what the text and table reader
 * needs is decoded.
 */
import CFB from 'cfb';
import { CorruptFileError, EncryptedFileError } from '../../errors.ts';

/** wIdent of a Word 97+ FIB. */
const WORD_IDENT = 0xa5ec;
/** Size of FibBase, after which csw and FibRgW97 follow. */
const FIB_BASE_SIZE = 32;
/** Index of fcClx / fcPlcfBtePapx in FibRgFcLcb97 (pairs of fc, lcb). */
export const FC_CLX = 33;
export const FC_PLCF_BTE_PAPX = 13;
/** Index of ccpText in FibRgLw97. */
const CCP_TEXT = 3;

export interface WordStreams {
  word: Buffer;
  table: Buffer;
  /** The Data stream, which may hold large paragraph properties (sprmPHugePapx); empty when absent. */
  data: Buffer;
  /** Characters in the main document (footnotes, headers and the rest follow it). */
  ccpText: number;
  /** fc and lcb of FibRgFcLcb entry `index`. */
  fcLcb(index: number): { fc: number; lcb: number };
}

/** The compound file, or a CorruptFileError. */
export function openCompound(bytes: Uint8Array, file: string): CFB.CFB$Container {
  try {
    return CFB.read(Buffer.from(bytes), { type: 'buffer' });
  } catch (e) {
    throw new CorruptFileError(file, `not a readable compound document (OLE2): ${e instanceof Error ? e.message : String(e)}`, e);
  }
}

/** Names of the content streams at the top of a compound file (not the reserved ones whose names start with a control character, like \x05SummaryInformation). */
export function streamNames(container: CFB.CFB$Container): string[] {
  return container.FullPaths.filter((p) => /^Root Entry\/[^/\x00-\x1f][^/]*$/.test(p)).map((p) => p.slice('Root Entry/'.length));
}

function stream(container: CFB.CFB$Container, name: string): Buffer | undefined {
  const entry = CFB.find(container, name);
  return entry?.content ? Buffer.from(entry.content as Uint8Array) : undefined;
}

export function hasWordDocument(container: CFB.CFB$Container): boolean {
  return CFB.find(container, 'WordDocument') !== null;
}

export function wordStreams(container: CFB.CFB$Container, file: string): WordStreams {
  const word = stream(container, 'WordDocument');
  if (!word || word.length < FIB_BASE_SIZE + 2) throw new CorruptFileError(file, 'compound document has no WordDocument stream: not a Word document');
  if (word.readUInt16LE(0) !== WORD_IDENT) throw new CorruptFileError(file, 'WordDocument stream has no Word 97-2003 header (a Word 6/95 or older file?)');
  const flags = word.readUInt16LE(0x0a);
  if (flags & 0x0100) throw new EncryptedFileError(file, 'Word document is encrypted (password-protected); cannot read its text');
  const table = stream(container, flags & 0x0200 ? '1Table' : '0Table');
  if (!table) throw new CorruptFileError(file, 'Word document has no table stream (0Table/1Table)');
  const csw = word.readUInt16LE(FIB_BASE_SIZE);
  const lwAt = FIB_BASE_SIZE + 2 + csw * 2 + 2;
  const cslw = word.readUInt16LE(lwAt - 2);
  const fcAt = lwAt + cslw * 4 + 2;
  const cbRgFcLcb = word.readUInt16LE(fcAt - 2);
  if (cslw <= CCP_TEXT || cbRgFcLcb <= FC_CLX || fcAt + cbRgFcLcb * 8 > word.length) throw new CorruptFileError(file, 'Word document header (FIB) is truncated');
  return {
    word,
    table,
    data: stream(container, 'Data') ?? Buffer.alloc(0),
    ccpText: word.readInt32LE(lwAt + CCP_TEXT * 4),
    fcLcb: (index) => ({ fc: word.readUInt32LE(fcAt + index * 8), lcb: word.readUInt32LE(fcAt + index * 8 + 4) }),
  };
}
