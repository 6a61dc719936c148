/**
 * Loads row files (lines of JSON, row-json.ts) into a warehouse table with
 * DuckDB's own reader, on every core DuckDB has: one statement for many
 * reports' rows, the files read in the order given, so the table holds its
 * rows in the same order as appended one by one. DECIMAL columns arrive as
 * exact text and are cast here.
 */
import { jsonReadType } from './row-json.ts';
import { sqlString, type TableName, type Warehouse } from './warehouse-connection.ts';

export async function insertRowFiles(wh: Warehouse, table: TableName, files: readonly string[]): Promise<void> {
  if (files.length === 0) return;
  const columns = wh.columnsOf(table);
  const read = columns.map((c) => `${sqlString(c.name)}: ${sqlString(jsonReadType(c))}`).join(', ');
  const select = columns.map((c) => (jsonReadType(c) === c.type ? `"${c.name}"` : `CAST("${c.name}" AS ${c.type})`)).join(', ');
  await wh.connection.run(
    `INSERT INTO ${table} SELECT ${select} FROM read_json([${files.map(sqlString).join(', ')}], format = 'newline_delimited', columns = {${read}})`,
  );
}
