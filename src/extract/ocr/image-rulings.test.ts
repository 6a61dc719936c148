/**
 * Rulings from a page image: a drawn grid, turned as a scanner turns a
 * sheet, is measured straight again and its lines come back at their places
 * (page units); a large character's strokes are no rulings.
 */
import { describe, expect, it } from 'vitest';
import type { GreyImage } from './grey-image.ts';
import { findRulings, measureSkew, straighten } from './image-rulings.ts';

/** A white page at `dpi` with a 3 × 4 grid (rows 40 pt, columns 100 pt, from 72 pt in) in 2-px lines, as a scanner prints a 0.75 pt rule. */
function gridPage(dpi: number): GreyImage {
  const px = (pt: number) => Math.round((pt * dpi) / 72);
  const width = px(595);
  const height = px(500);
  const data = new Uint8Array(width * height).fill(250);
  const rows = [0, 1, 2, 3].map((i) => px(72 + i * 40));
  const cols = [0, 1, 2, 3, 4].map((i) => px(72 + i * 100));
  for (const y of rows) for (let x = cols[0]!; x <= cols[4]! + 1; x++) data.fill(0, y * width + x, y * width + x + 1), data.fill(0, (y + 1) * width + x, (y + 1) * width + x + 1);
  for (const x of cols) for (let y = rows[0]!; y <= rows[3]! + 1; y++) data.fill(0, y * width + x, y * width + x + 2);
  return { width, height, data, dpi };
}

describe('image rulings', () => {
  it('finds every line of a square grid where it is drawn', () => {
    const { rulings } = findRulings(gridPage(150));
    const h = rulings.filter((r) => r.horizontal).map((r) => Math.round(r.pos));
    const v = rulings.filter((r) => !r.horizontal).map((r) => Math.round(r.pos));
    expect(h).toEqual([72, 112, 152, 192]);
    expect(v).toEqual([72, 172, 272, 372, 472]);
    expect(measureSkew(gridPage(150))).toBe(0);
  });

  it('measures a turned page and straightens it so the grid is found whole', () => {
    const page = gridPage(150);
    const turned = straighten(page, -0.6);
    const skew = measureSkew(turned);
    // The turn that undoes it.
    expect(Math.abs(skew - 0.6)).toBeLessThanOrEqual(0.1);
    const { rulings } = findRulings(straighten(turned, skew));
    // Each line of the grid is found along most of its length, at its place (within 1 pt).
    const lines = (horizontal: boolean, at: number[], length: number) =>
      at.map((pos) => rulings.filter((r) => r.horizontal === horizontal && Math.abs(r.pos - pos) <= 1).reduce((sum, r) => sum + r.to - r.from, 0) / length);
    for (const share of [...lines(true, [72, 112, 152, 192], 400), ...lines(false, [72, 172, 272, 372, 472], 120)]) expect(share).toBeGreaterThan(0.9);
  });

  it('paints the rulings out of the image handed to the engine, in black and white', () => {
    const { text } = findRulings(gridPage(150));
    expect(new Set(text.data)).toEqual(new Set([255]));
  });

  it('takes a thick stroke (a title character) for no ruling', () => {
    const page = gridPage(150);
    // A 10-px-thick bar 60 pt long: a stroke of a large bold character.
    for (let y = 420; y < 430; y++) for (let x = 300; x < 425; x++) page.data[y * page.width + x] = 0;
    const { rulings } = findRulings(page);
    expect(rulings.filter((r) => r.horizontal)).toHaveLength(4);
  });
});

describe('strokes of characters', () => {
  it('are no rulings when they form no grid with a long line (a title glyph of thin strokes)', () => {
    const page = gridPage(300);
    // A 日-like glyph, 24 pt square, of 3-px strokes, far from the grid.
    const px = (pt: number) => Math.round((pt * 300) / 72);
    const [x0, y0, side] = [px(100), px(300), px(24)];
    for (const y of [y0, y0 + side / 2, y0 + side]) for (let t = 0; t < 3; t++) page.data.fill(0, (y + t) * page.width + x0, (y + t) * page.width + x0 + side + 3);
    for (const x of [x0, x0 + side]) for (let y = y0; y <= y0 + side + 2; y++) page.data.fill(0, y * page.width + x, y * page.width + x + 3);
    const { rulings, text } = findRulings(page);
    expect(rulings.filter((r) => r.pos * (300 / 72) > y0 - 10 && r.horizontal)).toHaveLength(0);
    // The glyph is left whole for the engine.
    expect(text.data[(y0 + 1) * page.width + x0 + 10]).toBe(0);
  });
});
