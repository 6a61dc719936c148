/**
 * Reads a run of blocks as logical table rows, whatever the format: each
 * table row becomes its label text and the cells that follow it, and a text
 * line between tables becomes a label-only row (headings such as
 * "### 行政复议" or a PDF's wrapped group label). Pure.
 */
import type { Block, Cell, Provenance } from '../extract/document.ts';
import { isValueText } from './parse-value.ts';

export interface LogicalRow {
  /** Label cells' text in order (covered copies of merged labels included once). */
  labels: string[];
  /** Cells after the last label cell, covered positions of horizontal spans left out. */
  values: Cell[];
  /** True for rows that came from a table. */
  fromTable: boolean;
  /** Where the row starts. */
  source: Provenance;
}

function isLabelCell(cell: Cell): boolean {
  return cell.text !== '' && !isValueText(cell.text);
}

export function rowFromCells(cells: Cell[], source: Provenance): LogicalRow {
  let lastLabel = -1;
  cells.forEach((c, i) => {
    if (isLabelCell(c)) lastLabel = i;
  });
  const labels: string[] = [];
  for (let i = 0; i <= lastLabel; i++) {
    const c = cells[i];
    if (!c || !isLabelCell(c)) continue;
    if (labels[labels.length - 1] === c.text) continue;
    labels.push(c.text);
  }
  const values = cells.slice(lastLabel + 1).filter((c) => !(c.covered && isHorizontallyCovered(c, cells)));
  return { labels, values, fromTable: true, source };
}

/** A covered cell whose origin is in the same row (a colspan) repeats a value already counted. */
function isHorizontallyCovered(cell: Cell, row: Cell[]): boolean {
  return row.some((o) => !o.covered && o !== cell && o.source.row === cell.source.row && o.source.col === cell.source.col && o.colSpan > 1);
}

export function logicalRows(blocks: readonly Block[]): LogicalRow[] {
  const rows: LogicalRow[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') {
      block.rows.forEach((cells, r) => {
        if (cells.length === 0) return;
        rows.push(rowFromCells(cells, { ...block.source, row: r }));
      });
    } else if (block.text.trim() !== '') {
      rows.push({ labels: [block.text], values: [], fromTable: false, source: block.source });
    }
  }
  return rows;
}

/** Cells of the row that carry something (a number or a blank marker other than the empty string). */
export function printedValues(row: LogicalRow): Cell[] {
  return row.values.filter((c) => c.text !== '');
}
