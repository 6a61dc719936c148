/**
 * The warehouse's catalog for analysts: the views (sql/views/) and a
 * COMMENT on every table, view and column, generated from the dictionary.
 * A read-write open writes them into the file when they differ from this
 * code's (a hash in warehouse_meta under 'catalog'); a read-only open of a
 * file whose catalog differs creates them as temporary views for the session,
 * so an export always sees the views and descriptions this code documents.
 */
import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { CODE_DICTIONARY } from '../transform/template/code-dictionary.ts';
import { buildDictionary, commentOf, type Dictionary, type DictionaryObject } from './dictionary/build-dictionary.ts';
import { COLUMNS, OBJECT_COLUMNS, TABLE_DOCS } from './dictionary/column-docs.ts';
import { sqlString } from './warehouse-errors.ts';
import { asTempView, VIEWS, type ViewSql } from './warehouse-views.ts';

/** What the catalog is made of: a new view, column or description changes the hash. */
export function catalogVersion(schema: string, views: readonly ViewSql[]): string {
  const parts = [schema, ...views.map((v) => v.sql), JSON.stringify([TABLE_DOCS, COLUMNS, OBJECT_COLUMNS, CODE_DICTIONARY])];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

/**
 * The warehouse's tables and views with their columns as DuckDB reports
 * them; a temporary view stands in for the stored one of the same name.
 */
export async function catalogObjects(connection: DuckDBConnection, tables: readonly string[], views: readonly ViewSql[]): Promise<DictionaryObject[]> {
  const reader = await connection.runAndReadAll(
    `SELECT database_name = 'temp' AS temp, table_name, column_name, data_type FROM duckdb_columns()
     WHERE (database_name = current_database() AND schema_name = 'main') OR database_name = 'temp'
     ORDER BY temp DESC, table_name, column_index`,
  );
  const columns = new Map<string, { name: string; type: string }[]>();
  const fromTemp = new Set<string>();
  for (const [temp, table, name, type] of reader.getRows() as [boolean, string, string, string][]) {
    if (!temp && fromTemp.has(table)) continue;
    if (temp) fromTemp.add(table);
    const list = columns.get(table) ?? [];
    list.push({ name, type });
    columns.set(table, list);
  }
  const described = new Map(views.map((v) => [v.name as string, v.description]));
  return [
    ...tables.map((name) => ({ name, kind: 'table' as const, columns: columns.get(name) ?? [] })),
    ...VIEWS.filter((v) => columns.has(v)).map((name) => ({ name, kind: 'view' as const, description: described.get(name), columns: columns.get(name) ?? [] })),
  ];
}

/** COMMENT statements for every object and column the dictionary describes. */
function commentStatements(d: Dictionary, temp: boolean): string[] {
  const kinds = new Map(d.objects.map((o) => [o.name, o.kind]));
  const prefix = (name: string) => (temp && kinds.get(name) === 'view' ? `temp.${name}` : name);
  const statements: string[] = [];
  for (const o of d.objects) {
    if (temp && o.kind === 'table') continue;
    statements.push(`COMMENT ON ${o.kind === 'view' ? 'VIEW' : 'TABLE'} ${prefix(o.name)} IS ${sqlString(o.description)}`);
  }
  for (const e of d.entries) {
    if (e.entry !== 'column' || (temp && kinds.get(e.object) === 'table')) continue;
    statements.push(`COMMENT ON COLUMN ${prefix(e.object)}.${e.column} IS ${sqlString(commentOf(e))}`);
  }
  return statements;
}

/** Runs statements in order in one call: each alone would be a round trip to DuckDB's thread (the catalog is about 750 statements). */
async function runAll(connection: DuckDBConnection, statements: readonly string[]): Promise<void> {
  const script = statements.map((s) => `${s.trim().replace(/;$/, '')};`).join('\n');
  if (script !== '') await connection.run(script);
}

/** Creates the views (temporary ones for a read-only session) and comments everything. */
export async function applyCatalog(connection: DuckDBConnection, tables: readonly string[], views: readonly ViewSql[], temp: boolean): Promise<void> {
  await runAll(connection, views.map((v) => (temp ? asTempView(v.sql) : v.sql)));
  const dictionary = buildDictionary(await catalogObjects(connection, tables, views));
  await runAll(connection, commentStatements(dictionary, temp));
}
