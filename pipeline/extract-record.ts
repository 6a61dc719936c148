/**
 * One document through extract and transform: file -> ReportRecord. Reads
 * the file, picks the extractor by extension, maps onto the template, then
 * validates. Errors are typed and name the file.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { EmptyFileError, LimitExceededError, NotAReportError, ReadFileError, isNianbaoError, CorruptFileError } from '../src/errors.ts';
import type { DocumentModel } from '../src/extract/document.ts';
import { extractorFor } from '../src/extract/registry.ts';
import { DEFAULT_LIMITS, megabytes, type DocumentLimits } from '../src/limits.ts';
import type { ReportRecord } from '../src/transform/record.ts';
import { asUnsupportedTemplate, reportKind } from '../src/transform/report-kind.ts';
import { transformDocument } from '../src/transform/transform-document.ts';
import { finishRecord } from '../src/transform/finish-record.ts';

export interface ExtractedFile {
  record: ReportRecord;
  document: DocumentModel;
  sha256: string;
  bytes: number;
}

export interface ExtractOptions {
  /** Name recorded as `doc` (defaults to the file's base name). */
  docName?: string;
  /** Source URL from a raw-folder manifest, a clue for region resolution. */
  sourceUrl?: string;
  /** Per-document limits (defaults: src/limits.ts). */
  limits?: DocumentLimits;
}

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

export async function extractBytes(file: string, bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractedFile> {
  if (bytes.length === 0) throw new EmptyFileError(file);
  const extractor = await extractorFor(file);
  let document: DocumentModel;
  try {
    document = await extractor.extract(bytes, file, options.limits ?? DEFAULT_LIMITS);
  } catch (e) {
    if (isNianbaoError(e)) throw e;
    throw new CorruptFileError(file, `cannot read as ${extractor.format}: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  const transformed = transformDocument({ ...document, file: options.docName ?? basename(file) });
  const kind = reportKind(transformed, document);
  if (kind.kind === 'title_only') throw new EmptyFileError(file, `the page holds only its title ("${kind.title}"): there is no report text to read`);
  if (kind.kind === 'not_a_report') {
    throw new NotAReportError(file, 'not an annual report: none of the tables 二 主动公开, 三 依申请公开, 四 行政复议/诉讼 was found');
  }
  const mapped = kind.kind === 'unsupported_template' ? asUnsupportedTemplate(transformed, kind.year) : transformed;
  const record = finishRecord(mapped, document, { sourceUrl: options.sourceUrl });
  return { record, document, sha256: sha256Hex(bytes), bytes: bytes.length };
}

export async function extractFile(file: string, options: ExtractOptions = {}): Promise<ExtractedFile> {
  return extractBytes(file, await readSource(file, options.limits?.maxBytes), options);
}

export async function extractRecord(file: string, options: ExtractOptions = {}): Promise<ReportRecord> {
  return (await extractFile(file, options)).record;
}
