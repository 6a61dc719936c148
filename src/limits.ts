/**
 * Per-document limits: what one document may cost before it fails (with a
 * LimitExceededError naming the limit) instead of taking the run's memory or
 * time. Enforced where each cost arises: bytes when the file is read
 * (pipeline/extract-record.ts), inflated DOCX parts before and while they
 * are inflated (src/extract/docx-inflate-limit.ts), pages when a PDF is
 * opened (src/extract/pdf/pdf.ts), wall time by the worker pool
 * (pipeline/worker-pool.ts), which ends a worker that runs over.
 */
export interface DocumentLimits {
  /** Largest file read, in bytes. */
  maxBytes: number;
  /** Largest total of a DOCX's parts once inflated, in bytes. */
  maxInflatedBytes: number;
  /** Most pages of a PDF. */
  maxPages: number;
  /** Longest extract and transform of one document, in milliseconds. */
  maxMillis: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<DocumentLimits> = {
  // Annual reports run to a few MB; a scan of 200 pages stays under 50 MB.
  maxBytes: 50 * MB,
  // A report's document.xml inflates to a few MB; 100 MB is a zip bomb.
  maxInflatedBytes: 100 * MB,
  // A report has 5-30 pages; 200 is something else (a yearbook, a bound volume).
  maxPages: 200,
  // One document takes tens of milliseconds; a minute is a parser stuck.
  maxMillis: 60_000,
};

/** `n` bytes as MB for messages. */
export function megabytes(n: number): string {
  return `${Math.round((n / MB) * 10) / 10} MB`;
}
