/**
 * `nianbao` as a user runs it, in-process: the exit code and what it printed;
 * and reads of a warehouse file through a READ_ONLY handle.
 */
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
