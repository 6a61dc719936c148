/**
 * The DuckDB warehouse handle: opens (or creates) the database file, applies
 * sql/schema.sql, the gazetteer (warehouse-regions.ts), the code dictionary
 * and the catalog of views and comments (warehouse-catalog.ts), and runs
 * every statement of one warehouse one after another. A read-only open
 * (export, query) changes nothing in the file. Every DuckDB failure leaves
 * here as a LoadError naming the file concerned.
 */
import { access, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type * as DuckDB from '@duckdb/node-api';
import type { DuckDBAppender, DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { LoadError } from '../errors.ts';
import { DECIMAL_TYPE, exactDecimal } from './exact-decimal.ts';
import { CODE_DICTIONARY } from '../transform/template/code-dictionary.ts';
import type { Row, RowValue } from './document-rows.ts';
import { applyCatalog, catalogVersion } from './warehouse-catalog.ts';
import { reasonOf, sqlString, toLoadError } from './warehouse-errors.ts';
import { writeGazetteer } from './warehouse-regions.ts';
import { readViews } from './warehouse-views.ts';

export { reasonOf, sqlString, toLoadError };

/**
 * @duckdb/node-api is CommonJS: required, not imported, which spares the
 * ESM loader its scan of the package's exports (about 90 ms of every
 * command that opens a warehouse; a run loads it while its workers read).
 */
const { DuckDBDecimalValue, DuckDBInstance } = createRequire(import.meta.url)('@duckdb/node-api') as typeof DuckDB;
type DuckDBDecimalValue = DuckDB.DuckDBDecimalValue;
type DuckDBInstance = DuckDB.DuckDBInstance;

const SQL_DIR = new URL('../../sql/', import.meta.url);

/**
 * DuckDB's memory limit when it writes a warehouse (its default is 80% of
 * the machine's RAM). A run writes every changed report in one transaction,
 * and DuckDB keeps the rows not yet committed in memory up to this limit,
 * then spills them to a temporary folder beside the file (<file>.tmp,
 * removed at close). Measured: 75 MB of such rows for 12,000 text reports,
 * so a national year of 100,000 would take some 600 MB without a limit.
 * Read-only opens (export, query) keep DuckDB's default.
 */
export const WRITE_MEMORY_LIMIT = '256MB';

/** Every warehouse table, in the order counts and exports list them. */
export const TABLES = [
  'template_codes',
  'regions',
  'warehouse_meta',
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
export const SCHEMA_VERSION = '3';

export type TableName = (typeof TABLES)[number];

export interface Column {
  name: string;
  /** DuckDB type name: VARCHAR, INTEGER, BIGINT, DOUBLE, BOOLEAN, DECIMAL(w,s). */
  type: string;
}

export type Scalar = string | number | boolean | null;

function toScalar(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof DuckDBDecimalValue) return v.toDouble();
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
    /** True for a read-only open: nothing is written to the file. */
    readonly readOnly = false,
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

  /** Runs SQL and returns the column names and rows in column order (for printing, exports). */
  table(sql: string): Promise<{ columns: string[]; rows: Scalar[][] }> {
    return this.exclusive(async () => {
      try {
        const reader = await this.connection.runAndReadAll(sql);
        return { columns: reader.columnNames(), rows: reader.getRowsJS().map((row) => row.map(toScalar)) };
      } catch (e) {
        throw toLoadError(e, this.path, 'warehouse query failed');
      }
    });
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

/** The schema version a warehouse file holds: null for a new file, 'none' for one older than schema_version in warehouse_meta. */
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
  /** Open the file as it is, change nothing (it must exist): export, query, status. */
  readOnly?: boolean;
}

async function storedCatalog(connection: DuckDBConnection): Promise<string | undefined> {
  const has = await connection.runAndReadAll(
    `SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND table_name = 'warehouse_meta'`,
  );
  if (Number(has.getRows()[0]?.[0] ?? 0) === 0) return undefined;
  const reader = await connection.runAndReadAll(`SELECT value FROM warehouse_meta WHERE key = 'catalog'`);
  return (reader.getRows()[0]?.[0] as string | undefined) ?? undefined;
}

/** Schema, gazetteer, code dictionary and catalog of a read-write open, in one transaction. */
async function bringUpToDate(connection: DuckDBConnection, schema: string, otherSchema: 'fail' | 'reset'): Promise<void> {
  const views = await readViews();
  const stored = await storedSchemaVersion(connection);
  if (stored !== null && stored !== SCHEMA_VERSION) {
    if (otherSchema !== 'reset') {
      throw new Error(`the file holds warehouse schema ${stored}, this nianbao writes schema ${SCHEMA_VERSION}; the next nianbao run rebuilds it`);
    }
    await dropEverything(connection);
  }
  await connection.run(schema);
  await connection.run(`INSERT OR REPLACE INTO warehouse_meta VALUES ('schema_version', '${SCHEMA_VERSION}')`);
  const columns = await readColumns(connection);
  const missing = TABLES.filter((t) => !columns.has(t));
  if (missing.length > 0) throw new Error(`tables missing after applying schema.sql: ${missing.join(', ')}`);
  await connection.run('BEGIN TRANSACTION');
  try {
    await writeGazetteer(connection, async (table, rows) => appendAll(connection, table, columns.get(table as TableName) ?? [], rows));
    await writeCodeDictionary(connection, columns.get('template_codes') ?? []);
    const version = catalogVersion(schema, views);
    if ((await storedCatalog(connection)) !== version) {
      await applyCatalog(connection, TABLES, views, false);
      await connection.run(`INSERT OR REPLACE INTO warehouse_meta VALUES ('catalog', ${sqlString(version)})`);
    }
    await connection.run('COMMIT');
  } catch (e) {
    await connection.run('ROLLBACK');
    throw e;
  }
}

/** A read-only session sees this code's views: as temporary views when the file's catalog is another's. */
async function sessionCatalog(connection: DuckDBConnection, schema: string): Promise<void> {
  const views = await readViews();
  if ((await storedCatalog(connection)) === catalogVersion(schema, views)) return;
  try {
    await applyCatalog(connection, TABLES, views, true);
  } catch (e) {
    throw new Error(`this warehouse was built by other nianbao code and its views cannot be made from its tables (${reasonOf(e)}); run \`nianbao run --db\` on it (or a copy) with this version first`, { cause: e });
  }
}

/**
 * Opens the warehouse at dbPath (read-write: creating the file and its
 * folder if needed, bringing schema, regions and views up to date;
 * read-only: the file as it is).
 */
export async function openWarehouse(dbPath: string, options: OpenOptions = {}): Promise<Warehouse> {
  const schema = await readSql('schema.sql');
  const readOnly = options.readOnly ?? false;
  if (readOnly) {
    try {
      await access(dbPath);
    } catch (e) {
      throw toLoadError(e, dbPath, 'no warehouse here (build one with `nianbao run`)');
    }
  }
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  try {
    if (!readOnly && dbPath !== ':memory:') await mkdir(dirname(dbPath), { recursive: true });
    instance = await DuckDBInstance.create(dbPath, readOnly ? { access_mode: 'READ_ONLY' } : { memory_limit: WRITE_MEMORY_LIMIT });
    connection = await instance.connect();
    if (readOnly) await sessionCatalog(connection, schema);
    else await bringUpToDate(connection, schema, options.otherSchema ?? 'fail');
    const columns = await readColumns(connection);
    return new Warehouse(dbPath, instance, connection, columns, readOnly);
  } catch (e) {
    connection?.closeSync();
    instance?.closeSync();
    throw toLoadError(e, dbPath, 'cannot open the warehouse');
  }
}

/** Appends rows to a table through one appender (inside the caller's transaction). */
async function appendAll(connection: DuckDBConnection, table: string, columns: readonly Column[], rows: readonly Row[]): Promise<void> {
  const appender = await connection.createAppender(table);
  try {
    for (const row of rows) appendRow(appender, columns, row);
    appender.closeSync();
  } catch (e) {
    try {
      appender.closeSync();
    } catch {
      // Already failed; the caller rolls back.
    }
    throw e;
  }
}

/** template_codes as the code's template data says (inside the caller's transaction). */
async function writeCodeDictionary(connection: DuckDBConnection, columns: readonly Column[]): Promise<void> {
  await connection.run('DELETE FROM template_codes');
  await appendAll(connection, 'template_codes', columns, CODE_DICTIONARY.map((e) => ({ ...e })));
}

function checkedNumber(v: unknown, column: string): number {
  if (typeof v !== 'number' || Number.isNaN(v)) throw new Error(`column ${column}: ${String(v)} is not a number`);
  return v;
}

/** A number or decimal text ("40682080.000000") as a DECIMAL(width, scale) value, exact for text. */
function decimalOf(v: unknown, decimal: RegExpExecArray | null, column: string): DuckDBDecimalValue {
  const width = Number(decimal?.[1]);
  const scale = Number(decimal?.[2]);
  const { negative, scaledDigits } = exactDecimal(v, scale, column);
  const scaled = BigInt(scaledDigits);
  return new DuckDBDecimalValue(negative ? -scaled : scaled, width, scale);
}

/** Appends one value of a column; the value is neither null nor undefined. */
type ValueWriter = (appender: DuckDBAppender, v: RowValue) => void;

/** The writer of one column, by its DuckDB type. */
function valueWriter({ name, type }: Column): ValueWriter {
  const decimal = DECIMAL_TYPE.exec(type);
  if (decimal) return (a, v) => a.appendDecimal(decimalOf(v, decimal, name));
  switch (type) {
    case 'VARCHAR':
      return (a, v) => a.appendVarchar(typeof v === 'string' ? v : String(v));
    case 'DOUBLE':
      return (a, v) => a.appendDouble(checkedNumber(v, name));
    case 'INTEGER':
      return (a, v) => {
        const n = checkedNumber(v, name);
        if (!Number.isInteger(n)) throw new Error(`column ${name}: ${n} is not an integer`);
        a.appendInteger(n);
      };
    case 'BIGINT':
      return (a, v) => a.appendBigInt(BigInt(checkedNumber(v, name)));
    case 'BOOLEAN':
      return (a, v) => {
        if (typeof v !== 'boolean') throw new Error(`column ${name}: ${String(v)} is not a boolean`);
        a.appendBoolean(v);
      };
    default:
      return () => {
        throw new Error(`column ${name}: no appender for DuckDB type ${type}`);
      };
  }
}

/** Each column list's writers, made once (a table's columns are read once per open; its rows are appended by the thousand). */
const writersOf = new WeakMap<readonly Column[], Array<{ name: string; write: ValueWriter }>>();

/** Appends one row, in the table's column order; a missing or null value becomes NULL. */
export function appendRow(appender: DuckDBAppender, columns: readonly Column[], row: Row): void {
  let writers = writersOf.get(columns);
  if (writers === undefined) writersOf.set(columns, (writers = columns.map((c) => ({ name: c.name, write: valueWriter(c) }))));
  for (const { name, write } of writers) {
    const v = row[name];
    if (v === null || v === undefined) appender.appendNull();
    else write(appender, v);
  }
  appender.endRow();
}
