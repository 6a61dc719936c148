/**
 * Section 三's own 勾稽关系, per applicant column: 一、本年新收 + 二、上年结转 =
 * （七）总计 + 四、结转下年度继续办理. The identity spans four rows, so an issue
 * names the column only; `printed` is （七）+四 (what the report says became
 * of the requests) and `expected` is 一+二 (the requests it had). Pure.
 */
import type { ReportRecord, ValidationIssue } from '../record.ts';
import { APPLICANT_COLUMNS } from '../template/template.ts';
import { RULE, ruleOf } from './rules.ts';
import { balance, cellOf, gapReason } from './sum-check.ts';
import { columnLabel } from './template-labels.ts';

const LEFT = [
  { row: 'new_received', name: '一、本年新收' },
  { row: 'carried_over', name: '二、上年结转' },
] as const;
const RIGHT = [
  { row: 'total_handled', name: '（七）总计' },
  { row: 'carried_forward', name: '四、结转下年度' },
] as const;

export function checkApplicationsIdentity(record: ReportRecord): ValidationIssue[] {
  const rows = record.applications;
  if (Object.keys(rows).length === 0) return [];
  const absent = [...LEFT, ...RIGHT].filter((t) => !(t.row in rows)).map((t) => t.name);
  if (absent.length > 0) {
    return [
      {
        ...ruleOf(RULE.applicationsIdentityNotCheckable),
        table: 'applications',
        message: `三: 一+二 = （七）总计+四 not checkable in any column: ${gapReason({ blank: [], absent })}`,
      },
    ];
  }
  return APPLICANT_COLUMNS.flatMap((column, i): ValidationIssue[] => {
    const terms = (side: typeof LEFT | typeof RIGHT) => side.map((t) => ({ name: t.name, value: cellOf(rows, t.row, i) }));
    const b = balance(terms(LEFT), terms(RIGHT));
    const where = `三 column ${columnLabel('applications', column)}`;
    if (b.kind === 'equal') return [];
    if (b.kind === 'not_checkable') {
      return [
        {
          ...ruleOf(RULE.applicationsIdentityNotCheckable),
          table: 'applications',
          column,
          message: `${where}: 一+二 = （七）总计+四 not checkable: ${gapReason(b)}`,
        },
      ];
    }
    return [
      {
        ...ruleOf(RULE.applicationsIdentity),
        table: 'applications',
        column,
        printed: b.right,
        expected: b.left,
        message: `${where}: 一+二 = ${b.left} but （七）总计+四 = ${b.right}`,
      },
    ];
  });
}
