/**
 * Large text (a report's title, printed at two or three times the body's
 * size) read again on its own. Read with the whole page, the engine misreads
 * it (梁园区 as 深园区, a second title line as noise); cut out and scaled
 * down to about the body's size, it reads as printed. The lines whose words
 * stand much taller than the page's usual word are found in the page's
 * first read, each run of such lines is cut out as one region, and the
 * words read there replace the first read's.
 */
import type { GreyImage } from './grey-image.ts';
import type { OcrWord } from './ocr-engine.ts';

/** A line whose median word is this many times the page's median word height is large text. */
const LARGE_TEXT_RATIO = 1.6;
/** White kept around a region of large text, in heights of its words. */
const MARGIN_EM = 0.3;
/** Line numbers of the words read again count down from here, apart from the page's and the cells' (which count up). */
const LARGE_LINES = -1e12;

/** A region of large text, in page pixels, and the factor it is scaled down by. */
export interface LargeText {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  scale: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The regions of large text in a page's words (consecutive large lines are one region). */
export function largeTextRegions(img: GreyImage, words: readonly OcrWord[]): LargeText[] {
  if (words.length === 0) return [];
  const usual = median(words.map((w) => w.y1 - w.y0));
  const lines = new Map<number, OcrWord[]>();
  for (const w of words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
  const ordered = [...lines.values()].sort((a, b) => Math.min(...a.map((w) => w.y0)) - Math.min(...b.map((w) => w.y0)));
  const regions: LargeText[] = [];
  let open: OcrWord[] | undefined;
  const close = () => {
    if (!open) return;
    // The median word: a word the engine boxed over two lines stands twice as tall as the text.
    const tall = median(open.map((w) => w.y1 - w.y0));
    const m = Math.round(MARGIN_EM * tall);
    regions.push({
      x0: Math.max(0, Math.min(...open.map((w) => w.x0)) - m),
      y0: Math.max(0, Math.min(...open.map((w) => w.y0)) - m),
      x1: Math.min(img.width, Math.max(...open.map((w) => w.x1)) + m),
      y1: Math.min(img.height, Math.max(...open.map((w) => w.y1)) + m),
      scale: Math.max(1, Math.round(tall / usual)),
    });
    open = undefined;
  };
  for (const line of ordered) {
    const tall = median(line.map((w) => w.y1 - w.y0));
    if (tall < LARGE_TEXT_RATIO * usual) {
      close();
      continue;
    }
    // The next line of one title stands within a line's height of the last.
    if (open && Math.min(...line.map((w) => w.y0)) - Math.max(...open.map((w) => w.y1)) > tall) close();
    open = [...(open ?? []), ...line];
  }
  close();
  return regions;
}

/** A region cut out and scaled down by its factor (each pixel the mean of its square). */
export function largeTextImage(img: GreyImage, r: LargeText): GreyImage {
  const f = r.scale;
  const width = Math.max(1, Math.floor((r.x1 - r.x0) / f));
  const height = Math.max(1, Math.floor((r.y1 - r.y0) / f));
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < f; dy++) for (let dx = 0; dx < f; dx++) sum += img.data[(r.y0 + y * f + dy) * img.width + r.x0 + x * f + dx]!;
      data[y * width + x] = Math.round(sum / (f * f));
    }
  }
  return { width, height, data, dpi: img.dpi / f };
}

/** The page's words with those of each region replaced by its own read (back in page pixels). */
export function withLargeText(words: readonly OcrWord[], regions: readonly LargeText[], reads: readonly OcrWord[][]): OcrWord[] {
  const inside = (w: OcrWord, r: LargeText) => {
    const [x, y] = [(w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2];
    return x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1;
  };
  // A region read as nothing keeps the page's words.
  const kept = words.filter((w) => !regions.some((r, k) => (reads[k]?.length ?? 0) > 0 && inside(w, r)));
  const again = regions.flatMap((r, k) =>
    (reads[k] ?? []).map((w) => ({ ...w, x0: r.x0 + w.x0 * r.scale, x1: r.x0 + w.x1 * r.scale, y0: r.y0 + w.y0 * r.scale, y1: r.y0 + w.y1 * r.scale, line: LARGE_LINES * (k + 1) + w.line })),
  );
  return [...kept, ...again];
}
