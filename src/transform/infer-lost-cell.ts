/**
 * Text transcriptions of reports sometimes lose one cell of a section 三
 * row: 000's rows （一）…（五）2 print six numbers and an empty cell where the
 * page shows 0. When exactly one cell of a row is empty and every other cell
 * is a number, the row's own arithmetic (six applicant columns = 总计) fixes
 * the lost value. It is filled in and always reported as a warning, with the
 * raw text left empty, so the number never enters the warehouse unannounced.
 * Pure.
 */
import type { CellFact, ValidationIssue } from './record.ts';

const TOTAL = 6;

export function inferLostCell(row: string, facts: CellFact[], issues: ValidationIssue[]): void {
  const empty = facts.filter((f) => f.raw.trim() === '');
  if (facts.length !== TOTAL + 1 || empty.length !== 1) return;
  if (facts.some((f) => f.raw.trim() !== '' && f.value === null)) return;
  const lost = empty[0]!;
  const at = facts.indexOf(lost);
  const parts = facts.slice(0, TOTAL).map((f) => f.value ?? 0);
  const sumParts = parts.reduce((a, b) => a + b, 0);
  const total = facts[TOTAL]!.value ?? 0;
  const value = at === TOTAL ? sumParts : total - sumParts;
  if (value < 0) return;
  lost.value = value;
  issues.push({
    rule: 'extract.value_inferred',
    severity: 'warning',
    table: 'applications',
    row,
    column: lost.column,
    printed: null,
    expected: value,
    message: `section 三 row ${row}, column ${lost.column}: the only empty cell of a row of numbers; ${value} inferred from the row's 总计`,
  });
}
