/**
 * Reads markdown pipe tables ("| a | b |") in text files. Written by hand
 * rather than with a markdown parser because the corpus holds broken tables
 * (rows of different widths, delimiter rows in the middle, rows without a
 * header) that a GFM parser would pad, cut or refuse, and every printed cell
 * must survive as it is. Consecutive pipe lines form one table; a blank or
 * other line ends it. Delimiter rows ("|---|:--:|") are dropped. Layout only.
 */

/** A line that is a pipe-table row: it starts with "|" and has another "|" after. */
export function isPipeRow(line: string): boolean {
  const t = line.trim();
  return t.startsWith('|') && t.indexOf('|', 1) > 0;
}

/** Cells of a pipe row, trimmed; "\|" is a literal bar. */
export function splitPipeRow(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === '\\' && t[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (ch === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * A delimiter row: every non-empty cell is dashes with optional colons. A
 * single "-" is accepted only right under a table's first row (where GFM puts
 * the delimiter); elsewhere "| - | - |" is a row of dash-marked blanks.
 */
function isDelimiterRow(cells: readonly string[], underFirstRow: boolean): boolean {
  const printed = cells.filter((c) => c !== '');
  if (printed.length === 0) return false;
  const pattern = underFirstRow ? /^:?-+:?$/ : /^:?-{3,}:?$|^:-+:?$|^:?-+:$/;
  return printed.every((c) => pattern.test(c));
}

export interface PipeTable {
  rows: string[][];
  /** Index of the first line after the table. */
  end: number;
}

/** Read the pipe table starting at lines[start], which must be a pipe row. */
export function readPipeTable(lines: readonly string[], start: number): PipeTable {
  const rows: string[][] = [];
  let k = start;
  for (; k < lines.length && isPipeRow(lines[k] ?? ''); k++) {
    const cells = splitPipeRow(lines[k] ?? '');
    if (isDelimiterRow(cells, k === start + 1)) continue;
    rows.push(cells);
  }
  return { rows, end: k };
}
