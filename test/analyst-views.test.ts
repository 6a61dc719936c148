/**
 * The warehouse as analysts query it, on the sample warehouse: every view
 * returns rows; v_region_year's totals, coverage and reports with errors
 * against sums taken here straight from the base tables and the gazetteer;
 * each sql/analyses/ question against the same answer computed here; a
 * COMMENT on every column; the dictionary covers every template code and
 * every column, and docs/ holds the dictionary as generated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIVISIONS_FILE, divisionLines, fieldsOf } from '../src/transform/region/division-files.ts';
import { dictionaryCsv, dictionaryMarkdown } from '../src/load/dictionary/render-dictionary.ts';
import { warehouseDictionary } from '../src/load/dictionary/warehouse-dictionary.ts';
import { VIEWS } from '../src/load/warehouse-views.ts';
import { openWarehouse, type Scalar, type Warehouse } from '../src/load/warehouse.ts';
import { buildSampleWarehouse, runCli } from './support/sample-warehouse.ts';
import { useTempDir } from './support/temp-dir.ts';

const TEMPLATE = JSON.parse(readFileSync(new URL('./fixtures/spec/template.json', import.meta.url), 'utf8'));
/** [code, name] of every division (src/transform/region/divisions.tsv). */
const DIVISIONS = divisionLines(readFileSync(DIVISIONS_FILE, 'utf8')).map(fieldsOf);
const GROUPING = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

type Rows = Record<string, Scalar>[];

interface Base {
  reports: Rows;
  agencies: Map<string, Record<string, Scalar>>;
  applications: Rows;
}

/** Primary, readable reports with their agency, straight from the base tables. */
function placedReports(base: Base): Array<Record<string, Scalar>> {
  return base.reports
    .filter((r) => r.is_primary && !['failed', 'needs_ocr', 'unsupported_template'].includes(r.status as string) && r.agency_id !== null)
    .map((r) => ({ ...r, ...(base.agencies.get(r.agency_id as string) ?? {}) }));
}

/** Sum of the printed cells of one row and applicant column (or of the six applicant columns) over some reports; null when none printed. */
function sumCells(base: Base, reportIds: Set<string>, row: string, applicant: 'total' | 'by_applicant'): number | null {
  const cells = base.applications.filter(
    (f) => reportIds.has(f.report_id as string) && f.row_code === row && (applicant === 'total' ? f.applicant_code === 'total' : f.applicant_code !== 'total') && f.value !== null,
  );
  return cells.length === 0 ? null : cells.reduce((n, f) => n + (f.value as number), 0);
}

/** Governments the gazetteer implies in a region: its own and one per division below it (grouping rows left out). */
function governmentsKnown(code: string): number {
  return 1 + DIVISIONS.filter(([c, name]) => c.startsWith(code) && c.length > code.length && !GROUPING.has(name)).length;
}

async function queryFile(db: string, file: string): Promise<Rows> {
  const { code, out, err } = await runCli(['query', '--db', db, '--file', file, '--json']);
  expect(code, err).toBe(0);
  return out.trim() === '' ? [] : out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, Scalar>);
}

