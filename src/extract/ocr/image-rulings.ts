/**
 * Table rulings found in a page image: long horizontal and vertical runs of
 * dark pixels (the strokes a printed table's borders leave), after the page
 * is turned straight. A scan is seldom fed square: the turn is measured from
 * the dark pixels themselves (the angle at which the rows of ink line up
 * best) and undone before anything is measured.
 */
import type { Ruling } from '../pdf/pdf-page-content.ts';
import type { GreyImage } from './grey-image.ts';

/** A pixel darker than this (0 black .. 255 white) is ink of a ruling: a 0.5 pt line scanned at 200 dpi and rendered at 300 is no darker than 180 at its edges. */
export const INK_LEVEL = 180;
/** Largest page turn looked for, in degrees; a sheet turned further is not a scan to trust. */
const MAX_SKEW_DEG = 2;
/** Step of the turn search, in degrees (0.05° moves the far end of a 17 cm line by 0.15 mm). */
const SKEW_STEP_DEG = 0.05;
/** Shortest ruling, in page units (points): longer than any stroke of a 10.5 pt character, shorter than a table row. */
const MIN_RULING_PT = 13;
/** A gap in a ruling this long or shorter (pixels) is noise or a JPEG artefact, not the line's end. */
const RUN_GAP_PX = 2;
/** Rows (columns) of one stroke may miss this many pixels between them (JPEG noise), in pixels. */
const STROKE_GAP_PX = 1;
/** Pixels painted out beyond a ruling's edge (half its mean thickness from its middle), for the blur a scan leaves around it. */
const STROKE_PX = 2;
/** Thickest ruling, in points: a table's lines are drawn 0.5-1 pt; a thicker stroke is part of a large character (a title's). */
const MAX_RULING_THICK_PT = 1.6;
/** A table has at least one line this long (its top or bottom border), in points; strokes of characters chained along a line of text stay shorter. */
const LONG_RULING_PT = 108;
/** Strokes that meet or cross within this distance, in points, are lines of one grid. */
const MEET_PT = 1.5;
/** Every n-th ink pixel is used to measure the turn: plenty for a page, and fast. */
const SKEW_SAMPLE = 3;

/**
 * A pixel darker than this is text in the image handed to the engine: lighter
 * than INK_LEVEL, so the thin grey strokes of a scanned light or small font
 * stay whole, and darker than the scanner's background speckle (above 215).
 */
export const TEXT_INK_LEVEL = 200;

const isInk = (v: number): boolean => v < INK_LEVEL;

/** The turn, in degrees, that straighten() must give the page so its rows of ink line up best. */
export function measureSkew(img: GreyImage): number {
  const xs: number[] = [];
  const ys: number[] = [];
  let n = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (isInk(img.data[y * img.width + x]!) && n++ % SKEW_SAMPLE === 0) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  let best = 0;
  let bestScore = -1;
  const bins = new Int32Array(img.height + 2 * Math.ceil(img.width * Math.tan((MAX_SKEW_DEG * Math.PI) / 180)) + 2);
  const offset = (bins.length - img.height) / 2;
  for (let k = -MAX_SKEW_DEG / SKEW_STEP_DEG; k <= MAX_SKEW_DEG / SKEW_STEP_DEG; k++) {
    const deg = Math.round(k) * SKEW_STEP_DEG;
    const t = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < xs.length; i++) bins[Math.round(ys[i]! - xs[i]! * t + offset)]!++;
    let score = 0;
    for (const b of bins) score += b * b;
    // Ties go to the smaller turn, so a square page stays as it is.
    if (score > bestScore || (score === bestScore && Math.abs(deg) < Math.abs(best))) {
      best = deg;
      bestScore = score;
    }
  }
  return best;
}

/** The image turned by `-deg` about its centre (nearest pixel), white where nothing falls. */
export function straighten(img: GreyImage, deg: number): GreyImage {
  if (deg === 0) return img;
  const a = (deg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = img.width / 2;
  const cy = img.height / 2;
  const data = new Uint8Array(img.width * img.height).fill(255);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      // The source of a straightened pixel lies turned by +deg.
      const sx = Math.round(cos * (x - cx) - sin * (y - cy) + cx);
      const sy = Math.round(sin * (x - cx) + cos * (y - cy) + cy);
      if (sx >= 0 && sy >= 0 && sx < img.width && sy < img.height) data[y * img.width + x] = img.data[sy * img.width + sx]!;
    }
  }
  return { ...img, data };
}

export interface Run {
  /** Row (horizontal) or column (vertical) index. */
  at: number;
  from: number;
  to: number;
  /** A stroke's mean thickness, in pixels (a run's is 1). */
  thick?: number;
}

/** Runs of ink at least `min` long along each row (horizontal) or column. */
function inkRuns(img: GreyImage, horizontal: boolean, min: number): Run[] {
  const lines = horizontal ? img.height : img.width;
  const length = horizontal ? img.width : img.height;
  const pixel = horizontal ? (l: number, i: number) => img.data[l * img.width + i]! : (l: number, i: number) => img.data[i * img.width + l]!;
  const runs: Run[] = [];
  for (let l = 0; l < lines; l++) {
    let start = -1;
    let last = -1;
    for (let i = 0; i <= length; i++) {
      const ink = i < length && isInk(pixel(l, i));
      if (ink) {
        if (start < 0) start = i;
        last = i;
      } else if (start >= 0 && i - last > RUN_GAP_PX) {
        if (last - start + 1 >= min) runs.push({ at: l, from: start, to: last });
        start = -1;
      }
    }
  }
  return runs;
}

