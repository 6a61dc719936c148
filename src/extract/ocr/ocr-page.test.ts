/**
 * Engine words become text pieces as a PDF text layer gives them: words of a
 * line close together are one piece, never across a table ruling, and a
 * piece keeps the lowest confidence of its words; positions are page units.
 */
import { describe, expect, it } from 'vitest';
import type { Ruling } from '../pdf/pdf-page-content.ts';
import type { OcrWord } from './ocr-engine.ts';
import { wordsToPieces } from './ocr-page.ts';

const word = (text: string, x0: number, x1: number, confidence: number, line = 1): OcrWord => ({ text, x0, x1, y0: 100, y1: 130, confidence, line });

describe('words to pieces', () => {
  it('joins the words of a line into one piece with their lowest confidence, in points', () => {
    const pieces = wordsToPieces([word('本年', 0, 60, 0.95), word('新收', 64, 124, 0.7)], [], 1, 144);
    expect(pieces).toHaveLength(1);
    expect(pieces[0]).toMatchObject({ text: '本年新收', x0: 0, x1: 62, confidence: 0.7, page: 1 });
  });

  it('keeps words apart where a vertical ruling runs between them, or the gap is wide', () => {
    const ruling: Ruling = { horizontal: false, pos: 31, from: 0, to: 200 };
    expect(wordsToPieces([word('0', 0, 20, 0.9), word('0', 70, 90, 0.9)], [ruling], 1, 144).map((p) => p.text)).toEqual(['0', '0']);
    expect(wordsToPieces([word('0', 0, 20, 0.9), word('5', 120, 140, 0.9)], [], 1, 144).map((p) => p.text)).toEqual(['0', '5']);
  });

  it('keeps lines apart', () => {
    const pieces = wordsToPieces([word('一', 0, 30, 0.9, 1), { ...word('二', 0, 30, 0.9, 2), y0: 200, y1: 230 }], [], 1, 72);
    expect(pieces.map((p) => p.text)).toEqual(['一', '二']);
  });
});
