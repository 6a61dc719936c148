/**
 * Test helper: runs SQL straight on a DuckDB file, with none of nianbao's own
 * code in between, as another version or another tool would have left it.
 */
import { DuckDBInstance } from '@duckdb/node-api';

export async function runSqlOn(file: string, sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
