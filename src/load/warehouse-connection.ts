/**
 * The DuckDB warehouse handle: opens (or creates) the database file, applies
 * sql/schema.sql and sql/views.sql, and runs every statement of one
 * warehouse one after another. Every DuckDB failure leaves here as a
 * LoadError naming the file concerned.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { LoadError } from '../errors.ts';
import { CODE_DICTIONARY } from '../transform/template/code-dictionary.ts';
import type { Row } from './document-rows.ts';

const SQL_DIR = new URL('../../sql/', import.meta.url);

/** Every warehouse table, in the order counts and exports list them. */
export const TABLES = [
  'template_codes',
  'regions',
  'agencies',
  'reports',
  'fact_active_disclosure',
  'fact_applications',
  'fact_review_litigation',
  'validation_issues',
  'sources',
  'runs',
] as const;

/**
 * The version of sql/schema.sql's tables, kept in warehouse_meta. A warehouse
 * file of another version is emptied and built again by the next run (the
 * run's plan rewrites every report): bump it with any change of a table.
 */
export const SCHEMA_VERSION = '2';

export type TableName = (typeof TABLES)[number];

export interface Column {
  name: string;
  /** DuckDB type name: VARCHAR, INTEGER, BIGINT, DOUBLE, BOOLEAN. */
  type: string;
}

export type Scalar = string | number | boolean | null;

/** The first line of an error's message (DuckDB appends the offending SQL on further lines). */
export function reasonOf(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0]?.trim() || 'unknown error';
}

export function toLoadError(e: unknown, file: string, what: string): LoadError {
  if (e instanceof LoadError) return e;
  return new LoadError(file, `${what}: ${reasonOf(e)}`, e);
}

/** SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function toScalar(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

export class Warehouse {
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;

  /** Use openWarehouse. */
  constructor(
    /** The database file. */
    readonly path: string,
    private readonly instance: DuckDBInstance,
    /** Only src/load uses the connection directly. */
    readonly connection: DuckDBConnection,
    /** Columns of every table, in table order. */
    readonly columns: ReadonlyMap<TableName, readonly Column[]>,
  ) {}

  /** Runs fn when every earlier operation on this warehouse has finished, so transactions never interleave. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(() => {
      if (this.closed) throw new LoadError(this.path, 'warehouse is closed');
      return fn();
    });
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Runs SQL and returns rows as plain objects (BIGINT as number). For reads; errors become LoadError. */
  query(sql: string, params?: DuckDBValue[]): Promise<Record<string, Scalar>[]> {
    return this.exclusive(() => this.queryNow(sql, params));
  }

  /** query() without waiting its turn: only for code already inside exclusive(). */
  async queryNow(sql: string, params?: DuckDBValue[]): Promise<Record<string, Scalar>[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toScalar(v)])));
    } catch (e) {
      throw toLoadError(e, this.path, 'warehouse query failed');
    }
  }

  columnsOf(table: TableName): readonly Column[] {
    const cols = this.columns.get(table);
    if (!cols) throw new LoadError(this.path, `table ${table} is missing from the warehouse`);
    return cols;
  }

  /** Writes everything to the database file (no WAL left beside it). */
  checkpoint(): Promise<void> {
    return this.exclusive(async () => {
      try {
        await this.connection.run('CHECKPOINT');
      } catch (e) {
        throw toLoadError(e, this.path, 'cannot checkpoint the warehouse');
      }
    });
  }

  async close(): Promise<void> {
    await this.tail;
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

async function readSql(name: string): Promise<string> {
  const file = fileURLToPath(new URL(name, SQL_DIR));
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw toLoadError(e, file, 'cannot read warehouse SQL');
  }
}

async function readColumns(connection: DuckDBConnection): Promise<Map<TableName, Column[]>> {
  const reader = await connection.runAndReadAll(
    `SELECT table_name, column_name, data_type FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name = 'main'
     ORDER BY table_name, column_index`,
  );
  const columns = new Map<TableName, Column[]>();
  for (const [table, name, type] of reader.getRows() as [string, string, string][]) {
    if (!(TABLES as readonly string[]).includes(table)) continue;
    const list = columns.get(table as TableName) ?? [];
    list.push({ name, type });
    columns.set(table as TableName, list);
  }
  return columns;
}

/** The schema version a warehouse file holds: null for a new file, 'none' for one older than warehouse_meta. */
async function storedSchemaVersion(connection: DuckDBConnection): Promise<string | null> {
  const tables = await connection.runAndReadAll(
    `SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name IN ('reports', 'warehouse_meta')`,
  );
  const names = tables.getRows().map((r) => r[0] as string);
  if (!names.includes('reports')) return null;
  if (!names.includes('warehouse_meta')) return 'none';
  const rows = (await connection.runAndReadAll(`SELECT value FROM warehouse_meta WHERE key = 'schema_version'`)).getRows();
  return (rows[0]?.[0] as string | undefined) ?? 'none';
}

