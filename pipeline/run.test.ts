/**
 * `nianbao run` as a user runs it: a raw folder of real reports plus bad
 * files; every good report loads, every bad file gets one line naming it and
 * the reason, exit code 1; a second run reads nothing again, lists the
 * failures as still failing and exits 0; a changed file is the only one read.
 */
import { mkdtemp, readFile, writeFile, copyFile, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './cli.ts';
import { openWarehouse, tableCounts } from '../src/load/warehouse.ts';

/** OCR of the scanned page takes seconds; the test waits for it (it measures nothing). */
const OCR_WAIT_MS = 120_000;
const CORPUS = new URL('../test/fixtures/corpus/docs/', import.meta.url).pathname;
const GOOD = ['000_d4859fce74386304.txt', '002_02af2ddfabc85d6c.txt', 'shuyang-fgj-2023.html'];

class Sink {
  text = '';
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Sink();
  const err = new Sink();
  const code = await main(args, out as unknown as NodeJS.WritableStream, err as unknown as NodeJS.WritableStream);
  return { code, out: out.text, err: err.text };
}

async function counts(db: string): Promise<Record<string, number>> {
  const wh = await openWarehouse(db);
  try {
    return await tableCounts(wh);
  } finally {
    await wh.close();
  }
}

describe('nianbao run', () => {
  let dir: string;
  let raw: string;
  let db: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nianbao-run-'));
    raw = join(dir, 'raw');
    db = join(dir, 'wh', 'nianbao.duckdb');
    await mkdir(raw, { recursive: true });
    for (const f of GOOD) await copyFile(join(CORPUS, f), join(raw, f));
    await writeFile(join(raw, 'empty.txt'), '');
    await writeFile(join(raw, 'not-a-report.html'), '<html><head><meta charset="utf-8"><title>通知公告</title></head><body><h1>关于开展政务公开工作的通知</h1><p>各单位：请按要求报送材料。</p><table><tr><td>序号</td><td>名称</td></tr><tr><td>1</td><td>材料</td></tr></table></body></html>');
    await writeFile(join(raw, 'corrupt.docx'), Buffer.from('PK\u0003\u0004 this is not really a zip archive'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads every good report, names every bad file once, and exits 1', async () => {
    const { code, out } = await run(['run', '--raw', raw, '--db', db]);
    expect(code).toBe(1);
    const failed = out.split('\n').filter((l) => l.startsWith('FAILED '));
    expect(failed).toHaveLength(3);
    expect(failed.find((l) => l.includes('empty.txt'))).toMatch(/empty/);
    expect(failed.find((l) => l.includes('not-a-report.html'))).toMatch(/not an annual report/);
    expect(failed.find((l) => l.includes('corrupt.docx'))).toBeDefined();
    const c = await counts(db);
    expect(c.fact_applications).toBeGreaterThan(0);
    expect(c.reports).toBe(GOOD.length + 3);
  });

  it('a second run reads nothing again, says what still fails, exits 0 and leaves every table but runs and sources unchanged', async () => {
    const before = await counts(db);
    const again = await run(['run', '--raw', raw, '--db', db]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^6 files: 0 read, 6 unchanged, 0 failed, 3 still failing \(0 need OCR\)$/m);
    expect(again.out.split('\n').filter((l) => l.startsWith('STILL FAILING '))).toHaveLength(3);
    expect(again.out).toMatch(/^reports: 0 added, 0 changed, 0 removed, 0 stale, 6 unchanged$/m);
    expect(await counts(db)).toEqual({ ...before, runs: 2 });
    const forced = await run(['run', '--raw', raw, '--db', db, '--force']);
    expect(forced.code).toBe(1);
    expect(forced.out).toMatch(/^6 files: 6 read, 0 unchanged, 3 failed, 0 still failing/m);
    expect(await counts(db)).toEqual({ ...before, runs: 3 });
  });

  it('reads again only the file whose bytes changed', async () => {
    await writeFile(join(raw, GOOD[0]!), (await readFile(join(CORPUS, GOOD[0]!), 'utf8')) + '\n');
    const again = await run(['run', '--raw', raw, '--db', db]);
    expect(again.out).toMatch(/^6 files: 1 read, 5 unchanged, 0 failed, 3 still failing/m);
    expect(again.out).toMatch(/^reports: 0 added, 1 changed, 0 removed, 0 stale, 5 unchanged$/m);
  });

  it('keeps history: status lists the runs newest first and the files failing now; sources keep when each file was first seen', async () => {
    const status = await run(['status', '--db', db]);
    expect(status.code).toBe(0);
    const lines = status.out.split('\n');
    expect(lines[0]).toBe(`warehouse ${db}: last runs, newest first`);
    expect(lines.filter((l) => /^  run \d+ /.test(l)).map((l) => l.match(/^  run (\d+) .* exit (\d)/)?.slice(1))).toEqual([
      ['4', '0'],
      ['3', '1'],
      ['2', '0'],
      ['1', '1'],
    ]);
    expect(lines).toContain('3 files failing now');
    expect(lines.filter((l) => l.startsWith('  FAILED '))).toHaveLength(3);
    const wh = await openWarehouse(db);
    try {
      const runs = await wh.query('SELECT run_id, started, seen, new, changed, unchanged, removed, failed, still_failing, exit_code FROM runs ORDER BY run_id');
      expect(runs.map(({ started, ...r }) => r)).toEqual([
        { run_id: 1, seen: 6, new: 6, changed: 0, unchanged: 0, removed: 0, failed: 3, still_failing: 0, exit_code: 1 },
        { run_id: 2, seen: 6, new: 0, changed: 0, unchanged: 6, removed: 0, failed: 0, still_failing: 3, exit_code: 0 },
        { run_id: 3, seen: 6, new: 0, changed: 0, unchanged: 6, removed: 0, failed: 3, still_failing: 0, exit_code: 1 },
        { run_id: 4, seen: 6, new: 0, changed: 1, unchanged: 5, removed: 0, failed: 0, still_failing: 3, exit_code: 0 },
      ]);
      const seen = await wh.query('SELECT DISTINCT first_seen, last_seen FROM sources');
      expect(seen).toEqual([{ first_seen: runs[0]!.started, last_seen: runs[3]!.started }]);
    } finally {
      await wh.close();
    }
    const version = await run(['--version']);
    expect(version.out).toMatch(/^nianbao 0\.1\.0\nreader versions:\n  text  text\d+-t\d+-d[0-9a-f]{8}\n  html  html/);
  });

  it('rejects bad usage with exit code 2', async () => {
    expect((await run(['run', '--raw', raw, '--db', db, '--format', 'xml'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['run', '--raw', join(dir, 'missing'), '--db', db])).code).toBe(2);
  });
});

describe('nianbao run over broken PDFs', () => {
  const PDFS = new URL('../test/fixtures/pdf/', import.meta.url).pathname;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nianbao-run-pdf-'));
    await mkdir(join(dir, 'raw'));
    for (const f of ['scanned.pdf', 'encrypted.pdf', 'truncated.pdf']) await copyFile(join(PDFS, f), join(dir, 'raw', f));
    await copyFile(join(CORPUS, 'hzq2023_working.pdf'), join(dir, 'raw', 'hzq2023_working.pdf'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the scan by OCR, names the encrypted and truncated files, and loads the good PDF', { timeout: OCR_WAIT_MS }, async () => {
    const db = join(dir, 'wh.duckdb');
    const { code, out } = await run(['run', '--raw', join(dir, 'raw'), '--db', db]);
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines.filter((l) => l.includes('scanned.pdf'))).toEqual([]);
    expect(lines.find((l) => l.startsWith('FAILED encrypted.pdf:'))).toMatch(/password-protected/);
    expect(lines.find((l) => l.startsWith('FAILED truncated.pdf:'))).toMatch(/truncated/);
    const wh = await openWarehouse(db);
    try {
      const statuses = await wh.query('SELECT source_path, status FROM reports ORDER BY source_path');
      expect(statuses).toEqual([
        { source_path: 'encrypted.pdf', status: 'failed' },
        { source_path: 'hzq2023_working.pdf', status: 'errors' },
        // Page 3 alone: the rows of the other pages are missing (warnings); what OCR reads adds up.
        { source_path: 'scanned.pdf', status: 'warnings' },
        { source_path: 'truncated.pdf', status: 'failed' },
      ]);
      const facts = await wh.query("SELECT count(*)::INTEGER AS n FROM fact_review_litigation f JOIN reports r USING (report_id) WHERE r.source_path = 'hzq2023_working.pdf'");
      expect(facts).toEqual([{ n: 15 }]);
      // The scan is page 3 of hzq2023_working.pdf: each number OCR read is that page's number, or has an issue naming its cell.
      const cells = (path: string) =>
        wh.query(`SELECT 'active_disclosure' AS t, item AS r, metric AS c, coalesce(CAST(value AS VARCHAR), CAST(amount_printed AS VARCHAR)) AS v FROM fact_active_disclosure f JOIN reports USING (report_id) WHERE source_path = '${path}'
                  UNION ALL SELECT 'applications', row_code, applicant_code, CAST(value AS VARCHAR) FROM fact_applications f JOIN reports USING (report_id) WHERE source_path = '${path}'`);
      const printed = new Map((await cells('hzq2023_working.pdf')).map((c) => [`${c.t}.${c.r}.${c.c}`, c.v]));
      const issues = await wh.query("SELECT table_code || '.' || row_code || '.' || column_code AS cell, rule FROM validation_issues JOIN reports USING (report_id) WHERE source_path = 'scanned.pdf' AND row_code IS NOT NULL");
      const named = new Set(issues.map((i) => i.cell));
      const read = (await cells('scanned.pdf')).filter((c) => c.v !== null);
      expect(read.length).toBeGreaterThan(0);
      for (const c of read) expect(named.has(`${c.t}.${c.r}.${c.c}`), `${c.t}.${c.r}.${c.c}`).toBe(true);
      const right = read.filter((c) => printed.get(`${c.t}.${c.r}.${c.c}`) === c.v);
      expect(right.length).toBeGreaterThan(0);
      expect(issues.filter((i) => i.rule === 'extract.ocr_value' || i.rule === 'extract.low_confidence').length).toBe(read.length);
    } finally {
      await wh.close();
    }
  });
});
