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
import { extractBytes, readSource, sha256Hex } from './extract-record.ts';
import { readerFormatOf, readerVersion } from './reader-version.ts';
import { hostOf, stageKey, type StagedOutcome, type StagedResult } from './staged-result.ts';

export interface RawFileInput {
  /** Path to read (absolute or from the working folder). */
  path: string;
  /** Path relative to the raw folder, forward slashes. */
  relPath: string;
  sourceUrl?: string;
}

/** The format stored for a file, by extension (a file no extractor reads counts as text). */
export function sourceFormatOf(path: string): SourceFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  return readerFormatOf(path) ?? 'text';
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
  let bytes: Uint8Array;
  try {
    bytes = await readSource(input.path);
  } catch (e) {
    const source = { relPath: input.relPath, sha256: '', bytes: 0, format, readerVersion: version, host };
    return { key: stageKey('', input.relPath, version, host), source, outcome: failureOf(e) };
  }
  const sha256 = sha256Hex(bytes);
  const source = { relPath: input.relPath, sha256, bytes: bytes.length, format, readerVersion: version, host };
  const key = stageKey(sha256, input.relPath, version, host);
  try {
    const options = { docName: input.relPath, ...(host ? { sourceUrl: `http://${host}/` } : {}) };
    const { record } = await extractBytes(input.path, bytes, options);
    return { key, source: { ...source, format: record.format }, outcome: { kind: 'record', record } };
  } catch (e) {
    return { key, source, outcome: failureOf(e) };
  }
}
