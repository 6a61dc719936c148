/**
 * Saves a download into the raw folder without ever leaving a half-written
 * file or losing a good one: bytes go to a hidden temporary file beside the
 * target, then one rename puts them in place. Bytes equal to the saved copy
 * are not written again; a download keep-beside.ts turns down is written
 * beside the saved copy instead.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { looksLikeHtml } from './file-type.ts';
import { besidePath, keepBesideReason } from './keep-beside.ts';

export type StoreOutcome =
  | { kind: 'written'; path: string; /** whether a saved copy was replaced */ replaced: boolean }
  | { kind: 'unchanged'; path: string }
  | { kind: 'kept_beside'; path: string; reason: string };

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  await writeFile(tmp, bytes);
  await rename(tmp, file);
}

/** Whether a saved file is HTML: by its name, or by its first bytes. */
function savedIsHtml(path: string, bytes: Uint8Array): boolean {
  return /\.html?$/i.test(path) || looksLikeHtml(bytes);
}

/**
 * Saves `bytes` at `path` (relative to `rawDir`, forward slashes).
 * `isHtml`: whether the download is an HTML page.
 */
export async function storeDownload(rawDir: string, path: string, bytes: Uint8Array, isHtml: boolean): Promise<StoreOutcome> {
  const target = join(rawDir, path);
  const saved = await readIfExists(target);
  if (saved) {
    if (saved.equals(bytes)) return { kind: 'unchanged', path };
    const reason = keepBesideReason({ size: saved.length, isHtml: savedIsHtml(path, saved) }, { size: bytes.byteLength, isHtml });
    if (reason) {
      const beside = besidePath(path, sha256Of(bytes));
      await writeAtomically(join(rawDir, beside), bytes);
      return { kind: 'kept_beside', path: beside, reason };
    }
  }
  await writeAtomically(target, bytes);
  return { kind: 'written', path, replaced: saved !== null };
}
