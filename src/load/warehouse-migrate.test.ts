/**
 * A warehouse built before counts were integers (fact values DOUBLE, money
 * in value) opens read-write with counts as BIGINT and money moved to
 * amount_printed; opened read-only, it says what to do instead of failing
 * on a missing column.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { LoadError } from '../errors.ts';
import { useTempDir } from '../../test/support/temp-dir.ts';
import { openWarehouse } from './warehouse.ts';

/** The fact tables as the schema before this version made them. */
const OLD_FACTS = `
CREATE TABLE fact_active_disclosure (report_id VARCHAR NOT NULL, agency_id VARCHAR, year INTEGER, item VARCHAR NOT NULL, metric VARCHAR NOT NULL,
  value DOUBLE, unit VARCHAR, raw_text VARCHAR NOT NULL, page INTEGER, source_block INTEGER, source_row INTEGER, source_col INTEGER);
CREATE TABLE fact_applications (report_id VARCHAR NOT NULL, agency_id VARCHAR, year INTEGER, row_code VARCHAR NOT NULL, applicant_code VARCHAR NOT NULL,
  value DOUBLE, raw_text VARCHAR NOT NULL, page INTEGER, source_block INTEGER, source_row INTEGER, source_col INTEGER);
CREATE TABLE fact_review_litigation (report_id VARCHAR NOT NULL, agency_id VARCHAR, year INTEGER, proceeding VARCHAR NOT NULL, outcome VARCHAR NOT NULL,
  value DOUBLE, raw_text VARCHAR NOT NULL, page INTEGER, source_block INTEGER, source_row INTEGER, source_col INTEGER);
INSERT INTO fact_active_disclosure VALUES ('r1', 'a1', 2023, 'admin_fees', 'amount', 7730.28, '万元', '7730.28', NULL, 3, 9, 3),
  ('r1', 'a1', 2023, 'admin_licensing', 'decisions', 97, NULL, '97', NULL, 3, 5, 3);
INSERT INTO fact_applications VALUES ('r1', 'a1', 2023, 'new_received', 'total', 21, '21', NULL, 5, 3, 8);`;

async function oldWarehouse(file: string): Promise<void> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  await connection.run(OLD_FACTS);
  connection.closeSync();
  instance.closeSync();
}

describe('a warehouse of counts as DOUBLE', () => {
  const tmp = useTempDir('nianbao-migrate-');

  it('opened read-only, asks for a run instead of failing on a missing column', async () => {
    const file = join(tmp(), 'read-only.duckdb');
    await oldWarehouse(file);
    const error = await openWarehouse(file, { readOnly: true }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).message).toContain('nianbao run');
  });

  it('opened read-write, holds counts as BIGINT and money in amount_printed', async () => {
    const file = join(tmp(), 'old.duckdb');
    await oldWarehouse(file);
    const wh = await openWarehouse(file);
    try {
      const types = await wh.query(
        `SELECT table_name, data_type FROM duckdb_columns() WHERE column_name = 'value' AND table_name LIKE 'fact_%' ORDER BY table_name`,
      );
      expect(types.map((t) => t.data_type)).toEqual(['BIGINT', 'BIGINT', 'BIGINT']);
      const facts = await wh.query(`SELECT metric, value, amount_printed, unit FROM fact_active_disclosure ORDER BY metric`);
      expect(facts).toEqual([
        { metric: 'amount', value: null, amount_printed: 7730.28, unit: '万元' },
        { metric: 'decisions', value: 97, amount_printed: null, unit: null },
      ]);
      expect((await wh.query('SELECT value FROM fact_applications'))[0]?.value).toBe(21);
    } finally {
      await wh.close();
    }
  });
});
