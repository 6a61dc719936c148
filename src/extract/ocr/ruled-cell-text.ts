/**
 * The text of a ruled table read cell by cell. Read as part of a whole page,
 * the engine runs the text of neighbouring cells into one word ("0000" over
 * four cells, "商科" over two header columns) or drops a lone digit; inside a
 * ruled table each cell's box is known, so each cell's ink is cut out and
 * read on its own (all cuts of a page in one engine run), and every word
 * comes back to its cell. The cells that read as a number (or stand among
 * numbers) are read again as one line of digits only (a second run), each
 * value with its own confidence; a cut that then reads as anything but one
 * word keeps what the first read gave it. A number the two reads give
 * differently is read a third time (the page's model kept to digits) to
 * decide, and has no confidence either way.
 */
import { MIN_INK_PIXELS, rowHasInk, type GreyImage } from './grey-image.ts';
import type { OcrEngine, OcrWord } from './ocr-engine.ts';
import type { CellBox } from './ruled-cells.ts';

/** What the engine gives a number cell: digits, separators and the letters it takes digits for. */
const NUMBER_LIKE = /^[0-9.,oO〇lI|]+$/;
/** A cell's box is cut this far inside its rulings, in points, so no remnant of a ruling is read. */
const INSET_PT = 1.2;
/** Tallest ink of one line of numbers, in points (body text is 9-12 pt; its digits stand about 0.7 of that). */
const MAX_LINE_PT = 14;
/** White around each cut's ink, in points. */
const PAD_PT = 4;
/** Most characters the first read may make of a lone number it misread (纪 for 3, 2之 for 2); a row's label is longer. */
const MAX_MISREAD_CHARS = 2;
/** Confidence of a number that the page's model and the digits model read differently: none (a warning names the cell). */
const DISAGREED = 0;
/** Line numbers of the cells' words start here, apart from the page's (Tesseract numbers lines block × 10⁶ + paragraph × 10³ + line). */
const CELL_LINES = 1e12;

/** One cell's ink, cut out. */
interface Cut {
  /** Ink bounding box in page pixels. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The row of the table the cell stands in: its top and bottom rulings, in page pixels. */
  row: string;
  /** Row bands of the characters, when the cut is a column of single characters. */
  glyphs?: Array<[number, number]>;
}

/** The digits the engine's letters stand for in a number (O for 0; l, I and | for 1), the words joined. */
const asDigits = (words: readonly OcrWord[]): string =>
  words
    .map((w) => w.text)
    .join('')
    .replace(/[oO〇]/g, '0')
    .replace(/[lI|]/g, '1');

const numberLike = (words: readonly OcrWord[]): boolean => words.length > 0 && words.every((w) => NUMBER_LIKE.test(w.text));

/**
 * The cuts to read again as digits: one line of ink that the first read
 * took for a number, or that it read as a character or two (or nothing) and
 * that stands in a row of the table where most other one-line cells read as
 * numbers (a lone digit taken for a character, as "纪" for 3).
 */
function numberCuts(cuts: readonly Cut[], per: readonly OcrWord[][], px: number): number[] {
  const single = (i: number) => cuts[i]!.y1 - cuts[i]!.y0 <= MAX_LINE_PT * px;
  const rows = new Map<string, number[]>();
  for (const i of cuts.keys()) if (single(i)) rows.set(cuts[i]!.row, [...(rows.get(cuts[i]!.row) ?? []), i]);
  const numberRow = (i: number) => {
    const others = rows.get(cuts[i]!.row)!.filter((j) => j !== i);
    return others.filter((j) => numberLike(per[j]!)).length * 2 > others.length;
  };
  const short = (i: number) => per[i]!.map((w) => w.text).join('').length <= MAX_MISREAD_CHARS;
  return [...cuts.keys()].filter((i) => single(i) && (numberLike(per[i]!) || (short(i) && numberRow(i))));
}