/** Drops every view and table of the main schema. */
async function dropEverything(connection: DuckDBConnection): Promise<void> {
  const views = await connection.runAndReadAll(`SELECT view_name FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal`);
  for (const [name] of views.getRows()) await connection.run(`DROP VIEW IF EXISTS "${String(name)}" CASCADE`);
  const tables = await connection.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'`);
  for (const [name] of tables.getRows()) await connection.run(`DROP TABLE IF EXISTS "${String(name)}" CASCADE`);
}

export interface OpenOptions {
  /** A file of another schema version: 'fail' (default) says so; 'reset' empties it first (the run's working copy). */
  otherSchema?: 'fail' | 'reset';
  /** Open without writing anything (schema and dictionary are not applied): for reads of a published file. */
  readOnly?: boolean;
}

/** Opens the warehouse at dbPath (creating the file and its folder if needed) and brings schema and views up to date. */
export async function openWarehouse(dbPath: string, options: OpenOptions = {}): Promise<Warehouse> {
  const [schema, views] = await Promise.all([readSql('schema.sql'), readSql('views.sql')]);
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  try {
    if (dbPath !== ':memory:') await mkdir(dirname(dbPath), { recursive: true });
    instance = await DuckDBInstance.create(dbPath, options.readOnly ? { access_mode: 'READ_ONLY' } : {});
    connection = await instance.connect();
    if (options.readOnly) return new Warehouse(dbPath, instance, connection, await readColumns(connection));
    const stored = await storedSchemaVersion(connection);
    if (stored !== null && stored !== SCHEMA_VERSION) {
      if (options.otherSchema !== 'reset') {
        throw new Error(`the file holds warehouse schema ${stored}, this nianbao writes schema ${SCHEMA_VERSION}; the next nianbao run rebuilds it`);
      }
      await dropEverything(connection);
    }
    await connection.run(schema);
    await connection.run(`INSERT OR REPLACE INTO warehouse_meta VALUES ('schema_version', '${SCHEMA_VERSION}')`);
    await connection.run(views);
    const columns = await readColumns(connection);
    const missing = TABLES.filter((t) => !columns.has(t));
    if (missing.length > 0) throw new Error(`tables missing after applying schema.sql: ${missing.join(', ')}`);
    await writeCodeDictionary(connection, columns.get('template_codes') ?? []);
    return new Warehouse(dbPath, instance, connection, columns);
  } catch (e) {
    connection?.closeSync();
    instance?.closeSync();
    throw toLoadError(e, dbPath, 'cannot open the warehouse');
  }
}

/** template_codes as the code's template data says, in one transaction. */
async function writeCodeDictionary(connection: DuckDBConnection, columns: readonly Column[]): Promise<void> {
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run('DELETE FROM template_codes');
    const appender = await connection.createAppender('template_codes');
    for (const entry of CODE_DICTIONARY) appendRow(appender, columns, { ...entry });
    appender.closeSync();
    await connection.run('COMMIT');
  } catch (e) {
    await connection.run('ROLLBACK');
    throw e;
  }
}

function checkedNumber(v: unknown, column: string): number {
  if (typeof v !== 'number' || Number.isNaN(v)) throw new Error(`column ${column}: ${String(v)} is not a number`);
  return v;
}

/** Appends one row, in the table's column order; a missing or null value becomes NULL. */
export function appendRow(appender: DuckDBAppender, columns: readonly Column[], row: Row): void {
  for (const { name, type } of columns) {
    const v = row[name];
    if (v === null || v === undefined) {
      appender.appendNull();
      continue;
    }
    switch (type) {
      case 'VARCHAR':
        appender.appendVarchar(String(v));
        break;
      case 'DOUBLE':
        appender.appendDouble(checkedNumber(v, name));
        break;
      case 'INTEGER': {
        const n = checkedNumber(v, name);
        if (!Number.isInteger(n)) throw new Error(`column ${name}: ${n} is not an integer`);
        appender.appendInteger(n);
        break;
      }
      case 'BIGINT':
        appender.appendBigInt(BigInt(checkedNumber(v, name)));
        break;
      case 'BOOLEAN':
        if (typeof v !== 'boolean') throw new Error(`column ${name}: ${String(v)} is not a boolean`);
        appender.appendBoolean(v);
        break;
      default:
        throw new Error(`column ${name}: no appender for DuckDB type ${type}`);
    }
  }
  appender.endRow();
}
