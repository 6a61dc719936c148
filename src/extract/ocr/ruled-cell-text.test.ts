/**
 * Ruled tables read cell by cell (ruled-cell-text.ts), on the scanned
 * fixtures (test/fixtures/scan: printed, turned, JPEG-noisy): at 150 dpi
 * every labelled cell comes out as printed, each OCR'd value a warning
 * naming its cell; the two reports here are the one with the largest
 * numbers (hundreds, and totals of six digits) and one with a lone 2 and 3
 * that chi_sim alone takes for characters; their titles (the agency) are
 * read as printed too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishRecord } from '../../transform/finish-record.ts';
import { transformDocument } from '../../transform/transform-document.ts';
import { cellDifferences, loadCorpusLabels } from '../../../test/support/label.ts';
import { ocrPdf } from './ocr-document.ts';

const SCANS = new URL('../../../test/fixtures/scan/', import.meta.url).pathname;
/** OCR of a two-page scan takes seconds; the tests wait for it (they measure nothing). */
const OCR_WAIT_MS = 180_000;

describe('scanned reports read cell by cell', () => {
  for (const name of ['shuyang-county-2025', '002_02af2ddfabc85d6c']) {
    it(`${name} (150 dpi): every labelled cell as printed, the year and the agency's name in the title, every value a warning naming its cell`, { timeout: OCR_WAIT_MS }, async () => {
      const file = join(SCANS, `${name}.150dpi.pdf`);
      const label = loadCorpusLabels().find((l) => l.name === name)!.label;
      const doc = await ocrPdf(new Uint8Array(readFileSync(file)), file);
      const record = finishRecord(transformDocument(doc), doc, {});
      expect(cellDifferences(label, record)).toEqual([]);
      expect(record.year).toBe(label.year);
      // The title, large, is read on its own (large-text.ts); the county prints 沐, one dot from 沭.
      expect(record.agency).toContain(label.agency);
      const named = new Set(record.validation.filter((v) => v.rule === 'extract.ocr_value' || v.rule === 'extract.low_confidence').map((v) => `${v.table}.${v.row}.${v.column}`));
      for (const c of record.cells.filter((c) => c.value !== null)) expect(named.has(`${c.table}.${c.row}.${c.column}`), `${c.table}.${c.row}.${c.column}`).toBe(true);
    });
  }
});
