/**
 * Section 三, per row: the six applicant columns (自然人, 商业企业, 科研机构,
 * 社会公益组织, 法律服务机构, 其他) sum to 总计. An issue sits on the row's 总计
 * cell: `printed` is that cell, `expected` the sum of the six. Pure.
 */
import type { ReportRecord, ValidationIssue } from '../record.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS } from '../template/template.ts';
import { rowsInOrder } from './rows-in-order.ts';
import { RULE, ruleOf } from './rules.ts';
import { balance, cellOf, gapReason } from './sum-check.ts';
import { columnLabel, rowLabel } from './template-labels.ts';

const TOTAL = APPLICANT_COLUMNS.length - 1;
const TOTAL_COLUMN = APPLICANT_COLUMNS[TOTAL] as string;

export function checkApplicationsRowTotals(record: ReportRecord): ValidationIssue[] {
  const rows = record.applications;
  return rowsInOrder(rows, APPLICATION_ROWS).flatMap((row): ValidationIssue[] => {
    const parts = APPLICANT_COLUMNS.slice(0, TOTAL).map((c, i) => ({ name: columnLabel('applications', c), value: cellOf(rows, row, i) }));
    const total = { name: columnLabel('applications', TOTAL_COLUMN), value: cellOf(rows, row, TOTAL) };
    const b = balance(parts, [total]);
    const where = `三 row ${rowLabel('applications', row)}`;
    const at = { table: 'applications' as const, row, column: TOTAL_COLUMN };
    if (b.kind === 'equal') return [];
    if (b.kind === 'not_checkable') {
      const wholeRowBlank = b.absent.length === 0 && b.blank.length === APPLICANT_COLUMNS.length;
      const reason = wholeRowBlank ? 'every cell of the row is blank' : gapReason(b);
      return [{ ...ruleOf(RULE.applicationsRowTotalNotCheckable), ...at, message: `${where}: six applicant columns = 总计 not checkable: ${reason}` }];
    }
    return [
      {
        ...ruleOf(RULE.applicationsRowTotal),
        ...at,
        printed: b.right,
        expected: b.left,
        message: `${where}: the six applicant columns sum to ${b.left} but 总计 prints ${b.right}`,
      },
    ];
  });
}
