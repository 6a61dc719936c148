/**
 * Tables from drawn rulings: the lines a PDF draws around table cells are the
 * most reliable cell boundaries. Lines that touch form one table; their
 * positions give the column and row edges; where a line between two grid
 * positions is missing, the positions belong to one merged cell. Text pieces
 * then go to the cell holding their centre.
 */
import type { Box, TextPiece } from './pdf-geometry.ts';
import type { Ruling } from './pdf-page-content.ts';
import { clusterValues, fillCells, type GeoCell, type GeoTable } from './pdf-table-model.ts';

/** Lines closer than this (points) are one line; a gap this small in a line is no gap. */
const SNAP = 2;
/** How far a line may miss another and still be taken to touch it. */
const TOUCH = 3;
/** Edges closer than this are one edge (WPS draws cell backgrounds 2pt off the lines). */
const EDGE_TOL = 3;

/** Merges collinear, overlapping or nearly touching rulings. */
function mergeRulings(rulings: readonly Ruling[]): Ruling[] {
  const out: Ruling[] = [];
  for (const horizontal of [true, false]) {
    const lines = rulings.filter((r) => r.horizontal === horizontal).sort((a, b) => a.pos - b.pos || a.from - b.from);
    const groups: Ruling[][] = [];
    for (const r of lines) {
      const g = groups[groups.length - 1];
      if (g && r.pos - (g[0]?.pos ?? r.pos) <= SNAP) g.push(r);
      else groups.push([r]);
    }
    for (const g of groups) {
      const pos = g.reduce((s, r) => s + r.pos, 0) / g.length;
      const spans = [...g].sort((a, b) => a.from - b.from);
      let cur: Ruling | null = null;
      for (const s of spans) {
        if (cur && s.from <= cur.to + SNAP) cur.to = Math.max(cur.to, s.to);
        else {
          if (cur) out.push(cur);
          cur = { horizontal, pos, from: s.from, to: s.to };
        }
      }
      if (cur) out.push(cur);
    }
  }
  return out;
}

function touches(h: Ruling, v: Ruling): boolean {
  return v.pos >= h.from - TOUCH && v.pos <= h.to + TOUCH && h.pos >= v.from - TOUCH && h.pos <= v.to + TOUCH;
}

/** Groups of rulings that touch each other (union-find). */
function components(lines: readonly Ruling[]): Ruling[][] {
  const parent = lines.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const hs = lines.map((l, i) => [l, i] as const).filter(([l]) => l.horizontal);
  const vs = lines.map((l, i) => [l, i] as const).filter(([l]) => !l.horizontal);
  for (const [h, i] of hs) for (const [v, j] of vs) if (touches(h, v)) parent[find(i)] = find(j);
  const groups = new Map<number, Ruling[]>();
  lines.forEach((l, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), l]);
  });
  return [...groups.values()];
}

/** Whether some line at `pos` (±EDGE_TOL) covers most of [a, b]. */
function covered(lines: readonly Ruling[], pos: number, a: number, b: number): boolean {
  const need = 0.5 * (b - a);
  return lines.some((l) => Math.abs(l.pos - pos) <= EDGE_TOL && Math.min(l.to, b) - Math.max(l.from, a) >= need);
}

export interface LatticeResult {
  tables: GeoTable[];
  /** Pieces not inside any table. */
  rest: TextPiece[];
}

