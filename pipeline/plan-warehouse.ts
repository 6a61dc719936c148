/**
 * The warehouse as a function of the raw folder (pure): from the listing (with
 * the manifest's lines), the staged summaries, the last good index and the
 * identity overrides, exactly which rows `reports`, `agencies` and
 * `sources` hold (`regions` is the whole gazetteer,
 * src/load/warehouse-regions.ts) and which staged record feeds each
 * report's facts. A full rebuild and an incremental run both go through
 * here, so they cannot differ.
 *   - last good: a file that read well before and fails now keeps its last
 *     good record, status stale, failure_reason the new failure, until it
 *     reads well again or leaves the folder;
 *   - copies: every copy keeps its facts; of each agency and year one is
 *     primary (most readable cells, fewest errors, best-kept format, newest
 *     publication, path), decided again from all copies on every run;
 *   - agencies: one per agency_id (src/load/agency-identity.ts), its row from
 *     its latest report (primary first, then path), never merged with older
 *     values;
 *   - the cross-year check between primaries (pipeline/cross-year-check.ts).
 */
import { createHash } from 'node:crypto';
import { agencyIdOf, type IdentityOverride } from '../src/load/agency-identity.ts';
import { agencyRow, type Row } from '../src/load/document-rows.ts';
import { reportId } from '../src/load/ids.ts';
import type { PlannedReport, SourceRow } from '../src/load/planned-report.ts';
import { FORMAT_RANK } from '../src/transform/duplicates/choose-primary.ts';
import type { ValidationIssue } from '../src/transform/record.ts';
import { crossYearIssues } from './cross-year-check.ts';
import type { StagedSummary } from './staged-result.ts';

/** A file of the raw folder with the stage key of what it reads as now. */
export interface ListedFile {
  relPath: string;
  key: string;
  sourceUrl?: string;
  published?: string;
}

export interface PlanInput {
  files: readonly ListedFile[];
  /** Summaries by stage key: every listed file's current one and every last good one. */
  summaries: ReadonlyMap<string, StagedSummary>;
  /** path -> stage key of its last good record, as the previous run left it. */
  lastGood: ReadonlyMap<string, string>;
  overrides: readonly IdentityOverride[];
}

export interface FailingFile {
  path: string;
  status: 'failed' | 'needs_ocr';
  reason: string;
  /** True when the report keeps its last good facts (status stale). */
  stale: boolean;
}

export interface WarehousePlan {
  /** In path order. */
  reports: PlannedReport[];
  agencies: Row[];
  sources: SourceRow[];
  /** The last good index after this run. */
  lastGood: Map<string, string>;
  failing: FailingFile[];
}

/** Bump when the rows written for the same plan change (a column added, a row built otherwise): every report is written again. */
export const ROW_LAYOUT_VERSION = '2';

