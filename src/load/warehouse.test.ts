/**
 * The warehouse on records built from corpus labels, written the way a run
 * writes them (the plan's difference, src/load/apply-plan.ts): idempotent
 * reloads, blanks kept as NULL, all-or-nothing writes, deterministic exports
 * that read back, rollup views, removal of vanished files. Every test works
 * in its own temporary directory.
 */
import { readdirSync } from 'node:fs';
import { readFile, readdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadError } from '../errors.ts';
import { CODE_DICTIONARY } from '../transform/template/code-dictionary.ts';
import type { ReportRecord, ValidationIssue } from '../transform/record.ts';
import type { StagedResult } from '../../pipeline/staged-result.ts';
import { agencyRow, FACT_TABLES, recordRows, reportRow } from './document-rows.ts';
import type { WriteSummary } from './apply-plan.ts';
import { failureStaged, labelCells, labelRecord, labelStaged, loadStaged, readLabel, regionFromNames } from './label-record.test-helper.ts';
import type { PlannedReport } from './planned-report.ts';
import { exportWarehouse, openWarehouse, qualitySummary, reportId, tableCounts, TABLES, type Warehouse } from './warehouse.ts';
import { WRITE_MEMORY_LIMIT } from './warehouse-connection.ts';
import { readGazetteer } from './warehouse-regions.ts';

const LABELS = new URL('../../test/fixtures/corpus/labels/', import.meta.url);

/** Rows of the NBS gazetteer (provinces, cities, counties, townships of divisions.tsv). */
const GAZETTEER_ROWS = (await readGazetteer()).rows().length;
const FGJ = readLabel('shuyang-fgj-2023'); // 沭阳县发展和改革局 2023, many blank cells
const HZQ = readLabel('hzq2023_working'); // 淮安市洪泽区人民政府 2023
const FGJ_REGION = { ...regionFromNames('江苏省', '宿迁市', '沭阳县'), kind: 'department', parent_government: '沭阳县人民政府' };
const HZQ_REGION = { ...regionFromNames('江苏省', '淮安市', '洪泽区'), kind: 'county_government' };

const fgjDoc = (record: Partial<ReportRecord> = {}) => labelStaged(FGJ, { record: { region: FGJ_REGION, ...record } });
const hzqDoc = (record: Partial<ReportRecord> = {}) => labelStaged(HZQ, { record: { region: HZQ_REGION, ...record } });
/** A second copy of the 洪泽区 report under a later path, placed less exactly (no city): not primary (same cells, errors and format: the path decides). */
const hzqCopy = () =>
  labelStaged(HZQ, {
    path: 'x-copies/hzq2023-copy.pdf',
    record: {
      region: { ...regionFromNames('江苏省', undefined, undefined), county_code: HZQ_REGION.county_code, county_name: '洪泽区', level: 'county', kind: 'county_government', confidence: 'fuzzy' },
    },
  });

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'nianbao-load-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let seq = 0;
async function withWarehouse<T>(fn: (wh: Warehouse, dir: string) => Promise<T>): Promise<T> {
  const dir = join(root, `t${++seq}`);
  const wh = await openWarehouse(join(dir, 'db', 'wh.duckdb'));
  try {
    return await fn(wh, dir);
  } finally {
    await wh.close();
  }
}

/** Every exported CSV file's bytes, by file name. */
async function exportBytes(wh: Warehouse, dir: string): Promise<Record<string, string>> {
  await exportWarehouse(wh, dir, 'csv');
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir)).sort()) out[f] = await readFile(join(dir, f), 'utf8');
  return out;
}

const nulls = (label: typeof FGJ, table: 'active_disclosure' | 'applications' | 'review_litigation') =>
  labelCells(label, table).filter(([, , v]) => v === null).length;

