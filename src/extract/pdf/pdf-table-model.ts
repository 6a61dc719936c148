/**
 * A table as the PDF reader rebuilds it, before it becomes a TableBlock:
 * column edges in page coordinates and cells anchored at (row, column) with
 * their spans. Tables found on consecutive pages are joined in this form,
 * where columns can still be matched by position. Also: assigning text
 * pieces to cells, and turning the result into a document-model table.
 */
import { makeCell, type Cell, type TableBlock } from '../document.ts';
import { looksLikeValue } from '../value-lexer.ts';
import { blockText, centerX, centerY, joinWords, lineText, overlap, union, type Box, type TextPiece } from './pdf-geometry.ts';

export interface GeoCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  page: number;
  /** The cell's box on its page. */
  box: Box;
  /** Box of the text in the cell, when it has text. */
  textBox?: Box;
  /** Text read by OCR: the lowest confidence of its pieces, 0 to 1. */
  confidence?: number;
}

export interface GeoTable {
  /** Page the table starts on. */
  page: number;
  /** Page the table ends on. */
  lastPage: number;
  /** Box on the first page / on the last page. */
  box: Box;
  lastBox: Box;
  /** Column edges, left to right (columns = xs.length - 1). */
  xs: number[];
  rowCount: number;
  /** Anchor cells; every grid position is covered by exactly one. */
  cells: GeoCell[];
  /** How the table was found: from drawn rulings or from text alignment. */
  source: 'rulings' | 'text';
}

/** Groups pieces into printed lines (by vertical overlap) and returns them top to bottom. */
export function groupLines(pieces: readonly TextPiece[]): TextPiece[][] {
  const sorted = [...pieces].sort((a, b) => centerY(a) - centerY(b) || a.x0 - b.x0);
  const lines: Array<{ y0: number; y1: number; pieces: TextPiece[]; closed?: boolean }> = [];
  for (const p of sorted) {
    // Text written top to bottom stands over several lines: it is a line of its own.
    if (p.vertical) {
      lines.push({ y0: p.y0, y1: p.y1, pieces: [p], closed: true });
      continue;
    }
    const h = p.y1 - p.y0;
    let best: (typeof lines)[number] | null = null;
    let bestOverlap = 0;
    // Only the last few lines can still take this piece (pieces come top to bottom).
    for (let k = lines.length - 1; k >= 0 && k >= lines.length - 4; k--) {
      const l = lines[k]!;
      if (l.closed) continue;
      const ov = overlap(l.y0, l.y1, p.y0, p.y1);
      const need = 0.5 * Math.min(h, l.y1 - l.y0);
      if (ov >= need && ov > bestOverlap && !l.pieces.some((q) => overlap(q.x0, q.x1, p.x0, p.x1) > 0.5 * Math.min(q.x1 - q.x0, p.x1 - p.x0))) {
        best = l;
        bestOverlap = ov;
      }
    }
    if (best) {
      best.pieces.push(p);
      best.y0 = Math.min(best.y0, p.y0);
      best.y1 = Math.max(best.y1, p.y1);
    } else {
      lines.push({ y0: p.y0, y1: p.y1, pieces: [p] });
    }
  }
  return lines.sort((a, b) => a.y0 - b.y0).map((l) => l.pieces.sort((a, b) => a.x0 - b.x0));
}

/** Text of pieces that share a cell: lines top to bottom, each left to right. */
export function cellText(pieces: readonly TextPiece[]): string {
  const vertical = pieces.filter((p) => p.vertical);
  const horizontal = pieces.filter((p) => !p.vertical);
  const parts = groupLines(horizontal).map(lineText);
  // A vertical run reads top to bottom; several columns of it read left to right.
  const verticalText = [...vertical].sort((a, b) => a.x0 - b.x0 || a.y0 - b.y0).map((p) => p.text.trim());
  return blockText([...verticalText, ...parts]);
}

/**
 * Splits a horizontal piece that runs over column edges (the text layer joined the
 * texts of two cells) at those edges, sharing its width evenly among its
 * characters.
 */
function splitAtEdges(piece: TextPiece, edges: readonly number[]): TextPiece[] {
  const chars = [...piece.text];
  if (piece.vertical || chars.length < 2) return [piece];
  const step = (piece.x1 - piece.x0) / chars.length;
  const cuts = edges.filter((e) => e > piece.x0 + step / 2 && e < piece.x1 - step / 2);
  if (cuts.length === 0) return [piece];
  const out: TextPiece[] = [];
  let start = 0;
  for (const edge of [...cuts, Infinity]) {
    const end = edge === Infinity ? chars.length : Math.round((edge - piece.x0) / step);
    if (end > start) {
      out.push({ ...piece, text: chars.slice(start, end).join(''), x0: piece.x0 + start * step, x1: piece.x0 + end * step });
      start = end;
    }
  }
  return out;
}

