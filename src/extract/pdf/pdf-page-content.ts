/**
 * Reads what one PDF page prints, in top-down page coordinates: its text
 * pieces (pdfjs text content), the straight lines it draws (table rulings,
 * from the operator list), and how many images it paints (to tell scans).
 *
 * pdfjs's text content loses glyphs of vertical fonts (a merged table cell
 * written top to bottom, as WPS exports "三、本年度办理结果"): it advances them
 * off the page. Those runs are rebuilt here from the operator list, where
 * every glyph and text matrix is present.
 */
import { IDENTITY, apply, boxOf, multiply, type Box, type Matrix, type TextPiece } from './pdf-geometry.ts';
import { loadPdfjs, type PdfPage } from './pdf-open.ts';

/** A straight horizontal or vertical line drawn on the page. */
export interface Ruling {
  horizontal: boolean;
  /** y of a horizontal line, x of a vertical one. */
  pos: number;
  /** Start and end along the line (x for horizontal, y for vertical), from < to. */
  from: number;
  to: number;
}

export interface PageContent {
  page: number;
  width: number;
  height: number;
  pieces: TextPiece[];
  rulings: Ruling[];
  images: number;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** A filled rectangle thinner than this is a drawn line, not a cell background. */
const THIN_FILL = 2.5;
/** Shortest segment kept as a ruling. */
const MIN_RULING = 2;
/** Fraction of the font size above the baseline / below it, for text boxes. */
const ASCENT = 0.85;
const DESCENT = 0.15;

function isItem(x: unknown): x is TextItemLike {
  return typeof x === 'object' && x !== null && 'str' in x && 'transform' in x;
}

/** Box of a horizontal-font text item, from its transform and advance width, in viewport coordinates. */
function itemBox(item: TextItemLike, vt: Matrix): { box: Box; size: number } {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
  const len = Math.hypot(a, b) || 1;
  const dir: [number, number] = [a / len, b / len];
  const up: [number, number] = [c / size, d / size];
  const corners: Array<[number, number]> = [];
  for (const along of [0, item.width]) {
    for (const h of [-DESCENT * size, ASCENT * size]) {
      corners.push(apply(vt, e + dir[0] * along + up[0] * h, f + dir[1] * along + up[1] * h));
    }
  }
  const box = boxOf(corners);
  // Size as it appears on the page (the viewport may scale).
  return { box, size: size * (Math.hypot(vt[0], vt[1]) || 1) };
}

/** pdfjs's box for a vertical-font item: x is the column's centre, the run goes down from y. */
function verticalItemBox(item: TextItemLike, vt: Matrix): Box {
  const [, , , , e = 0, f = 0] = item.transform;
  const half = item.width / 2;
  return boxOf([apply(vt, e - half, f), apply(vt, e + half, f - item.height)]);
}

/** A matrix operand: pdfjs 5 passes some as one typed array, others as six numbers. */
function matrixArg(args: unknown[] | null | undefined): Matrix {
  const first = args?.[0];
  const m = (typeof first === 'object' && first !== null ? first : (args ?? [])) as ArrayLike<number>;
  return [Number(m[0] ?? 1), Number(m[1] ?? 0), Number(m[2] ?? 0), Number(m[3] ?? 1), Number(m[4] ?? 0), Number(m[5] ?? 0)];
}

interface Glyph {
  unicode?: string;
  width?: number;
  vmetric?: number[];
}

/**
 * Walks the operator list: rulings from stroked paths and thin filled
 * rectangles, images, and the glyphs of vertical fonts.
 */
async function readGraphics(page: PdfPage, vt: Matrix, verticalFonts: ReadonlySet<string>, pageNumber: number) {
  const lib = await loadPdfjs();
  const OPS = lib.OPS;
  const list = await page.getOperatorList();
  const rulings: Ruling[] = [];
  const verticalPieces: TextPiece[] = [];
  let images = 0;

  const stack: Array<{ ctm: Matrix; fill: string }> = [];
  let ctm: Matrix = [...IDENTITY];
  let fill = '#000000';
  const toPage = (x: number, y: number) => apply(vt, ...apply(ctm, x, y));

  // Text state, followed only to place glyphs of vertical fonts.
  let tm: Matrix = [...IDENTITY];
  let tlm: Matrix = [...IDENTITY];
  let font = '';
  let fontSize = 0;
  let leading = 0;
  let charSpacing = 0;
  let wordSpacing = 0;
  let run: TextPiece | null = null;
  const flushRun = () => {
    if (run && run.text.trim()) verticalPieces.push(run);
    run = null;
  };
  const moveLine = (tx: number, ty: number) => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    tm = [...tlm];
  };
  const showVertical = (glyphs: ReadonlyArray<Glyph | number | null>) => {
    for (const g of glyphs) {
      if (typeof g === 'number') {
        tm = multiply([1, 0, 0, 1, 0, (-g / 1000) * fontSize], tm);
        continue;
      }
      if (!g) continue;
      const advance = Math.abs(g.vmetric?.[0] ?? 1000) / 1000;
      const m = multiply(tm, ctm);
      const corners = [apply(m, -fontSize / 2, 0), apply(m, fontSize / 2, 0), apply(m, -fontSize / 2, -advance * fontSize), apply(m, fontSize / 2, -advance * fontSize)];
      const box = boxOf(corners.map(([x, y]) => apply(vt, x, y)));
      const size = box.x1 - box.x0;
      const ch = g.unicode ?? '';
      const r: TextPiece | null = run;
      if (r && Math.abs((r.x0 + r.x1) / 2 - (box.x0 + box.x1) / 2) < size / 2 && box.y0 - r.y1 < size * 0.6 && box.y0 > r.y0) {
        r.text += ch;
        r.y1 = Math.max(r.y1, box.y1);
      } else {
        flushRun();
        run = { ...box, text: ch, size, vertical: true, page: pageNumber };
      }
      const spacing = charSpacing + (ch === ' ' ? wordSpacing : 0);
      tm = multiply([1, 0, 0, 1, 0, -advance * fontSize + spacing], tm);
    }
  };