describe('applyPlan', () => {
  it('writes one fact per labelled cell, and loading again changes no count', async () => {
    await withWarehouse(async (wh) => {
      const first = await loadStaged(wh, [fgjDoc(), hzqDoc()]);
      const counts = await tableCounts(wh);
      const cells = (t: 'active_disclosure' | 'applications' | 'review_litigation') => labelCells(FGJ, t).length + labelCells(HZQ, t).length;
      expect(counts).toEqual({
        template_codes: CODE_DICTIONARY.length,
        regions: GAZETTEER_ROWS, // the whole gazetteer, whatever was loaded
        warehouse_meta: 3, // schema_version, gazetteer, catalog
        agencies: 2,
        reports: 2,
        fact_active_disclosure: cells('active_disclosure'),
        fact_applications: cells('applications'),
        fact_review_litigation: cells('review_litigation'),
        validation_issues: 0,
        sources: 2,
        runs: 1,
      });
      expect(first).toMatchObject({ added: 2, changed: 0, unchanged: 0, removed: 0 });
      const again = await loadStaged(wh, [hzqDoc(), fgjDoc()]);
      expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 2, removed: 0 });
      expect(await tableCounts(wh)).toEqual({ ...counts, runs: 2 });
    });
  });

  it('stores every value as printed and every blank as NULL, never 0', async () => {
    await withWarehouse(async (wh) => {
      await loadStaged(wh, [fgjDoc()]);
      const id = reportId(FGJ.doc);
      for (const [table, rowCol, colCol] of [
        ['applications', 'row_code', 'applicant_code'],
        ['review_litigation', 'proceeding', 'outcome'],
        ['active_disclosure', 'item', 'metric'],
      ] as const) {
        // Section 二 money is in amount_printed, every other cell in value.
        const value = table === 'active_disclosure' ? 'coalesce(CAST(value AS DOUBLE), CAST(amount_printed AS DOUBLE))' : 'value';
        const rows = await wh.query(`SELECT ${rowCol} AS r, ${colCol} AS c, ${value} AS value, raw_text FROM ${FACT_TABLES[table]} WHERE report_id = $1`, [id]);
        const stored = new Map(rows.map((x) => [`${x.r}/${x.c}`, x]));
        for (const [r, c, v] of labelCells(FGJ, table)) {
          const got = stored.get(`${r}/${c}`);
          expect(got?.value, `${table} ${r}/${c}`).toBe(v);
          if (v === null) expect(got?.raw_text).toBe('');
        }
        const nullCount = (await wh.query(`SELECT count(*) AS n FROM ${FACT_TABLES[table]} WHERE ${value} IS NULL`))[0]?.n;
        expect(nullCount).toBe(nulls(FGJ, table));
      }
      expect(nulls(FGJ, 'applications')).toBeGreaterThan(0);
      // The wide view puts the printed row back together.
      const wide = await wh.query(`SELECT * FROM v_applications_wide WHERE report_id = $1 AND row_code = 'new_received'`, [id]);
      const w = wide[0] as Record<string, unknown>;
      expect(['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'].map((c) => w[c])).toEqual(
        FGJ.applications?.new_received,
      );
    });
  });

  it.each([{ via: 'appender' }, { via: 'row files' }] as const)('rolls back a write whose second report fails, leaving the warehouse byte-identical ($via)', async ({ via }) => {
    await withWarehouse(async (wh, dir) => {
      await loadStaged(wh, [fgjDoc()]);
      const before = await exportBytes(wh, join(dir, 'before'));
      const county = readLabel('shuyang-county-2025');
      const badIssue = { rule: 'test.bad', severity: 'fatal', message: 'not a severity the schema allows' } as unknown as ValidationIssue;
      const failures: Array<[string, StagedResult]> = [
        // Rejected by DuckDB: validation_issues.severity CHECK constraint.
        ['check constraint', labelStaged(county, { record: { validation: [badIssue] } })],
        // Rejected before DuckDB sees it: year must be an integer.
        ['non-integer year', labelStaged(county, { record: { year: 2025.5 } })],
      ];
      for (const [why, bad] of failures) {
        // Sorted by path: hzq2023_working.pdf, shuyang-county-2025.txt (bad), shuyang-fgj-2023.html (a changed copy of the stored report).
        const changedFgj = fgjDoc({ applications: { ...FGJ.applications, new_received: [1, 2, 3, 4, 5, 6, 7] }, cells: [] });
        const fallbacks: string[] = [];
        const error = await loadStaged(wh, [changedFgj, bad, hzqDoc()], new Map(), via === 'appender' ? { via } : { via, onFallback: (r) => fallbacks.push(r) }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, why).toBeInstanceOf(LoadError);
        // Through row files, DuckDB refuses a whole load or the year its row: the write is made again by the appender, which names the file.
        expect((error as LoadError).file, why).toBe(county.doc);
        expect(fallbacks, why).toHaveLength(via === 'row files' ? 1 : 0);
        const after = await exportBytes(wh, join(dir, `after-${why.replace(/\W/g, '-')}`));
        expect(after, why).toEqual(before);
      }
      // The warehouse still works after the rollbacks.
      await loadStaged(wh, [fgjDoc(), hzqDoc()]);
      expect((await tableCounts(wh)).reports).toBe(2);
    });
  });

  it('writes through row files, loaded by DuckDB, the same tables byte for byte as the appender, on every labelled document', async () => {
    const docs = () => [
      ...readdirSync(LABELS)
        .filter((f) => f.endsWith('.json'))
        .map((f) => labelStaged(readLabel(f.slice(0, -'.json'.length)))),
      hzqCopy(),
      failureStaged('scans/scan.pdf', 'needs_ocr', 'PDF has no text layer (scanned image); it needs OCR'),
      // Issues whose printed and expected numbers are doubles JSON must carry exactly.
      fgjDoc({ validation: [{ rule: 'test.double', severity: 'warning', table: 'applications', row: 'new_received', column: 'total', printed: 0.1 + 0.2, expected: 1 / 3, message: '数字 "引号" \\ 与换行\n' }] }),
    ];
    const exports: Array<Record<string, string>> = [];
    const summaries: WriteSummary[] = [];
    for (const via of ['appender', 'row files'] as const) {
      exports.push(
        await withWarehouse(async (wh, dir) => {
          summaries.push(await loadStaged(wh, docs(), new Map(), via === 'appender' ? { via } : { via, onFallback: (r) => expect.fail(r) }));
          return exportBytes(wh, join(dir, 'out'));
        }),
      );
    }
    expect(summaries.map((s) => s.via)).toEqual(['appender', 'row files']);
    const [appended, loaded] = exports as [Record<string, string>, Record<string, string>];
    expect(Object.keys(loaded)).toEqual(Object.keys(appended));
    for (const [file, text] of Object.entries(appended)) expect(loaded[file], file).toBe(text);
    // What the comparison covers: money in yuan from 万元, copies, every label's facts.
    expect(appended['fact_active_disclosure.csv']).toContain('40682080.000000');
    expect(appended['validation_issues.csv']).toContain('test.double');
    expect(appended['fact_applications.csv']!.split('\n').length).toBeGreaterThan(8 * 150);
  });

  it('writes a report the row files cannot carry (a lone surrogate half) by the appender, naming its file, to the same tables', async () => {
    const broken = () => [hzqDoc(), fgjDoc({ cells: labelRecord(FGJ).cells.map((c, i) => (i === 3 ? { ...c, raw: `${c.raw}\uD800` } : c)) })];
    const fallbacks: string[] = [];
    const viaRowFiles = await withWarehouse(async (wh, dir) => {
      const summary = await loadStaged(wh, broken(), new Map(), { via: 'row files', onFallback: (r) => fallbacks.push(r) });
      expect(summary.via).toBe('appender');
      return exportBytes(wh, join(dir, 'out'));
    });
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]).toContain(FGJ.doc);
    expect(fallbacks[0]).toContain('lone surrogate');
    const appended = await withWarehouse(async (wh, dir) => {
      await loadStaged(wh, broken());
      return exportBytes(wh, join(dir, 'out'));
    });
    expect(viaRowFiles).toEqual(appended);
  });

  it('gives the same tables whatever order documents arrive in, and whatever was written before', async () => {
    const histories: StagedResult[][][] = [
      [[fgjDoc(), hzqDoc(), hzqCopy()]],
      [[hzqCopy(), hzqDoc(), fgjDoc()]],
      [[hzqCopy()], [hzqDoc(), fgjDoc()], [fgjDoc(), hzqCopy(), hzqDoc()]],
      [[fgjDoc({ agency: '沭阳县发改局' })], [hzqDoc(), fgjDoc(), hzqCopy()]],
    ];
    const exports: Record<string, string>[] = [];
    for (const runs of histories) {
      exports.push(
        await withWarehouse(async (wh, dir) => {
          for (const docs of runs) await loadStaged(wh, docs);
          await wh.query('DELETE FROM runs');
          return exportBytes(wh, join(dir, 'out'));
        }),
      );
    }
    expect(Object.keys(exports[0] ?? {})).toEqual(TABLES.map((t) => `${t}.csv`).sort());
    for (const e of exports.slice(1)) expect(e).toEqual(exports[0]);
    // regions is the gazetteer: 洪泽区 under 淮安市.
    expect(exports[0]?.['regions.csv']).toContain(`${HZQ_REGION.county_code},洪泽区,county,${HZQ_REGION.city_code},false`);
  });

  it('records failures with their reason and no facts', async () => {
    await withWarehouse(async (wh) => {
      const reason = 'PDF has no text layer (scanned image); it needs OCR';
      const summary = await loadStaged(wh, [failureStaged('scans/scan.pdf', 'needs_ocr', reason), fgjDoc()]);
      expect(summary).toMatchObject({ added: 2 });
      const [row] = await wh.query('SELECT * FROM reports WHERE source_path = $1', ['scans/scan.pdf']);
      expect(row).toMatchObject({ status: 'needs_ocr', failure_reason: reason, is_primary: false, agency_id: null, bytes: 1234 });
      const facts = await wh.query(`SELECT count(*) AS n FROM fact_applications WHERE report_id = $1`, [reportId('scans/scan.pdf')]);
      expect(facts[0]?.n).toBe(0);
      const sources = await wh.query('SELECT path, status, reason FROM sources ORDER BY path');
      expect(sources).toEqual([
        { path: 'scans/scan.pdf', status: 'needs_ocr', reason },
        { path: FGJ.doc, status: 'ok', reason: null },
      ]);
    });
  });

  it('removes reports whose file is gone, to the same tables as never having loaded them', async () => {
    const alone = await withWarehouse(async (wh, dir) => {
      await loadStaged(wh, [fgjDoc()]);
      await wh.query('DELETE FROM runs');
      return exportBytes(wh, join(dir, 'out'));
    });
    await withWarehouse(async (wh, dir) => {
      await loadStaged(wh, [fgjDoc(), hzqDoc(), hzqCopy()]);
      expect(await loadStaged(wh, [fgjDoc()])).toMatchObject({ removed: 2, unchanged: 1 });
      await wh.query('DELETE FROM runs');
      expect(await exportBytes(wh, join(dir, 'out'))).toEqual(alone);
    });
  });
});

