/**
 * Section 三 rows whose label does not read: a row broken over a page is read
 * whole from its two label pieces, but only across a page; on one page a
 * misprinted label is placed by template order, with a warning.
 */
import { describe, expect, it } from 'vitest';
import { makeCell } from '../extract/document.ts';
import type { LogicalRow } from './logical-rows.ts';
import { mapApplications } from './map-applications.ts';

function row(label: string, values: string[], page?: number): LogicalRow {
  const source = { file: 'f', block: 0, ...(page === undefined ? {} : { page }) };
  return { labels: [label], values: values.map((v, col) => makeCell(v, { ...source, col })), cells: [], layout: 'ragged', fromTable: true, source };
}
const seven = (v: string) => Array.from({ length: 7 }, () => v);
const blank = seven('');

describe('mapApplications', () => {
  it('reads a row broken over a page from its two label pieces', () => {
    const mapped = mapApplications([row('1.属于国家秘密', seven('1'), 1), row('2.其他', seven('2'), 1), row('法律行政法规禁止公开', blank, 2), row('3.危及“三安全一稳定”', seven('3'), 2)]);
    expect(mapped.applications.denied_prohibited_by_law).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(mapped.issues.filter((i) => i.rule === 'extract.unmatched_row')).toEqual([]);
  });

  it('does not join a misprinted label to the blank row below it on the same page: the row is placed by order, with a warning', () => {
    const mapped = mapApplications([row('（一）予以公开', seven('3')), row('（二）部份公幵', seven('2')), row('1.属于国家秘密', blank), row('2.其他法律行政法规禁止公开', seven('0'))]);
    expect(mapped.applications.partially_granted).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(mapped.applications.denied_state_secret).toEqual([null, null, null, null, null, null, null]);
    expect(mapped.issues.filter((i) => i.rule === 'extract.row_placed_by_order').map((i) => i.row)).toEqual(['partially_granted']);
  });

  it('"2.其他" is not （六）3.其他', () => {
    const mapped = mapApplications([row('2.其他', seven('2')), row('3.其他', seven('4'))]);
    expect(Object.keys(mapped.applications)).toEqual(['other_misc']);
    expect(mapped.applications.other_misc).toEqual([4, 4, 4, 4, 4, 4, 4]);
  });
});
