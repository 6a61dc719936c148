/**
 * Turns a fitted cell into a fact and, when its text is not a number, an
 * extraction issue. Shared by the three table mappers. Pure.
 */
import type { Cell, Provenance } from '../extract/document.ts';
import { lexValue } from '../extract/value-lexer.ts';
import type { CellFact, TableCode, ValidationIssue } from './record.ts';

export function readCell(
  table: TableCode,
  row: string,
  column: string,
  cell: Cell | null,
  fallbackSource: Provenance,
  issues: ValidationIssue[],
  headerUnit: string | null = null,
): CellFact {
  const raw = cell?.text ?? '';
  const parsed = lexValue(raw);
  if (parsed.kind === 'text') {
    issues.push({
      rule: 'extract.unreadable_number',
      severity: 'warning',
      table,
      row,
      column,
      printed: null,
      message: `${table} ${row}/${column}: cell text "${raw}" is not a number; loaded as blank`,
    });
  }
  return {
    table,
    row,
    column,
    value: parsed.value,
    unit: parsed.kind === 'number' ? (parsed.unit ?? headerUnit) : headerUnit,
    raw,
    source: cell?.source ?? fallbackSource,
  };
}