/** One table from one group of touching rulings, or null when the group is not a grid. */
function gridOf(group: readonly Ruling[], page: number): { cells: GeoCell[]; xs: number[]; ys: number[] } | null {
  const hs = group.filter((l) => l.horizontal);
  const vs = group.filter((l) => !l.horizontal);
  if (hs.length < 2 || vs.length < 2) return null;
  // Edges: the lines, plus the ends of the other direction's lines (tables open at the sides).
  const xs = clusterValues([...vs.map((v) => v.pos), Math.min(...hs.map((h) => h.from)), Math.max(...hs.map((h) => h.to))], EDGE_TOL);
  const ys = clusterValues([...hs.map((h) => h.pos), Math.min(...vs.map((v) => v.from)), Math.max(...vs.map((v) => v.to))], EDGE_TOL);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1) return null;

  // Union grid positions not separated by a drawn line.
  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const join = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [x0, x1, y0, y1] = [xs[c]!, xs[c + 1]!, ys[r]!, ys[r + 1]!];
      if (c + 1 < cols && !covered(vs, x1, y0, y1)) join(id(r, c), id(r, c + 1));
      if (r + 1 < rows && !covered(hs, y1, x0, x1)) join(id(r, c), id(r + 1, c));
    }
  }
  const spans = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(id(r, c));
      const s = spans.get(root);
      if (!s) spans.set(root, { r0: r, c0: c, r1: r, c1: c });
      else {
        s.r0 = Math.min(s.r0, r);
        s.c0 = Math.min(s.c0, c);
        s.r1 = Math.max(s.r1, r);
        s.c1 = Math.max(s.c1, c);
      }
    }
  }
  // Merged regions that are not rectangles (a missing line) are taken as their bounding rectangle;
  // positions claimed twice go to the first cell that claims them.
  const taken = new Set<number>();
  const cells: GeoCell[] = [];
  for (const s of [...spans.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)) {
    if (taken.has(id(s.r0, s.c0))) continue;
    let { r1, c1 } = s;
    for (let r = s.r0; r <= r1; r++) for (let c = s.c0; c <= c1; c++) if (taken.has(id(r, c))) c1 = Math.min(c1, c - 1);
    c1 = Math.max(c1, s.c0);
    for (let r = s.r0; r <= r1; r++) {
      for (let c = s.c0; c <= c1; c++) {
        if (taken.has(id(r, c))) {
          r1 = r - 1;
          break;
        }
      }
    }
    r1 = Math.max(r1, s.r0);
    for (let r = s.r0; r <= r1; r++) for (let c = s.c0; c <= c1; c++) taken.add(id(r, c));
    const box: Box = { x0: xs[s.c0]!, x1: xs[c1 + 1]!, y0: ys[s.r0]!, y1: ys[r1 + 1]! };
    cells.push({ text: '', row: s.r0, col: s.c0, rowSpan: r1 - s.r0 + 1, colSpan: c1 - s.c0 + 1, page, box });
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (taken.has(id(r, c))) continue;
      taken.add(id(r, c));
      cells.push({ text: '', row: r, col: c, rowSpan: 1, colSpan: 1, page, box: { x0: xs[c]!, x1: xs[c + 1]!, y0: ys[r]!, y1: ys[r + 1]! } });
    }
  }
  return { cells, xs, ys };
}

function area(g: { xs: number[]; ys: number[] }): number {
  return ((g.xs[g.xs.length - 1] ?? 0) - (g.xs[0] ?? 0)) * ((g.ys[g.ys.length - 1] ?? 0) - (g.ys[0] ?? 0));
}

/**
 * Finds the ruled tables of a page (grids of two columns or more) and fills
 * them with the page's text. Tables come back top to bottom.
 */
export function latticeTables(rulings: readonly Ruling[], pieces: readonly TextPiece[], page: number): LatticeResult {
  const lines = mergeRulings(rulings);
  const tables: GeoTable[] = [];
  let rest = [...pieces];
  const grids = components(lines)
    .map((g) => gridOf(g, page))
    .filter((g): g is NonNullable<typeof g> => g !== null)
    // A box of one column is a frame (round a page, a note, a signature), not a table: its text flows on.
    .filter((g) => g.xs.length > 2)
    // Inner tables first, so a table drawn inside a larger grid keeps its own text.
    .sort((a, b) => area(a) - area(b));
  for (const grid of grids) {
    const { xs, ys, cells } = grid;
    const box: Box = { x0: xs[0]!, x1: xs[xs.length - 1]!, y0: ys[0]!, y1: ys[ys.length - 1]! };
    const inside = (p: TextPiece) => {
      const cx = (p.x0 + p.x1) / 2;
      const cy = (p.y0 + p.y1) / 2;
      return cx >= box.x0 && cx <= box.x1 && cy >= box.y0 && cy <= box.y1;
    };
    const mine = rest.filter(inside);
    // An empty ruled box (a frame, a signature line) is not a table.
    if (mine.length === 0) continue;
    rest = rest.filter((p) => !inside(p));
    fillCells(cells, mine, xs, ys);
    tables.push({ page, lastPage: page, box, lastBox: box, xs, rowCount: ys.length - 1, cells, source: 'rulings' });
  }
  return { tables: tables.sort((a, b) => a.box.y0 - b.box.y0), rest };
}
