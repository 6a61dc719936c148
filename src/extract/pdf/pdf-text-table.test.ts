/**
 * Tables without drawn lines, rebuilt from text alignment, on a committed
 * borderless PDF: test/fixtures/pdf/shuyang-county-2025.noborders.pdf is the
 * labelled record through the DOCX renderer with no cell borders
 * (renderDocx(layout, { noBorders: true })), converted by LibreOffice. Its
 * label-only lines under a row, labels wrapped in their cells and numbers
 * wrapped inside narrow columns ("70" over "5") must come back as cells
 * (test/round-trip.test.ts checks that it extracts to exactly its label).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../document.ts';
import { extractPdf } from './pdf.ts';

const NAME = 'shuyang-county-2025';
const FILE = new URL(`../../../test/fixtures/pdf/${NAME}.noborders.pdf`, import.meta.url).pathname;

async function rows(): Promise<string[][]> {
  const doc = await extractPdf(new Uint8Array(readFileSync(FILE)), FILE);
  return doc.blocks.filter((b): b is TableBlock => b.kind === 'table').flatMap((t) => t.rows.map((r) => r.filter((c) => !c.covered).map((c) => c.text)));
}

describe(`borderless PDF (${NAME}.noborders.pdf)`, () => {
  it('draws no rulings: reading it with or without them gives the same document', async () => {
    const bytes = new Uint8Array(readFileSync(FILE));
    expect(await extractPdf(bytes, FILE, { rulings: false })).toEqual(await extractPdf(bytes, FILE));
  });

  it('ends a row at a short label: the line below it is a row of its own, not the rest of that label', async () => {
    const all = await rows();
    expect(all).toContainEqual(['行政规范性文件', '6', '1', '32']);
    expect(all.some((r) => r[0] === '第二十条第（五）项' && r.slice(1).every((t) => t === ''))).toBe(true);
  });

  it('reads a number wrapped inside a narrow column as one value (70 over 5 is 705)', async () => {
    const row = (await rows()).find((r) => r[0] === '一、本年新收政府信息公开申请数量');
    expect(row?.slice(1)).toEqual(['705', '3', '0', '0', '5', '0', '713']);
  });

  it('joins a label wrapped in its cell, and keeps a group label written down its column in one cell', async () => {
    const all = await rows();
    expect(all.some((r) => r.includes('（二）部分公开（区分处理的，只计这一情形，不计其他情形）') && r.includes('101'))).toBe(true);
    expect(all.some((r) => r.includes('三、本年度办理结果'))).toBe(true);
  });
});
