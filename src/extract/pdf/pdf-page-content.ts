/**
 * Reads what one PDF page prints, in top-down page coordinates (pdf-page-view.ts):
 * its text pieces (PDFium's glyphs joined into runs, pdf-text-runs.ts, and
 * the stacked glyphs of vertical fonts, pdf-vertical-runs.ts), the straight
 * lines it draws and how many images it paints (pdf-page-graphics.ts).
 */
import { apply, boxOf, type Box, type Matrix, type TextPiece } from './pdf-geometry.ts';
import { readGlyphs } from './pdf-glyphs.ts';
import { readGraphics, type Ruling } from './pdf-page-graphics.ts';
import { pageView } from './pdf-page-view.ts';
import { textRuns, type TextRun } from './pdf-text-runs.ts';
import { verticalRuns } from './pdf-vertical-runs.ts';
import type { Pdfium } from './pdfium.ts';

export type { Ruling } from './pdf-page-graphics.ts';

export interface PageContent {
  page: number;
  width: number;
  height: number;
  pieces: TextPiece[];
  rulings: Ruling[];
  images: number;
}

/** Fraction of the font size above the baseline / below it, for text boxes. */
const ASCENT = 0.85;
const DESCENT = 0.15;

/** Box of a horizontal run, from its transform and advance width, in page coordinates. */
function runBox(run: TextRun, vt: Matrix): { box: Box; size: number } {
  const [a, b, c, d, e, f] = run.transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
  const len = Math.hypot(a, b) || 1;
  const dir: [number, number] = [a / len, b / len];
  const up: [number, number] = [c / size, d / size];
  const corners: Array<[number, number]> = [];
  for (const along of [0, run.width]) {
    for (const h of [-DESCENT * size, ASCENT * size]) {
      corners.push(apply(vt, e + dir[0] * along + up[0] * h, f + dir[1] * along + up[1] * h));
    }
  }
  return { box: boxOf(corners), size: size * (Math.hypot(vt[0], vt[1]) || 1) };
}

/** Everything the layout needs from one page (1-based `pageNumber`). Loads and closes the page. */
export function readPage(pdfium: Pdfium, doc: number, pageNumber: number): PageContent {
  const page = pdfium.FPDF_LoadPage(doc, pageNumber - 1);
  if (!page) throw new Error(`page ${pageNumber} cannot be loaded`);
  try {
    const view = pageView(pdfium, page);
    const textPage = pdfium.FPDFText_LoadPage(page);
    const glyphs = textPage ? readGlyphs(pdfium, textPage) : [];
    if (textPage) pdfium.FPDFText_ClosePage(textPage);
    const pieces: TextPiece[] = [];
    for (const run of textRuns(glyphs, view.viewBox)) {
      if (run.str.trim() === '') continue;
      const { box, size } = runBox(run, view.transform);
      // Fields written out, not spread: a spread followed by more fields takes V8's slow path (PDF extraction ~15% slower).
      pieces.push({ x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1, text: run.str, size, vertical: false, page: pageNumber });
    }
    pieces.push(...verticalRuns(glyphs, view.transform, pageNumber));
    const graphics = readGraphics(pdfium, page, view.transform);
    return { page: pageNumber, width: view.width, height: view.height, pieces, ...graphics };
  } finally {
    pdfium.FPDF_ClosePage(page);
  }
}
