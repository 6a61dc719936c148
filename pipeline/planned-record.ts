/**
 * The record a planned report holds, as written: its staged record with the
 * issues the plan adds (one per cell where a copy disagrees with its
 * primary, the cross-year check). Records come one at a time from `recordAt`
 * (the last one is kept: a copy and its primary are often written together).
 */
import type { PlannedReport } from '../src/load/planned-report.ts';
import { copyIssues } from '../src/transform/duplicates/choose-primary.ts';
import type { ReportRecord } from '../src/transform/record.ts';

export function plannedRecordLoader(recordAt: (key: string) => Promise<ReportRecord>): (p: PlannedReport) => Promise<ReportRecord | null> {
  let cached: { key: string; record: ReportRecord } | null = null;
  const load = async (key: string): Promise<ReportRecord> => {
    if (cached?.key !== key) cached = { key, record: await recordAt(key) };
    return cached.record;
  };
  return async (p) => {
    if (p.recordKey === null) return null;
    const primary = p.primary ? { record: await load(p.primary.recordKey), sourcePath: p.primary.path } : null;
    const record = await load(p.recordKey);
    const copy = primary ? copyIssues(primary, { record, sourcePath: p.sourcePath }) : [];
    return copy.length + p.extraIssues.length === 0 ? record : { ...record, validation: [...record.validation, ...copy, ...p.extraIssues] };
  };
}
