/**
 * Reads a run of blocks as logical table rows, whatever the format: each
 * table row becomes its label text and the cells that follow it, and a text
 * line between tables becomes a label-only row (headings such as
 * "### 行政复议" or a PDF's wrapped group label), or, when it prints a label
 * and then numbers apart from it ("行政许可 97", as text taken out of a PDF
 * leaves a table's rows), a row of that label and those values. Pure.
 */
import { makeCell, provenanceAt, type Block, type Cell, type Provenance, type SourceFormat } from '../extract/document.ts';
import { looksLikeValue } from '../extract/value-lexer.ts';

export type RowLayout = 'grid' | 'ragged';

/** Formats whose tables are grids: each cell sits in the column the markup or the drawing puts it in. */
const GRID_FORMATS: ReadonlySet<SourceFormat> = new Set(['html', 'docx', 'pdf']);

export function layoutOf(format: SourceFormat): RowLayout {
  return GRID_FORMATS.has(format) ? 'grid' : 'ragged';
}

export interface LogicalRow {
  /** Label cells' text in order (covered copies of merged labels included once). */
  labels: string[];
  /** Cells after the last label cell, covered positions of horizontal spans left out. */
  values: Cell[];
  /** Every cell of the table row, in column order (none for a line of text). */
  cells: Cell[];
  /** How far the cells' columns can be trusted. */
  layout: RowLayout;
  /** True for rows that came from a table. */
  fromTable: boolean;
  /** Where the row starts. */
  source: Provenance;
}

function isLabelCell(cell: Cell): boolean {
  return cell.text !== '' && !looksLikeValue(cell.text);
}

export function rowFromCells(cells: Cell[], source: Provenance, layout: RowLayout = 'ragged'): LogicalRow {
  // Each cell lexed once: lexing is most of reading a table's rows.
  const isLabel = cells.map(isLabelCell);
  const lastLabel = isLabel.lastIndexOf(true);
  const labels: string[] = [];
  for (let i = 0; i <= lastLabel; i++) {
    const c = cells[i];
    if (!c || !isLabel[i]) continue;
    if (labels[labels.length - 1] === c.text) continue;
    labels.push(c.text);
  }
  const values = cells.slice(lastLabel + 1).filter((c) => !(c.covered && isHorizontallyCovered(c, cells)));
  return { labels, values, cells, layout, fromTable: true, source };
}

/** A covered cell whose origin is in the same row (a colspan) repeats a value already counted. */
function isHorizontallyCovered(cell: Cell, row: Cell[]): boolean {
  return row.some((o) => !o.covered && o !== cell && o.source.row === cell.source.row && o.source.col === cell.source.col && o.colSpan > 1);
}

/** The longest row label the template prints is 37 characters. */
const MAX_LABEL = 40;

/** "行政许可 97" -> label and values; null for a line that does not end in values printed apart from a label. */
function textRow(text: string, source: Provenance): LogicalRow | null {
  const tokens = text.trim().split(/\s+/u);
  let first = tokens.length;
  while (first > 0 && looksLikeValue(tokens[first - 1]!)) first--;
  if (first === 0 || first === tokens.length) return null;
  const label = tokens.slice(0, first).join(' ');
  // "2024 年" or "共 12 件" are prose; a row's label is words, ending in one, and as short as a table's labels.
  if (/\d$/u.test(label) || !/\p{Script=Han}/u.test(label) || label.length > MAX_LABEL) return null;
  const values = tokens.slice(first).map((t, k) => makeCell(t, provenanceAt(source, undefined, k + 1)));
  return { labels: [label], values, cells: [], layout: 'ragged', fromTable: false, source };
}

export function logicalRows(blocks: readonly Block[], layout: RowLayout = 'ragged'): LogicalRow[] {
  const rows: LogicalRow[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') {
      block.rows.forEach((cells, r) => {
        if (cells.length === 0) return;
        rows.push(rowFromCells(cells, provenanceAt(block.source, r), layout));
      });
    } else if (block.text.trim() !== '') {
      rows.push(textRow(block.text, block.source) ?? { labels: [block.text], values: [], cells: [], layout: 'ragged', fromTable: false, source: block.source });
    }
  }
  return rows;
}

/** Cells of the row that carry something (a number or a blank marker other than the empty string). */
export function printedValues(row: LogicalRow): Cell[] {
  return row.values.filter((c) => c.text !== '');
}
