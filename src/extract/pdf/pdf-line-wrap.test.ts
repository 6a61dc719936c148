/**
 * Whether a cell's text wrapped onto the next line: the first word of the
 * next line, and whether it would have fitted at the end of the line above.
 */
import { describe, expect, it } from 'vitest';
import type { TextPiece } from './pdf-geometry.ts';
import { firstWordWidth, wrapsOnto } from './pdf-line-wrap.ts';

/** A piece of `text` from x0, each character `w` wide. */
function piece(text: string, x0: number, w = 10): TextPiece {
  return { text, x0, x1: x0 + [...text].length * w, y0: 0, y1: 10, size: 10, vertical: false, page: 1 };
}

describe('firstWordWidth', () => {
  it('is one CJK character, with the closing punctuation that may not start a line', () => {
    expect(firstWordWidth([piece('果', 0)])).toBe(10);
    expect(firstWordWidth([piece('形，不计其他情形）', 0)])).toBe(20);
  });

  it('keeps an opening bracket with what follows it', () => {
    expect(firstWordWidth([piece('（五）项', 0)])).toBe(30);
  });

  it('is a whole run of digits and Latin letters, across pieces', () => {
    expect(firstWordWidth([piece('4.', 0, 5), piece('保护第三方', 10)])).toBe(10);
    expect(firstWordWidth([piece('705', 0, 6)])).toBe(18);
  });
});

describe('wrapsOnto', () => {
  it('a line that stops short of its cell edge by more than the next word is complete', () => {
    expect(wrapsOnto(127.5, [piece('第二十条第（五）项', 77.5)], 208, 10)).toBe(false);
  });

  it('a line the next word would have run past the edge wrapped', () => {
    expect(wrapsOnto(190.6, [piece('开', 130.6)], 197.2, 10)).toBe(true);
    expect(wrapsOnto(355.8, [piece('5', 343.1, 6.4)], 356.5, 10)).toBe(true);
  });
});
