/**
 * Keeps a DOCX (a zip) from inflating past the limit before mammoth reads
 * it. First the sizes its central directory declares for its parts, added
 * up; then, because those can lie, every part inflated with the rest of the
 * budget as the most zlib may produce (output past it is never allocated).
 * A zip bomb fails with LimitExceededError ('inflated') after at most the
 * limit's worth of work and memory. Bytes that are no zip are left to
 * mammoth to refuse.
 */
import { inflateRawSync } from 'node:zlib';
import { LimitExceededError } from '../errors.ts';
import { megabytes } from '../limits.ts';

/** Zip signatures and fixed offsets (APPNOTE.TXT 4.3). */
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
/** The end record sits in the last 22 bytes plus a comment of up to 64 KB. */
const END_SEARCH = END_RECORD_SIZE + 0xffff;
const DEFLATE = 8;

interface Part {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  localHeader: number;
}

/** The parts the central directory lists, or null when the bytes are no zip. */
function parts(bytes: Uint8Array): Part[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - END_RECORD_SIZE; i >= Math.max(0, bytes.length - END_SEARCH); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: Part[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(at + 28, true);
    out.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      declared: view.getUint32(at + 24, true),
      localHeader: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

function dataOf(bytes: Uint8Array, part: Part): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = part.localHeader;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== LOCAL_HEADER) return null;
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  return bytes.subarray(start, Math.min(bytes.length, start + part.compressed));
}

/** Throws LimitExceededError when the DOCX's parts inflate to more than `maxInflated` bytes in all. */
export function checkInflatedSize(bytes: Uint8Array, file: string, maxInflated: number): void {
  const list = parts(bytes);
  if (!list) return;
  const declared = list.reduce((s, p) => s + p.declared, 0);
  const tooBig = (what: string) =>
    new LimitExceededError(file, 'inflated', `DOCX parts ${what} more than the limit of ${megabytes(maxInflated)} once inflated (a zip bomb?); not read`);
  if (declared > maxInflated) throw tooBig(`declare ${megabytes(declared)} in all,`);
  let inflated = 0;
  for (const part of list) {
    const data = dataOf(bytes, part);
    if (!data) return;
    if (part.method !== DEFLATE) {
      inflated += data.length;
    } else {
      try {
        inflated += inflateRawSync(data, { maxOutputLength: Math.max(1, maxInflated - inflated) }).length;
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig(`inflate (${part.name} alone) to`);
        return; // A damaged part: mammoth says what is wrong.
      }
    }
    if (inflated > maxInflated) throw tooBig('inflate to');
  }
}
