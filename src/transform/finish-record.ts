/**
 * Completes a mapped record: the agency's place on the map and the
 * validation rules over its numbers. Pure.
 */
import type { DocumentModel } from '../extract/document.ts';
import type { ReportRecord } from './record.ts';
import { resolveRegion } from './region/resolve-region.ts';
import { validateRecord } from './validate/validate-record.ts';

/** The field of a crawler's header (src/extract/text-crawl-header.ts) that holds the page's URL. */
const CRAWL_SOURCE_URL_FIELD = '原文链接';

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
    // A crawler's own header names the page it saved: a clue when no manifest gives the URL.
    sourceUrl: options.sourceUrl ?? document.meta?.[CRAWL_SOURCE_URL_FIELD],
  });
  return { ...record, region, validation: [...record.validation, ...validateRecord(record), ...regionIssues] };
}
