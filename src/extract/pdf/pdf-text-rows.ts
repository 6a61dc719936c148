/**
 * The body of an unruled table: its printed lines, top to bottom, as cells
 * in rows. A segment continues the cell above it in its column only when it
 * is on the next line and that cell's last line wrapped (pdf-line-wrap.ts):
 * a label, or a number in a narrow column, that stops short of its column's
 * edge is complete, and so is an item of a list ("4.…" above "5.…").
 *
 * A line whose segments all continue cells adds to the row they are in. A
 * line that starts a cell starts a row, numbers or not, with its own numbers
 * and lowest label; a label further left may run on beside it (a label over
 * several rows). Two exceptions: numbers printed beside the rest of the
 * labels of a row that has none join that row (text centred in tall rows),
 * and a label line squeezed between lines less than a line apart (a label
 * centred over several rows) is left for the caller to place.
 */
import { sameListItems } from '../item-number.ts';
import { joinWords, union, type Box } from './pdf-geometry.ts';
import { wrapsOnto } from './pdf-line-wrap.ts';
import type { GeoCell } from './pdf-table-model.ts';
import type { Seg, TLine } from './pdf-text-segments.ts';

/** Line pitch (× font size) assumed when no column shows two lines one below the other. */
const LINE_PITCH = 1.33;

/** The columns of the table, as the body needs them. */
export interface BodyColumns {
  size: number;
  labelCols: number;
  /** Where the text of each column starts, left to right: label columns, then value columns. */
  starts: readonly number[];
  /** Right end of the text in the last column. */
  lastRight: number;
  colOf(s: Seg): number;
  colBox(c0: number, c1: number, y0: number, y1: number): Box;
}

export interface Body {
  /** Cells by `row:col`; a position a cell above covers holds a placeholder with row -1. */
  cells: Map<string, GeoCell>;
  /** The extent of each row's lines, top to bottom. */
  rows: Box[];
  /** Label segments squeezed between rows, for the caller to place. */
  loose: Seg[];
}

/** A cell the next lines may continue. */
interface Open {
  cell: GeoCell;
  last: Seg;
  lines: TLine[];
  /** The lowest label of its row, which ends with the row; a label over several rows does not. */
  own: boolean;
}

/**
 * The smallest gap between the texts of two columns on one line: the padding of two cells (at most
 * one and a half characters, when no line fills its cell).
 */
function columnGap(lines: readonly TLine[], cols: BodyColumns): number {
  let gap = Infinity;
  for (const line of lines) {
    const segs = [...line.segs].sort((a, b) => a.x0 - b.x0);
    for (let i = 1; i < segs.length; i++) {
      if (cols.colOf(segs[i]!) !== cols.colOf(segs[i - 1]!)) gap = Math.min(gap, segs[i]!.x0 - segs[i - 1]!.x1);
    }
  }
  return Math.max(0.5 * cols.size, Math.min(gap, 1.5 * cols.size));
}

/** Top of a line's labels (numbers may be printed in a taller font), or of the line. */
function top(line: TLine, cols: BodyColumns): number {
  const labels = line.segs.filter((s) => cols.colOf(s) < cols.labelCols);
  return labels.length > 0 ? Math.min(...labels.map((s) => s.y0)) : line.y0;
}

/** The pitch of the table's lines: the least distance between two labels starting one below the other in a column. */
function linePitch(lines: readonly TLine[], cols: BodyColumns): number {
  let pitch = Infinity;
  for (let c = 0; c < cols.labelCols; c++) {
    const tops = lines.flatMap((l) => l.segs.filter((s) => cols.colOf(s) === c).map((s) => s.y0)).sort((a, b) => a - b);
    for (let i = 1; i < tops.length; i++) if (tops[i]! - tops[i - 1]! > 0.5 * cols.size) pitch = Math.min(pitch, tops[i]! - tops[i - 1]!);
  }
  return Number.isFinite(pitch) ? pitch : LINE_PITCH * cols.size;
}

