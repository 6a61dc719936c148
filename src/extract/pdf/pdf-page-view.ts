/**
 * How a page is viewed: its visible box (the crop box within the media box,
 * which need not start at 0,0) turned by its /Rotate, mapped to top-down
 * coordinates with the origin at the top-left corner of the page as shown.
 * The same transform pdfjs's viewport uses at scale 1, so boxes keep the
 * values the layout's tolerances were written for.
 */
import type { Matrix } from './pdf-geometry.ts';
import { withScratch, type Pdfium } from './pdfium.ts';

export interface PageView {
  /** PDF user space -> top-down page coordinates. */
  transform: Matrix;
  width: number;
  height: number;
  /** The visible box in user space: [x0, y0, x1, y1]. */
  viewBox: readonly [number, number, number, number];
}

type Rect = readonly [number, number, number, number];

function boxOf(pdfium: Pdfium, page: number, get: 'FPDFPage_GetCropBox' | 'FPDFPage_GetMediaBox'): Rect | null {
  return withScratch(pdfium, 4, (s) => {
    if (!pdfium[get](page, s.at(0), s.at(1), s.at(2), s.at(3))) return null;
    const [l, b, r, t] = [s.f32(0), s.f32(2), s.f32(4), s.f32(6)];
    return [Math.min(l, r), Math.min(b, t), Math.max(l, r), Math.max(b, t)];
  });
}

function intersect(a: Rect, b: Rect): Rect | null {
  const r: [number, number, number, number] = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return r[0] < r[2] && r[1] < r[3] ? r : null;
}

/** The visible box: the crop box clipped to the media box (US Letter when a page states neither). */
function viewBoxOf(pdfium: Pdfium, page: number): Rect {
  const media = boxOf(pdfium, page, 'FPDFPage_GetMediaBox') ?? [0, 0, 612, 792];
  const crop = boxOf(pdfium, page, 'FPDFPage_GetCropBox');
  return (crop && intersect(crop, media)) ?? media;
}

/** The viewing transform of a box turned by `rotation` degrees (0, 90, 180, 270). */
export function viewOf(viewBox: Rect, rotation: number): PageView {
  const [x0, y0, x1, y1] = viewBox;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  // Rotation, then the flip to top-down y.
  const [a, b, c, d] = rotation === 90 ? [0, 1, 1, 0] : rotation === 180 ? [-1, 0, 0, 1] : rotation === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1];
  const turned = a === 0;
  const offX = turned ? Math.abs(cy - y0) : Math.abs(cx - x0);
  const offY = turned ? Math.abs(cx - x0) : Math.abs(cy - y0);
  return {
    transform: [a, b, c, d, offX - a * cx - c * cy, offY - b * cx - d * cy],
    width: turned ? y1 - y0 : x1 - x0,
    height: turned ? x1 - x0 : y1 - y0,
    viewBox,
  };
}

/** The view of a loaded page. */
export function pageView(pdfium: Pdfium, page: number): PageView {
  const quarterTurns = ((pdfium.FPDFPage_GetRotation(page) % 4) + 4) % 4;
  return viewOf(viewBoxOf(pdfium, page), quarterTurns * 90);
}
