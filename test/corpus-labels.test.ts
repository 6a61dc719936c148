/**
 * Every labelled document in the corpus extracts to exactly its label:
 * every cell, the agency, the year and the template version.
 */
import { describe, expect, it } from 'vitest';
import { extractRecord } from '../pipeline/extract-record.ts';
import { cellDifferences, loadCorpusLabels } from './support/label.ts';

describe('corpus labels', () => {
  for (const { name, label, docPath } of loadCorpusLabels()) {
    it(`${name} extracts to its label`, async () => {
      const record = await extractRecord(docPath);
      expect(cellDifferences(label, record)).toEqual([]);
      expect(record.year).toBe(label.year);
      expect(record.template).toBe(label.template);
      // The label's agency as printed; the record may add the parent place (淮安市洪泽区 for 洪泽区).
      const agency = record.agency ?? '';
      expect(label.agency.includes(agency) || agency.includes(label.agency)).toBe(true);
      expect(agency.length).toBeGreaterThan(1);
    });
  }
});
