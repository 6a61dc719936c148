/**
 * Page furniture on the corpus PDFs: every page of the three WPS reports
 * prints its number as "-N-" at the foot (pdftotext -layout shows "-1-" …),
 * and nothing else is furniture. Plus the page-number forms the issue names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../../../test/support/label.ts';
import { findFurniture, isPageNumber } from './pdf-furniture.ts';
import { lineText } from './pdf-geometry.ts';
import { latticeTables } from './pdf-lattice.ts';
import { openPdf } from './pdf-open.ts';
import { groupLines } from './pdf-table-model.ts';
import { readPages } from './pdf.ts';

describe('page furniture', () => {
  for (const name of ['hzq2023_working.pdf', 'hzq2024_working.pdf', 'szfgs2024.pdf']) {
    it(`${name}: the page numbers, one per page, and nothing else`, async () => {
      const file = join(CORPUS, 'docs', name);
      const doc = await openPdf(new Uint8Array(readFileSync(file)), file);
      try {
        const pages = [];
        for (const content of readPages(doc, file)) {
          const n = content.page;
          const { rest } = latticeTables(content.rulings, content.pieces, n);
          pages.push({ page: n, height: content.height, lines: groupLines(rest) });
        }
        const furniture = findFurniture(pages);
        const found = pages.map((p) => p.lines.filter((l) => l.every((piece) => furniture.has(piece))).map((l) => lineText(l).replace(/\s+/g, '')));
        expect(found).toEqual(pages.map((p) => [`-${p.page}-`]));
      } finally {
        doc.close();
      }
    });
  }

  it('reads the page-number forms of the issue; a bare number only at the top or foot of a page', () => {
    for (const t of ['-3-', '— 1 —', '- 12 -', '第 2 页', '第2页 共5页', '3/5']) expect(isPageNumber(t, false)).toBe(true);
    expect(isPageNumber('7', true)).toBe(true);
    expect(isPageNumber('7', false)).toBe(false);
    for (const t of ['2023年', '一、总体情况', '21 0 0']) expect(isPageNumber(t, true)).toBe(false);
  });
});