describe('exportWarehouse', () => {
  it('writes CSV and Parquet that read back to the same rows', async () => {
    await withWarehouse(async (wh, dir) => {
      await loadStaged(wh, [fgjDoc(), hzqDoc(), hzqCopy()]);
      const counts = await tableCounts(wh);
      const parquet = await exportWarehouse(wh, join(dir, 'pq'), 'parquet');
      const csv = await exportWarehouse(wh, join(dir, 'csv'), 'csv');
      expect(parquet).toHaveLength(TABLES.length);
      for (const [i, table] of TABLES.entries()) {
        const pq = `'${parquet[i]}'`;
        const missing = await wh.query(
          `SELECT count(*) AS n FROM ((SELECT * FROM ${table} EXCEPT ALL SELECT * FROM read_parquet(${pq}))
             UNION ALL (SELECT * FROM read_parquet(${pq}) EXCEPT ALL SELECT * FROM ${table}))`,
        );
        expect(missing[0]?.n, table).toBe(0);
        const back = await wh.query(`SELECT count(*) AS n FROM read_csv('${csv[i]}', header = true)`);
        expect(back[0]?.n, table).toBe(counts[table]);
      }
      const blanks = await wh.query(`SELECT count(*) AS n FROM read_csv('${join(dir, 'csv', 'fact_applications.csv')}', header = true) WHERE value IS NULL`);
      expect(blanks[0]?.n).toBe(nulls(FGJ, 'applications') + 2 * nulls(HZQ, 'applications'));
    });
  });
});

