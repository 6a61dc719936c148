/**
 * The cross-year rule: this year's 二、上年结转 against last year's
 * 四、结转下年度继续办理 of the same agency. Last year's row comes from this
 * run's primary documents, else from the warehouse. Only documents redone in
 * this run are checked; a later change to last year's file is caught when
 * this year's file is next redone (or with --force).
 */
import type { DocumentResult } from '../src/load/document-result.ts';
import { previousYearCarriedForward, type Warehouse } from '../src/load/warehouse.ts';
import { checkCarriedOver } from '../src/transform/validate/cross-year.ts';
import { agencyYearKey } from './resolve-duplicates.ts';

export async function addCrossYearIssues(results: readonly DocumentResult[], wh: Warehouse): Promise<DocumentResult[]> {
  const carriedForward = new Map<string, (number | null)[]>();
  for (const r of results) {
    if (r.kind !== 'record' || r.primary === false) continue;
    const key = agencyYearKey(r.record);
    const row = r.record.applications.carried_forward;
    if (key && row) carriedForward.set(`${key.agencyId}|${key.year}`, row);
  }
  const out: DocumentResult[] = [];
  for (const r of results) {
    const key = r.kind === 'record' && r.primary !== false ? agencyYearKey(r.record) : null;
    if (r.kind !== 'record' || !key) {
      out.push(r);
      continue;
    }
    const previous = carriedForward.get(`${key.agencyId}|${key.year - 1}`) ?? (await previousYearCarriedForward(wh, key.agencyId, key.year));
    const issues = checkCarriedOver(r.record, previous);
    out.push(issues.length ? { ...r, record: { ...r.record, validation: [...r.record.validation, ...issues] } } : r);
  }
  return out;
}