/** Index of the interval of sorted edges holding v (clamped to the ends). */
function intervalOf(edges: readonly number[], v: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((edges[mid] ?? 0) <= v) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, Math.min(edges.length - 2, lo));
}

/** Nearest edge index to v. */
function nearestEdge(edges: readonly number[], v: number): number {
  let best = 0;
  let dist = Infinity;
  edges.forEach((e, i) => {
    const d = Math.abs(e - v);
    if (d < dist) {
      dist = d;
      best = i;
    }
  });
  return best;
}

/** Clusters sorted-able numbers that lie within `tol` of their neighbour; returns cluster means, ascending. */
export function clusterValues(values: readonly number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length > 0 && v - (group[group.length - 1] ?? v) > tol) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length > 0) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

function rowTexts(table: GeoTable, row: number): string[] {
  return table.cells
    .filter((c) => c.row === row)
    .sort((a, b) => a.col - b.col)
    .map((c) => c.text);
}

/** The grid position → anchor cell map. */
function occupancy(cells: readonly GeoCell[], rows: number, cols: number): Array<Array<GeoCell | null>> {
  const grid: Array<Array<GeoCell | null>> = Array.from({ length: rows }, () => Array.from({ length: cols }, () => null));
  for (const c of cells) {
    for (let r = c.row; r < c.row + c.rowSpan && r < rows; r++) {
      for (let k = c.col; k < c.col + c.colSpan && k < cols; k++) {
        const row = grid[r];
        if (row) row[k] = c;
      }
    }
  }
  return grid;
}

/**
 * Whether the table on the next page continues this one: same left and
 * right edges, or most of its column edges line up.
 */
export function continues(prev: GeoTable, next: GeoTable): boolean {
  const tol = edgeTolerance(prev, next);
  const width = prev.lastBox.x1 - prev.lastBox.x0;
  const sameEdges = Math.abs(prev.lastBox.x0 - next.box.x0) <= 2 * tol && Math.abs(prev.lastBox.x1 - next.box.x1) <= 2 * tol;
  if (sameEdges) return true;
  const matched = next.xs.filter((x) => prev.xs.some((p) => Math.abs(p - x) <= tol)).length;
  return matched >= 3 && matched >= 0.6 * next.xs.length && overlap(prev.lastBox.x0, prev.lastBox.x1, next.box.x0, next.box.x1) > 0.8 * width;
}

/** How far apart two column edges may be and still be one edge: ruled edges are exact, text-derived ones are not. */
function edgeTolerance(a: GeoTable, b: GeoTable): number {
  return a.source === 'text' || b.source === 'text' ? 12 : 3;
}

/**
 * Joins `next` (the top of the next page) onto `prev`: column edges merged,
 * a repeated header dropped, and merged cells cut by the page break made one
 * again (an empty cell at the top of the continuation under a cell that
 * reaches the bottom of the page).
 */
export function joinTables(prev: GeoTable, next: GeoTable): GeoTable {
  // A header the continuation repeats: its first rows equal the table's first rows and are not all numbers.
  let skip = 0;
  for (let k = Math.min(4, prev.rowCount, next.rowCount - 1); k >= 1; k--) {
    let same = true;
    for (let r = 0; r < k && same; r++) {
      const a = rowTexts(prev, r).join('|');
      const b = rowTexts(next, r).join('|');
      same = a === b && a.replace(/\|/g, '') !== '' && !rowTexts(prev, r).every((t) => t === '' || looksLikeValue(t));
    }
    if (same) {
      skip = k;
      break;
    }
  }

  // Columns: when every edge of the continuation matches an edge of the table, keep the table's
  // columns; otherwise take the union of both tables' edges and place every cell by its box.
  const tol = edgeTolerance(prev, next);
  const edgeMap = next.xs.map((x) => {
    const j = nearestEdge(prev.xs, x);
    return Math.abs((prev.xs[j] ?? Infinity) - x) <= tol ? j : -1;
  });
  const aligned = edgeMap.every((j, i) => j >= 0 && (i === 0 || j > (edgeMap[i - 1] ?? -1)));
  const xs = aligned ? prev.xs : clusterValues([...prev.xs, ...next.xs], tol);
  const byBox = (cell: GeoCell): { col: number; colSpan: number } => {
    const c0 = nearestEdge(xs, cell.box.x0);
    const c1 = Math.max(c0 + 1, nearestEdge(xs, cell.box.x1));
    return { col: c0, colSpan: c1 - c0 };
  };
  const keep = (cell: GeoCell) => (aligned ? { col: cell.col, colSpan: cell.colSpan } : byBox(cell));
  const remap = (cell: GeoCell): { col: number; colSpan: number } => {
    if (!aligned) return byBox(cell);
    const c0 = edgeMap[cell.col] ?? cell.col;
    const c1 = edgeMap[cell.col + cell.colSpan] ?? c0 + 1;
    return { col: c0, colSpan: Math.max(1, c1 - c0) };
  };

  const cells: GeoCell[] = prev.cells.map((c) => ({ ...c, ...keep(c) }));
  const tops: GeoCell[] = [];
  for (const c of next.cells) {
    const end = c.row + c.rowSpan;
    if (end <= skip) continue;
    // A cell spanning the repeated header and the rows below keeps the part below.
    const row = Math.max(c.row, skip);
    const placed: GeoCell = { ...c, ...remap(c), row: row - skip + prev.rowCount, rowSpan: end - row };
    cells.push(placed);
    if (row === skip && (c.text === '' || startsAtTop(c))) tops.push(placed);
  }
  // Stitch merged cells the page break cut in two: a cell at the top of the continuation, empty or
  // with its text pushed to its top (the rest of a centred text), under a non-empty cell that reaches
  // the bottom of the page, one of them spanning rows.
  const absorbed = new Set<GeoCell>();
  for (const top of tops) {
    const above = cells.find(
      (c) =>
        c.row + c.rowSpan === prev.rowCount &&
        c.col === top.col &&
        c.colSpan === top.colSpan &&
        c.text !== '' &&
        (c.rowSpan > 1 || top.rowSpan > 1),
    );
    if (above) {
      above.rowSpan += top.rowSpan;
      above.text = joinWords(above.text, top.text, true);
      absorbed.add(top);
    }
  }
  const rowCount = prev.rowCount + next.rowCount - skip;
  const kept = cells.filter((c) => !absorbed.has(c));
  return {
    page: prev.page,
    lastPage: next.lastPage,
    box: prev.box,
    lastBox: next.lastBox,
    xs,
    rowCount,
    cells: fillGaps(kept, rowCount, xs.length - 1),
    source: prev.source,
  };
}

