/**
 * `nianbao export` and `nianbao query` as a researcher uses them, on the
 * sample warehouse: CSV with a BOM that reads back through DuckDB's
 * read_csv to the views' rows, formula-like text neutralised, whole numbers
 * without ".0"; Parquet partitioned by year with the dictionary in its
 * metadata, read back to the same rows; one XLSX workbook exceljs opens with
 * the same rows; README and dictionary in every folder; --where and --view;
 * and a copy of a warehouse built elsewhere left byte for byte as it was.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutralise } from '../src/load/export/csv-cells.ts';
import { EXPORTED_VIEWS } from '../src/load/warehouse-views.ts';
import { openWarehouse, type Scalar, type Warehouse } from '../src/load/warehouse.ts';
import { buildSampleWarehouse, FORMULA_FILE, FORMULA_URL, runCli } from './support/sample-warehouse.ts';
import { useTempDir } from './support/temp-dir.ts';

/** A value as compared across formats: numbers as numbers (money to 6 decimals), '' and NULL alike, booleans as text. */
function norm(v: unknown): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return Math.round(v * 1e6) / 1e6;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1e6) / 1e6;
  return String(v);
}

/** Rows as sorted JSON lines, column by column in the given order, each value through f. */
function canonical(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, f: (v: unknown, column: string) => unknown = (v) => v): string[] {
  return rows.map((r) => JSON.stringify(columns.map((c) => norm(f(r[c], c))))).sort();
}

const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