/**
 * Runs on neighbouring rows that overlap or continue each other are one stroke. A stroke is kept
 * when its ink, spread over its length, is no thicker than `maxThick` (the
 * mean, not the extent: a ruling that the bottom strokes of a line of text
 * touch stays a ruling), as its ink-weighted middle row and full extent.
 */
function strokes(runs: readonly Run[], maxThick: number): Run[] {
  interface Stroke {
    last: number;
    from: number;
    to: number;
    /** Ink pixels, and the sum of their rows (for the middle). */
    ink: number;
    rows: number;
  }
  const all: Stroke[] = [];
  let open: Stroke[] = [];
  let row = -1;
  for (const r of runs) {
    // Runs come row by row: strokes that ended more than a gap above are closed.
    if (r.at !== row) open = open.filter((s) => r.at - s.last <= STROKE_GAP_PX + 1);
    row = r.at;
    // A run that continues where a stroke's last run ended (a line that steps one pixel over) is the same stroke;
    // a run that touches two strokes (a line broken differently in two columns) joins them.
    const hits = open.filter((s) => r.from <= s.to + RUN_GAP_PX + 1 && r.to >= s.from - RUN_GAP_PX - 1);
    const len = r.to - r.from + 1;
    const s = hits[0] ?? { last: r.at, from: r.from, to: r.to, ink: 0, rows: 0 };
    if (hits.length === 0) {
      open.push(s);
      all.push(s);
    }
    for (const o of hits.slice(1)) {
      s.from = Math.min(s.from, o.from);
      s.to = Math.max(s.to, o.to);
      s.ink += o.ink;
      s.rows += o.rows;
      open.splice(open.indexOf(o), 1);
      all.splice(all.indexOf(o), 1);
    }
    s.last = r.at;
    s.from = Math.min(s.from, r.from);
    s.to = Math.max(s.to, r.to);
    s.ink += len;
    s.rows += r.at * len;
  }
  return all
    .filter((s) => s.ink / (s.to - s.from + 1) <= maxThick)
    .map((s) => ({ at: s.rows / s.ink, from: s.from, to: s.to, thick: s.ink / (s.to - s.from + 1) }))
    .sort((a, b) => a.at - b.at || a.from - b.from);
}

/**
 * The strokes that belong to a table: those joined (by meeting or crossing)
 * into a grid with at least one long line. Horizontal and vertical strokes
 * of characters (a title's, or a run of body text whose strokes touch) are
 * short and meet only each other, so they are left as text.
 */
export function tableStrokes(h: readonly Run[], v: readonly Run[], long: number, meet: number): { h: Run[]; v: Run[] } {
  const parent = [...h, ...v].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const [i, a] of h.entries()) {
    for (const [j, b] of v.entries()) {
      if (b.at >= a.from - meet && b.at <= a.to + meet && a.at >= b.from - meet && a.at <= b.to + meet) parent[find(i)] = find(h.length + j);
    }
  }
  const grids = new Set([...h, ...v].flatMap((s, i) => (s.to - s.from >= long ? [find(i)] : [])));
  return { h: h.filter((_, i) => grids.has(find(i))), v: v.filter((_, j) => grids.has(find(h.length + j))) };
}

export interface ImageRulings {
  /** Rulings in page units (points, top-down), as a PDF's drawn lines are given. */
  rulings: Ruling[];
  /** The image in black and white with the rulings painted out, for the OCR engine (table lines and grey noise confuse it). */
  text: GreyImage;
}

export function findRulings(img: GreyImage): ImageRulings {
  const min = Math.round((MIN_RULING_PT * img.dpi) / 72);
  const thick = Math.max(2, Math.round((MAX_RULING_THICK_PT * img.dpi) / 72));
  const { h, v } = tableStrokes(strokes(inkRuns(img, true, min), thick), strokes(inkRuns(img, false, min), thick), (LONG_RULING_PT * img.dpi) / 72, (MEET_PT * img.dpi) / 72);
  const pt = 72 / img.dpi;
  const data = img.data.map((v) => (v < TEXT_INK_LEVEL ? 0 : 255));
  const paint = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = Math.max(0, y0); y <= Math.min(img.height - 1, y1); y++) data.fill(255, y * img.width + Math.max(0, x0), y * img.width + Math.min(img.width, x1 + 1));
  };
  const half = (s: Run) => (s.thick ?? 1) / 2 + STROKE_PX;
  for (const s of h) paint(s.from, Math.floor(s.at - half(s)), s.to, Math.ceil(s.at + half(s)));
  for (const s of v) paint(Math.floor(s.at - half(s)), s.from, Math.ceil(s.at + half(s)), s.to);
  return {
    rulings: [
      ...h.map((s) => ({ horizontal: true, pos: s.at * pt, from: s.from * pt, to: s.to * pt })),
      ...v.map((s) => ({ horizontal: false, pos: s.at * pt, from: s.from * pt, to: s.to * pt })),
    ],
    text: { ...img, data },
  };
}