  const addSegment = (ax: number, ay: number, bx: number, by: number) => {
    const [x0, y0] = toPage(ax, ay);
    const [x1, y1] = toPage(bx, by);
    if (Math.abs(y1 - y0) < 0.5 && Math.abs(x1 - x0) >= MIN_RULING) {
      rulings.push({ horizontal: true, pos: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    } else if (Math.abs(x1 - x0) < 0.5 && Math.abs(y1 - y0) >= MIN_RULING) {
      rulings.push({ horizontal: false, pos: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
    }
  };

  const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const FILLS = new Set<number>([OPS.fill, OPS.eoFill]);
  const IMAGES = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintImageMaskXObjectRepeat,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintSolidColorImageMask,
  ]);

  /** Subpaths of a pdfjs path as polylines (curves reduced to their end points, flagged). */
  const subpaths = (data: ArrayLike<number>) => {
    const out: Array<{ points: Array<[number, number]>; closed: boolean; curved: boolean }> = [];
    let cur: { points: Array<[number, number]>; closed: boolean; curved: boolean } | null = null;
    for (let i = 0; i < data.length; ) {
      const op = data[i++];
      if (op === 0) {
        cur = { points: [[data[i] ?? 0, data[i + 1] ?? 0]], closed: false, curved: false };
        out.push(cur);
        i += 2;
      } else if (op === 1) {
        cur?.points.push([data[i] ?? 0, data[i + 1] ?? 0]);
        i += 2;
      } else if (op === 2) {
        if (cur) {
          cur.curved = true;
          cur.points.push([data[i + 4] ?? 0, data[i + 5] ?? 0]);
        }
        i += 6;
      } else if (op === 3) {
        if (cur) cur.closed = true;
      } else {
        break;
      }
    }
    return out;
  };

  const { fnArray, argsArray } = list;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
      case OPS.beginGroup:
        stack.push({ ctm, fill });
        break;
      case OPS.restore:
      case OPS.endGroup: {
        const top = stack.pop();
        if (top) ({ ctm, fill } = top);
        break;
      }
      case OPS.setFillRGBColor:
        fill = typeof args?.[0] === 'string' ? args[0].toLowerCase() : '#000000';
        break;
      case OPS.transform:
        ctm = multiply(matrixArg(args), ctm);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ctm, fill });
        if (args?.[0]) ctm = multiply(matrixArg([args[0]]), ctm);
        break;
      }
      case OPS.paintFormXObjectEnd: {
        const top = stack.pop();
        if (top) ({ ctm, fill } = top);
        break;
      }
      case OPS.constructPath: {
        const paint = args?.[0] as number;
        const data = (args?.[1] as ArrayLike<number>[] | undefined)?.[0];
        if (!data || (!STROKES.has(paint) && !FILLS.has(paint))) break;
        for (const sp of subpaths(data)) {
          if (sp.curved) continue;
          if (STROKES.has(paint)) {
            const pts = sp.closed ? [...sp.points, sp.points[0]!] : sp.points;
            for (let k = 1; k < pts.length; k++) addSegment(pts[k - 1]![0], pts[k - 1]![1], pts[k]![0], pts[k]![1]);
          }
          if (FILLS.has(paint) || paint === OPS.fillStroke || paint === OPS.eoFillStroke) {
            // A filled rectangle that thin is a line; a wider one is a background, not a ruling.
            const box = boxOf(sp.points.map(([x, y]) => toPage(x, y)));
            const w = box.x1 - box.x0;
            const h = box.y1 - box.y0;
            // White is the paper: WPS fills 2pt-wide white "cells" that are no lines.
            const rect = sp.points.length >= 4 && sp.points.length <= 5;
            if (!rect || fill === '#ffffff') continue;
            if (h <= THIN_FILL && w >= MIN_RULING) rulings.push({ horizontal: true, pos: (box.y0 + box.y1) / 2, from: box.x0, to: box.x1 });
            else if (w <= THIN_FILL && h >= MIN_RULING) rulings.push({ horizontal: false, pos: (box.x0 + box.x1) / 2, from: box.y0, to: box.y1 });
          }
        }
        break;
      }
      case OPS.beginText:
        tm = [...IDENTITY];
        tlm = [...IDENTITY];
        break;
      case OPS.endText:
        flushRun();
        break;
      case OPS.setFont:
        font = String(args?.[0] ?? '');
        fontSize = Number(args?.[1] ?? 0);
        break;
      case OPS.setTextMatrix: {
        tm = matrixArg(args);
        tlm = [...tm];
        break;
      }
      case OPS.moveText:
        moveLine(Number(args?.[0] ?? 0), Number(args?.[1] ?? 0));
        break;
      case OPS.setLeadingMoveText:
        leading = -Number(args?.[1] ?? 0);
        moveLine(Number(args?.[0] ?? 0), Number(args?.[1] ?? 0));
        break;
      case OPS.setLeading:
        leading = Number(args?.[0] ?? 0);
        break;
      case OPS.nextLine:
        moveLine(0, -leading);
        break;
      case OPS.setCharSpacing:
        charSpacing = Number(args?.[0] ?? 0);
        break;
      case OPS.setWordSpacing:
        wordSpacing = Number(args?.[0] ?? 0);
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        if (verticalFonts.has(font)) showVertical(args?.[0] as Array<Glyph | number | null>);
        break;
      case OPS.nextLineShowText:
        moveLine(0, -leading);
        if (verticalFonts.has(font)) showVertical(args?.[0] as Array<Glyph | number | null>);
        break;
      case OPS.nextLineSetSpacingShowText:
        wordSpacing = Number(args?.[0] ?? 0);
        charSpacing = Number(args?.[1] ?? 0);
        moveLine(0, -leading);
        if (verticalFonts.has(font)) showVertical(args?.[2] as Array<Glyph | number | null>);
        break;
      default:
        if (fn !== undefined && IMAGES.has(fn)) images++;
    }
  }
  flushRun();
  return { rulings, images, verticalPieces };
}

