/**
 * Rows of numbers whose labels a PDF-to-text converter printed elsewhere:
 * placed by template order when the gap between labelled rows fits exactly,
 * never guessed otherwise (real documents: test/converter-transcriptions.test.ts).
 */
import { describe, expect, it } from 'vitest';
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
