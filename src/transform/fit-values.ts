/**
 * Fits the values printed after a row's label in a ragged text layout to the
 * columns of its table, by count alone (a text layout keeps their order, not
 * their columns). Empty cells at the ends (the tabs merged cells leave) are
 * trimmed. The values are placed only when their count is the count of
 * columns; a row one value short may have lost a cell (the caller decides
 * whether its arithmetic places it); anything else is miscounted and placed
 * nowhere. Pure.
 */
import type { Cell } from '../extract/document.ts';

export type FittedValues =
  /** One cell (or null) per column, in order. */
  | { kind: 'fitted'; cells: Array<Cell | null> }
  /** One printed value fewer than columns: a cell was lost, and where is not known. */
  | { kind: 'one_short'; printed: Cell[] }
  /** More values, or more than one fewer, than columns. */
  | { kind: 'miscounted'; printed: Cell[] };

export interface FitOptions {
  /**
   * Treat a row that prints every column but one, and one empty cell, as a
   * row that lost a cell: text dumps of section 三 leave the empty cell where
   * it does not belong (seed 000).
   */
  emptyMayBeLost?: boolean;
}

export function fitValues(values: readonly Cell[], expected: number, options: FitOptions = {}): FittedValues {
  let cells = [...values];
  while (cells.length > expected && cells[cells.length - 1]?.text === '') cells = cells.slice(0, -1);
  while (cells.length > expected && cells[0]?.text === '') cells = cells.slice(1);
  const printed = cells.filter((c) => c.text !== '');
  if (printed.length === 0) return { kind: 'fitted', cells: Array.from({ length: expected }, () => null) };
  if (cells.length === expected) {
    if (options.emptyMayBeLost && printed.length === expected - 1) return { kind: 'one_short', printed };
    return { kind: 'fitted', cells };
  }
  if (printed.length === expected) return { kind: 'fitted', cells: printed };
  if (printed.length === expected - 1) return { kind: 'one_short', printed };
  return { kind: 'miscounted', printed };
}
