/**
 * The cross-year rule on label numbers: this year's 二、上年结转 against the
 * 四、结转下年度继续办理 row the warehouse would return for last year.
 */
import { describe, expect, it } from 'vitest';
import { APPLICANT_COLUMNS } from '../template/template.ts';
import type { ReportRecord } from '../record.ts';
import { carriedRows, checkCarriedOver } from './cross-year.ts';
import { labelRecord, readLabel } from './label-record.test-helper.ts';
import { RULE } from './rules.ts';

const shuyang = readLabel('shuyang-county-2025');
const carriedOver = shuyang.applications?.carried_over as number[];
const carriedForward = shuyang.applications?.carried_forward as number[];

/** What a run keeps of a report for the rule. */
const thisYear = (r: ReportRecord) => ({ ...carriedRows(r.applications), year: r.year });

describe('checkCarriedOver', () => {
  it('says nothing when the warehouse holds no report of last year', () => {
    expect(checkCarriedOver(thisYear(labelRecord(shuyang)), null)).toEqual([]);
  });

  it('passes when last year carried forward exactly what this year carried over', () => {
    expect(checkCarriedOver(thisYear(labelRecord(shuyang)), [...carriedOver])).toEqual([]);
  });

  it('warns per column where they differ, printed = this year, expected = last year', () => {
    // shuyang-county-2025 carries over 36 and forward 31: read its 四 row as if it were last year's.
    const issues = checkCarriedOver(thisYear(labelRecord(shuyang)), carriedForward);
    const differing = APPLICANT_COLUMNS.filter((_, i) => carriedOver[i] !== carriedForward[i]);
    expect(differing).toEqual(['natural_person', 'total']);
    expect(issues.map((i) => ({ rule: i.rule, severity: i.severity, row: i.row, column: i.column, printed: i.printed, expected: i.expected }))).toEqual(
      differing.map((column) => ({ rule: RULE.crossYearCarriedOver, severity: 'warning', row: 'carried_over', column, printed: 36, expected: 31 })),
    );
    expect(issues[0]?.message).toBe('三 row 二、上年结转 column 自然人: prints 36 but 2024\'s 四、结转下年度继续办理 was 31');
  });

  it('a blank on either side is not checkable (info) for that column only', () => {
    const fgj = labelRecord(readLabel('shuyang-fgj-2023')); // 法人或其他组织 columns blank this year
    const issues = checkCarriedOver(thisYear(fgj), [0, 0, 0, 0, 0, 0, 0]);
    expect(issues.map((i) => [i.rule, i.severity, i.column])).toEqual(
      APPLICANT_COLUMNS.slice(1, 6).map((c) => [RULE.crossYearCarriedOverNotCheckable, 'info', c]),
    );
    const lastYearBlank = checkCarriedOver(thisYear(labelRecord(shuyang)), [36, 0, 0, 0, 0, 0, null]);
    expect(lastYearBlank.map((i) => [i.rule, i.column])).toEqual([[RULE.crossYearCarriedOverNotCheckable, 'total']]);
  });

  it('keeps of 三 only the two carried rows and whether 三 printed a row', () => {
    const kept = carriedRows(labelRecord(shuyang).applications);
    expect(kept).toEqual({ printed: true, carriedOver, carriedForward });
    expect(carriedRows({})).toEqual({ printed: false });
  });

  it('a report without 三 is not compared', () => {
    const record = labelRecord(shuyang);
    record.applications = {};
    expect(checkCarriedOver(thisYear(record), carriedForward)).toEqual([]);
  });

  it('this year without 二、上年结转 is not checkable once for the row', () => {
    const record = labelRecord(shuyang);
    delete record.applications.carried_over;
    expect(checkCarriedOver(thisYear(record), carriedForward).map((i) => [i.rule, i.row, i.column])).toEqual([
      [RULE.crossYearCarriedOverNotCheckable, 'carried_over', undefined],
    ]);
  });
});
