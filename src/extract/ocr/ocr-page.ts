/**
 * One page image read as a PDF text layer is: the page straightened, its
 * rulings found and painted out, the text of the ruled cells read cell by
 * cell (ruled-cell-text.ts) and the rest of the page as a whole, and the
 * engine's words joined into text pieces (page units, top-down) that carry
 * their confidence. The result is the PageContent the PDF layout reads.
 */
import type { TextPiece } from '../pdf/pdf-geometry.ts';
import type { PageContent, Ruling } from '../pdf/pdf-page-content.ts';
import type { GreyImage } from './grey-image.ts';
import { findRulings, measureSkew, straighten } from './image-rulings.ts';
import type { OcrEngine, OcrWord } from './ocr-engine.ts';
import { readRuledCells } from './ruled-cell-text.ts';
import { ruledCells } from './ruled-cells.ts';

/** Words of one line closer than this, in heights of the line, are one piece of text (as a PDF prints a run). */
const JOIN_GAP_EM = 0.6;
/** A word's ink is this share of its font size (CJK glyphs fill about 0.9 of the em). */
const INK_SHARE = 0.9;

const ascii = /[0-9A-Za-z.%]$/;

/** True when a vertical ruling runs through the gap between two words of a line. */
function ruled(rulings: readonly Ruling[], x0: number, x1: number, y: number): boolean {
  return rulings.some((r) => !r.horizontal && r.pos > x0 && r.pos < x1 && r.from <= y && r.to >= y);
}

/** The words of each engine line, left to right, joined into pieces wherever no gap or ruling parts them. */
export function wordsToPieces(words: readonly OcrWord[], rulings: readonly Ruling[], page: number, dpi: number): TextPiece[] {
  const pt = 72 / dpi;
  const lines = new Map<number, OcrWord[]>();
  for (const w of words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
  const pieces: TextPiece[] = [];
  for (const line of [...lines.values()]) {
    const sorted = [...line].sort((a, b) => a.x0 - b.x0);
    const height = Math.max(...sorted.map((w) => w.y1 - w.y0));
    let cur: OcrWord | undefined;
    const flush = () => {
      if (!cur) return;
      const size = ((cur.y1 - cur.y0) * pt) / INK_SHARE;
      pieces.push({ text: cur.text, x0: cur.x0 * pt, y0: cur.y0 * pt, x1: cur.x1 * pt, y1: cur.y1 * pt, size, vertical: false, page, confidence: cur.confidence });
    };
    for (const w of sorted) {
      const gap = w.x0 - (cur?.x1 ?? 0);
      if (cur && gap <= JOIN_GAP_EM * height && !ruled(rulings, cur.x1 * pt, w.x0 * pt, ((w.y0 + w.y1) / 2) * pt)) {
        const space = ascii.test(cur.text) && /^[0-9A-Za-z]/.test(w.text) && gap > height * 0.25 ? ' ' : '';
        cur = { ...cur, text: cur.text + space + w.text, x1: w.x1, y0: Math.min(cur.y0, w.y0), y1: Math.max(cur.y1, w.y1), confidence: Math.min(cur.confidence, w.confidence) };
      } else {
        flush();
        cur = w;
      }
    }
    flush();
  }
  return pieces.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

export async function ocrPage(img: GreyImage, page: number, engine: OcrEngine): Promise<PageContent> {
  const straight = straighten(img, measureSkew(img));
  const { rulings, text } = findRulings(straight);
  const cells = await readRuledCells(text, ruledCells(rulings, text.width, text.height, text.dpi), engine);
  const words = [...(await engine.recognize(cells.rest)), ...cells.words];
  const pt = 72 / img.dpi;
  return { page, width: img.width * pt, height: img.height * pt, pieces: wordsToPieces(words, rulings, page, img.dpi), rulings, images: 0 };
}
