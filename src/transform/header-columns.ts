/**
 * Reading a grid table by its header: the header texts printed above each
 * column (a merged header cell counts in every column it covers), and which
 * columns are columns of their own rather than the copies a colspan leaves.
 * The mappers name each column from these texts with the template's
 * matchers, then read every data cell by the column it sits in. Pure.
 */
import type { Cell } from '../extract/document.ts';
import type { LogicalRow } from './logical-rows.ts';

/** Per column index, the non-empty header texts above it, top to bottom. */
export function columnTexts(header: readonly LogicalRow[]): string[][] {
  const width = Math.max(0, ...header.map((r) => r.cells.length));
  return Array.from({ length: width }, (_, c) => header.map((r) => r.cells[c]?.text ?? '').filter((t) => t !== ''));
}

/** The texts above a column, and their run-together reading (a label wrapped over two header rows: "结" over "果维持"). */
export function readingsOf(texts: readonly string[]): string[] {
  return texts.length > 1 ? [...texts, texts.join('')] : [...texts];
}

/** A position a cell begun to its left in the same row covers (a colspan), not a cell of its own. */
export function isHorizontalCopy(cell: Cell | undefined, row: LogicalRow): boolean {
  return cell !== undefined && cell.covered && cell.source.block === row.source.block && cell.source.row === row.source.row;
}

/** Column indexes whose bottom header cell is a cell of its own (copies of a header merged across columns name no new column). */
export function ownColumns(header: readonly LogicalRow[]): number[] {
  const bottom = header[header.length - 1];
  if (!bottom) return [];
  return bottom.cells.flatMap((cell, c) => (isHorizontalCopy(cell, bottom) ? [] : [c]));
}

/** The cell a data row prints in a column: null where the position is the copy of a value begun in an earlier column. */
export function cellUnder(row: LogicalRow, column: number): Cell | null {
  const cell = row.cells[column];
  if (!cell || isHorizontalCopy(cell, row)) return null;
  return cell;
}

/**
 * A reading of a header done once per header: every data row of a table is
 * read under the same header rows, so the columns they name are read at its
 * first row and kept (weakly, with the header).
 */
export function oncePerHeader<T>(read: (header: readonly LogicalRow[]) => T): (header: readonly LogicalRow[]) => T {
  const done = new WeakMap<readonly LogicalRow[], T>();
  return (header) => {
    if (!done.has(header)) done.set(header, read(header));
    return done.get(header) as T;
  };
}
