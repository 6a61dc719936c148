/**
 * Test helper: a corpus label (test/fixtures/corpus/labels/*.json) turned
 * into the ReportRecord transform would produce for that document, with one
 * CellFact per labelled cell (blank cells as value null, raw ''), and the
 * DocumentResult the pipeline would hand the load layer. Region codes come
 * from the gazetteer the resolver ships (src/transform/region/divisions.json).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SourceFormat } from '../extract/document.ts';
import type { CellFact, RegionResult, ReportRecord, TableCode } from '../transform/record.ts';
import { APPLICANT_COLUMNS, OUTCOMES } from '../transform/template/template.ts';
import type { Label } from '../../test/support/label.ts';
import type { DocumentResult } from './document-result.ts';

const CORPUS = new URL('../../test/fixtures/corpus/', import.meta.url);
const DIVISIONS = new URL('../transform/region/divisions.json', import.meta.url);

export function readLabel(name: string): Label {
  return JSON.parse(readFileSync(new URL(`labels/${name}.json`, CORPUS), 'utf8')) as Label;
}

const FORMATS: Record<string, SourceFormat> = { txt: 'text', md: 'markdown', html: 'html', docx: 'docx', pdf: 'pdf' };

interface Divisions {
  provinces: [string, string][];
  cities: [string, string][];
  counties: [string, string][];
}

/** A resolved region from place names, codes looked up in the gazetteer (each level under the one before). */
export function regionFromNames(province: string, city?: string, county?: string): RegionResult {
  const d = JSON.parse(readFileSync(DIVISIONS, 'utf8')) as Divisions;
  const find = (list: [string, string][], name: string, prefix: string): string => {
    const hit = list.find(([code, n]) => n === name && code.startsWith(prefix));
    if (!hit) throw new Error(`${name} not in divisions.json under ${prefix}`);
    return hit[0];
  };
  const region: RegionResult = { confidence: 'exact', province_code: find(d.provinces, province, ''), province_name: province, level: 'province' };
  if (city) Object.assign(region, { city_code: find(d.cities, city, region.province_code as string), city_name: city, level: 'city' });
  if (county) {
    const prefix = (region.city_code ?? region.province_code) as string;
    Object.assign(region, { county_code: find(d.counties, county, prefix), county_name: county, level: 'county' });
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

/** The pipeline's DocumentResult for a label: source = the real corpus file (its sha256 and size). */
export function labelDocument(
  label: Label,
  options: { path?: string; record?: Partial<ReportRecord>; primary?: boolean; duplicateOf?: string } = {},
): Extract<DocumentResult, { kind: 'record' }> {
  const bytes = readFileSync(new URL(`docs/${label.doc}`, CORPUS));
  const record = labelRecord(label, options.record);
  return {
    kind: 'record',
    source: {
      path: options.path ?? label.doc,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      format: record.format,
      codeVersion: 'test',
    },
    record,
    ...(options.primary === undefined ? {} : { primary: options.primary }),
    ...(options.duplicateOf === undefined ? {} : { duplicateOf: options.duplicateOf }),
  };
}

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
