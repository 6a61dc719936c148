/**
 * The main document's characters from the piece table (the Clx in the table
 * stream, [MS-DOC] 2.9.38): each piece is a run of character positions (CP)
 * stored at a file offset (FC) in the WordDocument stream, as UTF-16LE or as
 * one byte a character ("compressed", Windows-1252).
 */
import { CorruptFileError } from '../../errors.ts';
import { FC_CLX, type WordStreams } from './word-streams.ts';

/** A character of the main document and the offset of its bytes in the WordDocument stream. */
export interface DocChar {
  ch: string;
  fc: number;
}

/** Size of a piece descriptor (PCD). */
const PCD_SIZE = 8;
/** fCompressed bit of an FcCompressed. */
const COMPRESSED = 0x40000000;

const cp1252 = new TextDecoder('windows-1252');

/** The Pcdt (clxt 2) after any Prc entries (clxt 1). */
function plcPcd(table: Buffer, fc: number, lcb: number, file: string): Buffer {
  let at = fc;
  const end = fc + lcb;
  while (at < end) {
    const clxt = table[at];
    if (clxt === 1) {
      at += 3 + table.readUInt16LE(at + 1);
    } else if (clxt === 2) {
      const size = table.readUInt32LE(at + 1);
      return table.subarray(at + 5, at + 5 + size);
    } else break;
  }
  throw new CorruptFileError(file, 'Word document has no readable piece table');
}

export function mainText(streams: WordStreams, file: string): DocChar[] {
  const { fc, lcb } = streams.fcLcb(FC_CLX);
  if (lcb === 0 || fc + lcb > streams.table.length) throw new CorruptFileError(file, 'Word document has no piece table (fast-saved or damaged file)');
  const plc = plcPcd(streams.table, fc, lcb, file);
  const n = (plc.length - 4) / (4 + PCD_SIZE);
  if (!Number.isInteger(n) || n < 1) throw new CorruptFileError(file, 'Word document piece table is damaged');
  const chars: DocChar[] = [];
  for (let i = 0; i < n && chars.length < streams.ccpText; i++) {
    const cpStart = plc.readUInt32LE(i * 4);
    const cpEnd = Math.min(plc.readUInt32LE((i + 1) * 4), streams.ccpText);
    const raw = plc.readUInt32LE((n + 1) * 4 + i * PCD_SIZE + 2);
    const compressed = (raw & COMPRESSED) !== 0;
    const base = compressed ? (raw & ~COMPRESSED) / 2 : raw;
    const width = compressed ? 1 : 2;
    for (let cp = cpStart; cp < cpEnd; cp++) {
      const at = base + (cp - cpStart) * width;
      if (at + width > streams.word.length) throw new CorruptFileError(file, 'Word document text runs past the end of its stream (truncated file)');
      const ch = compressed ? cp1252.decode(streams.word.subarray(at, at + 1)) : String.fromCharCode(streams.word.readUInt16LE(at));
      chars.push({ ch, fc: at });
    }
  }
  return chars;
}
