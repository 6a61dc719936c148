/**
 * Every PDF fixture gives exactly the records it gave when they were
 * snapshotted (test/fixtures/pdf-records, written by
 * scripts/snapshot-pdf-records.ts with the pdfjs engine): the PDF engine
 * underneath may change, what the warehouse gets may not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_DIR, pdfFixtures, pdfOutcome, snapshotName } from './support/pdf-records.ts';

describe('PDF records', () => {
  const files = pdfFixtures();
  it('covers every PDF fixture', () => {
    expect(files.length).toBeGreaterThanOrEqual(17);
  });
  for (const file of files) {
    const name = snapshotName(file);
    it(`${name}: the same record as snapshotted`, async () => {
      const expected = JSON.parse(readFileSync(join(SNAPSHOT_DIR, name), 'utf8')) as unknown;
      expect(await pdfOutcome(file)).toEqual(expected);
    });
  }
});