describe('the sample warehouse, as analysts query it', () => {
  const tmp = useTempDir('nianbao-analyst-');
  let db: string;
  let wh: Warehouse;
  let base: Base;

  beforeAll(async () => {
    ({ db } = await buildSampleWarehouse(tmp()));
    wh = await openWarehouse(db, { readOnly: true });
    base = {
      reports: await wh.query('SELECT * FROM reports'),
      agencies: new Map((await wh.query('SELECT * FROM agencies')).map((a) => [a.agency_id as string, a])),
      applications: await wh.query('SELECT report_id, row_code, applicant_code, value FROM fact_applications'),
    };
  }, 120_000);
  afterAll(async () => {
    await wh?.close();
  });

  it('every view returns rows', async () => {
    for (const view of VIEWS) {
      const n = (await wh.query(`SELECT count(*) AS n FROM ${view}`))[0]?.n;
      expect(n, view).toBeGreaterThan(0);
    }
  });

  it('v_report_wide holds every printed cell of every primary report in its own column', async () => {
    const wide = new Map((await wh.query('SELECT * FROM v_report_wide')).map((r) => [r.report_id as string, r]));
    const primary = placedReports(base).map((r) => r.report_id as string);
    expect([...wide.keys()].sort()).toEqual(primary.sort());
    // Every copy keeps its facts; the wide view holds the primary ones.
    const primaryFacts = base.applications.filter((f) => primary.includes(f.report_id as string));
    expect(primaryFacts.length).toBeGreaterThan(0);
    for (const f of primaryFacts) {
      const row = wide.get(f.report_id as string);
      expect(row?.[`app_${f.row_code}_${f.applicant_code}`], `${f.report_id} ${f.row_code} ${f.applicant_code}`).toBe(f.value);
    }
    const money = await wh.query(`SELECT report_id, item, amount_yuan FROM fact_active_disclosure WHERE metric = 'amount'`);
    for (const m of money.filter((f) => primary.includes(f.report_id as string))) expect(wide.get(m.report_id as string)?.[`ad_${m.item}_amount_yuan`], `${m.report_id} ${m.item}`).toBe(m.amount_yuan);
  });

  it('v_region_year sums section 三 of the reports placed in each region, reports with errors apart', async () => {
    const rows = await wh.query('SELECT * FROM v_region_year');
    const placed = placedReports(base);
    for (const level of ['province', 'city', 'county'] as const) {
      const keys = new Set(placed.filter((r) => r[`${level}_code`] !== null).map((r) => `${r[`${level}_code`]}|${r.year}`));
      const got = rows.filter((r) => r.region_level === level);
      expect(got.map((r) => `${r.region_code}|${r.year}`).sort(), level).toEqual([...keys].sort());
      for (const row of got) {
        const here = placed.filter((r) => r[`${level}_code`] === row.region_code && r.year === row.year);
        const clean = new Set(here.filter((r) => r.status !== 'errors').map((r) => r.report_id as string));
        const withErrors = new Set(here.filter((r) => r.status === 'errors').map((r) => r.report_id as string));
        const at = `${level} ${row.region_code} ${row.year}`;
        expect(row.reports, at).toBe(here.length);
        expect(row.reports_with_errors, at).toBe(withErrors.size);
        expect(row.new_received, at).toBe(sumCells(base, clean, 'new_received', 'total'));
        expect(row.total_handled, at).toBe(sumCells(base, clean, 'total_handled', 'total'));
        expect(row.carried_forward, at).toBe(sumCells(base, clean, 'carried_forward', 'total'));
        expect(row.new_received_err, at).toBe(sumCells(base, withErrors, 'new_received', 'total'));
        expect(row.new_received_by_applicant_err, at).toBe(sumCells(base, withErrors, 'new_received', 'by_applicant'));
      }
    }
  });

  it('v_region_year counts governments reporting out of those the gazetteer knows', async () => {
    const rows = await wh.query('SELECT * FROM v_region_year');
    const governments = placedReports(base).filter((r) => String(r.kind).endsWith('_government'));
    for (const row of rows) {
      const code = row.region_code as string;
      expect(row.governments_known, code).toBe(governmentsKnown(code));
      const reporting = new Set(
        governments
          .filter((g) => g.year === row.year)
          .map((g) => (g[`${g.level}_code`] as string | null) ?? '')
          .filter((c) => c.startsWith(code)),
      );
      expect(row.governments_reporting, `${code} ${row.year}`).toBe(reporting.size);
      expect(row.governments_reporting as number).toBeLessThanOrEqual(row.governments_known as number);
    }
  });

  it('河南 2020: the report that does not add up is counted apart, with what its applicant columns say', async () => {
    const [henan] = await wh.query(`SELECT * FROM v_region_year WHERE region_level = 'province' AND region_name = '河南省' AND year = 2020`);
    const inError = placedReports(base).filter((r) => r.province_code === '41' && r.year === 2020 && r.status === 'errors');
    expect(inError.length).toBe(1);
    const ids = new Set(inError.map((r) => r.report_id as string));
    expect(henan?.reports_with_errors).toBe(1);
    expect(henan?.new_received_err).toBe(sumCells(base, ids, 'new_received', 'total'));
    expect(henan?.new_received_by_applicant_err).toBe(sumCells(base, ids, 'new_received', 'by_applicant'));
    expect(henan?.new_received_by_applicant_err).not.toBe(henan?.new_received_err);
  });

  it('requests-per-province-year.sql: requests per province and year with coverage', async () => {
    const rows = await queryFile(db, 'sql/analyses/requests-per-province-year.sql');
    const placed = placedReports(base);
    const keys = [...new Set(placed.map((r) => `${r.province_code}|${r.year}`))].sort();
    expect(rows.length).toBe(keys.length);
    for (const row of rows) {
      const here = placed.filter((r) => r.province_name === row.province_name && r.year === row.year);
      const clean = new Set(here.filter((r) => r.status !== 'errors').map((r) => r.report_id as string));
      expect(row.reports).toBe(here.length);
      expect(row.new_received).toBe(sumCells(base, clean, 'new_received', 'total'));
      expect(row.governments_known).toBe(governmentsKnown(here[0]?.province_code as string));
    }
  });

  it('denied-share-township-vs-county.sql: share of 不予公开 by reason, township vs county governments', async () => {
    const rows = await queryFile(db, 'sql/analyses/denied-share-township-vs-county.sql');
    const denied = (TEMPLATE.applications.rows as { code: string }[]).map((r) => r.code).filter((c) => c.startsWith('denied_'));
    const total = (id: string, row: string) => base.applications.find((f) => f.report_id === id && f.row_code === row && f.applicant_code === 'total')?.value ?? null;
    for (const kind of ['township_government', 'county_government']) {
      const reports = placedReports(base).filter((r) => r.kind === kind && r.status !== 'errors');
      for (const reason of denied) {
        const counted = reports.filter((r) => total(r.report_id as string, reason) !== null && total(r.report_id as string, 'total_handled') !== null);
        const row = rows.find((r) => r.agency_kind === kind && r.outcome_code === reason);
        if (counted.length === 0) {
          expect(row, `${kind} ${reason}`).toBeUndefined();
          continue;
        }
        const requests = counted.reduce((n, r) => n + (total(r.report_id as string, reason) as number), 0);
        const handled = counted.reduce((n, r) => n + (total(r.report_id as string, 'total_handled') as number), 0);
        expect(row, `${kind} ${reason}`).toMatchObject({ report_years: counted.length, requests, handled });
        expect(row?.share).toBe(handled === 0 ? null : Math.round((requests / handled) * 10_000) / 10_000);
      }
    }
    expect(rows.some((r) => r.agency_kind === 'county_government' && (r.requests as number) > 0)).toBe(true);
  });

  it('agencies-never-adding-up.sql: agencies every report of which has an error', async () => {
    const rows = await queryFile(db, 'sql/analyses/agencies-never-adding-up.sql');
    const byAgency = new Map<string, Array<Record<string, Scalar>>>();
    for (const r of placedReports(base)) byAgency.set(r.agency_id as string, [...(byAgency.get(r.agency_id as string) ?? []), r]);
    const never = [...byAgency.values()].filter((rs) => rs.every((r) => r.status === 'errors')).map((rs) => rs[0]?.name);
    expect(rows.map((r) => r.agency_name).sort()).toEqual(never.sort());
    expect(never.length).toBeGreaterThan(0);
  });

  it('carried-over-mismatches.sql: 上年结转 against last year’s 结转下年度继续办理', async () => {
    const rows = await queryFile(db, 'sql/analyses/carried-over-mismatches.sql');
    const placed = placedReports(base);
    const cell = (id: string, row: string, col: string) => base.applications.find((f) => f.report_id === id && f.row_code === row && f.applicant_code === col)?.value ?? null;
    const expected: string[] = [];
    for (const r of placed) {
      const prev = placed.find((p) => p.agency_id === r.agency_id && p.year === (r.year as number) - 1);
      if (!prev) continue;
      for (const col of (TEMPLATE.applications.columns as { code: string }[]).map((c) => c.code)) {
        const now = cell(r.report_id as string, 'carried_over', col);
        const before = cell(prev.report_id as string, 'carried_forward', col);
        if (now !== null && before !== null && now !== before) expected.push(`${r.name}|${r.year}|${col}|${(now as number) - (before as number)}`);
      }
    }
    expect(rows.map((r) => `${r.agency_name}|${r.year}|${r.applicant_code}|${r.difference}`).sort()).toEqual(expected.sort());
    expect(expected).toContain('红崖子沟乡人民政府|2022|natural_person|2');
  });

  it('every column of every table and view carries a comment', async () => {
    const bare = await wh.query(
      `SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database() AND (comment IS NULL OR comment = '')`,
    );
    expect(bare).toEqual([]);
    const described = await wh.query(`SELECT comment FROM duckdb_columns() WHERE table_name = 'fact_active_disclosure' AND column_name = 'amount_yuan'`);
    expect(described[0]?.comment).toContain('yuan');
    const views = await wh.query(`SELECT view_name FROM duckdb_views() WHERE NOT internal AND (comment IS NULL OR comment = '')`);
    expect(views).toEqual([]);
  });

  it('the dictionary describes every template code and every column, and docs/ holds it as generated', async () => {
    const dictionary = await warehouseDictionary(wh);
    expect(dictionary.missing).toEqual([]);
    const codes = new Set(dictionary.entries.filter((e) => e.entry === 'code').map((e) => `${e.object}.${e.code}`));
    const spec = [
      ...TEMPLATE.active_disclosure.items.map((i: { code: string }) => `active_disclosure.${i.code}`),
      ...Object.keys(TEMPLATE.active_disclosure.metrics).map((m) => `active_disclosure.${m}`),
      ...TEMPLATE.applications.rows.map((r: { code: string }) => `applications.${r.code}`),
      ...TEMPLATE.applications.columns.map((c: { code: string }) => `applications.${c.code}`),
      ...TEMPLATE.review_litigation.proceedings.map((p: { code: string }) => `review_litigation.${p.code}`),
      ...TEMPLATE.review_litigation.outcomes.map((o: { code: string }) => `review_litigation.${o.code}`),
    ];
    expect(spec.filter((c) => !codes.has(c))).toEqual([]);
    const columns = await wh.query(`SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database()`);
    const entries = new Set(dictionary.entries.filter((e) => e.entry === 'column').map((e) => `${e.object}.${e.column}`));
    expect(columns.map((c) => `${c.table_name}.${c.column_name}`).filter((c) => !entries.has(c))).toEqual([]);
    expect(await readFile(new URL('../docs/dictionary.md', import.meta.url), 'utf8')).toBe(dictionaryMarkdown(dictionary));
    expect(await readFile(new URL('../docs/dictionary.csv', import.meta.url), 'utf8')).toBe(dictionaryCsv(dictionary));
    // `nianbao dictionary` writes the same files.
    const { code } = await runCli(['dictionary', '--out', `${tmp()}/docs`]);
    expect(code).toBe(0);
    expect(await readFile(`${tmp()}/docs/dictionary.md`, 'utf8')).toBe(dictionaryMarkdown(dictionary));
  });

  it('sql/analyses holds only questions this file runs', () => {
    const run = ['requests-per-province-year.sql', 'denied-share-township-vs-county.sql', 'agencies-never-adding-up.sql', 'carried-over-mismatches.sql'];
    expect(readdirSync(new URL('../sql/analyses/', import.meta.url)).sort()).toEqual(run.sort());
  });
});
