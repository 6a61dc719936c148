/**
 * The glyphs PDFium's text page holds for one page, in the order the page
 * draws them, in PDF user space. Characters PDFium makes up (the spaces and
 * line breaks it adds between words and lines) are left out: the layout
 * finds its own.
 *
 * Two PDFium quirks are handled here. The font size it reports is the raw
 * `Tf` operand, so a glyph's size on the page is that times the scale of
 * its text matrix. A glyph of a vertical font (a merged cell written top to
 * bottom) comes with no writing-mode flag; PDFium places its origin half a
 * glyph left of and most of a glyph below the text position (the vertical
 * origin), where a horizontal glyph's origin is on the text's baseline:
 * that is how it is told. Only its tight box (the outline's own box) is
 * right.
 */
import type { Box } from './pdf-geometry.ts';
import { hotFunctions, withScratch, type Pdfium } from './pdfium.ts';

export interface Glyph {
  text: string;
  /** The glyph's origin (on the baseline, for horizontal text). */
  x: number;
  y: number;
  /** Text matrix times CTM, without the font size: a, b, c, d. */
  m: readonly [number, number, number, number];
  /** The `Tf` operand. */
  fontSize: number;
  /** Advance along the baseline in text space (font size applied, matrix not). */
  advance: number;
  /** Identifies the font and size in force: a change of either ends a run of text. */
  font: string;
  vertical: boolean;
  whitespace: boolean;
  /** The outline's box, in user space (y up). */
  tight: Box;
}

/**
 * A glyph whose origin sits more than this (× font size) left of and below
 * its text position is set vertically (PDFium puts a vertical glyph's origin
 * half an em left and 0.88 em below; a horizontal glyph's lies on the
 * baseline, to the right).
 */
const VERTICAL_OFFSET = 0.25;

/** The origin in the text's own axes, in units of the font size, from the text position. */
function textSpaceOffset(x: number, y: number, m: readonly number[], fontSize: number): [number, number] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  const det = a * d - b * c || 1;
  const dx = x - e;
  const dy = y - f;
  return [(d * dx - c * dy) / det / (fontSize || 1), (a * dy - b * dx) / det / (fontSize || 1)];
}

const WHITESPACE = /^\s$/u;

/** Text whose matrix keeps at least this share of its scale along x reads its advance off the loose box. */
const UPRIGHT = 0.5;

/** A glyph's advance in text space from its font's widths (the font looked up by Unicode). */
function glyphWidth(pdfium: Pdfium, font: number, code: number, fontSize: number, out: number): number {
  const hot = hotFunctions(pdfium);
  if (!font || !hot.FPDFFont_GetGlyphWidth(font, code, fontSize, out)) return 0;
  return pdfium.pdfium.HEAPF32[out >> 2]!;
}

/** Every drawn glyph of the text page, in drawing order. */
export function readGlyphs(pdfium: Pdfium, textPage: number): Glyph[] {
  const hot = hotFunctions(pdfium);
  const n = hot.FPDFText_CountChars(textPage);
  const glyphs: Glyph[] = [];
  withScratch(pdfium, 8, (s) => {
    for (let i = 0; i < n; i++) {
      if (hot.FPDFText_IsGenerated(textPage, i) === 1) continue;
      const code = hot.FPDFText_GetUnicode(textPage, i);
      if (code === 0) continue;
      const text = String.fromCodePoint(code);
      hot.FPDFText_GetCharOrigin(textPage, i, s.at(0), s.at(1));
      const x = s.f64(0);
      const y = s.f64(1);
      hot.FPDFText_GetMatrix(textPage, i, s.at(0));
      const m = [s.f32(0), s.f32(1), s.f32(2), s.f32(3)] as const;
      const fontSize = hot.FPDFText_GetFontSize(textPage, i);
      const [u, v] = textSpaceOffset(x, y, [...m, s.f32(4), s.f32(5)], fontSize);
      const vertical = u < -VERTICAL_OFFSET && v < -VERTICAL_OFFSET;
      hot.FPDFText_GetLooseCharBox(textPage, i, s.at(4));
      const [left, right] = [s.f32(8), s.f32(10)];
      hot.FPDFText_GetCharBox(textPage, i, s.at(0), s.at(1), s.at(2), s.at(3));
      const tight = { x0: s.f64(0), x1: s.f64(1), y0: s.f64(2), y1: s.f64(3) };
      const scale = Math.hypot(m[0], m[1]) || 1;
      const object = hot.FPDFText_GetTextObject(textPage, i);
      const fontHandle = object ? hot.FPDFTextObj_GetFont(object) : 0;
      const font = `${fontHandle}/${fontSize}`;
      // The loose box's width is the advance times the matrix's a: of no use for text turned a quarter.
      const upright = Math.abs(m[0]) >= UPRIGHT * scale;
      const advance = vertical ? fontSize : upright ? (right - left) / m[0] : glyphWidth(pdfium, fontHandle, code, fontSize, s.at(7));
      glyphs.push({
        text,
        x,
        y,
        m,
        fontSize,
        advance,
        font,
        vertical,
        whitespace: WHITESPACE.test(text),
        tight,
      });
    }
  });
  return glyphs;
}
