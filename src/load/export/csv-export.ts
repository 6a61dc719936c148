/**
 * CSV files for spreadsheets and statistics packages: one file per view,
 * UTF-8 with a byte-order mark (Chinese Excel reads a file without one as
 * GBK), a header row of column names, NULL as an empty cell, whole numbers
 * without ".0" (DECIMAL and DOUBLE columns printed without trailing zeros),
 * and every text cell beginning with =, +, -, @, tab or CR prefixed with an
 * apostrophe so no spreadsheet runs it as a formula (csv-cells.ts). DuckDB
 * writes the rows (COPY); the BOM is put in front.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Warehouse } from '../warehouse-connection.ts';
import { sqlString, toLoadError } from '../warehouse-errors.ts';
import type { ExportObject } from './export-views.ts';

const BOM = '\ufeff';

/** The SQL regular expression of csv-cells.ts FORMULA_START. */
const FORMULA_START_SQL = "'^[=+\\-@\\t\\r]'";

/** Below this magnitude a whole DOUBLE prints as an integer exactly (2^53). */
const EXACT_INTEGER_LIMIT = 9007199254740992;

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** How one column is written: text neutralised, decimals without trailing zeros, whole doubles as integers. */
export function csvColumn(name: string, type: string): string {
  const c = ident(name);
  if (type === 'VARCHAR') return `CASE WHEN regexp_matches(${c}, ${FORMULA_START_SQL}) THEN '''' || ${c} ELSE ${c} END AS ${c}`;
  if (/^DECIMAL\(\d+,\s*[1-9]\d*\)$/.test(type)) return `rtrim(rtrim(CAST(${c} AS VARCHAR), '0'), '.') AS ${c}`;
  if (type === 'DOUBLE' || type === 'FLOAT') {
    return `CASE WHEN ${c} = trunc(${c}) AND abs(${c}) < ${EXACT_INTEGER_LIMIT} THEN CAST(CAST(${c} AS BIGINT) AS VARCHAR) ELSE CAST(${c} AS VARCHAR) END AS ${c}`;
  }
  return c;
}

async function withBom(tmp: string, file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write(BOM);
  await pipeline(createReadStream(tmp), out);
  await rm(tmp);
}

export async function writeCsv(wh: Warehouse, dir: string, objects: readonly ExportObject[]): Promise<string[]> {
  const files: string[] = [];
  for (const { object, select } of objects) {
    const file = join(dir, `${object.name}.csv`);
    const tmp = `${file}.part`;
    const columns = object.columns.map((c) => csvColumn(c.name, c.type)).join(', ');
    try {
      await wh.exclusive(() => wh.connection.run(`COPY (SELECT ${columns} FROM (${select})) TO ${sqlString(tmp)} (FORMAT csv, HEADER true)`));
      await withBom(tmp, file);
    } catch (e) {
      await rm(tmp, { force: true });
      throw toLoadError(e, file, `cannot export ${object.name}`);
    }
    files.push(file);
  }
  return files;
}