describe('views', () => {
  it('roll up two agencies of one province and skip the non-primary copy', async () => {
    await withWarehouse(async (wh) => {
      await loadStaged(wh, [fgjDoc(), hzqDoc(), hzqCopy()]);
      const total = (label: typeof FGJ, row: string) => label.applications?.[row]?.[6] as number;
      const province = await wh.query(
        `SELECT region_code, region_name, year, reports, reports_with_errors, new_received, total_handled, new_received_err
         FROM v_region_year WHERE region_level = 'province' ORDER BY year`,
      );
      expect(province).toEqual([
        {
          region_code: FGJ_REGION.province_code,
          region_name: '江苏省',
          year: 2023,
          reports: 2,
          reports_with_errors: 0,
          new_received: total(FGJ, 'new_received') + total(HZQ, 'new_received'),
          total_handled: total(FGJ, 'total_handled') + total(HZQ, 'total_handled'),
          new_received_err: null,
        },
      ]);
      const city = await wh.query(`SELECT region_code, region_name, reports, new_received FROM v_region_year WHERE region_level = 'city' ORDER BY region_code`);
      expect(city).toEqual(
        [
          { region_code: HZQ_REGION.city_code, region_name: '淮安市', reports: 1, new_received: total(HZQ, 'new_received') },
          { region_code: FGJ_REGION.city_code, region_name: '宿迁市', reports: 1, new_received: total(FGJ, 'new_received') },
        ].sort((a, b) => String(a.region_code).localeCompare(String(b.region_code))),
      );
      const county = await wh.query(`SELECT region_code FROM v_region_year WHERE region_level = 'county' ORDER BY region_code`);
      expect(county.map((c) => c.region_code)).toEqual([FGJ_REGION.county_code, HZQ_REGION.county_code].sort());

      const kinds = await wh.query('SELECT agency_kind, agency_level, year, reports, new_received, new_received_per_report FROM v_kind_year ORDER BY agency_kind');
      expect(kinds).toEqual([
        { agency_kind: 'county_government', agency_level: 'county', year: 2023, reports: 1, new_received: total(HZQ, 'new_received'), new_received_per_report: total(HZQ, 'new_received') },
        { agency_kind: 'department', agency_level: 'county', year: 2023, reports: 1, new_received: total(FGJ, 'new_received'), new_received_per_report: total(FGJ, 'new_received') },
      ]);

      const review = await wh.query(
        `SELECT year, proceeding, reports, upheld, corrected, other, pending, total FROM v_review_litigation_totals WHERE proceeding = 'review'`,
      );
      const sum = (i: number) => (FGJ.review_litigation?.review?.[i] ?? 0) + (HZQ.review_litigation?.review?.[i] ?? 0);
      expect(review).toEqual([{ year: 2023, proceeding: 'review', reports: 2, upheld: sum(0), corrected: sum(1), other: sum(2), pending: sum(3), total: sum(4) }]);
    });
  });

  it('template_codes names every code the facts use, with its printed label', async () => {
    await withWarehouse(async (wh) => {
      await loadStaged(wh, [fgjDoc(), hzqDoc()]);
      const unnamed = await wh.query(`
        SELECT 'row_code' AS dim, row_code AS code FROM fact_applications EXCEPT SELECT dimension, code FROM template_codes
        UNION ALL SELECT 'applicant_code', applicant_code FROM fact_applications EXCEPT SELECT dimension, code FROM template_codes
        UNION ALL SELECT 'item', item FROM fact_active_disclosure EXCEPT SELECT dimension, code FROM template_codes
        UNION ALL SELECT 'metric', metric FROM fact_active_disclosure EXCEPT SELECT dimension, code FROM template_codes
        UNION ALL SELECT 'proceeding', proceeding FROM fact_review_litigation EXCEPT SELECT dimension, code FROM template_codes
        UNION ALL SELECT 'outcome', outcome FROM fact_review_litigation EXCEPT SELECT dimension, code FROM template_codes`);
      expect(unnamed).toEqual([]);
      const named = await wh.query("SELECT code, label, group_label, only_in FROM template_codes WHERE code IN ('unable_not_held', 'other_handling') ORDER BY code");
      expect(named).toEqual([
        { code: 'other_handling', label: '（六）其他处理', group_label: null, only_in: '2019' },
        { code: 'unable_not_held', label: '1.本机关不掌握相关政府信息', group_label: '（四）无法提供', only_in: null },
      ]);
    });
  });

  it('count issues by rule and severity and reports by status', async () => {
    await withWarehouse(async (wh) => {
      const issue = (rule: string, severity: ValidationIssue['severity']): ValidationIssue => ({ rule, severity, message: `${rule} test issue`, table: 'applications', row: 'new_received' });
      await loadStaged(wh, [
        fgjDoc({ validation: [issue('applications.identity', 'error'), issue('applications.identity', 'error'), issue('extract.row_missing', 'warning')] }),
        hzqDoc({ validation: [issue('extract.row_missing', 'warning')] }),
      ]);
      expect(await qualitySummary(wh)).toEqual([
        { category: 'report_status', name: 'errors', severity: null, n: 1, reports: 1 },
        { category: 'report_status', name: 'warnings', severity: null, n: 1, reports: 1 },
        { category: 'issue', name: 'applications.identity', severity: 'error', n: 2, reports: 1 },
        { category: 'issue', name: 'extract.row_missing', severity: 'warning', n: 2, reports: 2 },
      ]);
    });
  });
});

