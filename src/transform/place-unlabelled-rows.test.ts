/**
 * Rows of numbers whose labels a PDF-to-text converter printed elsewhere:
 * placed by template order when the gap between labelled rows fits exactly,
 * never guessed otherwise. On the two converter transcriptions of the corpus
 * (kewei-2024-source.md, shanghai-office-sample-source.md), section 三 then
 * adds up and agrees with the report's own narrative.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRecord } from '../../pipeline/extract-record.ts';
import { CORPUS } from '../../test/support/label.ts';
import type { ValidationIssue } from './record.ts';
import { placeUnlabelledRows, type RowToPlace } from './place-unlabelled-rows.ts';

const TEMPLATE = ['a', 'b', 'c', 'd', 'e', 'f'];
const row = (code: string | null, pending: string | null = null, hasNumber = true): RowToPlace => ({ code, pending, hasNumber });

describe('placeUnlabelledRows', () => {
  it('fills a gap that has exactly as many missing rows as unlabelled rows, with a warning each', () => {
    const issues: ValidationIssue[] = [];
    expect(placeUnlabelledRows([row('a'), row(null), row(null), row('d'), row(null), row('f')], TEMPLATE, issues)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(issues.map((i) => [i.rule, i.row])).toEqual([
      ['extract.row_placed_by_order', 'b'],
      ['extract.row_placed_by_order', 'c'],
      ['extract.row_placed_by_order', 'e'],
    ]);
  });

  it('does not warn where the loose label line before the row names the same row', () => {
    const issues: ValidationIssue[] = [];
    expect(placeUnlabelledRows([row('a'), row(null, 'b'), row('c')], TEMPLATE, issues)).toEqual(['a', 'b', 'c']);
    expect(issues).toEqual([]);
  });

  it('guesses nothing when the counts differ: a loose label that fits the gap is kept, one that does not is dropped', () => {
    const issues: ValidationIssue[] = [];
    expect(placeUnlabelledRows([row('a'), row(null, 'c'), row('e')], TEMPLATE, issues)).toEqual(['a', 'c', 'e']);
    expect(placeUnlabelledRows([row('a'), row(null, 'f'), row('e')], TEMPLATE, issues)).toEqual(['a', null, 'e']);
    expect(placeUnlabelledRows([row('a'), row(null), row('e')], TEMPLATE, issues)).toEqual(['a', null, 'e']);
    expect(issues).toEqual([]);
  });

  it('places nothing by order between rows printed out of template order', () => {
    const issues: ValidationIssue[] = [];
    expect(placeUnlabelledRows([row('d'), row(null), row('b')], TEMPLATE, issues)).toEqual(['d', null, 'b']);
    expect(issues).toEqual([]);
  });

  it('gives a blank row without a label the loose label before it, and never places blank rows by order', () => {
    const issues: ValidationIssue[] = [];
    expect(placeUnlabelledRows([row('a'), row(null, 'b', false), row(null, null, false), row('d')], TEMPLATE, issues)).toEqual(['a', 'b', null, 'd']);
  });
});

describe('converter transcriptions of real reports', () => {
  const outcomesAddUp = (a: Record<string, (number | null)[]>) => {
    const outcomes = Object.keys(a).filter((c) => !['new_received', 'carried_over', 'total_handled', 'carried_forward'].includes(c));
    return [0, 1, 2, 3, 4, 5, 6].every((col) => outcomes.reduce((s, c) => s + (a[c]![col] ?? 0), 0) === a.total_handled![col]);
  };

  it('kewei-2024-source.md: every 2021 row is found and section 三 adds up', async () => {
    const record = await extractRecord(join(CORPUS, 'docs', 'kewei-2024-source.md'));
    const a = record.applications;
    expect(Object.keys(a)).toHaveLength(25);
    expect(record.validation.filter((v) => v.rule === 'extract.unmatched_row' || v.rule === 'extract.row_missing')).toEqual([]);
    expect(record.validation.filter((v) => v.severity === 'error')).toEqual([]);
    expect(outcomesAddUp(a)).toBe(true);
    // The narrative: 不予公开答复 2 件，无法提供的 10 件，其他处理 14 件.
    const total = (codes: string[]) => codes.reduce((s, c) => s + (a[c]![6] ?? 0), 0);
    expect(total(['denied_internal_affairs', 'denied_process_info'])).toBe(2);
    expect(total(['unable_not_held', 'unable_needs_creation', 'unable_unclear_after_correction'])).toBe(10);
    expect(total(['other_overdue_correction', 'other_unpaid_fee', 'other_misc'])).toBe(14);
  });

  it('shanghai-office-sample-source.md: the two rows cut from their labels are placed and section 三 adds up', async () => {
    const record = await extractRecord(join(CORPUS, 'docs', 'shanghai-office-sample-source.md'));
    const a = record.applications;
    expect(Object.keys(a)).toHaveLength(25);
    expect(record.validation.filter((v) => v.table === 'applications' && v.severity !== 'info').map((v) => v.row)).toEqual(['rejected_confirm_or_reissue', 'other_overdue_correction']);
    expect(outcomesAddUp(a)).toBe(true);
    // The narrative: 其他处理 319 件.
    expect((a.other_overdue_correction![6] ?? 0) + (a.other_unpaid_fee![6] ?? 0) + (a.other_misc![6] ?? 0)).toBe(319);
  });
});