/** A cell of several rows whose text sits in its top part (the tail of a text centred in a taller cell). */
function startsAtTop(c: GeoCell): boolean {
  if (!c.textBox || c.rowSpan < 2 || looksLikeValue(c.text)) return false;
  const h = c.box.y1 - c.box.y0;
  return centerY(c.textBox) < c.box.y0 + 0.3 * h;
}

/** After remapping columns, positions no cell covers get an empty cell so every row is complete. */
function fillGaps(cells: GeoCell[], rows: number, cols: number): GeoCell[] {
  const grid = occupancy(cells, rows, cols);
  const out = [...cells];
  grid.forEach((row, r) =>
    row.forEach((c, k) => {
      if (c) return;
      const left = row[k - 1] ?? row.find((x) => x !== null) ?? null;
      const page = left?.page ?? cells[0]?.page ?? 1;
      out.push({ text: '', row: r, col: k, rowSpan: 1, colSpan: 1, page, box: { x0: 0, y0: 0, x1: 0, y1: 0 } });
    }),
  );
  return out;
}

/** The table as a document-model block: every grid position filled, spans resolved. */
export function toTableBlock(table: GeoTable, file: string, block: number): TableBlock {
  const grid = occupancy(table.cells, table.rowCount, table.xs.length - 1);
  const cellOf = new Map<GeoCell, Cell>();
  const rows: Cell[][] = grid.map((row, r) =>
    row.map((g, k) => {
      if (!g) return makeCell('', { file, page: table.page, block, row: r, col: k });
      let anchor = cellOf.get(g);
      if (!anchor) {
        anchor = makeCell(g.text, { file, page: g.page, block, row: g.row, col: g.col }, { rowSpan: g.rowSpan, colSpan: g.colSpan, confidence: g.confidence });
        cellOf.set(g, anchor);
        return anchor;
      }
      return { ...anchor, covered: true };
    }),
  );
  return { kind: 'table', rows, source: { file, page: table.page, block } };
}

/** Assigns pieces to the cells of a grid by their centres and sets each cell's text from its pieces. */
export function fillCells(cells: GeoCell[], pieces: readonly TextPiece[], xs: readonly number[], ys: readonly number[]): void {
  const byCell = new Map<GeoCell, TextPiece[]>();
  const grid = occupancy(cells, ys.length - 1, xs.length - 1);
  const inner = xs.slice(1, -1);
  for (const p of pieces) {
    for (const part of splitAtEdges(p, inner)) {
      const r = intervalOf(ys, centerY(part));
      const k = intervalOf(xs, centerX(part));
      const cell = grid[r]?.[k];
      if (!cell) continue;
      const list = byCell.get(cell) ?? [];
      list.push(part);
      byCell.set(cell, list);
    }
  }
  for (const c of cells) {
    const mine = byCell.get(c) ?? [];
    c.text = cellText(mine);
    if (mine.length > 0) c.textBox = mine.reduce<Box>((b, p) => union(b, p), mine[0]!);
    const read = mine.flatMap((p) => (p.confidence === undefined ? [] : [p.confidence]));
    if (read.length > 0) c.confidence = Math.min(...read);
  }
}
