/**
 * Warehouse rows, table by table (column names as in sql/schema.sql), from a
 * planned report and its record. Pure: no DuckDB here. Blank cells stay null;
 * each fact keeps its printed text and provenance.
 */
import type { CellFact, RegionResult, TableCode } from '../transform/record.ts';
import type { PlannedReport } from './planned-report.ts';
import type { ReportRecord } from '../transform/record.ts';
import { isResolved, normalizeAgencyName } from './ids.ts';
import { MONEY_METRIC } from '../transform/template/template.ts';
import { amountText, yuanText } from './money.ts';

export type RowValue = string | number | boolean | null;
export type Row = Record<string, RowValue>;

export const FACT_TABLES = {
  active_disclosure: 'fact_active_disclosure',
  applications: 'fact_applications',
  review_litigation: 'fact_review_litigation',
} as const satisfies Record<TableCode, string>;

export type FactTable = (typeof FACT_TABLES)[TableCode];

/** The tables holding a report's rows from its record: its facts and its issues (the reports row needs no record). */
export type RecordRowTable = FactTable | 'validation_issues';
export const RECORD_ROW_TABLES: readonly RecordRowTable[] = [...(Object.values(FACT_TABLES) as FactTable[]), 'validation_issues'];

export function agencyRow(id: string, name: string, region: RegionResult | undefined): Row {
  const placed = isResolved(region) ? region : undefined;
  return {
    agency_id: id,
    name: normalizeAgencyName(name),
    kind: region?.kind ?? null,
    level: placed?.level ?? (region?.level === 'national' ? 'national' : null),
    province_code: placed?.province_code ?? null,
    province_name: placed?.province_name ?? null,
    city_code: placed?.city_code ?? null,
    city_name: placed?.city_name ?? null,
    county_code: placed?.county_code ?? null,
    county_name: placed?.county_name ?? null,
    township_code: placed?.township_code ?? null,
    township_name: placed?.township_name ?? null,
    parent_agency: region?.parent_government ?? null,
  };
}

/**
 * A count as stored (BIGINT): a fraction in a count cell is NULL, named by
 * the extract.count_not_integer issue of the record (validate/count-cells.ts).
 */
function countOf(value: number | null): number | null {
  return value !== null && Number.isInteger(value) ? value : null;
}

/** Where a fact was printed: the columns every fact table ends with. */
function provenance(cell: CellFact): { raw_text: string; page: number | null; source_block: number; source_row: number | null; source_col: number | null } {
  return { raw_text: cell.raw, page: cell.source.page ?? null, source_block: cell.source.block, source_row: cell.source.row ?? null, source_col: cell.source.col ?? null };
}

/**
 * One fact row. Each table's row is one object literal, so rows of a table
 * share one shape (the write reads 75,000 of them in a night of 300 reports).
 */
function factRow(cell: CellFact, report_id: string, agency_id: string | null, year: number | null): Row {
  switch (cell.table) {
    case 'applications':
      return { report_id, agency_id, year, row_code: cell.row, applicant_code: cell.column, value: countOf(cell.value), ...provenance(cell) };
    case 'review_litigation':
      return { report_id, agency_id, year, proceeding: cell.row, outcome: cell.column, value: countOf(cell.value), ...provenance(cell) };
    case 'active_disclosure': {
      // Section 二: a count in value, or money as printed (amount_printed, unit) and in yuan.
      const money = cell.column === MONEY_METRIC;
      return {
        report_id,
        agency_id,
        year,
        item: cell.row,
        metric: cell.column,
        value: money ? null : countOf(cell.value),
        amount_printed: money && cell.value !== null ? amountText(cell.value) : null,
        unit: cell.unit,
        amount_yuan: money ? yuanText(cell.value, cell.unit) : null,
        ...provenance(cell),
      };
    }
  }
}

/** Fact rows of a record, one per (table, row, column): the first wins, as the mappers keep the first of a repeated row. */
export function factRows(record: ReportRecord, report_id: string, agency_id: string | null, year: number | null): Record<FactTable, Row[]> {
  const facts: Record<FactTable, Row[]> = { fact_active_disclosure: [], fact_applications: [], fact_review_litigation: [] };
  const seen = new Set<string>();
  for (const cell of record.cells) {
    const key = `${cell.table}\u0000${cell.row}\u0000${cell.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    facts[FACT_TABLES[cell.table]].push(factRow(cell, report_id, agency_id, year));
  }
  return facts;
}

/** validation_issues rows of one report. */
export function issueRows(report_id: string, issues: ReportRecord['validation']): Row[] {
  return issues.map((issue) => ({
    report_id,
    rule: issue.rule,
    severity: issue.severity,
    table_code: issue.table ?? null,
    row_code: issue.row ?? null,
    column_code: issue.column ?? null,
    printed: issue.printed ?? null,
    expected: issue.expected ?? null,
    message: issue.message,
  }));
}

/** A planned report's facts and issues by table, from the record feeding it (every issue it carries, the plan's included); none without a record. */
export function recordRows(planned: PlannedReport, record: ReportRecord | null): Record<RecordRowTable, Row[]> {
  if (record === null) return { fact_active_disclosure: [], fact_applications: [], fact_review_litigation: [], validation_issues: [] };
  const agencyId = planned.report.agency_id as string | null;
  const year = planned.report.year as number | null;
  return { ...factRows(record, planned.reportId, agencyId, year), validation_issues: issueRows(planned.reportId, record.validation) };
}

/** The reports row of a planned report. */
export function reportRow(planned: PlannedReport): Row {
  return { ...planned.report, content_key: planned.contentKey };
}
