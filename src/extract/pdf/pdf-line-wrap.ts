/**
 * Whether the text of a cell wrapped from one printed line onto the next.
 * Text runs on to the next line only when the first word of that line would
 * not have fitted at the end of the line above, inside the cell; a line that
 * stops short of its cell's right edge by more than that word is complete.
 * A word is the least a line can be broken into: a run of Latin letters and
 * digits (a number) or one CJK character, with the opening punctuation that
 * may not end a line before it and the closing punctuation that may not
 * start one after it.
 */
import type { TextPiece } from './pdf-geometry.ts';

const OPENING = /[（(《「『“‘【〔[〈]/u;
const CLOSING = /[）)》」』”’】〕\]〉，。、；：？！,;:?!%…·]/u;
const LATIN = /[A-Za-z0-9.,%+\-/]/u;

/** Width of the first unbreakable word of a line, from the widths of its pieces. */
export function firstWordWidth(pieces: readonly TextPiece[]): number {
  const chars = [...pieces]
    .sort((a, b) => a.x0 - b.x0)
    .flatMap((p) => {
      const cs = [...p.text];
      const w = (p.x1 - p.x0) / Math.max(1, cs.length);
      return cs.filter((ch) => !/\s/u.test(ch)).map((ch) => ({ ch, w }));
    });
  let i = 0;
  let width = 0;
  const take = () => {
    width += chars[i]!.w;
    i++;
  };
  while (i < chars.length && OPENING.test(chars[i]!.ch)) take();
  if (i < chars.length && LATIN.test(chars[i]!.ch)) while (i < chars.length && LATIN.test(chars[i]!.ch)) take();
  else if (i < chars.length) take();
  while (i < chars.length && CLOSING.test(chars[i]!.ch)) take();
  return width;
}

/**
 * Whether a cell line ending at `lineEnd` wrapped onto the next line (printed
 * as `next`): the next line's first word would have run past the cell's text
 * edge (allowing a quarter of the font size for an edge that is estimated).
 */
export function wrapsOnto(lineEnd: number, next: readonly TextPiece[], edge: number, size: number): boolean {
  return lineEnd + firstWordWidth(next) > edge + 0.25 * size;
}
