/**
 * Every PDF fixture gives exactly the records it gave when they were
 * snapshotted (test/fixtures/pdf-records, written by
 * scripts/snapshot-pdf-records.ts with the pdfjs engine): the PDF engine
 * underneath may change, what the warehouse gets may not. A page drawn a
 * quarter turn round in an offset media box and turned back by /Rotate
 * (turned.pdf) gives the record of the page as drawn upright. The two with
 * no text layer to read (scanned.pdf, unmapped.pdf) were snapshotted again
 * when scans went to OCR: their records are Tesseract's reading (with
 * rulings) and the needs-OCR failure of the text layer (text alone).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SAME_AS, SNAPSHOT_DIR, pdfFixtures, pdfOutcome, snapshotName } from './support/pdf-records.ts';

describe('PDF records', () => {
  const files = pdfFixtures();
  it('has one snapshot per PDF fixture, and none for a fixture that is gone', () => {
    expect(files.length).toBeGreaterThanOrEqual(17);
    expect(readdirSync(SNAPSHOT_DIR).sort()).toEqual(files.map(snapshotName).sort());
  });
  for (const file of files) {
    const name = snapshotName(file);
    it(`${name}: the same record as snapshotted`, async () => {
      const expected = JSON.parse(readFileSync(join(SNAPSHOT_DIR, name), 'utf8')) as unknown;
      expect(await pdfOutcome(file)).toEqual(expected);
    });
  }

  for (const [name, original] of Object.entries(SAME_AS)) {
    it(`${name}: the record of ${original}, which it shows exactly`, async () => {
      const expected = readFileSync(join(SNAPSHOT_DIR, `pdf--${original}.json`), 'utf8');
      const got = JSON.stringify(await pdfOutcome(join(FIXTURES, 'pdf', name)));
      expect(JSON.parse(got.replaceAll(name, original))).toEqual(JSON.parse(expected));
    });
  }
});
