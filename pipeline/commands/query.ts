/**
 * `nianbao query [--db FILE] "SQL" | --file F.sql [--csv | --json]`: one
 * read-only query on the published warehouse, printed as an aligned table
 * (default), CSV (with the same neutralising as exports) or JSON lines.
 */
import { readFile } from 'node:fs/promises';
import { csvLine, neutralise, openWarehouse, type Scalar } from '../../src/load/warehouse.ts';
import { textTable } from './text-table.ts';

export interface QueryOptions {
  db: string;
  file?: string;
  csv?: boolean;
  json?: boolean;
}

export class QueryUsageError extends Error {}

async function sqlOf(sql: string | undefined, file: string | undefined): Promise<string> {
  if (sql && file) throw new QueryUsageError('give the SQL or --file, not both');
  if (file) return readFile(file, 'utf8');
  if (!sql) throw new QueryUsageError('give the SQL to run, or --file FILE.sql');
  return sql;
}

function render(columns: string[], rows: Scalar[][], options: QueryOptions): string {
  if (options.json) return rows.map((r) => JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null])))).join('\n') + (rows.length > 0 ? '\n' : '');
  if (options.csv) {
    const cell = (v: Scalar) => (typeof v === 'string' ? neutralise(v) : v);
    return [csvLine(columns), ...rows.map((r) => csvLine(r.map(cell)))].join('\r\n') + '\r\n';
  }
  return textTable(columns, rows);
}

export async function runQuery(sql: string | undefined, options: QueryOptions, out: NodeJS.WritableStream): Promise<void> {
  if (options.csv && options.json) throw new QueryUsageError('choose --csv or --json, not both');
  const text = await sqlOf(sql, options.file);
  const wh = await openWarehouse(options.db, { readOnly: true });
  try {
    const { columns, rows } = await wh.table(text);
    out.write(render(columns, rows, options));
  } finally {
    await wh.close();
  }
}
