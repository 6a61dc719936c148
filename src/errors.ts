/**
 * Typed errors. Every error names the file it concerns and the reason, in a
 * sentence a user can act on; `cause` keeps the underlying error.
 */

export type FailureKind = 'empty' | 'unsupported' | 'corrupt' | 'encrypted' | 'needs_ocr' | 'not_a_report' | 'io' | 'load' | 'config' | 'limit';

export class NianbaoError extends Error {
  readonly file: string;
  readonly kind: FailureKind;
  constructor(kind: FailureKind, file: string, reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = new.target.name;
    this.kind = kind;
    this.file = file;
  }
  /** One line for logs and the end-of-run summary: "FILE: reason". */
  line(): string {
    return `${this.file}: ${this.message}`;
  }
}

/** The file has no bytes or no text at all. */
export class EmptyFileError extends NianbaoError {
  constructor(file: string, reason = 'file is empty') {
    super('empty', file, reason);
  }
}

/** No extractor reads this kind of file. */
export class UnsupportedFormatError extends NianbaoError {
  constructor(file: string, reason: string) {
    super('unsupported', file, reason);
  }
}

/** The bytes cannot be parsed as the format the file claims to be. */
export class CorruptFileError extends NianbaoError {
  constructor(file: string, reason: string, cause?: unknown) {
    super('corrupt', file, reason, { cause });
  }
}

/** The file is encrypted or password-protected. */
export class EncryptedFileError extends NianbaoError {
  constructor(file: string, reason = 'file is encrypted (password-protected); cannot read its text') {
    super('encrypted', file, reason);
  }
}

/** A file with no text to read (a scan, a picture): it needs OCR, and the OCR engine is missing or found nothing. */
export class NeedsOcrError extends NianbaoError {
  constructor(file: string, reason = 'PDF has no text layer (scanned image); it needs OCR') {
    super('needs_ocr', file, reason);
  }
}

/** The document parsed, but it is not an annual report: none of the report's tables were found. */
export class NotAReportError extends NianbaoError {
  constructor(file: string, reason: string) {
    super('not_a_report', file, reason);
  }
}

/** Reading the file failed. */
export class ReadFileError extends NianbaoError {
  constructor(file: string, cause: unknown) {
    super('io', file, `cannot read file: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** The per-document limits (src/limits.ts): which one a document went past. */
export type LimitName = 'bytes' | 'inflated' | 'pages' | 'wall_time';

/** A document past one of the per-document limits: read no further, so it cannot take the run's memory or time. */
export class LimitExceededError extends NianbaoError {
  readonly limit: LimitName;
  constructor(file: string, limit: LimitName, reason: string) {
    super('limit', file, reason);
    this.limit = limit;
  }
}

/** Writing to the warehouse failed. */
export class LoadError extends NianbaoError {
  constructor(file: string, reason: string, cause?: unknown) {
    super('load', file, reason, { cause });
  }
}

/** A sources file, crawl config or manifest that cannot be used as written: names the file, the line when there is one, and what to fix. */
export class ConfigError extends NianbaoError {
  constructor(file: string, reason: string, cause?: unknown) {
    super('config', file, reason, { cause });
  }
}

export function isNianbaoError(e: unknown): e is NianbaoError {
  return e instanceof NianbaoError;
}
