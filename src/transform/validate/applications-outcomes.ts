/**
 * Section 三, per applicant column: the outcome rows （一）予以公开 … （六）其他处理
 * sum to （七）总计. （六） is whichever the report printed: the 2019 single row
 * other_handling or the 2021 sub-rows 1./2./3.; when a report prints any 2021
 * sub-row the sub-rows are used (a printed （六） row beside them would be their
 * subtotal). An issue sits on the column's （七）总计 cell: `printed` is that
 * cell, `expected` the sum of the outcome rows. Pure.
 */
import type { ReportRecord, ValidationIssue } from '../record.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, ROWS_2019_ONLY, ROWS_2021_ONLY } from '../template/template.ts';
import { RULE, ruleOf } from './rules.ts';
import { balance, cellOf, gapReason } from './sum-check.ts';
import { columnLabel, rowLabel } from './template-labels.ts';

const TOTAL_ROW = 'total_handled';

/** Outcome rows of the 2019 and 2021 templates: every row between 二、上年结转 and （七）总计. */
const ALL_OUTCOME_ROWS = APPLICATION_ROWS.slice(APPLICATION_ROWS.indexOf('carried_over') + 1, APPLICATION_ROWS.indexOf(TOTAL_ROW));

/** The outcome rows a report's （七）总计 adds up, given the rows it printed. */
export function outcomeRows(printed: Readonly<Record<string, unknown>>): string[] {
  const uses2021 = ROWS_2021_ONLY.some((r) => r in printed);
  const skip = uses2021 ? ROWS_2019_ONLY : ROWS_2021_ONLY;
  return ALL_OUTCOME_ROWS.filter((r) => !skip.includes(r));
}

export function checkApplicationsOutcomes(record: ReportRecord): ValidationIssue[] {
  const rows = record.applications;
  if (Object.keys(rows).length === 0) return [];
  const needed = outcomeRows(rows);
  const uses2019 = needed.includes('other_handling');
  const absent = [...needed, TOTAL_ROW]
    .filter((r) => !(r in rows))
    // Neither （六） variant printed: name the row the 2019 template would have.
    .map((r) => (uses2019 && r === 'other_handling' ? '（六）其他处理' : rowLabel('applications', r)));
  if (absent.length > 0) {
    return [
      {
        ...ruleOf(RULE.applicationsOutcomesTotalNotCheckable),
        table: 'applications',
        row: TOTAL_ROW,
        message: `三: outcome rows = （七）总计 not checkable in any column: ${gapReason({ blank: [], absent })}`,
      },
    ];
  }
  return APPLICANT_COLUMNS.flatMap((column, i): ValidationIssue[] => {
    const parts = needed.map((r) => ({ name: rowLabel('applications', r), value: cellOf(rows, r, i) }));
    const b = balance(parts, [{ name: '（七）总计', value: cellOf(rows, TOTAL_ROW, i) }]);
    const where = `三 column ${columnLabel('applications', column)}`;
    const at = { table: 'applications' as const, row: TOTAL_ROW, column };
    if (b.kind === 'equal') return [];
    if (b.kind === 'not_checkable') {
      return [{ ...ruleOf(RULE.applicationsOutcomesTotalNotCheckable), ...at, message: `${where}: outcome rows = （七）总计 not checkable: ${gapReason(b)}` }];
    }
    return [
      {
        ...ruleOf(RULE.applicationsOutcomesTotal),
        ...at,
        printed: b.right,
        expected: b.left,
        message: `${where}: the outcome rows （一）…（六） sum to ${b.left} but （七）总计 prints ${b.right}`,
      },
    ];
  });
}
