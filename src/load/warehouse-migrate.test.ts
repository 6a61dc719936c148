/**
 * A warehouse built before counts were integers (fact values DOUBLE, money
 * in value, the schema version before this one) is never half migrated: the
 * run's working copy (otherSchema 'reset') is emptied and built again with
 * counts BIGINT and money in amount_printed/amount_yuan (the plan rewrites
 * every report); a plain read-write open refuses it, naming the schema; a
 * read-only open says to run nianbao on it instead of failing on a missing
 * column.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoadError } from '../errors.ts';
import { runSqlOn } from '../../test/support/duckdb-file.ts';
import { useTempDir } from '../../test/support/temp-dir.ts';
import { openWarehouse, SCHEMA_VERSION } from './warehouse.ts';

/** The tables of schema 2 that matter here: counts and money as DOUBLE, and its schema version. */
const OLD_WAREHOUSE = `
CREATE TABLE reports (report_id VARCHAR PRIMARY KEY, source_path VARCHAR NOT NULL);
CREATE TABLE warehouse_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
INSERT INTO warehouse_meta VALUES ('schema_version', '2');
CREATE TABLE fact_active_disclosure (report_id VARCHAR NOT NULL, agency_id VARCHAR, year INTEGER, item VARCHAR NOT NULL, metric VARCHAR NOT NULL,
  value DOUBLE, unit VARCHAR, raw_text VARCHAR NOT NULL, page INTEGER, source_block INTEGER, source_row INTEGER, source_col INTEGER);
CREATE TABLE fact_applications (report_id VARCHAR NOT NULL, agency_id VARCHAR, year INTEGER, row_code VARCHAR NOT NULL, applicant_code VARCHAR NOT NULL,
  value DOUBLE, raw_text VARCHAR NOT NULL, page INTEGER, source_block INTEGER, source_row INTEGER, source_col INTEGER);
INSERT INTO reports VALUES ('r1', 'a.txt');
INSERT INTO fact_active_disclosure VALUES ('r1', 'a1', 2023, 'admin_fees', 'amount', 7730.28, '万元', '7730.28', NULL, 3, 9, 3);
INSERT INTO fact_applications VALUES ('r1', 'a1', 2023, 'new_received', 'total', 21, '21', NULL, 5, 3, 8);`;

describe('a warehouse of counts as DOUBLE (schema 2)', () => {
  const tmp = useTempDir('nianbao-migrate-');

  it('opened read-only, asks for a run instead of failing on a missing column', async () => {
    const file = join(tmp(), 'read-only.duckdb');
    await runSqlOn(file, OLD_WAREHOUSE);
    const error = await openWarehouse(file, { readOnly: true }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).message).toContain('nianbao run');
  });

  it('opened read-write, is refused with its schema named', async () => {
    const file = join(tmp(), 'refused.duckdb');
    await runSqlOn(file, OLD_WAREHOUSE);
    const error = await openWarehouse(file).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).message).toContain(`schema 2, this nianbao writes schema ${SCHEMA_VERSION}`);
  });

  it("as the run's working copy, is built again with counts BIGINT and money DECIMAL", async () => {
    const file = join(tmp(), 'old.duckdb');
    await runSqlOn(file, OLD_WAREHOUSE);
    const wh = await openWarehouse(file, { otherSchema: 'reset' });
    try {
      const types = await wh.query(
        `SELECT table_name, column_name, data_type FROM duckdb_columns()
         WHERE table_name LIKE 'fact_%' AND column_name IN ('value', 'amount_printed', 'amount_yuan') ORDER BY table_name, column_name`,
      );
      expect(types.map((t) => `${t.table_name}.${t.column_name} ${t.data_type}`)).toEqual([
        'fact_active_disclosure.amount_printed DECIMAL(18,6)',
        'fact_active_disclosure.amount_yuan DECIMAL(24,6)',
        'fact_active_disclosure.value BIGINT',
        'fact_applications.value BIGINT',
        'fact_review_litigation.value BIGINT',
      ]);
      // Emptied: the run's plan writes every report again, nothing of the old rows is carried over half converted.
      expect(await wh.query('SELECT count(*) AS n FROM fact_active_disclosure')).toEqual([{ n: 0 }]);
      expect(await wh.query(`SELECT value FROM warehouse_meta WHERE key = 'schema_version'`)).toEqual([{ value: SCHEMA_VERSION }]);
    } finally {
      await wh.close();
    }
  });
});
