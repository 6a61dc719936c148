/**
 * Writes every warehouse table to DIR/<table>.csv or .parquet with DuckDB's
 * COPY, rows ordered by the table's key columns and then every other column,
 * so the same contents always give the same files.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sqlString, TABLES, toLoadError, type TableName, type Warehouse } from './warehouse-connection.ts';

export type ExportFormat = 'csv' | 'parquet';

/** Key columns of each table, most significant first. */
export const TABLE_KEYS: Readonly<Record<TableName, readonly string[]>> = {
  template_codes: ['table_code', 'dimension', 'code'],
  regions: ['code'],
  warehouse_meta: ['key'],
  agencies: ['agency_id'],
  reports: ['report_id'],
  fact_active_disclosure: ['report_id', 'item', 'metric'],
  fact_applications: ['report_id', 'row_code', 'applicant_code'],
  fact_review_litigation: ['report_id', 'proceeding', 'outcome'],
  validation_issues: ['report_id', 'rule', 'severity', 'table_code', 'row_code', 'column_code'],
  sources: ['path'],
  runs: ['run_id'],
};

/** The ORDER BY list of a table: its keys, then every remaining column (a total order). */
export function exportOrder(wh: Warehouse, table: TableName): string {
  const keys = TABLE_KEYS[table];
  const rest = wh.columnsOf(table).map((c) => c.name).filter((c) => !keys.includes(c));
  return [...keys, ...rest].map((c) => `${c} NULLS FIRST`).join(', ');
}

/** Exports every table; returns the files written, in table order. */
export async function exportWarehouse(wh: Warehouse, dir: string, format: ExportFormat): Promise<string[]> {
  const out = resolve(dir);
  try {
    await mkdir(out, { recursive: true });
  } catch (e) {
    throw toLoadError(e, out, 'cannot create the export folder');
  }
  const options = format === 'csv' ? '(FORMAT csv, HEADER true)' : '(FORMAT parquet)';
  return wh.exclusive(async () => {
    const files: string[] = [];
    for (const table of TABLES) {
      const file = join(out, `${table}.${format}`);
      try {
        await wh.connection.run(`COPY (SELECT * FROM ${table} ORDER BY ${exportOrder(wh, table)}) TO ${sqlString(file)} ${options}`);
      } catch (e) {
        throw toLoadError(e, file, `cannot export table ${table}`);
      }
      files.push(file);
    }
    return files;
  });
}
