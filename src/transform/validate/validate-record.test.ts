/**
 * The within-document rules on the corpus labels (the exact numbers each
 * document prints): the documents whose notes say an identity fails get
 * exactly those errors, every other labelled document gets none, blank cells
 * are "not checkable", and any single changed cell of a consistent document
 * is caught.
 */
import { describe, expect, it } from 'vitest';
import type { ReportRecord, ValidationIssue } from '../record.ts';
import { APPLICANT_COLUMNS, OUTCOMES } from '../template/template.ts';
import { corpusLabels, labelRecord, readLabel } from './label-record.test-helper.ts';
import { RULE, RULES } from './rules.ts';
import { validateRecord } from './validate-record.ts';

const errorsOf = (issues: ValidationIssue[]) => issues.filter((i) => i.severity === 'error');
const located = (i: ValidationIssue) => ({ rule: i.rule, table: i.table, row: i.row, column: i.column, printed: i.printed, expected: i.expected });
const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/** Labels whose notes say a printed identity fails (re-checked by eye in the source). */
const inconsistent = corpusLabels().filter(({ label }) => (label.notes ?? []).some((n) => /identity fails/i.test(n)));

describe('validateRecord on the labelled corpus', () => {
  it('finds the documents whose notes report a failing identity', () => {
    expect(inconsistent.map((l) => l.name)).toEqual(['002_02af2ddfabc85d6c', 'hzq2023_working']);
  });

  it('002: 总计 column printed 0 on every row where 自然人 is non-zero, the 自然人 identity (17 vs 18) and outcome rows (16 vs 17)', () => {
    const label = readLabel('002_02af2ddfabc85d6c');
    const apps = label.applications ?? {};
    // The note: "总计 column printed 0 on every row although 自然人 is non-zero".
    const rowTotalErrors = Object.entries(apps)
      .filter(([, v]) => v[0] !== 0)
      .map(([row, v]) => ({ rule: RULE.applicationsRowTotal, table: 'applications' as const, row, column: 'total', printed: v[6], expected: v[0] }));
    expect(rowTotalErrors.length).toBe(7);
    expect(rowTotalErrors.every((e) => e.printed === 0)).toBe(true);
    const expected = [
      // "一+二 (17) != （七）+四 (18)"
      { rule: RULE.applicationsIdentity, table: 'applications', row: undefined, column: 'natural_person', printed: 18, expected: 17 },
      // "outcome rows sum to 16 but （七）总计 prints 17"
      { rule: RULE.applicationsOutcomesTotal, table: 'applications', row: 'total_handled', column: 'natural_person', printed: 17, expected: 16 },
      ...rowTotalErrors,
    ];
    const issues = validateRecord(labelRecord(label));
    expect(sorted(errorsOf(issues).map(located))).toEqual(sorted(expected));
    const identity = issues.find((i) => i.rule === RULE.applicationsIdentity);
    expect(identity?.message).toBe('三 column 自然人: 一+二 = 17 but （七）总计+四 = 18');
  });

  it('hzq2023: exactly the two section 四 totals printed 0 (行政复议 11, 复议后起诉 5)', () => {
    const issues = validateRecord(labelRecord(readLabel('hzq2023_working')));
    expect(errorsOf(issues).map(located)).toEqual([
      { rule: RULE.reviewLitigationTotal, table: 'review_litigation', row: 'review', column: 'total', printed: 0, expected: 11 },
      { rule: RULE.reviewLitigationTotal, table: 'review_litigation', row: 'litigation_after_review', column: 'total', printed: 0, expected: 5 },
    ]);
    expect(issues).toHaveLength(2);
  });

  for (const { name, label } of corpusLabels().filter((l) => !inconsistent.some((x) => x.name === l.name))) {
    it(`${name}: consistent printed numbers give no error`, () => {
      expect(errorsOf(validateRecord(labelRecord(label)))).toEqual([]);
    });
  }

  it('001: blank outcome rows and （七）总计 are not checkable (info), never errors', () => {
    const label = readLabel('001_9facb60fdd4eb9b0');
    const issues = validateRecord(labelRecord(label));
    expect(errorsOf(issues)).toEqual([]);
    expect(issues.every((i) => i.severity === 'info' && i.rule.endsWith('.not_checkable'))).toBe(true);
    const blankRows = Object.entries(label.applications ?? {})
      .filter(([, v]) => v.every((x) => x === null))
      .map(([row]) => row);
    expect(blankRows).toContain('total_handled');
    const want = [
      ...APPLICANT_COLUMNS.map((column) => ({ rule: RULE.applicationsIdentityNotCheckable, column, row: undefined })),
      ...blankRows.map((row) => ({ rule: RULE.applicationsRowTotalNotCheckable, row, column: 'total' })),
      ...APPLICANT_COLUMNS.map((column) => ({ rule: RULE.applicationsOutcomesTotalNotCheckable, row: 'total_handled', column })),
    ];
    expect(issues.map((i) => ({ rule: i.rule, row: i.row, column: i.column }))).toEqual(want);
  });

  it('shuyang-fgj-2023: the five blank 法人或其他组织 columns are not checkable; 自然人 and 总计 are checked', () => {
    const issues = validateRecord(labelRecord(readLabel('shuyang-fgj-2023')));
    const identityGaps = issues.filter((i) => i.rule === RULE.applicationsIdentityNotCheckable).map((i) => i.column);
    expect(identityGaps).toEqual(APPLICANT_COLUMNS.slice(1, 6));
    expect(issues.some((i) => i.column === 'natural_person' || (i.rule !== RULE.applicationsRowTotalNotCheckable && i.column === 'total'))).toBe(false);
  });

  it('every issue uses a catalogued rule with its catalogued severity', () => {
    for (const { label } of corpusLabels()) {
      for (const i of validateRecord(labelRecord(label))) expect(RULES[i.rule as keyof typeof RULES]?.severity).toBe(i.severity);
    }
  });

  it('is deterministic: the same issues in the same order whatever order the rows were printed in', () => {
    const label = readLabel('002_02af2ddfabc85d6c');
    const record = labelRecord(label);
    const reversed: ReportRecord = { ...record, applications: Object.fromEntries(Object.entries(record.applications).reverse()) };
    expect(validateRecord(reversed)).toEqual(validateRecord(record));
  });
});

