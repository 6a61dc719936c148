/**
 * The report year comes from the title; a year read from the body instead,
 * or a title year the body does not bear out, is said so with a warning.
 * Built from the real shuyang-county-2025 report (its title prints 2025, its
 * body names 2025 ten times and 2026 twice).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../src/transform/record.ts';
import { RULE } from '../src/transform/validate/rules.ts';
import { CORPUS } from './support/label.ts';
import { recordOf, replaceOnce } from './support/rendered-record.ts';
import { useTempDir } from './support/temp-dir.ts';

const DOC = join(CORPUS, 'docs', 'shuyang-county-2025.txt');
const TITLE = '# 沐阳县人民政府 2025 年 政府信息公开工作年度报告';

function yearIssues(record: ReportRecord) {
  return record.validation
    .filter((i) => i.rule === RULE.extractYearFromBody || i.rule === RULE.extractYearDisagrees)
    .map(({ rule, severity, printed, expected }) => ({ rule, severity, printed, expected }));
}

describe('report year', () => {
  const scratch = useTempDir('nianbao-year-');

  it('the title year, borne out by the body: no issue', async () => {
    const record = await recordOf(scratch(), 'as-printed.txt', await readFile(DOC));
    expect(record.year).toBe(2025);
    expect(yearIssues(record)).toEqual([]);
  });

  it('no year in the title: the body year, with a warning', async () => {
    const record = await recordOf(scratch(), 'no-title-year.txt', replaceOnce(await readFile(DOC, 'utf8'), TITLE, '# 沐阳县人民政府政府信息公开工作年度报告'));
    expect(record.year).toBe(2025);
    expect(yearIssues(record)).toEqual([{ rule: RULE.extractYearFromBody, severity: 'warning', printed: 2025, expected: undefined }]);
  });

  it('a title year the body does not bear out: the title year, with a warning', async () => {
    const record = await recordOf(scratch(), 'other-year.txt', replaceOnce(await readFile(DOC, 'utf8'), TITLE, '# 沐阳县人民政府 2024 年 政府信息公开工作年度报告'));
    expect(record.year).toBe(2024);
    expect(yearIssues(record)).toEqual([{ rule: RULE.extractYearDisagrees, severity: 'warning', printed: 2024, expected: 2025 }]);
  });
});
