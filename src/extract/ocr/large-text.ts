/**
 * Large text (a report's title, printed at two or three times the body's
 * size) read again on its own. Read with the whole page, the engine misreads
 * it (梁园区 as 深园区, a second title line as noise); cut out and scaled
 * down to about the body's size, it reads as printed. The lines whose words
 * stand much taller than the page's usual word are found in the page's
 * first read, each run of such lines is cut out as one region, and the
 * words read there replace the first read's. One size does not read every
 * title right (洪泽区 as 洪译区 at one, right at the next), so each region
 * is read at three sizes and the read two of them agree on is taken.
 */
import { rowHasInk, type GreyImage } from './grey-image.ts';
import type { OcrWord } from './ocr-engine.ts';

/** A line whose median word is this many times the page's median word height is large text. */
const LARGE_TEXT_RATIO = 1.6;
/** White kept around a region of large text, in heights of its words. */
const MARGIN_EM = 0.3;
/** Line numbers of the words read again count down from here, apart from the page's and the cells' (which count up). */
const LARGE_LINES = -1e12;

/** Each region is read scaled down by its factor and by the factor plus each of these. */
const MORE_SCALES = [1, 2];

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
  const isLarge = (l: (typeof lines)[number]) => l.tall >= LARGE_TEXT_RATIO * usual;
  const large = lines.filter(isLarge);
  // A small "line" the engine made of a large line's strokes (四 四 -人 over a title) stands
  // level with it; only a small line clear of every large line parts two of them.
  const apart = (l: (typeof lines)[number]) => !large.some((t) => l.top < t.bottom && l.bottom > t.top);
  const groups: OcrWord[][] = [];
  let open: OcrWord[] | undefined;
  for (const line of lines) {
    if (!isLarge(line)) {
      if (apart(line)) open = undefined;
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

/** Blank rows inside one line of large text (between a character's strokes), in heights of the text. */
const LINE_GAP_EM = 0.25;
/** A band of ink taller than this, in heights of the text, is lines run together (small body lines set close), not one line of large text. */
const MAX_BAND_EM = 1.5;

/**
 * The bottom of large text that goes on below `from` (a title line the
 * engine read as small noise is still as tall in the image): each following
 * band of ink rows at least `large` high, closer than a line's height, is
 * taken in; a band taller than a line of large text is small lines set
 * close together, and ends it.
 */
function belowInk(img: GreyImage, x0: number, x1: number, from: number, tall: number, large: number): number {
  const inked = (y: number) => rowHasInk(img, y, x0, x1);
  let bottom = from;
  for (;;) {
    let y = bottom;
    while (y < img.height && y - bottom <= tall && !inked(y)) y++;
    if (y >= img.height || y - bottom > tall) return bottom;
    const start = y;
    let last = y;
    while (y < img.height && y - last <= LINE_GAP_EM * tall) if (inked(y++)) last = y;
    if (last - start < large || last - start > MAX_BAND_EM * tall) return bottom;
    bottom = last;
  }
}

/** White added around a scaled-down region, in points: the engine misreads text that touches the image's edge. */
const PAD_PT = 8;

/** Pixels of white around a region's image, at the image's resolution. */
const padOf = (dpi: number): number => Math.round((PAD_PT * dpi) / 72);

/** The factors a region is read at, in the order of its images. */
const scalesOf = (r: LargeText): number[] => [r.scale, ...MORE_SCALES.map((m) => r.scale + m)];

/** A region cut out at each of its sizes, to be read and voted on by `withLargeText`. */
export const largeTextImages = (img: GreyImage, r: LargeText): GreyImage[] => scalesOf(r).map((scale) => scaledDown(img, r, scale));

/** Images a region is cut out as. */
export const IMAGES_PER_REGION = 1 + MORE_SCALES.length;

/** A region cut out and scaled down by a factor (each pixel the mean of its square), in a margin of white. */
function scaledDown(img: GreyImage, r: LargeText, f: number): GreyImage {
  const dpi = img.dpi / f;
  const pad = padOf(dpi);
  const inner = Math.max(1, Math.floor((r.x1 - r.x0) / f));
  const rows = Math.max(1, Math.floor((r.y1 - r.y0) / f));
  const width = inner + 2 * pad;
  const data = new Uint8Array(width * (rows + 2 * pad)).fill(255);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < inner; x++) {
      let sum = 0;
      for (let dy = 0; dy < f; dy++) for (let dx = 0; dx < f; dx++) sum += img.data[(r.y0 + y * f + dy) * img.width + r.x0 + x * f + dx]!;
      data[(y + pad) * width + x + pad] = Math.round(sum / (f * f));
    }
  }
  return { width, height: rows + 2 * pad, data, dpi };
}

const textOf = (read: readonly OcrWord[]): string => read.map((w) => w.text).join('');
const meanConfidence = (read: readonly OcrWord[]): number => read.reduce((sum, w) => sum + w.confidence, 0) / Math.max(1, read.length);

/** Which of a region's reads to take: one whose text another read gives too, the surest such; else the surest of all. */
export function votedRead(reads: readonly OcrWord[][]): number {
  const all = reads.map((_, k) => k);
  const agreed = all.filter((k) => all.some((j) => j !== k && textOf(reads[j]!) === textOf(reads[k]!)));
  const pool = agreed.length > 0 ? agreed : all;
  return pool.reduce((best, k) => (meanConfidence(reads[k]!) > meanConfidence(reads[best]!) ? k : best), pool[0] ?? 0);
}

/**
 * The page's words with those of each region replaced by its voted read
 * (back in page pixels); `reads` holds each region's reads at its sizes.
 */
export function withLargeText(words: readonly OcrWord[], regions: readonly LargeText[], reads: readonly OcrWord[][][], dpi: number): OcrWord[] {
  const inside = (w: OcrWord, r: LargeText) => {
    const [x, y] = [(w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2];
    return x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1;
  };
  const chosen = regions.map((r, k) => {
    const sizes = reads[k] ?? [];
    const at = votedRead(sizes);
    return { words: sizes[at] ?? [], scale: scalesOf(r)[at]! };
  });
  // A region read as nothing keeps the page's words.
  const kept = words.filter((w) => !regions.some((r, k) => chosen[k]!.words.length > 0 && inside(w, r)));
  const again = regions.flatMap((r, k) => {
    const { words: read, scale } = chosen[k]!;
    const pad = padOf(dpi / scale);
    const [x, y] = [(v: number) => r.x0 + (v - pad) * scale, (v: number) => r.y0 + (v - pad) * scale];
    return read.map((w) => ({ ...w, x0: x(w.x0), x1: x(w.x1), y0: y(w.y0), y1: y(w.y1), line: LARGE_LINES * (k + 1) + w.line }));
  });
  return [...kept, ...again];
}
