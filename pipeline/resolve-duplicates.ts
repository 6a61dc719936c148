/**
 * Documents that give the same agency and year (a page and its PDF
 * attachment, a re-published correction): all are kept in `reports`, one is
 * chosen primary by choosePrimary (fewest errors, best-kept format, newest
 * publication date from the manifest, then path; file times are not used,
 * so the same files always give the same choice) and only its facts load; each other copy carries one issue per
 * cell where it disagrees with the primary.
 */
import { agencyId } from '../src/load/warehouse.ts';
import type { DocumentResult } from '../src/load/document-result.ts';
import { choosePrimary, type Candidate } from '../src/transform/duplicates/choose-primary.ts';
import type { ReportRecord } from '../src/transform/record.ts';

type RecordResult = Extract<DocumentResult, { kind: 'record' }>;

/** The agency-and-year key a document belongs to, or null when either is unknown. */
export function agencyYearKey(record: ReportRecord): { agencyId: string; year: number } | null {
  const id = agencyId(record);
  return id !== null && record.year !== null ? { agencyId: id, year: record.year } : null;
}

export function resolveDuplicates(results: readonly DocumentResult[]): DocumentResult[] {
  const groups = new Map<string, RecordResult[]>();
  for (const r of results) {
    if (r.kind !== 'record') continue;
    const key = agencyYearKey(r.record);
    if (!key) continue;
    const k = `${key.agencyId}|${key.year}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const replaced = new Map<RecordResult, RecordResult>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const candidates: Candidate[] = group.map((r) => ({
      record: r.record,
      sourcePath: r.source.path,
      ...(r.source.published ? { published: r.source.published } : {}),
      errors: r.record.validation.filter((i) => i.severity === 'error').length,
    }));
    const choice = choosePrimary(candidates);
    for (const r of group) {
      if (r.source.path === choice.primary.sourcePath) {
        replaced.set(r, { ...r, primary: true });
        continue;
      }
      const issues = choice.otherIssues[r.source.path] ?? [];
      replaced.set(r, {
        ...r,
        primary: false,
        duplicateOf: choice.primary.sourcePath,
        record: { ...r.record, validation: [...r.record.validation, ...issues] },
      });
    }
  }
  return results.map((r) => (r.kind === 'record' ? (replaced.get(r) ?? r) : r));
}
