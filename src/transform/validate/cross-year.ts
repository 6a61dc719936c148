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
import { balance, gapReason } from './sum-check.ts';
import { columnLabel } from './template-labels.ts';

const ROW = 'carried_over';
const NEXT_YEAR_ROW = 'carried_forward';

type Values = readonly (number | null)[];

/**
 * What the rule reads of one year's 三: whether it printed any row, its
 * 二、上年结转 and its 四、结转下年度继续办理 (each absent when not printed).
 * A run keeps this much of each report for the rule, not the whole table.
 */
export interface CarriedRows {
  printed: boolean;
  carriedOver?: Values;
  carriedForward?: Values;
}

export function carriedRows(applications: ReportRecord['applications']): CarriedRows {
  const over = applications[ROW];
  const forward = applications[NEXT_YEAR_ROW];
  return {
    printed: Object.keys(applications).length > 0,
    ...(over === undefined ? {} : { carriedOver: over }),
    ...(forward === undefined ? {} : { carriedForward: forward }),
  };
}

/**
 * Issues on this year's 二、上年结转 row. `previousCarriedForward` is last
 * year's 四 row in applicant column order (null for blanks), or null when the
 * warehouse holds no report of last year: then there is nothing to compare.
 */
export function checkCarriedOver(current: CarriedRows & { year: number | null }, previousCarriedForward: Values | null): ValidationIssue[] {
  if (previousCarriedForward === null) return [];
  if (!current.printed) return [];
  const lastYear = current.year === null ? 'last year' : `${current.year - 1}`;
  const previousName = `${lastYear}'s 四、结转下年度`;
  const row = current.carriedOver;
  if (row === undefined) {
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
    const b = balance([{ name: '二、上年结转', value: i < row.length ? row[i] : undefined }], [{ name: previousName, value: previous }]);
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
