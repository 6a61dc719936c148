/**
 * The cross-year rule over the plan: each primary report's 二、上年结转
 * against the 四、结转下年度继续办理 of the same agency's primary report of
 * the year before, both as the plan has them (pure). A change to either year's
 * file changes the other's issues in the same run.
 */
import { checkCarriedOver } from '../src/transform/validate/cross-year.ts';
import type { ValidationIssue } from '../src/transform/record.ts';
import type { StagedSummary } from './staged-result.ts';

export interface PrimaryOfYear {
  agencyId: string;
  year: number;
  summary: StagedSummary;
}

/** Issues per primary report, by its summary's key. Reports with nothing to compare get none. */
export function crossYearIssues(primaries: readonly PrimaryOfYear[]): Map<StagedSummary, ValidationIssue[]> {
  const byAgencyYear = new Map(primaries.map((p) => [`${p.agencyId}|${p.year}`, p.summary]));
  const out = new Map<StagedSummary, ValidationIssue[]>();
  for (const p of primaries) {
    const previous = byAgencyYear.get(`${p.agencyId}|${p.year - 1}`)?.carried.carriedForward ?? null;
    const issues = checkCarriedOver({ ...p.summary.carried, year: p.year }, previous);
    if (issues.length > 0) out.set(p.summary, issues);
  }
  return out;
}
