/**
 * Test helper: a corpus label (test/fixtures/corpus/labels/*.json) turned
 * into the ReportRecord transform would produce for that document, with one
 * CellFact per labelled cell (blank cells as value null, raw ''), and the
 * staged result the pipeline would keep for it, and a load through the plan. Region codes come
 * from the gazetteer the resolver ships (src/transform/region/divisions.tsv).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceFormat } from '../extract/document.ts';
import { DIVISIONS_FILE, divisionLines, fieldsOf } from '../transform/region/division-files.ts';
import type { CellFact, RegionResult, ReportRecord, TableCode } from '../transform/record.ts';
import { APPLICANT_COLUMNS, OUTCOMES } from '../transform/template/template.ts';
import type { Label } from '../../test/support/label.ts';
import { planWarehouse } from '../../pipeline/plan-warehouse.ts';
import { plannedRecordLoader } from '../../pipeline/planned-record.ts';
import { summarize, type StagedResult } from '../../pipeline/staged-result.ts';
import { applyPlan, type WriteSummary } from './apply-plan.ts';
import { writeRowFiles } from './row-json.ts';
import type { Warehouse } from './warehouse-connection.ts';

const CORPUS = new URL('../../test/fixtures/corpus/', import.meta.url);

export function readLabel(name: string): Label {
  return JSON.parse(readFileSync(new URL(`labels/${name}.json`, CORPUS), 'utf8')) as Label;
}

const FORMATS: Record<string, SourceFormat> = { txt: 'text', md: 'markdown', html: 'html', docx: 'docx', pdf: 'pdf' };


/** A resolved region from place names, codes looked up in the gazetteer (each level under the one before). */
export function regionFromNames(province: string, city?: string, county?: string): RegionResult {
  const lines = divisionLines(readFileSync(DIVISIONS_FILE, 'utf8')).map(fieldsOf);
  const find = (digits: number, name: string, prefix: string): string => {
    const hit = lines.find(([code, n]) => code.length === digits && n === name && code.startsWith(prefix));
    if (!hit?.[0]) throw new Error(`${name} not in divisions.tsv under ${prefix}`);
    return hit[0];
  };
  const region: RegionResult = { confidence: 'exact', province_code: find(2, province, ''), province_name: province, level: 'province' };
  if (city) Object.assign(region, { city_code: find(4, city, region.province_code as string), city_name: city, level: 'city' });
  if (county) {
    const prefix = (region.city_code ?? region.province_code) as string;
    Object.assign(region, { county_code: find(6, county, prefix), county_name: county, level: 'county' });
  }
  return region;
}

function cell(table: TableCode, row: string, column: string, value: number | null, unit: string | null, file: string, at: [number, number, number]): CellFact {
  return { table, row, column, value, unit, raw: value === null ? '' : String(value), source: { file, block: at[0], row: at[1], col: at[2] } };
}

/** The record for a label: its numbers as cells (tables at blocks 0, 1, 2), no validation issues unless given. */
export function labelRecord(label: Label, extra: Partial<ReportRecord> = {}): ReportRecord {
  const file = label.doc;
  const cells: CellFact[] = [];
  const active: ReportRecord['active_disclosure'] = {};
  Object.entries(label.active_disclosure ?? {}).forEach(([item, metrics], r) => {
    const unit = typeof metrics.unit === 'string' ? metrics.unit : null;
    active[item] = { ...metrics } as ReportRecord['active_disclosure'][string];
    Object.entries(metrics)
      .filter(([m]) => m !== 'unit')
      .forEach(([metric, v], c) => cells.push(cell('active_disclosure', item, metric, v as number | null, metric === 'amount' ? unit : null, file, [0, r, c])));
  });
  Object.entries(label.applications ?? {}).forEach(([row, values], r) =>
    values.forEach((v, c) => cells.push(cell('applications', row, APPLICANT_COLUMNS[c] as string, v, null, file, [1, r, c]))),
  );
  Object.entries(label.review_litigation ?? {}).forEach(([p, values], r) =>
    values.forEach((v, c) => cells.push(cell('review_litigation', p, OUTCOMES[c] as string, v, null, file, [2, r, c]))),
  );
  const format = FORMATS[file.split('.').pop() ?? ''] ?? 'text';
  return {
    doc: file,
    format,
    title: `${label.year}年${label.agency}政府信息公开工作年度报告`,
    agency: label.agency,
    year: label.year,
    template: (label.template ?? null) as ReportRecord['template'],
    table_templates: {},
    active_disclosure: active,
    applications: label.applications ?? {},
    review_litigation: label.review_litigation ?? {},
    sections: {},
    validation: [],
    cells,
    ...extra,
  };
}

