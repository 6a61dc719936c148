/**
 * Scans against reports with a picture in them, on page contents made up
 * here: only a PDF whose pages are mostly images with little text in all
 * needs OCR (the committed scanned.pdf and unmapped.pdf are in pdf.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { NeedsOcrError } from '../../errors.ts';
import type { PageContent } from './pdf-page-content.ts';
import { checkTextLayer } from './pdf-text-layer.ts';

function page(n: number, chars: number, images: number): PageContent {
  const pieces = chars === 0 ? [] : [{ text: '政'.repeat(chars), x0: 0, y0: 0, x1: chars * 10, y1: 10, size: 10, vertical: false, page: n }];
  return { page: n, width: 595, height: 842, pieces, rulings: [], images };
}

describe('checkTextLayer', () => {
  it('a two-page report whose last page holds only its seal and a date is read', () => {
    expect(() => checkTextLayer([page(1, 3000, 0), page(2, 9, 1)], 'report.pdf')).not.toThrow();
  });

  it('a typed cover page before scanned pages needs OCR', () => {
    expect(() => checkTextLayer([page(1, 120, 0), page(2, 0, 1), page(3, 4, 1), page(4, 0, 1)], 'scan.pdf')).toThrow(NeedsOcrError);
  });
});
