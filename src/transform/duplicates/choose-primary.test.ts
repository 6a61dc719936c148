/**
 * Choosing the primary of a duplicate group and recording where the copies
 * disagree, on records built from corpus labels: a page and "its PDF
 * attachment" (the same label as another format), and seed 002 against a
 * corrected re-publication of it.
 */
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../record.ts';
import { labelRecord, readLabel } from '../validate/label-record.test-helper.ts';
import { RULE, RULES } from '../validate/rules.ts';
import { validateRecord } from '../validate/validate-record.ts';
import { choosePrimary, compareCandidates, type Candidate } from './choose-primary.ts';
import { recordDisagreements } from './record-disagreements.ts';

const errorCount = (r: ReportRecord) => validateRecord(r).filter((i) => i.severity === 'error').length;

function candidate(name: string, sourcePath: string, format: ReportRecord['format'], published?: string, change?: (r: ReportRecord) => void): Candidate {
  const record = labelRecord(readLabel(name), { format, doc: sourcePath });
  change?.(record);
  return { record, sourcePath, errors: errorCount(record), ...(published === undefined ? {} : { published }) };
}

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe('choosePrimary ordering', () => {
  it('a page beats its identical PDF attachment (same errors, HTML keeps the table), even when the PDF is newer; nothing disagrees', () => {
    const page = candidate('shuyang-fgj-2023', 'fgj/2023.html', 'html', '2024-01-10');
    const pdf = candidate('shuyang-fgj-2023', 'fgj/2023.pdf', 'pdf', '2024-01-20');
    for (const group of [[page, pdf], [pdf, page]]) {
      const choice = choosePrimary(group);
      expect(choice.primary.sourcePath).toBe('fgj/2023.html');
      expect(choice.others.map((c) => c.sourcePath)).toEqual(['fgj/2023.pdf']);
      expect(choice.disagreements).toEqual([]);
      expect(choice.otherIssues).toEqual({ 'fgj/2023.pdf': [] });
    }
  });

  it('fewest errors comes first: a corrected re-publication of 002 beats the original, whatever its format or age', () => {
    const original = candidate('002_02af2ddfabc85d6c', 'pingyuan/2020.html', 'html', '2024-01-20');
    // The correction prints 总计 as the sum of the six applicant columns on every row.
    const corrected = candidate('002_02af2ddfabc85d6c', 'pingyuan/2020-corrected.pdf', 'pdf', '2024-01-10', (r) => {
      for (const v of Object.values(r.applications)) v[6] = v.slice(0, 6).reduce<number>((s, x) => s + (x ?? 0), 0);
    });
    expect(corrected.errors).toBeLessThan(original.errors);
    const choice = choosePrimary([original, corrected]);
    expect(choice.primary.sourcePath).toBe('pingyuan/2020-corrected.pdf');
    // Exactly the 总计 cells the label has wrong: rows where 自然人 is non-zero.
    const label = readLabel('002_02af2ddfabc85d6c');
    const changed = Object.entries(label.applications ?? {}).filter(([, v]) => v[0] !== 0);
    expect(choice.disagreements.map((d) => [d.table, d.row, d.column, d.primaryValue, d.otherValue, d.kind])).toEqual(
      changed.map(([row, v]) => ['applications', row, 'total', v[0], 0, 'different']),
    );
    expect(choice.disagreements.every((d) => d.sourcePath === 'pingyuan/2020-corrected.pdf' && d.otherPath === 'pingyuan/2020.html')).toBe(true);
  });

  it('same errors and format: newest publication first, a file without a date after those with one, then path order; input order never matters', () => {
    const a = candidate('hzq2023_working', 'b/report.pdf', 'pdf', '2024-03-01');
    const b = candidate('hzq2023_working', 'a/report.pdf', 'pdf', '2024-03-01');
    const c = candidate('hzq2023_working', 'c/report.pdf', 'pdf', '2024-11-30');
    const d = candidate('hzq2023_working', '0/report.pdf', 'pdf');
    const want = ['c/report.pdf', 'a/report.pdf', 'b/report.pdf', '0/report.pdf'];
    for (const group of permutations([a, b, c, d])) {
      const choice = choosePrimary(group);
      expect([choice.primary, ...choice.others].map((x) => x.sourcePath)).toEqual(want);
    }
  });

  it('format rank: html and docx, then markdown and text, then pdf', () => {
    const fmt = (format: ReportRecord['format'], path: string) => candidate('shuyang-county-2025', path, format, '2026-01-05');
    const ranked = [fmt('pdf', 'a'), fmt('text', 'b'), fmt('markdown', 'c'), fmt('docx', 'd'), fmt('html', 'e')].sort(compareCandidates);
    expect(ranked.map((c) => c.record.format)).toEqual(['docx', 'html', 'text', 'markdown', 'pdf']);
    // Equal ranks fall through to the path: docx (d) before html (e), text (b) before markdown (c).
  });

  it('an empty group is a programming error', () => {
    expect(() => choosePrimary([])).toThrow(RangeError);
  });
});