/** The staged result of a label: source = the real corpus file (its sha256 and size), key from the path and the record. */
export function labelStaged(label: Label, options: { path?: string; record?: Partial<ReportRecord> } = {}): StagedResult {
  const bytes = readFileSync(new URL(`docs/${label.doc}`, CORPUS));
  const record = labelRecord(label, options.record);
  const relPath = options.path ?? label.doc;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = createHash('sha256').update(JSON.stringify([relPath, record])).digest('hex').slice(0, 32);
  return { key, source: { relPath, sha256, bytes: bytes.length, format: record.format, readerVersion: 'test', host: null }, outcome: { kind: 'record', record } };
}

/** A staged failure. */
export function failureStaged(relPath: string, status: 'failed' | 'needs_ocr', reason: string, bytes = 1234): StagedResult {
  const format = relPath.endsWith('.pdf') ? 'pdf' : 'text';
  return { key: `failure-${relPath}`, source: { relPath, sha256: 'ab'.repeat(32), bytes, format, readerVersion: 'test', host: null }, outcome: { kind: 'failure', status, reason } };
}

/** How loadStaged writes the facts and issues: the appender alone, or row files as a run's workers make them (here in this thread), why they failed told. */
export type LoadVia = { via: 'appender' } | { via: 'row files'; onFallback: (reason: string) => void };

/**
 * Writes what the plan makes of these staged results (each its own file, one
 * per path: the last given wins) into the warehouse, the way a run does.
 */
export async function loadStaged(
  wh: Warehouse,
  results: readonly StagedResult[],
  lastGood: ReadonlyMap<string, StagedResult> = new Map(),
  how: LoadVia = { via: 'appender' },
): Promise<WriteSummary> {
  const byPath = new Map(results.map((r) => [r.source.relPath, r]));
  const all = [...byPath.values(), ...lastGood.values()];
  const summaries = new Map(all.map((r) => [r.key, summarize(r)]));
  const records = new Map(all.flatMap((r) => (r.outcome.kind === 'record' ? [[r.key, r.outcome.record] as const] : [])));
  const plan = planWarehouse({
    files: [...byPath.values()].map((r) => ({ relPath: r.source.relPath, key: r.key })),
    summaries,
    lastGood: new Map([...lastGood].map(([p, r]) => [p, r.key])),
    overrides: [],
  });
  const run = { started: SEEN_AT, ended: SEEN_AT, code_version: 'test', seen: byPath.size, stale: 0, failed: 0, still_failing: 0, needs_ocr: 0, exit_code: 0 };
  const recordOf = plannedRecordLoader(async (key) => records.get(key) as ReportRecord);
  if (how.via === 'appender') return applyPlan(wh, { ...plan, seenAt: SEEN_AT, run }, recordOf);
  const folder = await mkdtemp(join(tmpdir(), 'nianbao-rows-'));
  try {
    return await applyPlan(wh, { ...plan, seenAt: SEEN_AT, run }, recordOf, {
      make: (chunk, n) => writeRowFiles(chunk, recordOf, join(folder, String(n))),
      onFallback: how.onFallback,
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const SEEN_AT = '2026-01-01T00:00:00.000Z';

/** Every labelled cell of one section, as [row, column, value]. */
export function labelCells(label: Label, table: TableCode): Array<[string, string, number | null]> {
  if (table === 'active_disclosure') {
    return Object.entries(label.active_disclosure ?? {}).flatMap(([item, metrics]) =>
      Object.entries(metrics)
        .filter(([m]) => m !== 'unit')
        .map(([m, v]) => [item, m, v as number | null] as [string, string, number | null]),
    );
  }
  const columns = table === 'applications' ? APPLICANT_COLUMNS : OUTCOMES;
  const rows = (table === 'applications' ? label.applications : label.review_litigation) ?? {};
  return Object.entries(rows).flatMap(([row, values]) => values.map((v, i) => [row, columns[i] as string, v] as [string, string, number | null]));
}