describe('validateRecord on single changes to consistent documents', () => {
  for (const name of ['shuyang-county-2025', 'shuyang-fgj-2023']) {
    it(`${name}: every printed cell of 三 and 四 changed by +1 is flagged at its row or column`, () => {
      const base = labelRecord(readLabel(name));
      expect(errorsOf(validateRecord(base))).toEqual([]);
      let tried = 0;
      let printed = 0;
      const missed: string[] = [];
      for (const table of ['applications', 'review_litigation'] as const) {
        const columns = table === 'applications' ? APPLICANT_COLUMNS : OUTCOMES;
        for (const [row, values] of Object.entries(base[table])) {
          values.forEach((v, i) => {
            if (v === null) return; // a blank cell has no number to change
            printed++;
            const record = labelRecord(readLabel(name));
            (record[table][row] as (number | null)[])[i] = v + 1;
            tried++;
            const column = columns[i];
            const hit = errorsOf(validateRecord(record)).some((e) => e.table === table && (e.row === row || e.column === column));
            if (!hit) missed.push(`${table}.${row}.${column}`);
          });
        }
      }
      expect(missed).toEqual([]);
      expect(tried).toBe(printed);
      expect(tried).toBeGreaterThan(60);
    });
  }

  it('a blank cell in a consistent 四 row makes that row not checkable instead of an error', () => {
    const record = labelRecord(readLabel('shuyang-county-2025'));
    (record.review_litigation.review as (number | null)[])[0] = null;
    const issues = validateRecord(record);
    expect(errorsOf(issues)).toEqual([]);
    expect(issues.map(located)).toEqual([
      { rule: RULE.reviewLitigationTotalNotCheckable, table: 'review_litigation', row: 'review', column: 'total', printed: undefined, expected: undefined },
    ]);
    expect(issues[0]?.message).toBe('四 行政复议: four outcomes = 总计 not checkable: 结果维持 is blank');
  });
});

describe('outcome rows: the （六） rows the report printed', () => {
  it('2021 sub-rows: a missing 3.其他 makes the outcome sum not checkable, once for the table', () => {
    const record = labelRecord(readLabel('shuyang-county-2025'));
    delete record.applications.other_misc;
    const issues = validateRecord(record).filter((i) => i.rule.startsWith('applications.outcomes_total'));
    expect(issues.map((i) => [i.rule, i.row, i.column])).toEqual([[RULE.applicationsOutcomesTotalNotCheckable, 'total_handled', undefined]]);
    expect(issues[0]?.message).toContain('（六）其他处理 3.其他 is not printed');
  });

  it('2021 sub-rows with a printed （六） subtotal: the sub-rows are added, the subtotal is not counted twice', () => {
    const record = labelRecord(readLabel('shuyang-county-2025'));
    const apps = record.applications;
    const sub = ['other_overdue_correction', 'other_unpaid_fee', 'other_misc'].map((r) => apps[r] as number[]);
    apps.other_handling = APPLICANT_COLUMNS.map((_, i) => sub.reduce((s, r) => s + (r[i] as number), 0));
    expect(errorsOf(validateRecord(record))).toEqual([]);
  });

  it('2019 single （六） row (hzq2023, mixed template): a change to it is flagged per column', () => {
    const record = labelRecord(readLabel('hzq2023_working'));
    (record.applications.other_handling as number[])[0] = 2;
    const outcome = validateRecord(record).filter((i) => i.rule === RULE.applicationsOutcomesTotal);
    expect(outcome.map(located)).toEqual([
      { rule: RULE.applicationsOutcomesTotal, table: 'applications', row: 'total_handled', column: 'natural_person', printed: 21, expected: 23 },
    ]);
  });

  it('a record without section 三 or 四 gets no issue from these rules (extraction reports the missing table)', () => {
    const record = labelRecord(readLabel('shuyang-county-2025'), { applications: {}, review_litigation: {} });
    expect(validateRecord(record)).toEqual([]);
  });
});
