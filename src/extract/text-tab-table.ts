/**
 * Reads tables laid out with tab characters in plain text, the two layouts
 * that word processors' "save as text" produce:
 *
 * 1. Tab-separated rows: one line per row, cells split on tabs. Leading and
 *    trailing tabs stand for merged cells and give empty cells (kept).
 *    Blank lines between rows do not end the table.
 * 2. One cell per line: every line is a tab then the cell's text ("\t12");
 *    a line holding only a tab is a blank cell; a blank line ends the row.
 *    Text wrapped inside a cell continues on a following line with no tab.
 *
 * A table runs from its first tab line while the next printed line is a tab
 * line (or a wrapped-cell continuation); a line of ordinary text ends it.
 * Cells come back as raw strings; the caller makes Cells. Layout only.
 */
import { hasTab, isBlankLine, isValueLike, joinWrapped } from './text-lines.ts';

export interface TabTable {
  /** Rows of cell text, ragged as printed. */
  rows: string[][];
  /** Index of the first line after the table. */
  end: number;
  layout: 'tab-separated' | 'cell-per-line';
}

/** A cell-per-line line: one leading tab and no other tab. */
function isCellLine(line: string): boolean {
  return /^\t[^\t]*$/.test(line);
}

/** Longest text line taken as the wrapped rest of a cell. */
const MAX_CONTINUATION_CHARS = 20;
/** Longest wrapped tail allowed when a blank line (row end) follows it. */
const MAX_ROW_END_CONTINUATION_CHARS = 10;
/** Most lines one cell may wrap onto. */
const MAX_CONTINUATION_LINES = 3;

/**
 * Is lines[k] (not blank, no tab), directly under a cell line, the wrapped
 * rest of that cell? Only under a label-like cell (numbers do not wrap), only
 * short lines, and only when the table goes on after it.
 */
function isContinuation(lines: readonly string[], k: number): boolean {
  const above = lines[k - 1];
  if (above === undefined || !isCellLine(above)) return false;
  const cellText = above.slice(1);
  if (isValueLike(cellText)) return false;
  let m = k;
  while (m < lines.length && m - k < MAX_CONTINUATION_LINES) {
    const l = lines[m] ?? '';
    if (hasTab(l) || isBlankLine(l)) break;
    if (l.trim().length > MAX_CONTINUATION_CHARS) return false;
    m++;
  }
  const next = lines[m];
  if (next === undefined) return false;
  if (hasTab(next)) return true;
  if (!isBlankLine(next)) return false;
  // Wrapped tail of the last cell in a row: the table must go on after the blank lines.
  for (let i = k; i < m; i++) if ((lines[i] ?? '').trim().length > MAX_ROW_END_CONTINUATION_CHARS) return false;
  let p = m;
  while (p < lines.length && isBlankLine(lines[p] ?? '')) p++;
  return p < lines.length && hasTab(lines[p] ?? '');
}

/** Read the tab table starting at lines[start], which must hold a tab. */
export function readTabTable(lines: readonly string[], start: number): TabTable {
  // Extent: tab lines, blank lines between them, and wrapped-cell continuations.
  const kinds = new Map<number, 'tab' | 'continuation'>([[start, 'tab']]);
  let last = start;
  for (let k = start + 1; k < lines.length; k++) {
    const line = lines[k] ?? '';
    if (hasTab(line)) {
      kinds.set(k, 'tab');
      last = k;
    } else if (isBlankLine(line)) {
      continue;
    } else if (k === last + 1 && (kinds.get(last) === 'continuation' || isContinuation(lines, k))) {
      kinds.set(k, 'continuation');
      last = k;
    } else {
      break;
    }
  }
  const end = last + 1;
  const tabLines = [...kinds].filter(([, kind]) => kind === 'tab').map(([i]) => lines[i] ?? '');
  const cellPerLine = tabLines.every(isCellLine);
  const rows = cellPerLine ? readCellPerLine(lines, start, end, kinds) : readTabSeparated(lines, start, end, kinds);
  return { rows, end, layout: cellPerLine ? 'cell-per-line' : 'tab-separated' };
}

function appendToLastCell(rows: string[][], current: string[] | null, text: string): void {
  const row = current && current.length > 0 ? current : rows[rows.length - 1];
  if (!row || row.length === 0) return;
  row[row.length - 1] = joinWrapped(row[row.length - 1] ?? '', text.trim());
}

function readTabSeparated(lines: readonly string[], start: number, end: number, kinds: Map<number, string>): string[][] {
  const rows: string[][] = [];
  for (let i = start; i < end; i++) {
    const kind = kinds.get(i);
    const line = lines[i] ?? '';
    if (kind === 'tab') rows.push(line.split('\t'));
    else if (kind === 'continuation') appendToLastCell(rows, null, line);
  }
  return rows;
}

function readCellPerLine(lines: readonly string[], start: number, end: number, kinds: Map<number, string>): string[][] {
  const rows: string[][] = [];
  let current: string[] = [];
  for (let i = start; i < end; i++) {
    const kind = kinds.get(i);
    const line = lines[i] ?? '';
    if (kind === 'tab') current.push(line.slice(1));
    else if (kind === 'continuation') appendToLastCell(rows, current, line);
    else if (current.length > 0) {
      rows.push(current);
      current = [];
    }
  }
  if (current.length > 0) rows.push(current);
  return mergeSplitRows(rows);
}

function isLabelText(text: string): boolean {
  return !isValueLike(text);
}

/**
 * A stray blank line inside a row splits it in two: a short row holding the
 * label, then a row of values only. When the two together are exactly as wide
 * as the row above, they are one row.
 */
function mergeSplitRows(rows: string[][]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const above = out[out.length - 1];
    const below = rows[i + 1];
    if (
      above &&
      below &&
      row.length < above.length &&
      row.some(isLabelText) &&
      !below.some(isLabelText) &&
      row.length + below.length === above.length
    ) {
      out.push([...row, ...below]);
      i++;
    } else {
      out.push(row);
    }
  }
  return out;
}