describe('nianbao export and query on the sample warehouse', () => {
  const tmp = useTempDir('nianbao-export-');
  let db: string;
  let wh: Warehouse;
  /** Every exported view's columns and rows as the warehouse gives them. */
  const views = new Map<string, { columns: string[]; rows: Record<string, Scalar>[] }>();

  beforeAll(async () => {
    ({ db } = await buildSampleWarehouse(tmp()));
    for (const format of ['csv', 'parquet', 'xlsx']) {
      const { code, err } = await runCli(['export', '--db', db, '--out', join(tmp(), format), '--format', format]);
      expect(code, err).toBe(0);
    }
    wh = await openWarehouse(db, { readOnly: true });
    for (const v of EXPORTED_VIEWS) {
      const t = await wh.table(`SELECT * FROM ${v}`);
      views.set(v, { columns: t.columns, rows: t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? null]))) });
    }
  }, 180_000);
  afterAll(async () => {
    await wh?.close();
  });

  it('writes every view as CSV with a BOM that reads back through read_csv to the view, text neutralised', async () => {
    for (const [name, view] of views) {
      const file = join(tmp(), 'csv', `${name}.csv`);
      const bytes = await readFile(file);
      expect([...bytes.subarray(0, 3)], name).toEqual([0xef, 0xbb, 0xbf]);
      const back = await wh.query(`SELECT * FROM read_csv('${file}', header = true, all_varchar = true)`);
      expect(back.length, name).toBe(view.rows.length);
      const expected = canonical(view.columns, view.rows, (v) => (typeof v === 'string' ? neutralise(v) : v));
      expect(canonical(view.columns, back), name).toEqual(expected);
    }
  });

  it('neutralises a file name and a manifest URL a spreadsheet would run as formulas', async () => {
    const reports = await readFile(join(tmp(), 'csv', 'v_reports.csv'), 'utf8');
    expect(reports).toContain(`'${FORMULA_FILE}`);
    expect(reports).toContain(`'${FORMULA_URL}`);
    expect(reports).not.toMatch(new RegExp(`(^|,)${FORMULA_URL.replace(/[()*+]/g, '\\$&')}`, 'm'));
    const lines = (await readFile(join(tmp(), 'csv', 'v_evidence.csv'), 'utf8')).split('\n');
    for (const line of lines) for (const cell of line.split(',')) expect(cell, line).not.toMatch(/^[=+@]/);
  });

  it('prints whole numbers without .0 and codes beside their labels', async () => {
    for (const name of ['v_region_year', 'v_issues', 'v_applications', 'v_active_disclosure']) {
      const text = await readFile(join(tmp(), 'csv', `${name}.csv`), 'utf8');
      expect(text, name).not.toMatch(/(^|,)-?\d+\.0+(,|\r?$)/m);
    }
    const applications = await readFile(join(tmp(), 'csv', 'v_applications.csv'), 'utf8');
    expect(applications.split('\n')[0]).toContain('row_code,row_position,row_label');
    expect(applications).toContain('new_received,1,一、本年新收政府信息公开申请数量');
    const money = await readFile(join(tmp(), 'csv', 'v_active_disclosure.csv'), 'utf8');
    expect(money).toMatch(/,4068\.208,万元,40682080,/);
  });

  it('writes Parquet partitioned by year, with the dictionary in its metadata, that reads back to the views', async () => {
    for (const [name, view] of views) {
      const partitioned = view.columns.includes('year');
      const target = join(tmp(), 'parquet', partitioned ? name : `${name}.parquet`);
      if (partitioned) {
        const years = (await readdir(target)).sort();
        const expectedYears = [...new Set(view.rows.map((r) => `year=${r.year === null ? 'NULL' : r.year}`))].sort();
        expect(years, name).toEqual(expectedYears);
      }
      const glob = partitioned ? `${target}/**/*.parquet` : target;
      const back = await wh.query(`SELECT * FROM read_parquet('${glob}', hive_partitioning = ${partitioned})`);
      expect(canonical(view.columns, back), name).toEqual(canonical(view.columns, view.rows));
      const meta = await wh.query(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${glob}')`);
      const dictionary = meta.find((m) => m.key === 'nianbao_dictionary');
      expect(dictionary, name).toBeDefined();
      const described = (JSON.parse(dictionary?.value as string) as { column: string }[]).map((e) => e.column).sort();
      expect(described, name).toEqual([...view.columns].sort());
      expect(meta.find((m) => m.key === 'nianbao_object')?.value).toBe(name);
    }
  });

  it('writes one XLSX workbook that exceljs opens, a sheet per view with the same rows, and the dictionary', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(tmp(), 'xlsx', 'nianbao.xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual([...views.keys(), 'dictionary']);
    for (const [name, view] of views) {
      const sheet = book.getWorksheet(name) as ExcelJS.Worksheet;
      const values: Record<string, unknown>[] = [];
      sheet.eachRow((row, n) => {
        if (n === 1) {
          expect((row.values as unknown[]).slice(1)).toEqual(view.columns);
          return;
        }
        const cells = (row.values as unknown[]).slice(1);
        values.push(Object.fromEntries(view.columns.map((c, i) => [c, cells[i] ?? null])));
      });
      expect(canonical(view.columns, values), name).toEqual(canonical(view.columns, view.rows));
    }
  });

  it('puts README.md and the dictionary in every export folder', async () => {
    for (const format of ['csv', 'parquet', 'xlsx']) {
      const files = await readdir(join(tmp(), format));
      expect(files, format).toEqual(expect.arrayContaining(['README.md', 'dictionary.md', 'dictionary.csv']));
      const readme = await readFile(join(tmp(), format, 'README.md'), 'utf8');
      expect(readme).toContain('code version');
      expect(readme).toContain('## How to cite');
      for (const [name, view] of views) expect(readme, `${format} ${name}`).toContain(`| ${name} | ${view.rows.length} |`);
    }
  });

  it('filters with --where and exports only the views named', async () => {
    const out = join(tmp(), 'recent');
    const { code, out: printed } = await runCli(['export', '--db', db, '--out', out, '--where', 'year >= 2021']);
    expect(code).toBe(0);
    expect(printed).toContain('skipped v_quality');
    const back = await wh.query(`SELECT min(year) AS lo, count(*) AS n FROM read_csv('${join(out, 'v_reports.csv')}')`);
    expect(back[0]?.lo).toBe(2021);
    expect(back[0]?.n).toBe(views.get('v_reports')?.rows.filter((r) => (r.year as number) >= 2021).length);
    const named = join(tmp(), 'named');
    expect((await runCli(['export', '--db', db, '--out', named, '--view', 'v_region_year', 'v_issues'])).code).toBe(0);
    expect((await readdir(named)).filter((f) => f.endsWith('.csv')).sort()).toEqual(['dictionary.csv', 'v_issues.csv', 'v_region_year.csv']);
    const unknown = await runCli(['export', '--db', db, '--out', named, '--view', 'v_nothing']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('v_nothing');
  });

  it('leaves a copy of a warehouse built elsewhere byte for byte as it was', async () => {
    const copy = join(tmp(), 'received', 'nianbao.duckdb');
    await mkdir(join(tmp(), 'received'), { recursive: true });
    await copyFile(db, copy);
    const before = await sha256(copy);
    const { code, err } = await runCli(['export', '--db', copy, '--out', join(tmp(), 'received-out'), '--format', 'parquet']);
    expect(code, err).toBe(0);
    expect(await sha256(copy)).toBe(before);
    const reports = await runCli(['query', '--db', copy, 'SELECT count(*) AS n FROM reports', '--json']);
    expect(JSON.parse(reports.out).n).toBe(views.get('v_reports')?.rows.length);
    expect(await sha256(copy)).toBe(before);
  });

  it('query prints an aligned table, CSV or JSON, and refuses to write', async () => {
    const table = await runCli(['query', '--db', db, "SELECT region_name, year, reports FROM v_region_year WHERE region_level = 'province' ORDER BY province_code, year"]);
    expect(table.code).toBe(0);
    const lines = table.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^region_name\s+year\s+reports$/);
    // Every line puts the year column at the same display position (a Chinese character counts two).
    const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u4e00-\u9fff]/u.test(ch) ? 2 : 1), 0);
    const yearAt = (line: string) => width(line.slice(0, line.search(/\s\d{4}\s/) + 1));
    const rows = lines.slice(2, -1);
    expect(new Set(rows.map(yearAt)).size).toBe(1);
    expect(lines.at(-1)).toBe(`(${rows.length} rows)`);
    const csv = await runCli(['query', '--db', db, 'SELECT source_path FROM reports ORDER BY source_path', '--csv']);
    expect(csv.out).toContain(`'${FORMULA_FILE}`);
    const refused = await runCli(['query', '--db', db, 'DELETE FROM reports']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/read-only/i);
    expect((await wh.query('SELECT count(*) AS n FROM reports'))[0]?.n).toBe(views.get('v_reports')?.rows.length);
  });
});
