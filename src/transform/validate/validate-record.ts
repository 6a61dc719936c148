/**
 * The within-document validation rules over one record's numbers, in a
 * fixed order: 三 identity per column, 三 row totals, 三 outcome rows against
 * （七）总计, 四 totals, whole numbers in count cells; within a rule, template row and column order. Blank
 * cells make a rule "not checkable" (info), never a pass or a failure. The
 * cross-year rule needs the warehouse and lives in cross-year.ts. Pure.
 */
import type { ReportRecord, ValidationIssue } from '../record.ts';
import { checkApplicationsIdentity } from './applications-identity.ts';
import { checkApplicationsOutcomes } from './applications-outcomes.ts';
import { checkApplicationsRowTotals } from './applications-row-totals.ts';
import { checkCountCells } from './count-cells.ts';
import { checkReviewLitigationTotals } from './review-litigation-totals.ts';

export function validateRecord(record: ReportRecord): ValidationIssue[] {
  return [
    ...checkApplicationsIdentity(record),
    ...checkApplicationsRowTotals(record),
    ...checkApplicationsOutcomes(record),
    ...checkReviewLitigationTotals(record),
    ...checkCountCells(record),
  ];
}
