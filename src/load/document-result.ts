/**
 * What the pipeline hands the load layer for one raw file: either the record
 * transform produced, or the reason there is none. One DocumentResult becomes
 * one row of `reports` plus, for a record, its facts and validation issues.
 */
import type { SourceFormat } from '../extract/document.ts';
import type { ReportRecord } from '../transform/record.ts';

export type ReportStatus = 'ok' | 'warnings' | 'errors' | 'unsupported_template' | 'needs_ocr' | 'failed';

export interface SourceFile {
  /** Relative to the raw dir, forward slashes. The report's identity: report_id is derived from it. */
  path: string;
  /** Hex sha256 of the file's bytes ('' when the file could not be read). */
  sha256: string;
  bytes: number;
  format: SourceFormat;
  /** Version of the extract and transform code that read the file (pipeline/code-version.ts). */
  codeVersion: string;
  /** Where the crawler fetched the file, from the raw folder's manifest. */
  sourceUrl?: string;
  /** Date the agency published the file, YYYY-MM-DD, from the raw folder's manifest. */
  published?: string;
}

export type DocumentResult =
  | {
      kind: 'record';
      source: SourceFile;
      record: ReportRecord;
      /** False for a second report of the same agency and year; its facts load but views skip it. Default true. */
      primary?: boolean;
      /** For a non-primary report: source path of the primary report it duplicates (stored as its report_id). */
      duplicateOf?: string;
    }
  | { kind: 'failure'; source: SourceFile; status: 'needs_ocr' | 'failed'; reason: string };

/**
 * What tells whether a stored report must be read again: its file's bytes,
 * the code that read them, and what the manifest says of the file (the URL is
 * a clue to the agency's region, the date picks among duplicates).
 */
export function fingerprint(source: Pick<SourceFile, 'sha256' | 'codeVersion' | 'sourceUrl' | 'published'>): string {
  return [source.sha256, source.codeVersion, source.sourceUrl ?? '', source.published ?? ''].join(' ');
}

/** A record's status: 'unsupported_template' for a report on the pre-2019 template; else from its issues: any error -> 'errors', any warning -> 'warnings', else 'ok'. */
export function recordStatus(record: ReportRecord): ReportStatus {
  if (record.status === 'unsupported_template') return 'unsupported_template';
  if (record.validation.some((i) => i.severity === 'error')) return 'errors';
  if (record.validation.some((i) => i.severity === 'warning')) return 'warnings';
  return 'ok';
}

export function statusOf(result: DocumentResult): ReportStatus {
  return result.kind === 'failure' ? result.status : recordStatus(result.record);
}
