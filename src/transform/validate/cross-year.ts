/**
 * Across years: this year's 二、上年结转政府信息公开申请数量 should equal last
 * year's 四、结转下年度继续办理 for the same agency, per applicant column. The
 * caller looks last year's row up in the warehouse (primary report of the
 * agency for year - 1); this module only compares. A warning, not an error:
 * agencies legitimately restate carried-over requests. Pure.
 */
import type { ReportRecord, ValidationIssue } from '../record.ts';
import { APPLICANT_COLUMNS } from '../template/template.ts';
import { RULE, ruleOf } from './rules.ts';
import { balance, cellOf, gapReason } from './sum-check.ts';
import { columnLabel } from './template-labels.ts';

const ROW = 'carried_over';

/**
 * Issues on this year's 二、上年结转 row. `previousCarriedForward` is last
 * year's 四 row in applicant column order (null for blanks), or null when the
 * warehouse holds no report of last year: then there is nothing to compare.
 */
export function checkCarriedOver(current: Pick<ReportRecord, 'applications' | 'year'>, previousCarriedForward: readonly (number | null)[] | null): ValidationIssue[] {
  if (previousCarriedForward === null) return [];
  const rows = current.applications;
  if (Object.keys(rows).length === 0) return [];
  const lastYear = current.year === null ? 'last year' : `${current.year - 1}`;
  const previousName = `${lastYear}'s 四、结转下年度`;
  if (!(ROW in rows)) {
    return [
      {
        ...ruleOf(RULE.crossYearCarriedOverNotCheckable),
        table: 'applications',
        row: ROW,
        message: `三: 二、上年结转 = ${previousName} not checkable: 二、上年结转 is not printed`,
      },
    ];
  }
  return APPLICANT_COLUMNS.flatMap((column, i): ValidationIssue[] => {
    const previous = i < previousCarriedForward.length ? previousCarriedForward[i] : undefined;
    const b = balance([{ name: '二、上年结转', value: cellOf(rows, ROW, i) }], [{ name: previousName, value: previous }]);
    const where = `三 row 二、上年结转 column ${columnLabel('applications', column)}`;
    const at = { table: 'applications' as const, row: ROW, column };
    if (b.kind === 'equal') return [];
    if (b.kind === 'not_checkable') {
      return [{ ...ruleOf(RULE.crossYearCarriedOverNotCheckable), ...at, message: `${where}: comparison with ${previousName} not checkable: ${gapReason(b)}` }];
    }
    return [
      {
        ...ruleOf(RULE.crossYearCarriedOver),
        ...at,
        printed: b.left,
        expected: b.right,
        message: `${where}: prints ${b.left} but ${previousName}继续办理 was ${b.right}`,
      },
    ];
  });
}
