/**
 * A count cell (every cell but a section 二 money amount) holds a whole
 * number. One that reads as a fraction ("1.5") is not what the template asks
 * for: the warehouse stores counts as integers, so such a cell loads as NULL
 * and this error names it, with the number printed. Pure.
 */
import type { ReportRecord, ValidationIssue } from '../record.ts';
import { MONEY_METRIC } from '../template/template.ts';
import { RULE, ruleOf } from './rules.ts';

export function checkCountCells(record: ReportRecord): ValidationIssue[] {
  return record.cells
    .filter((c) => c.value !== null && !Number.isInteger(c.value) && !(c.table === 'active_disclosure' && c.column === MONEY_METRIC))
    .map((c) => ({
      ...ruleOf(RULE.extractCountNotInteger),
      message: `${c.table} ${c.row} ${c.column}: "${c.raw}" is not a whole number; a count cell loads as NULL`,
      table: c.table,
      row: c.row,
      column: c.column,
      printed: c.value,
    }));
}
