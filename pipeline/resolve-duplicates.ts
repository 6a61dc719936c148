/**
 * Reports that give the same agency and year: one is chosen primary and
 * loads its facts, the others are kept in `reports` as duplicates with every
 * disagreeing cell recorded. Placeholder wiring until the chooser lands.
 */
import type { DocumentResult } from '../src/load/document-result.ts';

export function resolveDuplicates(results: DocumentResult[]): DocumentResult[] {
  return results;
}
