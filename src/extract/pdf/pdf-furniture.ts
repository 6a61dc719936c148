/**
 * Page furniture: page numbers ("-3-", "— 1 —", "第 2 页 共 5 页", "3/5") and
 * running headers and footers (the same line at the top or bottom of
 * several pages). They are not part of the document's text and must not
 * break a paragraph or a table that runs on over the page.
 */
import { lineText, type TextPiece } from './pdf-geometry.ts';

/** Share of the page height, from the top and from the bottom, where furniture lives. */
const BAND = 0.12;

const DASHES = '-—–－_~·•‒─―';
const PAGE_NUMBER = new RegExp(
  `^[${DASHES}]*(?:第)?(\\d{1,4})(?:页)?(?:[/／](\\d{1,4})|共(\\d{1,4})页)?[${DASHES}]*$|^(?:page)?(\\d{1,4})(?:of(\\d{1,4}))?$`,
  'iu',
);

export interface PageLines {
  page: number;
  height: number;
  /** Printed lines top to bottom, each a list of pieces left to right. */
  lines: TextPiece[][];
}

function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

function isDecorated(text: string): boolean {
  return /[^\d]/u.test(text);
}

/** Whether a line reads as a page number. A bare number only counts as the first or last line of its page. */
export function isPageNumber(text: string, extreme: boolean): boolean {
  // Spaces go, except between two digits: "21 0 0" is a row of numbers, not page 2100.
  const t = text.normalize('NFKC').trim().replace(/(?<!\d)\s+|\s+(?!\d)/gu, '');
  if (!PAGE_NUMBER.test(t)) return false;
  return extreme || isDecorated(t);
}

function inBand(line: readonly TextPiece[], height: number): 'top' | 'bottom' | null {
  const y0 = Math.min(...line.map((p) => p.y0));
  const y1 = Math.max(...line.map((p) => p.y1));
  if (y1 <= BAND * height) return 'top';
  if (y0 >= (1 - BAND) * height) return 'bottom';
  return null;
}

/** The pieces of all furniture lines of the document. */
export function findFurniture(pages: readonly PageLines[]): Set<TextPiece> {
  const out = new Set<TextPiece>();
  // Running headers and footers: a line in the band repeated on several pages (numbers masked).
  const seen = new Map<string, number>();
  const keyOf = (line: readonly TextPiece[], band: string) => `${band}:${compact(lineText(line)).replace(/\d+/g, '#')}`;
  for (const p of pages) {
    const keys = new Set<string>();
    for (const line of p.lines) {
      const band = inBand(line, p.height);
      if (band) keys.add(keyOf(line, band));
    }
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const repeatedMin = Math.max(2, Math.ceil(0.3 * pages.length));
  for (const p of pages) {
    p.lines.forEach((line, i) => {
      const band = inBand(line, p.height);
      if (!band) return;
      const extreme = band === 'top' ? i === 0 : i === p.lines.length - 1;
      const text = lineText(line);
      const repeated = (seen.get(keyOf(line, band)) ?? 0) >= repeatedMin && compact(text).length <= 60;
      if (isPageNumber(text, extreme) || repeated) for (const piece of line) out.add(piece);
    });
  }
  return out;
}
