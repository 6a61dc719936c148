/**
 * Turns the bytes of a plain-text file into a string of lines: UTF-8 (BOM
 * dropped) when the bytes are valid UTF-8, UTF-16 when a UTF-16 BOM says so,
 * otherwise GB18030 (the superset of GBK/GB2312 that Chinese Windows tools
 * write). Line ends are normalised to "\n". Empty or blank files are refused.
 */
import { EmptyFileError } from '../errors.ts';

/** Decode `bytes` as described above. Throws EmptyFileError when there is no text. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new EmptyFileError(file);
  const text = decodeBytes(bytes).replace(/\r\n?/g, '\n');
  if (/^[\s\u00a0\u3000\u200b\ufeff]*$/.test(text)) {
    throw new EmptyFileError(file, 'file holds only white space; there is no text to read');
  }
  return text;
}

function decodeBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    // The UTF-8 decoder drops a leading BOM by default.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
