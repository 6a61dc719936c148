/**
 * The record a planned report holds, as written: its staged record with the
 * issues the plan adds (one per cell where a copy disagrees with its
 * primary, the cross-year check). Records come one at a time from `recordAt`:
 * the last one read is kept (a copy and its primary are often written
 * together), and so are the last primaries, so the copies of a report that
 * the plan's order scatters (a report mirrored on several sites) read their
 * primary once.
 */
import type { PlannedReport } from '../src/load/planned-report.ts';
import { copyIssues } from '../src/transform/duplicates/choose-primary.ts';
import type { ReportRecord } from '../src/transform/record.ts';
import type { StageStore } from './stage-store.ts';

/** Primaries kept, least recently used dropped first: a few megabytes of records at most. */
const PRIMARIES_KEPT = 64;

export function plannedRecordLoader(recordAt: (key: string) => Promise<ReportRecord>): (p: PlannedReport) => Promise<ReportRecord | null> {
  let last: { key: string; record: ReportRecord } | null = null;
  const primaries = new Map<string, ReportRecord>();
  const load = async (key: string): Promise<ReportRecord> => {
    if (last?.key !== key) last = { key, record: primaries.get(key) ?? (await recordAt(key)) };
    return last.record;
  };
  const loadPrimary = async (key: string): Promise<ReportRecord> => {
    const record = await load(key);
    primaries.delete(key);
    primaries.set(key, record);
    if (primaries.size > PRIMARIES_KEPT) primaries.delete(primaries.keys().next().value as string);
    return record;
  };
  return async (p) => {
    if (p.recordKey === null) return null;
    const primary = p.primary ? { record: await loadPrimary(p.primary.recordKey), sourcePath: p.primary.path } : null;
    const record = await load(p.recordKey);
    const copy = primary ? copyIssues(primary, { record, sourcePath: p.sourcePath }) : [];
    return copy.length + p.extraIssues.length === 0 ? record : { ...record, validation: [...record.validation, ...copy, ...p.extraIssues] };
  };
}

/** The records of planned reports, read from the stage. */
export function stagedRecordLoader(stage: StageStore): (p: PlannedReport) => Promise<ReportRecord | null> {
  return plannedRecordLoader(async (key) => {
    const result = await stage.result(key);
    if (result.outcome.kind !== 'record') throw new Error(`staged result ${key} holds no record`);
    return result.outcome.record;
  });
}
