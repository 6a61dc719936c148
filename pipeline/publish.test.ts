/**
 * A run's first working copy starts from the seed (an empty warehouse the
 * build writes) and holds exactly what one built from nothing holds: every
 * table's rows, the views and every comment. A seed left by other code is
 * brought up to date on open; one DuckDB cannot read is passed over. A
 * working copy starts without the row files a killed run left.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { writeSeed } from '../src/load/warehouse-seed.ts';
import { runSqlOn } from '../test/support/duckdb-file.ts';
import { useTempDir } from '../test/support/temp-dir.ts';
import { openWorkingCopy, publish, rowFilesPath } from './publish.ts';

/** Every table's rows (sorted), the columns of every table and view, and every comment of a warehouse file. */
async function everything(file: string): Promise<Record<string, unknown>> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson();
    const out: Record<string, unknown> = {
      // A view's columns, not its SQL text: DuckDB prints an EXCLUDE list in no fixed order.
      views: await rows(`SELECT view_name, comment FROM duckdb_views() WHERE NOT internal ORDER BY view_name`),
      tables: await rows(`SELECT table_name, comment FROM duckdb_tables() ORDER BY table_name`),
      columns: await rows(`SELECT table_name, column_name, data_type, comment FROM duckdb_columns() WHERE NOT internal ORDER BY table_name, column_index`),
    };
    for (const t of (out.tables as Array<{ table_name: string }>).map((t) => t.table_name)) {
      out[t] = (await rows(`SELECT * FROM "${t}"`)).map((r) => JSON.stringify(r)).sort();
    }
    return out;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A new warehouse published at `db`, its working copy started from `seed`. */
async function newWarehouse(db: string, seed: string): Promise<void> {
  await mkdir(dirname(db), { recursive: true });
  await publish(await openWorkingCopy(db, seed), db);
}

describe('new warehouses from the seed', () => {
  const tmp = useTempDir('nianbao-seed-');

  it('start from the seed and hold what a warehouse built from nothing holds', async () => {
    const seed = join(tmp(), 'seed.duckdb');
    await writeSeed(seed);
    // A table only the seed has shows the copy started from it.
    await runSqlOn(seed, 'CREATE TABLE seed_marker (x INTEGER)');
    await newWarehouse(join(tmp(), 'seeded', 'n.duckdb'), seed);
    await newWarehouse(join(tmp(), 'plain', 'n.duckdb'), join(tmp(), 'no-seed.duckdb'));
    const seeded = await everything(join(tmp(), 'seeded', 'n.duckdb'));
    const plain = await everything(join(tmp(), 'plain', 'n.duckdb'));
    expect(seeded.seed_marker).toEqual([]);
    delete seeded.seed_marker;
    seeded.tables = (seeded.tables as Array<{ table_name: string }>).filter((t) => t.table_name !== 'seed_marker');
    seeded.columns = (seeded.columns as Array<{ table_name: string }>).filter((t) => t.table_name !== 'seed_marker');
    expect(seeded).toEqual(plain);
    expect((plain.regions as unknown[]).length).toBeGreaterThan(40_000);
  });

  it('left by other code (a view gone, another catalog and gazetteer) are brought up to date on open', async () => {
    const seed = join(tmp(), 'old-seed.duckdb');
    await writeSeed(seed);
    await runSqlOn(
      seed,
      `DROP VIEW v_quality; DELETE FROM regions WHERE level = 'township';
       UPDATE warehouse_meta SET value = 'other' WHERE key IN ('catalog', 'gazetteer')`,
    );
    await newWarehouse(join(tmp(), 'from-old', 'n.duckdb'), seed);
    await newWarehouse(join(tmp(), 'plain', 'n.duckdb'), join(tmp(), 'no-seed.duckdb'));
    expect(await everything(join(tmp(), 'from-old', 'n.duckdb'))).toEqual(await everything(join(tmp(), 'plain', 'n.duckdb')));
  });

  it('that DuckDB cannot read are passed over: the warehouse is built from nothing', async () => {
    const seed = join(tmp(), 'broken-seed.duckdb');
    await writeFile(seed, 'not a DuckDB file');
    await newWarehouse(join(tmp(), 'from-broken', 'n.duckdb'), seed);
    await newWarehouse(join(tmp(), 'plain', 'n.duckdb'), join(tmp(), 'no-seed.duckdb'));
    expect(await everything(join(tmp(), 'from-broken', 'n.duckdb'))).toEqual(await everything(join(tmp(), 'plain', 'n.duckdb')));
  });
});

describe('a working copy', () => {
  const tmp = useTempDir('nianbao-work-');

  it('starts without the row files a killed run left, and leaves none once published', async () => {
    const db = join(tmp(), 'wh', 'n.duckdb');
    await newWarehouse(db, join(tmp(), 'no-seed.duckdb'));
    // What a run killed in its write leaves beside the working copy.
    await mkdir(rowFilesPath(db), { recursive: true });
    await writeFile(join(rowFilesPath(db), '0.fact_applications.json'), '{"report_id":"r"}');
    const wh = await openWorkingCopy(db);
    expect(existsSync(rowFilesPath(db))).toBe(false);
    await mkdir(rowFilesPath(db), { recursive: true });
    await publish(wh, db);
    expect(existsSync(rowFilesPath(db))).toBe(false);
    expect(existsSync(db)).toBe(true);
  });
});
