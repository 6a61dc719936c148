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
  const byLine = new Map<number, OcrWord[]>();
  for (const w of words) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
  const lines = [...byLine.values()]
    .map((ws) => ({ ws, top: Math.min(...ws.map((w) => w.y0)), bottom: Math.max(...ws.map((w) => w.y1)), tall: median(ws.map((w) => w.y1 - w.y0)) }))
    .sort((a, b) => a.top - b.top);
  const groups: OcrWord[][] = [];
  let open: OcrWord[] | undefined;
  for (const line of lines) {
    if (line.tall < LARGE_TEXT_RATIO * usual) {
      open = undefined;
      continue;
    }
    // The next line of one title stands within a line's height of the last.
    if (!open || line.top - Math.max(...open.map((w) => w.y1)) > line.tall) groups.push((open = []));
    open.push(...line.ws);
  }
  return groups.map((ws) => {
    // The median word: a word the engine boxed over two lines stands twice as tall as the text.
    const tall = median(ws.map((w) => w.y1 - w.y0));
    const m = Math.round(MARGIN_EM * tall);
    const x0 = Math.max(0, Math.min(...ws.map((w) => w.x0)) - m);
    const x1 = Math.min(img.width, Math.max(...ws.map((w) => w.x1)) + m);
    const top = Math.min(...ws.map((w) => w.y0));
    const bottom = belowInk(img, x0, x1, Math.max(...ws.map((w) => w.y1)), tall, LARGE_TEXT_RATIO * usual);
    // Never into the lines above and below, read well at their size.
    const above = Math.max(0, ...lines.filter((l) => l.bottom <= top).map((l) => l.bottom));
    const below = Math.min(img.height, ...lines.filter((l) => l.top >= bottom).map((l) => l.top));
    return { x0, x1, y0: Math.max(above, top - m), y1: Math.min(below, bottom + m), scale: Math.max(1, Math.round(tall / usual)) };
  });
}

/** A row of a region holds ink when it has this many ink pixels. */
const MIN_ROW_INK = 2;
/** Blank rows inside one line of large text (between a character's strokes), in heights of the text. */
const LINE_GAP_EM = 0.25;

/**
 * The bottom of large text that goes on below `from` (a title line the
 * engine read as small noise is still as tall in the image): each following
 * band of ink rows at least `large` high, closer than a line's height, is
 * taken in.
 */
function belowInk(img: GreyImage, x0: number, x1: number, from: number, tall: number, large: number): number {
  const inked = (y: number) => {
    let n = 0;
    for (let x = x0; x < x1 && n < MIN_ROW_INK; x++) if (img.data[y * img.width + x] === 0) n++;
    return n >= MIN_ROW_INK;
  };
  let bottom = from;
  for (;;) {
    let y = bottom;
    while (y < img.height && y - bottom <= tall && !inked(y)) y++;
    if (y >= img.height || y - bottom > tall) return bottom;
    const start = y;
    let last = y;
    while (y < img.height && y - last <= LINE_GAP_EM * tall) if (inked(y++)) last = y;
    if (last - start < large) return bottom;
    bottom = last;
  }
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
