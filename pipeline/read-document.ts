/**
 * One raw file through read, extract and transform, as a worker runs it:
 * the input and the output are plain data (they cross to and from a worker
 * thread). Reads the bytes (within the bytes limit), says 'unchanged' when
 * the stored fingerprint matches, else extracts and transforms. A document
 * that fails gives its reason; it never throws.
 */
import { isNianbaoError } from '../src/errors.ts';
import { formatOfPath } from '../src/extract/registry.ts';
import type { DocumentLimits } from '../src/limits.ts';
import { fingerprint, type DocumentResult, type SourceFile } from '../src/load/document-result.ts';
import { extractBytes, readSource, sha256Hex } from './extract-record.ts';

export interface ReadTask {
  /** Where the file is. */
  path: string;
  /** Its path relative to the raw folder: the report's identity. */
  relPath: string;
  sourceUrl?: string;
  published?: string;
  /** pipeline/code-version.ts, computed once by the caller. */
  codeVersion: string;
  /** The fingerprint stored for this path: a file that still has it is 'unchanged'. Absent: always read. */
  knownFingerprint?: string;
  limits: DocumentLimits;
}

export type ReadOutcome = DocumentResult | { kind: 'unchanged' };

/** The source row of a file, as far as it is known (a file not read is stored as text, as it always was). */
export function sourceOf(task: ReadTask, read?: { sha256: string; bytes: number }): SourceFile {
  return {
    path: task.relPath,
    sha256: read?.sha256 ?? '',
    bytes: read?.bytes ?? 0,
    format: read ? formatOfPath(task.path) : 'text',
    codeVersion: task.codeVersion,
    sourceUrl: task.sourceUrl,
    published: task.published,
  };
}

function reasonOf(e: unknown): string {
  return isNianbaoError(e) ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
}

export async function readDocument(task: ReadTask): Promise<ReadOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await readSource(task.path, task.limits.maxBytes);
  } catch (e) {
    return { kind: 'failure', source: sourceOf(task), status: 'failed', reason: reasonOf(e) };
  }
  const sha256 = sha256Hex(bytes);
  const source = sourceOf(task, { sha256, bytes: bytes.length });
  if (task.knownFingerprint !== undefined && task.knownFingerprint === fingerprint(source)) return { kind: 'unchanged' };
  try {
    const extracted = await extractBytes(task.path, bytes, { docName: task.relPath, sourceUrl: task.sourceUrl, limits: task.limits });
    return { kind: 'record', source, record: extracted.record };
  } catch (e) {
    return { kind: 'failure', source, status: isNianbaoError(e) && e.kind === 'needs_ocr' ? 'needs_ocr' : 'failed', reason: reasonOf(e) };
  }
}