interface Fed {
  file: ListedFile;
  current: StagedSummary;
  /** The record feeding the report: current when it read well, else the last good one; null for a plain failure. */
  record: StagedSummary | null;
  agencyId: string | null;
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Primary order between copies of one agency and year: lower first. */
function compareCopies(a: Fed, b: Fed): number {
  const ra = a.record as StagedSummary;
  const rb = b.record as StagedSummary;
  if (ra.readableCells !== rb.readableCells) return rb.readableCells - ra.readableCells;
  if (ra.errors !== rb.errors) return ra.errors - rb.errors;
  const fa = FORMAT_RANK[ra.source.format] ?? Number.MAX_SAFE_INTEGER;
  const fb = FORMAT_RANK[rb.source.format] ?? Number.MAX_SAFE_INTEGER;
  if (fa !== fb) return fa - fb;
  if (a.file.published !== b.file.published) {
    if (a.file.published === undefined) return 1;
    if (b.file.published === undefined) return -1;
    return byString(b.file.published, a.file.published);
  }
  return byString(a.file.relPath, b.file.relPath);
}

function summaryOf(input: PlanInput, key: string, path: string): StagedSummary {
  const s = input.summaries.get(key);
  if (!s) throw new Error(`plan: no staged summary ${key} for ${path}`);
  return s;
}

function feed(input: PlanInput): Fed[] {
  return [...input.files]
    .sort((a, b) => byString(a.relPath, b.relPath))
    .map((file) => {
      const current = summaryOf(input, file.key, file.relPath);
      const lastKey = input.lastGood.get(file.relPath);
      const record = current.kind === 'record' ? current : lastKey !== undefined ? (input.summaries.get(lastKey) ?? null) : null;
      const agencyId = record ? agencyIdOf({ agency: record.agency, ...(record.region ? { region: record.region } : {}), doc: record.doc }, input.overrides) : null;
      return { file, current, record, agencyId };
    });
}

/** Copies grouped by agency and year: path -> primary copy of its group. */
function choosePrimaries(fed: readonly Fed[]): Map<string, Fed> {
  const groups = new Map<string, Fed[]>();
  for (const f of fed) {
    if (!f.record || f.agencyId === null || f.record.year === null) continue;
    const k = `${f.agencyId}|${f.record.year}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const primaryOf = new Map<string, Fed>();
  for (const group of groups.values()) {
    const primary = [...group].sort(compareCopies)[0] as Fed;
    for (const f of group) primaryOf.set(f.file.relPath, primary);
  }
  return primaryOf;
}

function contentKey(report: Row, recordKey: string | null, primary: PlannedReport['primary'], extraIssues: readonly ValidationIssue[]): string {
  const text = JSON.stringify([ROW_LAYOUT_VERSION, report, recordKey, primary, extraIssues]);
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

function reportRow(f: Fed, primary: Fed | undefined): Row {
  const r = f.record;
  const source = (r ?? f.current).source;
  const stale = r !== null && f.current.kind === 'failure';
  return {
    report_id: reportId(f.file.relPath),
    agency_id: f.agencyId,
    year: r?.year ?? null,
    template: r?.template ?? null,
    source_path: f.file.relPath,
    format: source.format,
    sha256: source.sha256,
    bytes: source.bytes,
    status: stale ? 'stale' : (r ?? f.current).status,
    is_primary: r !== null && (primary === undefined || primary === f),
    duplicate_of: primary !== undefined && primary !== f ? reportId(primary.file.relPath) : null,
    failure_reason: f.current.kind === 'failure' ? f.current.reason : null,
    title: r?.title ?? null,
    reader_version: source.readerVersion,
    source_url: f.file.sourceUrl ?? null,
    published: f.file.published ?? null,
  };
}

/** Agencies: one row per agency_id, from its latest report (primary first, then path). */
function agencyRows(fed: readonly Fed[], primaryOf: ReadonlyMap<string, Fed>): Row[] {
  const best = new Map<string, Fed>();
  const rank = (f: Fed) => [-(f.record?.year ?? 0), primaryOf.get(f.file.relPath) === f || !primaryOf.has(f.file.relPath) ? 0 : 1] as const;
  for (const f of fed) {
    if (f.agencyId === null || !f.record?.agency) continue;
    const held = best.get(f.agencyId);
    if (!held) {
      best.set(f.agencyId, f);
      continue;
    }
    const [a, b] = [rank(f), rank(held)];
    if (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])) best.set(f.agencyId, f);
  }
  return [...best.entries()]
    .sort(([a], [b]) => byString(a, b))
    .map(([id, f]) => agencyRow(id, (f.record as StagedSummary).agency as string, (f.record as StagedSummary).region));
}

export function planWarehouse(input: PlanInput): WarehousePlan {
  const fed = feed(input);
  const primaryOf = choosePrimaries(fed);
  const primaries = fed.filter((f) => primaryOf.get(f.file.relPath) === f && f.record?.year !== null);
  const crossYear = crossYearIssues(primaries.map((f) => ({ agencyId: f.agencyId as string, year: f.record?.year as number, summary: f.record as StagedSummary })));
  const reports = fed.map((f): PlannedReport => {
    const primary = primaryOf.get(f.file.relPath);
    const report = reportRow(f, primary);
    const copyOf = primary !== undefined && primary !== f ? { path: primary.file.relPath, recordKey: (primary.record as StagedSummary).key } : null;
    const extraIssues = f.record ? (crossYear.get(f.record) ?? []) : [];
    const recordKey = f.record?.key ?? null;
    return { reportId: report.report_id as string, sourcePath: f.file.relPath, report, recordKey, primary: copyOf, extraIssues, contentKey: contentKey(report, recordKey, copyOf, extraIssues) };
  });
  const lastGood = new Map<string, string>();
  for (const f of fed) if (f.record) lastGood.set(f.file.relPath, f.record.key);
  const failing = fed.flatMap((f): FailingFile[] =>
    f.current.kind === 'failure' ? [{ path: f.file.relPath, status: f.current.status as FailingFile['status'], reason: f.current.reason ?? '', stale: f.record !== null }] : [],
  );
  const sources = fed.map((f): SourceRow => ({
    path: f.file.relPath,
    sha256: f.current.source.sha256,
    bytes: f.current.source.bytes,
    status: f.current.status,
    reason: f.current.reason,
    reader_version: f.current.source.readerVersion,
  }));
  return { reports, agencies: agencyRows(fed, primaryOf), sources, lastGood, failing };
}

export interface RemovalCheck {
  /** Reports the plan drops from the published warehouse. */
  removed: number;
  stored: number;
  /** Set when the plan must not be applied without --allow-removals. */
  refusal: string | null;
}

/** A fifth: removing more than this share of the stored reports in one run needs --allow-removals. */
export const MAX_REMOVED_SHARE = 0.2;

/** Whether the plan removes too much of the published warehouse: an empty listing, or more than a fifth of its reports. */
export function checkRemovals(plan: WarehousePlan, storedPaths: readonly string[], listed: number): RemovalCheck {
  const kept = new Set(plan.reports.map((r) => r.sourcePath));
  const removed = storedPaths.filter((p) => !kept.has(p)).length;
  const stored = storedPaths.length;
  let refusal: string | null = null;
  if (stored > 0 && listed === 0) refusal = `the raw folder lists no file: all ${stored} stored reports would be removed`;
  else if (removed > stored * MAX_REMOVED_SHARE) refusal = `${removed} of ${stored} stored reports would be removed (more than ${MAX_REMOVED_SHARE * 100}%)`;
  return { removed, stored, refusal };
}
