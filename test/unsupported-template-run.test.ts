/**
 * A report on the pre-2019 template through `nianbao run`: it is stored with
 * its own status, unsupported_template, and the run says so in one line
 * naming the file and the year; it is no failure (exit 0).
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../pipeline/cli.ts';
import { openWarehouse, qualitySummary } from '../src/load/warehouse.ts';
import { CORPUS } from './support/label.ts';

class Sink {
  text = '';
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

describe('a pre-2019 report in a run', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is stored as unsupported_template with its year, and named once in the summary', async () => {
    dir = await mkdtemp(join(tmpdir(), 'nianbao-pre2019-'));
    const raw = join(dir, 'raw');
    await mkdir(raw, { recursive: true });
    for (const f of ['fj-pingtan-county-2013.txt', 'fj-pingtan-2023.txt']) await copyFile(join(CORPUS, 'docs', f), join(raw, f));
    const db = join(dir, 'wh.duckdb');
    const out = new Sink();
    const code = await main(['run', '--raw', raw, '--db', db], out as unknown as NodeJS.WritableStream, new Sink() as unknown as NodeJS.WritableStream);
    expect(code).toBe(0);
    expect(out.text).toContain('UNSUPPORTED TEMPLATE fj-pingtan-county-2013.txt: report on the template used before 2019 (year 2013)');
    const wh = await openWarehouse(db);
    try {
      const statuses = (await qualitySummary(wh)).filter((q) => q.category === 'report_status').map((q) => [q.name, Number(q.n)]);
      expect(statuses).toContainEqual(['unsupported_template', 1]);
      expect(statuses).toContainEqual(['errors', 1]);
      // No numbers: the analysts' views list it (v_reports) but count nothing of it.
      const listed = await wh.query(`SELECT status, year, source_path FROM v_reports WHERE status = 'unsupported_template'`);
      expect(listed).toEqual([{ status: 'unsupported_template', year: 2013, source_path: 'fj-pingtan-county-2013.txt' }]);
      const counted = await wh.query(`SELECT year FROM v_report_totals UNION ALL SELECT year FROM v_report_wide ORDER BY year`);
      expect(counted).toEqual([{ year: 2023 }, { year: 2023 }]);
      expect(await wh.query(`SELECT year, sum(reports)::INTEGER AS n FROM v_kind_year GROUP BY year`)).toEqual([{ year: 2023, n: 1 }]);
    } finally {
      await wh.close();
    }
  });
});