/** The ink box inside a cell (noise left out), or undefined when the cell is blank. */
function inkBox(img: GreyImage, c: CellBox): Omit<Cut, 'row'> | undefined {
  const rows: number[] = [];
  const cols = new Int32Array(c.x1 - c.x0);
  for (let y = c.y0; y < c.y1; y++) {
    let n = 0;
    for (let x = c.x0; x < c.x1; x++) {
      if (img.data[y * img.width + x] === 0) {
        n++;
        cols[x - c.x0]!++;
      }
    }
    if (n >= MIN_INK_PIXELS) rows.push(y);
  }
  const inkCols = [...cols.keys()].filter((i) => cols[i]! >= MIN_INK_PIXELS);
  if (rows.length === 0 || inkCols.length === 0) return undefined;
  return { x0: c.x0 + inkCols[0]!, y0: rows[0]!, x1: c.x0 + inkCols[inkCols.length - 1]! + 1, y1: rows[rows.length - 1]! + 1 };
}

/** Characters of a column of text (one under another) stand at most this much taller than wide, merged strokes included. */
const GLYPH_TALLNESS = 1.15;
/** Space between the characters of a column laid in a row, in widths of the column. */
const GLYPH_GAP = 0.15;

/**
 * The characters of a cut that holds a column of single characters (a
 * narrow header cell: 自 / 然 / 人), as row bands top-down; undefined when
 * the cut is no such column. Bands of ink closer than a character's height
 * are merged (二 is two strokes), so each band is one character.
 */
function glyphColumn(img: GreyImage, c: Cut): Array<[number, number]> | undefined {
  const width = c.x1 - c.x0;
  const bands: Array<[number, number]> = [];
  for (let y = c.y0; y < c.y1; y++) {
    if (!rowHasInk(img, y, c.x0, c.x1)) continue;
    const last = bands[bands.length - 1];
    if (last && (last[1] === y || y + 1 - last[0] <= GLYPH_TALLNESS * width)) last[1] = y + 1;
    else bands.push([y, y + 1]);
  }
  if (bands.length < 2 || bands.some(([a, b]) => b - a > GLYPH_TALLNESS * width || b - a < width / 2)) return undefined;
  return bands;
}

/** A cut as an image of its own, `pad` of white around the ink; a column of characters is laid in a row, as the engine reads best. */
function cutImage(img: GreyImage, c: Cut, pad: number): GreyImage {
  if (c.glyphs) {
    const w = c.x1 - c.x0;
    const gap = Math.round(GLYPH_GAP * w);
    const tallest = Math.max(...c.glyphs.map(([a, b]) => b - a));
    const width = c.glyphs.length * (w + gap) - gap + 2 * pad;
    const height = tallest + 2 * pad;
    const data = new Uint8Array(width * height).fill(255);
    for (const [k, [a, b]] of c.glyphs.entries()) {
      const left = pad + k * (w + gap);
      const top = pad + Math.floor((tallest - (b - a)) / 2);
      for (let y = a; y < b; y++) data.set(img.data.subarray(y * img.width + c.x0, y * img.width + c.x1), (top + y - a) * width + left);
    }
    return { width, height, data, dpi: img.dpi };
  }
  const width = c.x1 - c.x0 + 2 * pad;
  const height = c.y1 - c.y0 + 2 * pad;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = c.y0; y < c.y1; y++) data.set(img.data.subarray(y * img.width + c.x0, y * img.width + c.x1), (pad + y - c.y0) * width + pad);
  return { width, height, data, dpi: img.dpi };
}

/** Share of a word's box that another, surer word may cover before the word is taken for a second reading of the same ink. */
const SHARED_INK_SHARE = 0.3;

const area = (w: OcrWord): number => Math.max(0, w.x1 - w.x0) * Math.max(0, w.y1 - w.y0);
const shared = (a: OcrWord, b: OcrWord): number => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/**
 * The words without those that lie over much of a surer word of another
 * line: the engine sometimes reads the lower part of a character again as a
 * line of its own (总 over 计 read as 总, 四, 计).
 */
export function withoutRereadInk(words: readonly OcrWord[]): OcrWord[] {
  return words.filter((w) => !words.some((o) => o.line !== w.line && o.confidence > w.confidence && shared(w, o) > SHARED_INK_SHARE * area(w)));
}

