import { describe, expect, it } from 'vitest';
import { makeCell } from '../extract/document.ts';
import { fitValues, type FittedValues } from './fit-values.ts';

const cells = (...texts: string[]) => texts.map((t, i) => makeCell(t, { file: 'x', block: 0, row: 0, col: i }));
const texts = (f: FittedValues) => (f.kind === 'fitted' ? f.cells.map((c) => c?.text ?? null) : f.printed.map((c) => c.text));

describe('fitValues', () => {
  it('takes exactly as many cells as columns', () => {
    expect(texts(fitValues(cells('26', '', '', '', '', '', '26'), 7))).toEqual(['26', '', '', '', '', '', '26']);
  });
  it('trims the empty cells merged-cell tabs leave at either end', () => {
    expect(texts(fitValues(cells('', '0', '0', '0', '0', '0', '0', '0', ''), 7))).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    const f = fitValues(cells('', '', '', '', '', '', '', '', ''), 7);
    expect(f).toEqual({ kind: 'fitted', cells: [null, null, null, null, null, null, null] });
  });
  it('says a row one value short may have lost a cell, and places no other count', () => {
    expect(fitValues(cells('290', '0', '0', '3', '0', '294'), 7).kind).toBe('one_short');
    expect(fitValues(cells('', '290', '0', '0', '3', '0', '294'), 7, { emptyMayBeLost: true }).kind).toBe('one_short');
    expect(fitValues(cells('', '290', '0', '0', '3', '0', '294'), 7).kind).toBe('fitted');
    expect(fitValues(cells('1', '2', '3'), 7)).toMatchObject({ kind: 'miscounted' });
    expect(texts(fitValues(cells('1', '', '2', '3', '4', '5', '6', '7', '8'), 7))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });
});
