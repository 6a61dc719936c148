/**
 * A raw file's bytes and their hash, apart from the readers: the main
 * thread reads and hashes files to look them up in the stage without
 * loading any extractor.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { LimitExceededError, ReadFileError } from '../src/errors.ts';
import { DEFAULT_LIMITS, megabytes } from '../src/limits.ts';

/**
 * The file's bytes, at most `maxBytes` of them: a larger file fails with
 * LimitExceededError ('bytes') before it is read (and one that grows while
 * it is read, once past the limit). Blocking reads: a report is read whole
 * at once, and fs/promises' separate open, stat, read and close round trips
 * through libuv's threads cost about 1 ms a file, more than reading it.
 */
export async function readSource(file: string, maxBytes = DEFAULT_LIMITS.maxBytes): Promise<Uint8Array> {
  return readSourceSync(file, maxBytes);
}

function readSourceSync(file: string, maxBytes: number): Uint8Array {
  const tooBig = (size: string) => new LimitExceededError(file, 'bytes', `file is ${size}, more than the limit of ${megabytes(maxBytes)}; not read`);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const { size } = fstatSync(fd);
    if (size > maxBytes) throw tooBig(megabytes(size));
    // One byte more than allowed tells a file that grew past the limit.
    const buffer = new Uint8Array(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > maxBytes) throw tooBig(`over ${megabytes(maxBytes)}`);
        throw new Error('the file grew while it was read');
      }
    }
    return buffer.subarray(0, length);
  } catch (e) {
    if (e instanceof LimitExceededError) throw e;
    throw new ReadFileError(file, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
