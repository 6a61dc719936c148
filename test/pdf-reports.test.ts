/**
 * PDF reports through the whole of extract and transform: the labelled WPS
 * export (hzq2023_working.pdf) maps onto its label cell for cell, whether its
 * tables are rebuilt from the drawn rulings or from text alignment alone;
 * the unlabelled WPS exports come out the same both ways and pass their own
 * validation. (What the PDF extractor rebuilds is pinned in
 * src/extract/pdf/pdf.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRecord } from '../pipeline/extract-record.ts';
import type { DocumentModel } from '../src/extract/document.ts';
import { extractPdf } from '../src/extract/pdf/pdf.ts';
import { transformDocument } from '../src/transform/transform-document.ts';
import { CORPUS, cellDifferences, loadCorpusLabels } from './support/label.ts';

const DOCS = join(CORPUS, 'docs');

async function extract(file: string, rulings: boolean): Promise<DocumentModel> {
  return extractPdf(new Uint8Array(readFileSync(file)), file, { rulings });
}

describe('the labelled WPS report (hzq2023_working.pdf)', () => {
  const file = join(DOCS, 'hzq2023_working.pdf');
  const label = loadCorpusLabels().find((l) => l.label.doc === 'hzq2023_working.pdf')!.label;

  for (const rulings of [true, false]) {
    const mode = rulings ? 'from drawn rulings' : 'from text alignment alone';
    it(`maps onto the label cell for cell (${mode})`, async () => {
      const record = transformDocument({ ...(await extract(file, rulings)), file: basename(file) });
      expect(cellDifferences(label, record)).toEqual([]);
      expect(record.year).toBe(label.year);
      expect(record.template).toBe(label.template);
    });
  }

  it('extracts through the pipeline to exactly its label', async () => {
    const record = await extractRecord(file);
    expect(cellDifferences(label, record)).toEqual([]);
  });
});

describe('the unlabelled WPS reports', () => {
  for (const name of ['hzq2024_working.pdf', 'szfgs2024.pdf']) {
    it(`${name}: extracts without error, and rulings and text alignment agree cell for cell`, async () => {
      const file = join(DOCS, name);
      const fromRulings = transformDocument(await extract(file, true));
      const fromText = transformDocument(await extract(file, false));
      expect(Object.keys(fromRulings.applications).length).toBeGreaterThanOrEqual(23);
      expect(Object.keys(fromRulings.review_litigation)).toEqual(['review', 'litigation_direct', 'litigation_after_review']);
      expect(cellDifferences(fromRulings, fromText)).toEqual([]);
      expect(fromRulings.validation.filter((v) => v.rule.startsWith('extract.'))).toEqual([]);
    });

    it(`${name}: passes its own validation; its numbers add up (the 勾稽关系, read from the rebuilt tables)`, async () => {
      const record = await extractRecord(join(DOCS, name));
      expect(record.validation.filter((v) => v.severity === 'error')).toEqual([]);
      const a = record.applications;
      const sum = (codes: string[], col: number) => codes.reduce((s, c) => s + (a[c]?.[col] ?? 0), 0);
      const handled = Object.keys(a).filter((c) => !['new_received', 'carried_over', 'total_handled', 'carried_forward'].includes(c));
      for (let col = 0; col < 7; col++) {
        expect(sum(['new_received', 'carried_over'], col)).toBe(sum(['total_handled', 'carried_forward'], col));
        expect(sum(handled, col)).toBe(a.total_handled![col]);
      }
      for (const values of Object.values(record.review_litigation)) {
        expect((values[0] ?? 0) + (values[1] ?? 0) + (values[2] ?? 0) + (values[3] ?? 0)).toBe(values[4]);
      }
    });
  }
});
