/**
 * Geometry shared by the PDF reader: boxes in top-down page coordinates
 * (origin at the page's top-left corner, y growing downwards, in points),
 * affine matrices, positioned text pieces, and joining the pieces of one
 * printed line into a string. Knows nothing of any report template.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A run of text as printed, with its box on the page. */
export interface TextPiece extends Box {
  text: string;
  /** Font size in points (glyph height). */
  size: number;
  /** Written top to bottom (a vertical font). */
  vertical: boolean;
  /** 1-based page number. */
  page: number;
  /** Text read by OCR: the engine's confidence in it, 0 to 1 (absent for a PDF's own text). */
  confidence?: number;
}

/** PDF affine matrix [a b c d e f]. */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 then m2: the matrix that applies m1 first, then m2 (PDF order: m1 × m2). */
export function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  const [a1 = 1, b1 = 0, c1 = 0, d1 = 1, e1 = 0, f1 = 0] = m1;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = m2;
  return [a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2, e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2];
}

export function apply(m: readonly number[], x: number, y: number): [number, number] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  return [a * x + c * y + e, b * x + d * y + f];
}

/** Bounding box of points. */
export function boxOf(points: ReadonlyArray<readonly [number, number]>): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return { x0, y0, x1, y1 };
}

export function union(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

export function centerX(b: Pick<Box, 'x0' | 'x1'>): number {
  return (b.x0 + b.x1) / 2;
}

export function centerY(b: Pick<Box, 'y0' | 'y1'>): number {
  return (b.y0 + b.y1) / 2;
}

/** Length of the overlap of two intervals (0 when apart). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** CJK ideographs, kana, and full-width punctuation: scripts written without spaces between words. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019\u2014\u2026]/u;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/**
 * Joins two texts that follow each other in reading order. CJK text wraps and
 * is justified without spaces, so a line break or a gap between two CJK
 * characters adds nothing; anything else gets one space.
 */
export function joinWords(left: string, right: string, spaced: boolean): string {
  if (left === '') return right;
  if (right === '') return left;
  if (!spaced) return left + right;
  const a = left[left.length - 1];
  const b = right[0];
  if (isCjk(a) || isCjk(b)) return left + right;
  return `${left} ${right}`;
}

const CJK_GAP = /([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d])[ \u00a0\u3000]+(?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d])/gu;

/** Drops the spaces letter-spacing leaves between CJK characters ("商 业" is 商业). */
function squeezeCjk(text: string): string {
  return text.replace(CJK_GAP, '$1');
}

/**
 * The pieces of one line, left to right, as text. A gap wider than a quarter
 * of the font size between two Latin words or numbers becomes a space.
 */
export function lineText(pieces: readonly TextPiece[]): string {
  const sorted = [...pieces].sort((p, q) => p.x0 - q.x0);
  let text = '';
  let prev: TextPiece | null = null;
  for (const p of sorted) {
    const t = squeezeCjk(p.text.trim());
    if (t === '') continue;
    if (prev === null) text = t;
    else {
      const gap = p.x0 - prev.x1;
      text = joinWords(text, t, gap > 0.25 * Math.min(p.size, prev.size));
    }
    prev = p;
  }
  return text;
}

/**
 * Lines of a set of pieces joined top to bottom (the text of a cell or a
 * paragraph). Digits at the end of one line and the start of the next are one
 * number wrapped in a narrow cell ("70" over "5" is 705), joined with no space.
 */
export function blockText(lines: readonly string[]): string {
  let text = '';
  for (const l of lines) text = joinWords(text, l, !(/\d$/u.test(text) && /^\d/u.test(l)));
  return text;
}
