/**
 * The cells a page's table rulings enclose, as boxes in image pixels: the
 * rulings are drawn into a coarse mask and every region of it closed on all
 * sides (not reaching the page's edge) is one cell, whatever rows and
 * columns it spans. A ruling broken by the scan is drawn a little longer at
 * both ends so its gap does not join two cells.
 */
import type { Ruling } from '../pdf/pdf-page-content.ts';

/** A cell's box in image pixels, inside its rulings. */
export interface CellBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Side of one mask square, in points (fine enough for the narrowest column, coarse enough to be fast). */
const MASK_PT = 1;
/** A ruling is drawn this much longer at each end, in points, closing the gap where a scan lost its corner. */
const EXTEND_PT = 2;
/** A region narrower or lower than this, in points, is the gap between a double line, not a cell. */
const MIN_CELL_PT = 6;

export function ruledCells(rulings: readonly Ruling[], width: number, height: number, dpi: number): CellBox[] {
  const px = dpi / 72;
  const sq = MASK_PT * px;
  const mw = Math.ceil(width / sq);
  const mh = Math.ceil(height / sq);
  // 0 open, 1 ruling, 2.. the label of a region.
  const mask = new Int32Array(mw * mh);
  const cell = (v: number, n: number) => Math.max(0, Math.min(n - 1, Math.floor((v * px) / sq)));
  for (const r of rulings) {
    const at = r.horizontal ? cell(r.pos, mh) : cell(r.pos, mw);
    const n = r.horizontal ? mw : mh;
    const from = cell(r.from - EXTEND_PT, n);
    const to = cell(r.to + EXTEND_PT, n);
    for (let i = from; i <= to; i++) mask[r.horizontal ? at * mw + i : i * mw + at] = 1;
  }
  const cells: CellBox[] = [];
  const stack: number[] = [];
  let label = 2;
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 0) continue;
    let [x0, y0, x1, y1] = [mw, mh, -1, -1];
    let edge = false;
    mask[start] = label;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % mw;
      const y = (i - x) / mw;
      if (x === 0 || y === 0 || x === mw - 1 || y === mh - 1) edge = true;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
      for (const j of [x > 0 ? i - 1 : -1, x < mw - 1 ? i + 1 : -1, y > 0 ? i - mw : -1, y < mh - 1 ? i + mw : -1]) {
        if (j >= 0 && mask[j] === 0) {
          mask[j] = label;
          stack.push(j);
        }
      }
    }
    label++;
    const box = { x0: Math.round(x0 * sq), y0: Math.round(y0 * sq), x1: Math.round((x1 + 1) * sq), y1: Math.round((y1 + 1) * sq) };
    if (!edge && box.x1 - box.x0 >= MIN_CELL_PT * px && box.y1 - box.y0 >= MIN_CELL_PT * px) cells.push(box);
  }
  return cells;
}
