/**
 * One document through extract and transform: file -> ReportRecord. Reads
 * the file, picks the extractor by extension, maps onto the template, then
 * validates. Errors are typed and name the file.
 */
import { basename } from 'node:path';
import { EmptyFileError, NotAReportError, isNianbaoError, CorruptFileError } from '../src/errors.ts';
import type { DocumentModel } from '../src/extract/document.ts';
import { extractorFor } from '../src/extract/registry.ts';
import { DEFAULT_LIMITS, type DocumentLimits } from '../src/limits.ts';
import type { ReportRecord } from '../src/transform/record.ts';
import { asUnsupportedTemplate, reportKind } from '../src/transform/report-kind.ts';
import { transformDocument } from '../src/transform/transform-document.ts';
import { finishRecord } from '../src/transform/finish-record.ts';
import { readSource, sha256Hex } from './source-bytes.ts';

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
