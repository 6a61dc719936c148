/**
 * Text of vertical fonts (a merged table cell written top to bottom, as WPS
 * exports "三、本年度办理结果"): PDFium gives it as single glyphs stacked one
 * below the other. Each glyph's box is its tight box widened to a square of
 * the font size; glyphs one below the other in one column are one run.
 */
import { apply, boxOf, type Matrix, type TextPiece } from './pdf-geometry.ts';
import type { Glyph } from './pdf-glyphs.ts';

/** Two glyphs are in one column when their centres are closer than this (× size). */
const SAME_COLUMN = 0.5;
/** A glyph continues a run when it starts less than this (× size) below the run's end. */
const NEXT_GLYPH_GAP = 0.6;

function glyphBox(g: Glyph, vt: Matrix): TextPiece & { size: number } {
  const size = g.fontSize * (Math.hypot(g.m[2], g.m[3]) || 1);
  const cx = (g.tight.x0 + g.tight.x1) / 2;
  const top = g.tight.y1;
  const box = boxOf([apply(vt, cx - size / 2, top), apply(vt, cx + size / 2, top - size)]);
  return { ...box, text: g.text, size: box.x1 - box.x0, vertical: true, page: 0 };
}

/** The runs of the page's vertical glyphs, in drawing order. */
export function verticalRuns(glyphs: readonly Glyph[], vt: Matrix, page: number): TextPiece[] {
  const runs: TextPiece[] = [];
  for (const g of glyphs) {
    if (!g.vertical) continue;
    const box = glyphBox(g, vt);
    const r = runs[runs.length - 1];
    const cx = (box.x0 + box.x1) / 2;
    if (r && Math.abs((r.x0 + r.x1) / 2 - cx) < box.size * SAME_COLUMN && box.y0 - r.y1 < box.size * NEXT_GLYPH_GAP && box.y0 > r.y0) {
      runs[runs.length - 1] = { ...r, text: r.text + g.text, y1: Math.max(r.y1, box.y1) };
    } else {
      runs.push({ ...box, page });
    }
  }
  return runs.filter((r) => r.text.trim() !== '');
}
