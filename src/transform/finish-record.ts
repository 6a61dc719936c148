/**
 * Completes a mapped record: the agency's place on the map and the
 * validation rules over its numbers. Pure.
 */
import type { DocumentModel } from '../extract/document.ts';
import type { ReportRecord } from './record.ts';
import { resolveRegion } from './region/resolve-region.ts';
import { validateRecord } from './validate/validate-record.ts';

export interface FinishOptions {
  sourceUrl?: string;
}

function bodyText(document: DocumentModel): string {
  return document.blocks.flatMap((b) => (b.kind === 'table' ? [] : [b.text])).join('\n');
}

export function finishRecord(record: ReportRecord, document: DocumentModel, options: FinishOptions = {}): ReportRecord {
  const { region, issues: regionIssues } = resolveRegion({
    agency: record.agency,
    title: record.title,
    body: bodyText(document),
    sourceUrl: options.sourceUrl,
  });
  return { ...record, region, validation: [...record.validation, ...validateRecord(record), ...regionIssues] };
}
