/**
 * One raw file -> its StagedResult (record or failure). Serializable in and
 * out, and nothing shared between calls, so a worker thread can run it as it
 * is. Never throws for a bad file: every failure is a result naming the
 * reason. The reader sees only the host of the manifest's source URL (a clue
 * to the agency's region), so the stage key holds the host, not the URL.
 */
import { extname } from 'node:path';
import { isNianbaoError } from '../src/errors.ts';
import type { SourceFormat } from '../src/extract/document.ts';
import { DEFAULT_LIMITS, type DocumentLimits } from '../src/limits.ts';
import { readSource, sha256Hex } from './source-bytes.ts';
import { readerFormatOf, readerVersion } from './reader-version.ts';
import { hostOf, stageKey, type StagedOutcome, type StagedResult } from './staged-result.ts';

export interface RawFileInput {
  /** Path to read (absolute or from the working folder). */
  path: string;
  /** Path relative to the raw folder, forward slashes. */
  relPath: string;
  sourceUrl?: string;
  /** Per-document limits (src/limits.ts); the defaults when absent. */
  limits?: DocumentLimits;
}

/** The format stored for a file, by extension (a file no extractor reads counts as text). */
export function sourceFormatOf(path: string): SourceFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  return readerFormatOf(path) ?? 'text';
}

/** The failed result of a file whose reading was stopped from outside (the pool's wall-time limit), keyed by its bytes like any other. */
export async function stoppedResult(input: RawFileInput, reason: string): Promise<StagedResult> {
  const version = readerVersion(readerFormatOf(input.path));
  const host = hostOf(input.sourceUrl);
  const bytes = await readSource(input.path, input.limits?.maxBytes ?? DEFAULT_LIMITS.maxBytes).catch(() => new Uint8Array());
  const sha256 = bytes.length > 0 ? sha256Hex(bytes) : '';
  const source = { relPath: input.relPath, sha256, bytes: bytes.length, format: sourceFormatOf(input.path), readerVersion: version, host };
  return { key: stageKey(sha256, input.relPath, version, host), source, outcome: { kind: 'failure', status: 'failed', reason } };
}

function failureOf(e: unknown): StagedOutcome {
  if (isNianbaoError(e)) return { kind: 'failure', status: e.kind === 'needs_ocr' ? 'needs_ocr' : 'failed', reason: e.message };
  // A bug met on one document fails that document, not the run.
  return { kind: 'failure', status: 'failed', reason: `internal error: ${e instanceof Error ? e.message : String(e)}` };
}

export async function readRawFile(input: RawFileInput): Promise<StagedResult> {
  const version = readerVersion(readerFormatOf(input.path));
  const host = hostOf(input.sourceUrl);
  const format = sourceFormatOf(input.path);
  const limits = input.limits ?? DEFAULT_LIMITS;
  let bytes: Uint8Array;
  try {
    bytes = await readSource(input.path, limits.maxBytes);
  } catch (e) {
    const source = { relPath: input.relPath, sha256: '', bytes: 0, format, readerVersion: version, host };
    return { key: stageKey('', input.relPath, version, host), source, outcome: failureOf(e) };
  }
  const sha256 = sha256Hex(bytes);
  const source = { relPath: input.relPath, sha256, bytes: bytes.length, format, readerVersion: version, host };
  const key = stageKey(sha256, input.relPath, version, host);
  try {
    const options = { docName: input.relPath, limits, ...(host ? { sourceUrl: `http://${host}/` } : {}) };
    // Loaded at the first file read, so a pool's main thread, which reads in workers, never loads the readers.
    const { extractBytes } = await import('./extract-record.ts');
    const { record } = await extractBytes(input.path, bytes, options);
    return { key, source: { ...source, format: record.format }, outcome: { kind: 'record', record } };
  } catch (e) {
    return { key, source, outcome: failureOf(e) };
  }
}
