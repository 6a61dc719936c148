import { describe, expect, it } from 'vitest';
import { provenanceAt, type Provenance } from './document.ts';

describe('provenanceAt', () => {
  it('gives the fields and their order that { ...source, row, col } gives (records and the stage are JSON of them)', () => {
    const sources: Provenance[] = [{ file: 'a.html', block: 3 }, { file: 'b.pdf', page: 2, block: 0 }, { file: 'c.txt', block: 1, row: 4 }, { file: 'd.pdf', page: 1, block: 5, row: 2, col: 7 }];
    for (const s of sources) {
      expect(JSON.stringify(provenanceAt(s, 9, 8))).toBe(JSON.stringify({ ...s, row: 9, col: 8 }));
      expect(JSON.stringify(provenanceAt(s, 9))).toBe(JSON.stringify({ ...s, row: 9 }));
      expect(JSON.stringify(provenanceAt(s, undefined, 8))).toBe(JSON.stringify({ ...s, col: 8 }));
      expect(provenanceAt(s, 9, 8)).toEqual({ ...s, row: 9, col: 8 });
    }
  });
});
