/**
 * Warehouse rows as lines of JSON that DuckDB's own reader loads
 * (row-files.ts): what a worker writes so the write's rows are built on
 * every core, not one value at a time through the appender. Each value is
 * checked as the appender checks it (warehouse-connection.ts) and written so
 * DuckDB reads back exactly what the appender would store: DECIMAL as exact
 * text, cast by DuckDB without rounding. A value JSON cannot carry exactly
 * (a number not finite, text with a NUL or a lone surrogate half) is
 * refused with a RowJsonError: the write is then made again by the
 * appender (apply-plan.ts). No DuckDB here: the workers load this module.
 */
import { writeFile } from 'node:fs/promises';
import type { ReportRecord } from '../transform/record.ts';
import type { RowFiles, RowFilesChunk } from './apply-plan.ts';
import { RECORD_ROW_TABLES, recordRows, type RecordRowTable, type Row, type RowValue } from './document-rows.ts';
import { DECIMAL_TYPE, exactDecimalText } from './exact-decimal.ts';
import type { PlannedReport } from './planned-report.ts';
import type { Column } from './warehouse-connection.ts';

/** A value the row files cannot carry exactly. */
export class RowJsonError extends Error {}

/** NUL, or half of a surrogate pair without its other half. */
const NOT_EXACT_IN_JSON = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type JsonValue = string | number | boolean;
type JsonWriter = (v: RowValue) => JsonValue;

function refuse(column: string, v: RowValue, why: string): never {
  throw new RowJsonError(`column ${column}: ${JSON.stringify(String(v))} ${why}`);
}

function finite(column: string, v: RowValue): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) refuse(column, v, 'is not a finite number');
  return v;
}


function jsonWriter({ name, type }: Column): JsonWriter {
  const decimal = DECIMAL_TYPE.exec(type);
  if (decimal) {
    const scale = Number(decimal[2]);
    return (v) => exactDecimalText(v, scale, name);
  }
  switch (type) {
    case 'VARCHAR':
      return (v) => {
        const s = typeof v === 'string' ? v : String(v);
        if (NOT_EXACT_IN_JSON.test(s)) refuse(name, v, 'holds a NUL or a lone surrogate');
        return s;
      };
    case 'DOUBLE':
      return (v) => finite(name, v);
    case 'INTEGER':
    case 'BIGINT':
      return (v) => {
        const n = finite(name, v);
        if (!Number.isSafeInteger(n)) refuse(name, v, 'is not an integer JSON carries exactly');
        return n;
      };
    case 'BOOLEAN':
      return (v) => {
        if (typeof v !== 'boolean') refuse(name, v, 'is not a boolean');
        return v;
      };
    default:
      return (v) => refuse(name, v, `has DuckDB type ${type}, which the row files do not carry`);
  }
}

/** The type DuckDB's JSON reader reads a column as: DECIMAL as its exact text, cast afterwards (row-files.ts). */
export function jsonReadType(column: Column): string {
  return DECIMAL_TYPE.test(column.type) ? 'VARCHAR' : column.type;
}

/** Encodes rows of one table, in its column order; a missing value is written as null. */
export function rowJsonEncoder(columns: readonly Column[]): (row: Row) => string {
  const writers = columns.map((c) => ({ name: c.name, write: jsonWriter(c) }));
  return (row) => {
    const out: Record<string, JsonValue | null> = {};
    for (const { name, write } of writers) {
      const v = row[name];
      out[name] = v === null || v === undefined ? null : write(v);
    }
    return JSON.stringify(out);
  };
}

/**
 * Writes a chunk's facts and issues as row files, `${prefix}.${table}.json`,
 * one a table that has rows; a record that cannot be read, or a value the
 * files cannot carry, throws naming the report's file.
 */
export async function writeRowFiles(chunk: RowFilesChunk, recordOf: (p: PlannedReport) => Promise<ReportRecord | null>, prefix: string): Promise<RowFiles> {
  const encoders = Object.fromEntries(RECORD_ROW_TABLES.map((t) => [t, rowJsonEncoder(chunk.columns[t])])) as Record<RecordRowTable, (row: Row) => string>;
  const lines = Object.fromEntries(RECORD_ROW_TABLES.map((t) => [t, [] as string[]])) as Record<RecordRowTable, string[]>;
  for (const planned of chunk.reports) {
    try {
      const rows = recordRows(planned, await recordOf(planned));
      for (const t of RECORD_ROW_TABLES) for (const row of rows[t]) lines[t].push(encoders[t](row));
    } catch (e) {
      throw new Error(`${planned.sourcePath}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
  const files: RowFiles = {};
  for (const t of RECORD_ROW_TABLES) {
    if (lines[t].length === 0) continue;
    const file = `${prefix}.${t}.json`;
    await writeFile(file, lines[t].join('\n'));
    files[t] = file;
  }
  return files;
}
