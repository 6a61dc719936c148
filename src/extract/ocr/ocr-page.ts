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
import { IMAGES_PER_REGION, largeTextImages, largeTextRegions, withLargeText } from './large-text.ts';
import { cutImages, cutRuledCells, readCuts } from './ruled-cell-text.ts';
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

/** Pages read in one engine run for their first read (and one for their numbers): the engine's start-up is paid once for them. */
export const PAGES_PER_RUN = 8;

/**
 * Pages read as PDF text layers: each straightened and its rulings found,
 * the rest of every page and every ruled cell read in one engine run (each
 * an image of its own), then the large text (titles) of all of them scaled
 * down, then the number cells of all of them.
 */
export async function ocrPages(imgs: readonly GreyImage[], firstPage: number, engine: OcrEngine): Promise<PageContent[]> {
  const prepared = imgs.map((img) => {
    const { rulings, text } = findRulings(straighten(img, measureSkew(img)));
    return { rulings, text, cuts: cutRuledCells(text, ruledCells(rulings, text.width, text.height, text.dpi)) };
  });
  const reads = await engine.recognizeCells(prepared.flatMap((p) => [p.cuts.rest, ...cutImages(p.cuts)]));
  const rest: OcrWord[][] = [];
  const first: OcrWord[][][] = [];
  let at = 0;
  for (const p of prepared) {
    rest.push(reads[at++] ?? []);
    first.push(reads.slice(at, at + p.cuts.cuts.length));
    at += p.cuts.cuts.length;
  }
  const large = prepared.map((p, k) => largeTextRegions(p.text, rest[k]!));
  const larges = await engine.recognizeCells(prepared.flatMap((p, k) => large[k]!.flatMap((r) => largeTextImages(p.cuts.rest, r))));
  at = 0;
  for (const [k, regions] of large.entries()) {
    const reads = regions.map(() => larges.slice(at, (at += IMAGES_PER_REGION)));
    rest[k] = withLargeText(rest[k]!, regions, reads, prepared[k]!.text.dpi);
  }
  const cells = await readCuts(
    prepared.map((p) => p.cuts),
    first,
    engine,
  );
  return prepared.map((p, k) => {
    const pt = 72 / p.text.dpi;
    const page = firstPage + k;
    const words = [...rest[k]!, ...cells[k]!];
    return { page, width: p.text.width * pt, height: p.text.height * pt, pieces: wordsToPieces(words, p.rulings, page, p.text.dpi), rulings: p.rulings, images: 0 };
  });
}