describe('disagreements', () => {
  it('records a different number, a blank and a missing row of the copy, each as an issue on the copy', () => {
    const page = candidate('shuyang-county-2025', 'shuyang/2025.html', 'html', '2026-01-05');
    const copy = candidate('shuyang-county-2025', 'shuyang/2025.pdf', 'pdf', '2026-01-06', (r) => {
      (r.applications.granted as number[])[0] = 291;
      (r.review_litigation.review as (number | null)[])[3] = null;
      delete r.review_litigation.litigation_direct;
    });
    const choice = choosePrimary([copy, page]);
    expect(choice.primary.sourcePath).toBe('shuyang/2025.html');
    const label = readLabel('shuyang-county-2025');
    const direct = label.review_litigation?.litigation_direct as number[];
    expect(choice.disagreements.map((d) => [d.table, d.row, d.column, d.primaryValue, d.otherValue, d.kind])).toEqual([
      ['applications', 'granted', 'natural_person', 290, 291, 'different'],
      ['review_litigation', 'review', 'pending', 15, null, 'blank'],
      ...['upheld', 'corrected', 'other', 'pending', 'total'].map((o, i) => ['review_litigation', 'litigation_direct', o, direct[i], null, 'absent']),
    ]);
    const issues = choice.otherIssues['shuyang/2025.pdf'] ?? [];
    expect(issues.map((i) => [i.rule, i.severity, i.table, i.row, i.column, i.printed, i.expected])).toEqual([
      [RULE.duplicateDisagreement, 'warning', 'applications', 'granted', 'natural_person', 291, 290],
      [RULE.duplicateDisagreementBlank, 'info', 'review_litigation', 'review', 'pending', null, 15],
      ...['upheld', 'corrected', 'other', 'pending', 'total'].map((o, i) => [
        RULE.duplicateDisagreementBlank,
        'info',
        'review_litigation',
        'litigation_direct',
        o,
        null,
        direct[i],
      ]),
    ]);
    expect(issues.every((i) => RULES[i.rule as keyof typeof RULES].severity === i.severity)).toBe(true);
    expect(issues[0]?.message).toBe('三 row （一）予以公开 column 自然人: this copy prints 291 but the primary report shuyang/2025.html prints 290');
    expect(issues[2]?.message).toContain('this copy does not print it but the primary report shuyang/2025.html prints 3');
  });

  it('compares section 二 too: money in different units is the same amount, a different amount is not', () => {
    const base = labelRecord(readLabel('hzq2023_working')); // admin_fees 7730.28 万元
    const inYuan = labelRecord(readLabel('hzq2023_working'));
    inYuan.active_disclosure.admin_fees = { amount: 77_302_800, unit: '元' };
    expect(recordDisagreements(base, inYuan)).toEqual([]);
    const wrongUnit = labelRecord(readLabel('hzq2023_working'));
    wrongUnit.active_disclosure.admin_fees = { amount: 7730.28, unit: '元' };
    expect(recordDisagreements(base, wrongUnit)).toEqual([
      {
        table: 'active_disclosure',
        row: 'admin_fees',
        column: 'amount',
        primaryValue: 7730.28,
        otherValue: 7730.28,
        kind: 'different',
        primaryUnit: '万元',
        otherUnit: '元',
      },
    ]);
  });

  it('a blank against a printed 0 in section 二 (002 leaves 上一年项目数量 blank) is a disagreement', () => {
    const a = labelRecord(readLabel('002_02af2ddfabc85d6c'));
    const b = labelRecord(readLabel('002_02af2ddfabc85d6c'));
    (b.active_disclosure.admin_coercion as Record<string, number | null>).prev_year_items = 0;
    expect(recordDisagreements(a, b).map((d) => [d.row, d.column, d.primaryValue, d.otherValue, d.kind, d.missingIn])).toEqual([
      ['admin_coercion', 'prev_year_items', null, 0, 'blank', 'primary'],
    ]);
  });
});
