/**
 * Fits the cells that follow a row's label to the number of columns the
 * template expects. Text layouts leave extra empty cells where merged cells
 * were (leading or trailing tabs); those are trimmed. What cannot be fitted
 * is reported, never guessed silently. Pure.
 */
import type { Cell } from '../extract/document.ts';

export interface FittedValues {
  cells: Array<Cell | null>;
  /** Set when the row had more or fewer cells than columns and the fit is a guess. */
  mismatch?: { found: number; expected: number };
}

export function fitValues(values: readonly Cell[], expected: number): FittedValues {
  let cells = [...values];
  if (cells.length === expected) return { cells };
  // Trim empty cells at the ends (merged-cell tabs), trailing first.
  while (cells.length > expected && cells[cells.length - 1]?.text === '') cells = cells.slice(0, -1);
  while (cells.length > expected && cells[0]?.text === '') cells = cells.slice(1);
  if (cells.length === expected) return { cells };
  const printed = cells.filter((c) => c.text !== '');
  if (printed.length === expected) return { cells: printed };
  if (printed.length === 0) return { cells: Array.from({ length: expected }, () => null) };
  if (cells.length > expected) {
    return { cells: cells.slice(0, expected), mismatch: { found: printed.length, expected } };
  }
  return {
    cells: [...cells, ...Array.from({ length: expected - cells.length }, () => null)],
    mismatch: { found: cells.length, expected },
  };
}