/** The words read from a cut, back in page pixels, on lines of their own (the cut's number keeps them apart from other cells'). */
function placed(words: readonly OcrWord[], c: Cut, i: number, pad: number): OcrWord[] {
  // A column laid in a row comes back as one word over the cut, its characters in reading order.
  if (c.glyphs) {
    if (words.length === 0) return [];
    const ordered = [...words].sort((a, b) => a.x0 - b.x0);
    return [{ text: ordered.map((w) => w.text).join(''), x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1, confidence: Math.min(...words.map((w) => w.confidence)), line: CELL_LINES * (i + 1) }];
  }
  const dx = c.x0 - pad;
  const dy = c.y0 - pad;
  return words.map((w) => ({ ...w, x0: w.x0 + dx, x1: w.x1 + dx, y0: w.y0 + dy, y1: w.y1 + dy, line: CELL_LINES * (i + 1) + w.line }));
}

/** One page's ruled cells, cut out: what the engine is to read of them, and the rest of the page. */
export interface PageCuts {
  /** The page in black and white. */
  img: GreyImage;
  cuts: Cut[];
  /** The page with its cut cells blanked, for reading the rest. */
  rest: GreyImage;
}

/** Pixels of white around a cut, and pixels a point, at the page's resolution. */
const padOf = (img: GreyImage): number => Math.round((PAD_PT * img.dpi) / 72);

export function cutRuledCells(img: GreyImage, cells: readonly CellBox[]): PageCuts {
  const px = img.dpi / 72;
  const inset = Math.round(INSET_PT * px);
  const rest = { ...img, data: img.data.slice() };
  const cuts: Cut[] = [];
  for (const outer of cells) {
    const cell = { x0: outer.x0 + inset, y0: outer.y0 + inset, x1: outer.x1 - inset, y1: outer.y1 - inset };
    if (cell.x1 <= cell.x0 || cell.y1 <= cell.y0) continue;
    const ink = inkBox(img, cell);
    if (!ink) continue;
    const cut: Cut = { ...ink, row: `${outer.y0} ${outer.y1}` };
    cut.glyphs = glyphColumn(img, cut);
    cuts.push(cut);
    for (let y = cell.y0; y < cell.y1; y++) rest.data.fill(255, y * img.width + cell.x0, y * img.width + cell.x1);
  }
  return { img, cuts, rest };
}

/** The images the engine reads first of a page's cuts, in the order of its cuts. */
export const cutImages = (p: PageCuts): GreyImage[] => p.cuts.map((c) => cutImage(p.img, c, padOf(p.img)));

/**
 * The words of the ruled cells of several pages (in page pixels), from the
 * engine's first read of each page's cut images: the number cells of all
 * pages are read again in one engine run, the disputed ones in another.
 */
export async function readCuts(pages: readonly PageCuts[], first: readonly OcrWord[][][], engine: OcrEngine): Promise<OcrWord[][]> {
  const per = pages.map((p, n) => p.cuts.map((c, i) => placed(withoutRereadInk(first[n]?.[i] ?? []), c, i, padOf(p.img))));
  const image = ({ n, i }: { n: number; i: number }) => cutImage(pages[n]!.img, pages[n]!.cuts[i]!, padOf(pages[n]!.img));
  const numbers = pages.flatMap((p, n) => numberCuts(p.cuts, per[n]!, p.img.dpi / 72).map((i) => ({ n, i })));
  const digits = await engine.recognizeNumbers(numbers.map(image));
  const disputed: Array<{ n: number; i: number; first: string; digits: OcrWord }> = [];
  for (const [k, { n, i }] of numbers.entries()) {
    const read = digits[k] ?? [];
    if (read.length !== 1) continue;
    const words = per[n]![i]!;
    if (!numberLike(words) || asDigits(words) === read[0]!.text) per[n]![i] = placed(read, pages[n]!.cuts[i]!, i, padOf(pages[n]!.img));
    else disputed.push({ n, i, first: asDigits(words), digits: read[0]! });
  }
  // The page's model and the digits model read a number differently: the text model, kept to digits, has the casting vote;
  // the value is one the engine is not sure of either way.
  const third = await engine.recognizeNumbers(disputed.map(image), 'text');
  for (const [k, { n, i, first: text, digits: d }] of disputed.entries()) {
    const vote = third[k]?.length === 1 ? third[k]![0]!.text : undefined;
    per[n]![i] = placed([{ ...d, text: vote === d.text ? d.text : text, confidence: DISAGREED }], pages[n]!.cuts[i]!, i, padOf(pages[n]!.img));
  }
  return per.map((p) => p.flat());
}
