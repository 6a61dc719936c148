/**
 * What a page draws besides text, from PDFium's page objects: the straight
 * lines that may be table rulings (stroked path segments, and filled
 * rectangles thin enough to be lines) and how many images it paints (to tell
 * scans). Form XObjects are walked into, their matrices applied.
 */
import { apply, boxOf, multiply, type Matrix } from './pdf-geometry.ts';
import { hotFunctions, withScratch, type HotFunctions, type Pdfium, type Scratch } from './pdfium.ts';

/** A straight horizontal or vertical line drawn on the page. */
export interface Ruling {
  horizontal: boolean;
  /** y of a horizontal line, x of a vertical one. */
  pos: number;
  /** Start and end along the line (x for horizontal, y for vertical), from < to. */
  from: number;
  to: number;
}

export interface PageGraphics {
  rulings: Ruling[];
  images: number;
}

/** A filled rectangle thinner than this is a drawn line, not a cell background. */
const THIN_FILL = 2.5;
/** Shortest segment kept as a ruling. */
const MIN_RULING = 2;
/** A segment whose ends differ by less than this across its length is straight (horizontal or vertical). */
const STRAIGHT = 0.5;

/** FPDF_PAGEOBJ_* and FPDF_SEGMENT_* (fpdf_edit.h). */
const OBJ_PATH = 2;
const OBJ_IMAGE = 3;
const OBJ_FORM = 5;
const SEG_BEZIER = 1;
const SEG_MOVETO = 2;

interface Subpath {
  points: Array<[number, number]>;
  closed: boolean;
  curved: boolean;
}

/** A path object's subpaths in its own coordinates (curves reduced to their end points, flagged). */
function subpaths(hot: HotFunctions, obj: number, s: Scratch): Subpath[] {
  const out: Subpath[] = [];
  let cur: Subpath | null = null;
  const n = hot.FPDFPath_CountSegments(obj);
  for (let i = 0; i < n; i++) {
    const seg = hot.FPDFPath_GetPathSegment(obj, i);
    if (!seg || !hot.FPDFPathSegment_GetPoint(seg, s.at(0), s.at(1))) continue;
    const point: [number, number] = [s.f32(0), s.f32(2)];
    const type = hot.FPDFPathSegment_GetType(seg);
    if (type === SEG_MOVETO || !cur) {
      cur = { points: [point], closed: false, curved: false };
      out.push(cur);
    } else if (type === SEG_BEZIER) {
      cur.curved = true;
      cur.points.push(point);
    } else {
      cur.points.push(point);
    }
    if (hot.FPDFPathSegment_GetClose(seg)) cur.closed = true;
  }
  return out;
}

function objectMatrix(hot: HotFunctions, obj: number, s: Scratch): Matrix {
  if (!hot.FPDFPageObj_GetMatrix(obj, s.at(0))) return [1, 0, 0, 1, 0, 0];
  return [s.f32(0), s.f32(1), s.f32(2), s.f32(3), s.f32(4), s.f32(5)];
}

function isWhiteFill(hot: HotFunctions, obj: number, s: Scratch): boolean {
  if (!hot.FPDFPageObj_GetFillColor(obj, s.at(0), s.at(1), s.at(2), s.at(3))) return false;
  return s.i32(0) === 255 && s.i32(1) === 255 && s.i32(2) === 255;
}

/** The rulings one path object draws, in page coordinates. */
function pathRulings(hot: HotFunctions, obj: number, toPage: (x: number, y: number) => [number, number], s: Scratch): Ruling[] {
  if (!hot.FPDFPath_GetDrawMode(obj, s.at(0), s.at(1))) return [];
  const filled = s.i32(0) !== 0;
  const stroked = s.i32(1) !== 0;
  if (!filled && !stroked) return [];
  // White is the paper: WPS fills 2pt-wide white "cells" that are no lines.
  const whiteFill = filled && isWhiteFill(hot, obj, s);
  const rulings: Ruling[] = [];
  const addSegment = (a: [number, number], b: [number, number]) => {
    const [x0, y0] = toPage(...a);
    const [x1, y1] = toPage(...b);
    if (Math.abs(y1 - y0) < STRAIGHT && Math.abs(x1 - x0) >= MIN_RULING) {
      rulings.push({ horizontal: true, pos: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    } else if (Math.abs(x1 - x0) < STRAIGHT && Math.abs(y1 - y0) >= MIN_RULING) {
      rulings.push({ horizontal: false, pos: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
    }
  };
  for (const sp of subpaths(hot, obj, s)) {
    if (sp.curved) continue;
    if (stroked) {
      const pts = sp.closed ? [...sp.points, sp.points[0]!] : sp.points;
      for (let k = 1; k < pts.length; k++) addSegment(pts[k - 1]!, pts[k]!);
    }
    // A filled rectangle that thin is a line; a wider one is a background, not a ruling.
    const rect = sp.points.length >= 4 && sp.points.length <= 5;
    if (!filled || !rect || whiteFill) continue;
    const box = boxOf(sp.points.map(([x, y]) => toPage(x, y)));
    const w = box.x1 - box.x0;
    const h = box.y1 - box.y0;
    if (h <= THIN_FILL && w >= MIN_RULING) rulings.push({ horizontal: true, pos: (box.y0 + box.y1) / 2, from: box.x0, to: box.x1 });
    else if (w <= THIN_FILL && h >= MIN_RULING) rulings.push({ horizontal: false, pos: (box.x0 + box.x1) / 2, from: box.y0, to: box.y1 });
  }
  return rulings;
}

/** Rulings and images of the page. `vt` maps user space to top-down page coordinates. */
export function readGraphics(pdfium: Pdfium, page: number, vt: Matrix): PageGraphics {
  const rulings: Ruling[] = [];
  let images = 0;
  const hot = hotFunctions(pdfium);
  withScratch(pdfium, 8, (s) => {
    const walk = (count: number, objectAt: (i: number) => number, outer: Matrix) => {
      for (let i = 0; i < count; i++) {
        const obj = objectAt(i);
        if (!obj) continue;
        const type = hot.FPDFPageObj_GetType(obj);
        if (type === OBJ_IMAGE) images++;
        else if (type === OBJ_PATH) {
          const m = multiply(objectMatrix(hot, obj, s), outer);
          rulings.push(...pathRulings(hot, obj, (x, y) => apply(vt, ...apply(m, x, y)), s));
        } else if (type === OBJ_FORM) {
          const m = multiply(objectMatrix(hot, obj, s), outer);
          walk(hot.FPDFFormObj_CountObjects(obj), (k) => hot.FPDFFormObj_GetObject(obj, k), m);
        }
      }
    };
    walk(hot.FPDFPage_CountObjects(page), (i) => hot.FPDFPage_GetObject(page, i), [1, 0, 0, 1, 0, 0]);
  });
  return { rulings, images };
}