describe('openWarehouse', () => {
  it('reopens an existing warehouse with its rows, and builds rows with exactly the tables’ columns', async () => {
    const dir = join(root, 'reopen');
    const db = join(dir, 'wh.duckdb');
    let counts: Record<string, number>;
    let wh = await openWarehouse(db);
    try {
      await loadStaged(wh, [fgjDoc()]);
      counts = await tableCounts(wh);
      const [stored] = await wh.query('SELECT * FROM reports');
      const { content_key, ...report } = stored as Record<string, string | number | boolean | null>;
      const planned: PlannedReport = { reportId: report.report_id as string, sourcePath: FGJ.doc, report, recordKey: 'k', primary: null, extraIssues: [], contentKey: content_key as string };
      const record = (fgjDoc({ validation: [{ rule: 'r', severity: 'info', message: 'm' }] }).outcome as { record: ReportRecord }).record;
      const rows = recordRows(planned, record);
      const keys = (t: (typeof TABLES)[number]) => wh.columnsOf(t).map((c) => c.name).sort();
      expect(Object.keys(reportRow(planned)).sort()).toEqual(keys('reports'));
      expect(Object.keys(agencyRow('a', FGJ.agency, FGJ_REGION)).sort()).toEqual(keys('agencies'));
      expect(Object.keys(rows.validation_issues[0] ?? {}).sort()).toEqual(keys('validation_issues'));
      for (const t of Object.values(FACT_TABLES)) expect(Object.keys(rows[t][0] ?? {}).sort(), t).toEqual(keys(t));
    } finally {
      await wh.close();
    }
    wh = await openWarehouse(db);
    try {
      expect(await tableCounts(wh)).toEqual(counts);
    } finally {
      await wh.close();
    }
  });

  it('writes under DuckDB memory limit of WRITE_MEMORY_LIMIT (256 MB, not 80% of RAM); a read-only open keeps the default', async () => {
    const db = join(root, 'memory', 'wh.duckdb');
    const limit = async (w: Warehouse) => (await w.query("SELECT current_setting('memory_limit') AS v"))[0]?.v;
    const wh = await openWarehouse(db);
    try {
      expect(WRITE_MEMORY_LIMIT).toBe('256MB');
      expect(await limit(wh)).toBe('244.1 MiB');
    } finally {
      await wh.close();
    }
    const reader = await openWarehouse(db, { readOnly: true });
    try {
      expect(await limit(reader)).not.toBe('244.1 MiB');
    } finally {
      await reader.close();
    }
  });

  it('names the database file when it cannot open it', async () => {
    const blocker = join(root, 'not-a-dir');
    await writeFile(blocker, 'x');
    const db = join(blocker, 'wh.duckdb');
    await expect(openWarehouse(db)).rejects.toMatchObject({ name: 'LoadError', file: db });
  });
});

