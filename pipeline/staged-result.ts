/**
 * What reading one raw file gives, as staged beside the warehouse
 * (pipeline/stage-store.ts): the record, or the reason there is none, with
 * everything that decided it. Plain JSON, so a worker thread can hand it back.
 * StagedSummary is the small part the plan needs (pipeline/plan-warehouse.ts):
 * the plan never holds whole records, and holds every summary of a run.
 */
import { createHash } from 'node:crypto';
import type { SourceFormat } from '../src/extract/document.ts';
import type { RegionResult, ReportRecord } from '../src/transform/record.ts';
import { carriedRows, type CarriedRows } from '../src/transform/validate/cross-year.ts';

export type StagedOutcome = { kind: 'record'; record: ReportRecord } | { kind: 'failure'; status: 'failed' | 'needs_ocr'; reason: string };

export interface StagedSource {
  relPath: string;
  /** Hex sha256 of the bytes read ('' when the file could not be read). */
  sha256: string;
  bytes: number;
  format: SourceFormat;
  readerVersion: string;
  /** The host of the manifest's source URL, the only part of the manifest line the reader sees. */
  host: string | null;
}

export interface StagedResult {
  key: string;
  source: StagedSource;
  outcome: StagedOutcome;
}

export interface StagedSummary {
  key: string;
  source: StagedSource;
  kind: 'record' | 'failure';
  /** For a failure: failed or needs_ocr; for a record: ok, warnings or errors. */
  status: 'ok' | 'warnings' | 'errors' | 'unsupported_template' | 'failed' | 'needs_ocr';
  reason: string | null;
  agency: string | null;
  year: number | null;
  doc: string;
  title: string | null;
  template: ReportRecord['template'];
  region?: RegionResult;
  /** Distinct cells (table, row, column) holding a number. */
  readableCells: number;
  errors: number;
  /** What the cross-year rule reads of section 三 (not the whole table: a run holds every summary). */
  carried: CarriedRows;
}

/** Hex digits of a stage key. */
const KEY_LENGTH = 32;

/** The stage key: everything that can change what reading the file gives. */
export function stageKey(sha256: string, relPath: string, readerVersion: string, host: string | null): string {
  return createHash('sha256')
    .update(JSON.stringify([sha256, relPath, readerVersion, host]))
    .digest('hex')
    .slice(0, KEY_LENGTH);
}

/** The lower-cased host of a URL ("www.huaian.gov.cn"), null when there is none. */
export function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//iu.test(url) ? url : `http://${url}`).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

function readableCells(record: ReportRecord): number {
  const seen = new Set<string>();
  for (const c of record.cells) if (c.value !== null) seen.add(`${c.table}\0${c.row}\0${c.column}`);
  return seen.size;
}

/** 'unsupported_template' for a report on the pre-2019 template; else from its issues: any error, any warning, else ok. */
function recordStatus(record: ReportRecord): StagedSummary['status'] {
  if (record.status === 'unsupported_template') return 'unsupported_template';
  if (record.validation.some((i) => i.severity === 'error')) return 'errors';
  if (record.validation.some((i) => i.severity === 'warning')) return 'warnings';
  return 'ok';
}

export function summarize(result: StagedResult): StagedSummary {
  const base = { key: result.key, source: result.source, doc: result.source.relPath };
  if (result.outcome.kind === 'failure') {
    const o = result.outcome;
    return { ...base, kind: 'failure', status: o.status, reason: o.reason, agency: null, year: null, title: null, template: null, readableCells: 0, errors: 0, carried: { printed: false } };
  }
  const r = result.outcome.record;
  return {
    ...base,
    kind: 'record',
    status: recordStatus(r),
    reason: null,
    agency: r.agency,
    year: r.year,
    doc: r.doc,
    title: r.title,
    template: r.template,
    ...(r.region ? { region: r.region } : {}),
    readableCells: readableCells(r),
    errors: r.validation.filter((i) => i.severity === 'error').length,
    carried: carriedRows(r.applications),
  };
}

/**
 * A summary from its JSON in a stage index. Stages written before summaries
 * kept only the carried rows hold the whole of 三 as `applications`: that is
 * cut to what the rule reads, so every summary in memory is the same size.
 */
export function summaryFromJson(json: string): StagedSummary {
  const parsed = JSON.parse(json) as StagedSummary & { applications?: ReportRecord['applications'] };
  if (parsed.applications === undefined) return parsed;
  const { applications, ...rest } = parsed;
  return { ...rest, carried: carriedRows(applications) };
}
