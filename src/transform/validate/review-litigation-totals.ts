/**
 * Section 四, for 行政复议, 未经复议直接起诉 and 复议后起诉: 结果维持 + 结果纠正 +
 * 其他结果 + 尚未审结 = 总计. An issue sits on the proceeding's 总计 cell:
 * `printed` is that cell, `expected` the sum of the four outcomes. Pure.
 */
import type { ReportRecord, ValidationIssue } from '../record.ts';
import { OUTCOMES, PROCEEDINGS } from '../template/template.ts';
import { rowsInOrder } from './rows-in-order.ts';
import { RULE, ruleOf } from './rules.ts';
import { balance, cellOf, gapReason } from './sum-check.ts';
import { columnLabel, rowLabel } from './template-labels.ts';

const TOTAL = OUTCOMES.length - 1;
const TOTAL_COLUMN = OUTCOMES[TOTAL] as string;

export function checkReviewLitigationTotals(record: ReportRecord): ValidationIssue[] {
  const rows = record.review_litigation;
  return rowsInOrder(rows, PROCEEDINGS).flatMap((proceeding): ValidationIssue[] => {
    const parts = OUTCOMES.slice(0, TOTAL).map((o, i) => ({ name: columnLabel('review_litigation', o), value: cellOf(rows, proceeding, i) }));
    const b = balance(parts, [{ name: '总计', value: cellOf(rows, proceeding, TOTAL) }]);
    const where = `四 ${rowLabel('review_litigation', proceeding)}`;
    const at = { table: 'review_litigation' as const, row: proceeding, column: TOTAL_COLUMN };
    if (b.kind === 'equal') return [];
    if (b.kind === 'not_checkable') {
      return [{ ...ruleOf(RULE.reviewLitigationTotalNotCheckable), ...at, message: `${where}: four outcomes = 总计 not checkable: ${gapReason(b)}` }];
    }
    return [
      {
        ...ruleOf(RULE.reviewLitigationTotal),
        ...at,
        printed: b.right,
        expected: b.left,
        message: `${where}: 结果维持+结果纠正+其他结果+尚未审结 = ${b.left} but 总计 prints ${b.right}`,
      },
    ];
  });
}
