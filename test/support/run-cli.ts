/**
 * `nianbao` as a user runs it, in-process: the exit code and what it printed;
 * and reads of a warehouse file through a READ_ONLY handle.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { main } from '../../pipeline/cli.ts';
import { openWarehouse, type Scalar } from '../../src/load/warehouse.ts';

class Sink {
  text = '';
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Sink();
  const err = new Sink();
  const code = await main(args, out as unknown as NodeJS.WritableStream, err as unknown as NodeJS.WritableStream);
  return { code, out: out.text, err: err.text };
}

export async function readDb(db: string, sql: string): Promise<Record<string, Scalar>[]> {
  const wh = await openWarehouse(db, { readOnly: true });
  try {
    return await wh.query(sql);
  } finally {
    await wh.close();
  }
}

/** Tables whose rows are a function of the raw folder (all but the history tables runs and sources). */
export const CONTENT_TABLES = ['regions', 'agencies', 'reports', 'fact_active_disclosure', 'fact_applications', 'fact_review_litigation', 'validation_issues'] as const;

/** Every content table, sorted by every column, as JSON lines: equal text, equal warehouse. */
export async function dumpContent(db: string): Promise<Record<string, string>> {
  const wh = await openWarehouse(db, { readOnly: true });
  try {
    const out: Record<string, string> = {};
    for (const t of CONTENT_TABLES) {
      const cols = wh.columnsOf(t).map((c) => c.name);
      const rows = await wh.query(`SELECT * FROM ${t} ORDER BY ${cols.map((c) => `${c} NULLS FIRST`).join(', ')}`);
      out[t] = rows.map((r) => JSON.stringify(r)).join('\n');
    }
    return out;
  } finally {
    await wh.close();
  }
}

/**
 * The content tables of two warehouse files compared in one DuckDB instance
 * (both attached READ_ONLY): per table, the rows one has and the other has
 * not (EXCEPT ALL both ways); {} when they are equal.
 */
export async function contentDifference(a: string, b: string): Promise<Record<string, unknown[]>> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`ATTACH '${a.replaceAll("'", "''")}' AS a (READ_ONLY); ATTACH '${b.replaceAll("'", "''")}' AS b (READ_ONLY)`);
    const out: Record<string, unknown[]> = {};
    for (const t of CONTENT_TABLES) {
      const reader = await connection.runAndReadAll(
        `(SELECT 'only in a' AS side, * FROM (SELECT * FROM a.${t} EXCEPT ALL SELECT * FROM b.${t}))
         UNION ALL (SELECT 'only in b', * FROM (SELECT * FROM b.${t} EXCEPT ALL SELECT * FROM a.${t})) LIMIT 20`,
      );
      const rows = reader.getRowObjectsJson();
      if (rows.length > 0) out[t] = rows;
    }
    return out;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