describe('agencies over time', () => {
  it('take the corrected kind and parent of a later run, as a fresh build does (never the least of old and new)', async () => {
    const wrong = { ...FGJ_REGION, kind: 'government_office', parent_government: '宿迁市人民政府' };
    const row = await withWarehouse(async (wh) => {
      await loadStaged(wh, [labelStaged(FGJ, { record: { region: wrong } }), hzqDoc()]);
      await loadStaged(wh, [fgjDoc(), hzqDoc()]);
      return wh.query(`SELECT * FROM agencies WHERE name = '沭阳县发展和改革局'`);
    });
    expect(row).toEqual([
      {
        agency_id: expect.any(String),
        name: '沭阳县发展和改革局',
        kind: 'department',
        level: 'county',
        province_code: '32',
        province_name: '江苏省',
        city_code: '3213',
        city_name: '宿迁市',
        county_code: '321322',
        county_name: '沭阳县',
        township_code: null,
        township_name: null,
        parent_agency: '沭阳县人民政府',
      },
    ]);
    const fresh = await withWarehouse(async (wh) => {
      await loadStaged(wh, [fgjDoc(), hzqDoc()]);
      return wh.query(`SELECT * FROM agencies ORDER BY agency_id`);
    });
    const incremental = await withWarehouse(async (wh) => {
      await loadStaged(wh, [labelStaged(FGJ, { record: { region: wrong } }), hzqDoc()]);
      await loadStaged(wh, [fgjDoc(), hzqDoc()]);
      return wh.query(`SELECT * FROM agencies ORDER BY agency_id`);
    });
    expect(incremental).toEqual(fresh);
  });
});