export function bodyRows(lines: readonly TLine[], cols: BodyColumns, skip: ReadonlySet<Seg>, firstRow: number, page: number): Body {
  const { size, labelCols, starts } = cols;
  const sorted = [...lines].sort((a, b) => a.y0 - b.y0);
  const gap = columnGap(sorted, cols);
  const pitch = linePitch(sorted, cols);
  const cells = new Map<string, GeoCell>();
  const open = new Map<number, Open>();
  const rows: Box[] = [];
  /** Rows that have a number. */
  const valued = new Set<number>();
  const loose: Seg[] = [];

  /** A label line closer than a line's pitch to the line above or below it: it shares their space. */
  const squeezed = (i: number): boolean => {
    const at = top(sorted[i]!, cols);
    const near = (l: TLine | undefined) => l !== undefined && Math.abs(top(l, cols) - at) < 0.95 * pitch;
    return near(sorted[i - 1]) || near(sorted[i + 1]);
  };
  /** Where the text of an open cell must stop: before the next column its lines print something in. */
  const edgeOf = (o: Open): number => {
    const col = o.cell.col;
    if (col >= labelCols) return col + 1 < starts.length ? starts[col + 1]! - gap : cols.lastRight;
    const right = o.lines
      .flatMap((l) => l.segs)
      .filter((t) => t.x0 > o.last.x1 - 0.5 * size && cols.colOf(t) > col)
      .map((t) => cols.colOf(t));
    return starts[Math.min(labelCols, ...right)]! - gap;
  };
  /**
   * The open cell a segment continues, if any: same column and kind, on the next line (a line's pitch
   * below), the line above wrapped, and not the next item of a list the cell is an item of ("4.…"
   * then "5.…").
   */
  const continued = (s: Seg): Open | null => {
    const o = open.get(cols.colOf(s));
    if (!o || o.last.value !== s.value || s.y0 <= o.last.y0 || s.y0 - o.last.y0 > pitch + 0.3 * size) return null;
    if (sameListItems(o.cell.text, s.text)) return null;
    return wrapsOnto(o.last.x1, s.pieces, edgeOf(o), size) ? o : null;
  };
  const extend = (o: Open, s: Seg, line: TLine, row: number) => {
    o.cell.text = joinWords(o.cell.text, s.text, !s.value);
    o.cell.box = { ...o.cell.box, y1: Math.max(o.cell.box.y1, line.y1) };
    o.last = s;
    if (!o.lines.includes(line)) o.lines.push(line);
    // A cell whose text runs on beside the next rows spans them, where they have nothing in its column.
    for (let r = o.cell.row + o.cell.rowSpan; r <= row && !cells.has(`${r}:${o.cell.col}`); r++) {
      cells.set(`${r}:${o.cell.col}`, { text: '', row: -1, col: -1, rowSpan: 0, colSpan: 0, page, box: o.cell.box });
      o.cell.rowSpan++;
    }
  };
  const start = (s: Seg, line: TLine, row: number, own: boolean) => {
    const col = cols.colOf(s);
    const key = `${row}:${col}`;
    const o = open.get(col);
    // A second segment in a position already taken on this line (a gap inside one cell's text).
    if (cells.has(key) && o) {
      o.cell.text = joinWords(o.cell.text, s.text, true);
      o.last = s;
      return;
    }
    const cell: GeoCell = { text: s.text, row, col, rowSpan: 1, colSpan: 1, page, box: cols.colBox(col, col, line.y0, line.y1) };
    cells.set(key, cell);
    if (col >= labelCols) valued.add(row);
    open.set(col, { cell, last: s, lines: [line], own });
  };

  const grow = (line: TLine) => {
    rows[rows.length - 1] = union(rows[rows.length - 1]!, line);
  };
  const isLabel = (s: Seg) => cols.colOf(s) < labelCols;

  sorted.forEach((line, i) => {
    const segs = line.segs.filter((s) => !skip.has(s));
    if (segs.length === 0) return;
    const conts = segs.map((s) => continued(s));
    const labels = segs.filter(isLabel);
    const row = firstRow + rows.length - 1;
    /** Segments that continue a cell extend it; the others go to `fresh`. */
    const place = (fresh: (s: Seg) => void) =>
      segs.forEach((s, k) => {
        const o = conts[k];
        if (o) extend(o, s, line, row);
        else fresh(s);
      });
    if (conts.every((o) => o !== null)) {
      place(() => undefined);
      grow(line);
      return;
    }
    if (labels.length === segs.length && rows.length > 0 && squeezed(i)) {
      place((s) => loose.push(s));
      return;
    }
    // Numbers beside the rest of the labels of a row that has none yet are that row's: its labels
    // start higher, centred on the numbers.
    if (rows.length > 0 && labels.length > 0 && !valued.has(row) && segs.every((s, k) => !isLabel(s) || conts[k] !== null)) {
      place((s) => start(s, line, row, false));
      grow(line);
      return;
    }
    // A row starts with its own numbers and its own lowest label (the last before the numbers); only a
    // label over several rows, further left, runs on beside it.
    rows.push({ x0: line.x0, x1: line.x1, y0: line.y0, y1: line.y1 });
    const own = labels[labels.length - 1];
    segs.forEach((s, k) => {
      const o = conts[k];
      if (o && !o.own && s !== own && isLabel(s)) extend(o, s, line, row + 1);
      else start(s, line, row + 1, s === own);
    });
  });
  return { cells, rows, loose };
}