/** Everything the layout needs from one page. */
export async function readPage(page: PdfPage, pageNumber: number): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  const content = await page.getTextContent();
  const styles = content.styles as Record<string, { vertical?: boolean }>;
  const verticalFonts = new Set(Object.entries(styles).filter(([, s]) => s.vertical).map(([name]) => name));

  const pieces: TextPiece[] = [];
  const pdfjsVertical: TextPiece[] = [];
  for (const item of content.items) {
    if (!isItem(item) || item.str.trim() === '') continue;
    if (verticalFonts.has(item.fontName)) {
      const box = verticalItemBox(item, vt);
      pdfjsVertical.push({ ...box, text: item.str, size: box.x1 - box.x0, vertical: true, page: pageNumber });
      continue;
    }
    const { box, size } = itemBox(item, vt);
    pieces.push({ ...box, text: item.str, size, vertical: false, page: pageNumber });
  }

  const graphics = await readGraphics(page, vt, verticalFonts, pageNumber);
  // Prefer the rebuilt vertical runs; keep pdfjs's own when the rebuild found nothing.
  pieces.push(...(graphics.verticalPieces.length > 0 ? graphics.verticalPieces : pdfjsVertical));
  return {
    page: pageNumber,
    width: viewport.width,
    height: viewport.height,
    pieces,
    rulings: graphics.rulings,
    images: graphics.images,
  };
}
