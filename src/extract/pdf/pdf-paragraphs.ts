/**
 * Paragraphs from printed lines. A paragraph ends where the next line is
 * indented, the line falls short of the right margin, the font size changes,
 * or the gap to the next line is wider than the page's usual line gap. A
 * paragraph runs on over a page break when the last line on the page is full
 * and the first on the next is not indented. Headings ("一、总体情况") come out
 * as paragraphs of their own.
 */
import { blockText, lineText, type Box, type TextPiece } from './pdf-geometry.ts';

export interface Line extends Box {
  text: string;
  size: number;
  page: number;
}

export interface Paragraph extends Box {
  text: string;
  page: number;
  lastPage: number;
}

/** A printed line: its text, box, and the font size most of its characters use. */
export function toLine(pieces: readonly TextPiece[]): Line {
  const sizes = new Map<number, number>();
  for (const p of pieces) {
    const k = Math.round(p.size * 2) / 2;
    sizes.set(k, (sizes.get(k) ?? 0) + [...p.text.trim()].length);
  }
  const size = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  return {
    text: lineText(pieces),
    size,
    page: pieces[0]?.page ?? 1,
    x0: Math.min(...pieces.map((p) => p.x0)),
    x1: Math.max(...pieces.map((p) => p.x1)),
    y0: Math.min(...pieces.map((p) => p.y0)),
    y1: Math.max(...pieces.map((p) => p.y1)),
  };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.floor((s.length - 1) / 2)] ?? 0);
}

/** Text margins of a page: where its lines start and end. */
export interface Margins {
  left: number;
  right: number;
  /** Usual gap between consecutive lines of one paragraph. */
  gap: number;
}

export function marginsOf(lines: readonly Line[]): Margins {
  if (lines.length === 0) return { left: 0, right: 0, gap: 0 };
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (Math.abs(a.size - b.size) < 0.5 && b.y0 > a.y1) gaps.push(b.y0 - a.y1);
  }
  return {
    left: Math.min(...lines.map((l) => l.x0)),
    right: Math.max(...lines.map((l) => l.x1)),
    gap: median(gaps),
  };
}

function sameSize(a: Line, b: Line): boolean {
  return Math.abs(a.size - b.size) <= 0.15 * Math.max(a.size, b.size);
}

/** Whether line `b` goes on with the paragraph that line `a` ends. */
function continuesParagraph(a: Line, b: Line, ma: Margins, mb: Margins, samePage: boolean): boolean {
  if (!sameSize(a, b)) return false;
  const size = a.size;
  if (a.x1 < ma.right - 1.5 * size) return false; // a is short: its paragraph ended
  if (b.x0 > mb.left + 1.2 * size) return false; // b is indented: a new paragraph
  if (a.x0 > ma.left + 4 * size && b.x0 < a.x0 - 2 * size) return false; // a was centred (a title), b is not
  if (samePage) {
    const gap = b.y0 - a.y1;
    if (gap < -0.5 * size) return false; // b is not below a
    const usual = ma.gap > 0 ? ma.gap : 0.5 * size;
    if (gap > Math.max(1.6 * usual, usual + 0.6 * size)) return false;
  }
  return true;
}

/**
 * Groups a run of lines (in reading order, possibly over several pages) into
 * paragraphs. `margins` gives each page's margins.
 */
export function paragraphs(lines: readonly Line[], margins: ReadonlyMap<number, Margins>): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: { lines: Line[] } | null = null;
  const flush = () => {
    if (!cur || cur.lines.length === 0) return;
    const ls = cur.lines;
    out.push({
      text: blockText(ls.map((l) => l.text)),
      page: ls[0]!.page,
      lastPage: ls[ls.length - 1]!.page,
      x0: Math.min(...ls.map((l) => l.x0)),
      x1: Math.max(...ls.map((l) => l.x1)),
      y0: ls[0]!.y0,
      y1: ls[ls.length - 1]!.y1,
    });
    cur = null;
  };
  const none: Margins = { left: 0, right: 0, gap: 0 };
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    const prev = cur?.lines[cur.lines.length - 1];
    if (cur && prev && continuesParagraph(prev, line, margins.get(prev.page) ?? none, margins.get(line.page) ?? none, prev.page === line.page)) {
      cur.lines.push(line);
    } else {
      flush();
      cur = { lines: [line] };
    }
  }
  flush();
  return out;
}
