/**
 * What a document without any of the template's tables is: a page that holds
 * only its title (a crawl that kept nothing of the body), a report on the
 * template used before 2019 (the 2008 regulation's outline and statistics
 * table), or no annual report at all. Pure.
 */
import type { DocumentModel } from '../extract/document.ts';
import { normalizeLabel } from './normalize-label.ts';
import type { ReportRecord } from './record.ts';
import { FIRST_YEAR_OF_2019_TEMPLATE, PRE_2019_MARKERS } from './template/template.ts';
import { includesAny } from './normalize-label.ts';
import { RULE, ruleOf } from './validate/rules.ts';

export type ReportKind = { kind: 'report' } | { kind: 'title_only'; title: string } | { kind: 'unsupported_template'; year: number | null } | { kind: 'not_a_report' };

function hasNoTables(record: ReportRecord): boolean {
  return (
    Object.keys(record.active_disclosure).length === 0 &&
    Object.keys(record.applications).length === 0 &&
    Object.keys(record.review_litigation).length === 0
  );
}

/** True when every text block of the document is its title (or the page title the crawler kept). */
function holdsOnlyTitle(doc: DocumentModel, title: string): boolean {
  const titles = new Set([normalizeLabel(title), ...(doc.title ? [normalizeLabel(doc.title)] : [])]);
  return doc.blocks.every((b) => b.kind !== 'table' && (normalizeLabel(b.text) === '' || titles.has(normalizeLabel(b.text).replace(/^标题[:：]/u, ''))));
}

/** The report is on the pre-2019 template: its year comes before the 2019 template, or it prints the 2008 outline's words. */
function isPre2019(doc: DocumentModel, year: number | null): boolean {
  if (year !== null && year < FIRST_YEAR_OF_2019_TEMPLATE) return true;
  const text = normalizeLabel(doc.blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.map((c) => c.text).join('')).join('') : b.text)).join(''));
  return includesAny(text, PRE_2019_MARKERS);
}

export function reportKind(record: ReportRecord, doc: DocumentModel): ReportKind {
  if (!hasNoTables(record)) return { kind: 'report' };
  const title = record.title ?? doc.title ?? null;
  if (title && holdsOnlyTitle(doc, title)) return { kind: 'title_only', title };
  if (title && isPre2019(doc, record.year)) return { kind: 'unsupported_template', year: record.year };
  return { kind: 'not_a_report' };
}

/** The record of a report on the pre-2019 template: its agency and year, no numbers, and the status that says why. */
export function asUnsupportedTemplate(record: ReportRecord, year: number | null): ReportRecord {
  const when = year === null ? 'its year unknown' : `year ${year}`;
  return {
    ...record,
    status: 'unsupported_template',
    template: null,
    cells: [],
    validation: [
      {
        ...ruleOf(RULE.extractUnsupportedTemplate),
        message: `report on the template used before 2019 (the 2008 regulation's statistics; ${when}): its numbers are not read`,
      },
    ],
  };
}
