/**
 * The 平潭 crawl (test/fixtures/corpus/docs/fj-pingtan-*): page text saved by a
 * crawler with the whole body on one line, three of the pages also saved as
 * HTML, some reports on the pre-2019 template, one page holding only its
 * title. Values were read off the pages (the HTML twins hold the same tables
 * as real grids).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRecord } from '../pipeline/extract-record.ts';
import { EmptyFileError } from '../src/errors.ts';
import type { ReportRecord } from '../src/transform/record.ts';
import { RULE } from '../src/transform/validate/rules.ts';
import { CORPUS } from './support/label.ts';

const DOCS = join(CORPUS, 'docs');
const doc = (name: string) => join(DOCS, name);
const PINGTAN = readdirSync(DOCS).filter((f) => f.startsWith('fj-pingtan-')).sort();
const PRE_2019: Record<string, number> = { 'fj-pingtan-2018.txt': 2018, 'fj-pingtan-county-2013.txt': 2013, 'fj-pingtan-dishui-2013.txt': 2013 };
const EMPTY = 'fj-pingtan-gaj-2020-emptybody.txt';

const rules = (r: ReportRecord, rule: string) => r.validation.filter((i) => i.rule === rule);

describe('the 平潭 crawl', () => {
  it('holds the 42 files of the zone, its departments and 片区', () => {
    expect(PINGTAN).toHaveLength(42);
  });

  for (const name of PINGTAN.filter((f) => f !== EMPTY && !(f in PRE_2019))) {
    it(`${name} reads all three tables, its agency and year from the title`, async () => {
      const record = await extractRecord(doc(name));
      expect(rules(record, RULE.extractTableMissing)).toEqual([]);
      expect(rules(record, RULE.extractRowMissing).filter((i) => i.table === 'applications')).toEqual([]);
      expect(Object.keys(record.review_litigation)).toEqual(['review', 'litigation_direct', 'litigation_after_review']);
      expect(record.agency).toMatch(/^平潭综合实验区/u);
      expect(String(record.year)).toBe(/(20\d\d)/u.exec(name)![1]);
      // Every cell cut out of a run says so; every run left unread says so.
      // Every cell cut out of a run is named by its warning, which holds the number loaded.
      for (const issue of rules(record, RULE.extractDigitRunSplit)) {
        const cell = record.cells.find((c) => c.table === issue.table && c.row === issue.row && c.column === issue.column);
        expect(cell?.value, `${issue.table}.${issue.row}.${issue.column}`).toBe(issue.printed);
      }
      // A run left unread leaves its cells blank.
      for (const issue of rules(record, RULE.extractDigitRunUnsplit)) {
        const cells = record.cells.filter((c) => c.table === issue.table && (issue.row === undefined || c.row === issue.row));
        expect(cells.every((c) => c.value === null)).toBe(true);
      }
    });
  }

  it('cuts 一、本年新收 "713000074" (2022) into 71, 3, 0, 0, 0, 0, 74 with a warning on each cell', async () => {
    const record = await extractRecord(doc('fj-pingtan-2022.txt'));
    expect(record.applications.new_received).toEqual([71, 3, 0, 0, 0, 0, 74]);
    const warned = rules(record, RULE.extractDigitRunSplit).filter((i) => i.row === 'new_received');
    expect(warned.map((i) => i.column)).toEqual(['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total']);
    expect(record.review_litigation.review).toEqual([0, 1, 1, 0, 2]);
  });

  it('leaves 行政规范性文件 "77132470" (2023) blank with an error holding the digits: section 二 has no arithmetic', async () => {
    const record = await extractRecord(doc('fj-pingtan-2023.txt'));
    expect(record.active_disclosure.normative_documents).toEqual({ issued: null, repealed: null, in_force: null });
    const [error] = rules(record, RULE.extractDigitRunUnsplit);
    expect(error).toMatchObject({ severity: 'error', table: 'active_disclosure', row: 'normative_documents' });
    expect(error!.message).toContain('77132470');
    // Forced: 规章 "000" over three columns.
    expect(record.active_disclosure.regulations).toEqual({ issued: 0, repealed: 0, in_force: 0 });
    expect(record.active_disclosure.admin_fees).toEqual({ amount: 5949.088667, unit: '万元' });
  });

  for (const year of [2023, 2024, 2025]) {
    it(`the crawl of ${year} and its saved page agree on 三 and 四, and on every 二 cell the crawl could read`, async () => {
      const text = await extractRecord(doc(`fj-pingtan-${year}.txt`));
      const page = await extractRecord(doc(`fj-pingtan-${year}-page.html`));
      expect(text.applications).toEqual(page.applications);
      expect(text.review_litigation).toEqual(page.review_litigation);
      for (const [item, metrics] of Object.entries(text.active_disclosure)) {
        for (const [metric, value] of Object.entries(metrics)) {
          if (value !== null) expect(value, `${item}.${metric}`).toEqual(page.active_disclosure[item]?.[metric]);
          else expect(rules(text, RULE.extractDigitRunUnsplit).some((i) => i.row === item)).toBe(true);
        }
      }
    });

    it(`the saved page of ${year} names the report's agency, not its breadcrumb (首页 > 政务公开 > 政府信息公开年报)`, async () => {
      const page = await extractRecord(doc(`fj-pingtan-${year}-page.html`));
      expect(page.agency).toBe('平潭综合实验区');
      expect(page.validation.filter((i) => i.severity !== 'info')).toEqual([]);
    });
  }

  it('reads a run its digits force whatever its sums say, and reports the sums (海坛片区 2025: 2000000)', async () => {
    const record = await extractRecord(doc('fj-pingtan-htpq-2025.txt'));
    expect(record.applications.new_received).toEqual([2, 0, 0, 0, 0, 0, 0]);
    expect(rules(record, RULE.applicationsRowTotal).map((i) => i.row)).toContain('new_received');
  });

  it('leaves a row that prints six numbers for seven columns blank, with an error (公安局 2019: "0 00000")', async () => {
    const record = await extractRecord(doc('fj-pingtan-gaj-2019.txt'));
    expect(record.applications.new_received).toEqual([null, null, null, null, null, null, null]);
    expect(rules(record, RULE.extractDigitRunUnsplit).map((i) => i.row)).toContain('new_received');
  });

  for (const [name, year] of Object.entries(PRE_2019)) {
    it(`${name} is a report on the pre-2019 template, status unsupported_template, year ${year}`, async () => {
      const record = await extractRecord(doc(name));
      expect(record.status).toBe('unsupported_template');
      expect(record.year).toBe(year);
      expect(record.cells).toEqual([]);
      expect(record.validation.map((i) => i.rule)).toContain(RULE.extractUnsupportedTemplate);
    });
  }

  it('fails the 公安局 2020 page, which holds only its title, saying so', async () => {
    await expect(extractRecord(doc(EMPTY))).rejects.toThrow(EmptyFileError);
    await expect(extractRecord(doc(EMPTY))).rejects.toThrow(/holds only its title/u);
  });
});
