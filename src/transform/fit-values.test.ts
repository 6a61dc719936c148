import { describe, expect, it } from 'vitest';
import { makeCell } from '../extract/document.ts';
import { fitValues } from './fit-values.ts';

const cells = (...texts: string[]) => texts.map((t, i) => makeCell(t, { file: 'x', block: 0, row: 0, col: i }));
const texts = (f: ReturnType<typeof fitValues>) => f.cells.map((c) => c?.text ?? null);

describe('fitValues', () => {
  it('takes exactly as many cells as columns', () => {
    expect(texts(fitValues(cells('26', '', '', '', '', '', '26'), 7))).toEqual(['26', '', '', '', '', '', '26']);
  });
  it('trims the empty cells merged-cell tabs leave at either end', () => {
    expect(texts(fitValues(cells('', '0', '0', '0', '0', '0', '0', '0', ''), 7))).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    const f = fitValues(cells('', '', '', '', '', '', '', '', ''), 7);
    expect(f.cells).toHaveLength(7);
    expect(f.mismatch).toBeUndefined();
  });
  it('reports a row with too few or too many printed values', () => {
    expect(fitValues(cells('1', '2', '3'), 7).mismatch).toEqual({ found: 3, expected: 7 });
    expect(fitValues(cells('1', '', '2', '3', '4', '5', '6', '7', '8'), 7).mismatch).toEqual({ found: 8, expected: 7 });
  });
});
