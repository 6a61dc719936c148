/**
 * Turns a fitted cell into a fact and, when its text is not a number, an
 * extraction issue. Shared by the three table mappers. Pure.
 */
import type { Cell, Provenance } from '../extract/document.ts';
import { parseValue } from './parse-value.ts';
import type { CellFact, TableCode, ValidationIssue } from './record.ts';
import { RULE } from './validate/rules.ts';

/**
 * A cell read by OCR with a confidence below this is a warning naming it:
 * Tesseract gives clean printed digits 0.9 and more; below 0.8 it has most
 * often misread a digit or taken noise for one.
 */
export const OCR_MIN_CONFIDENCE = 0.8;

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
  const parsed = parseValue(raw);
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
  const confidence = cell?.confidence;
  if (confidence !== undefined && confidence < OCR_MIN_CONFIDENCE && parsed.kind !== 'text') {
    issues.push({
      rule: RULE.extractLowConfidence,
      severity: 'warning',
      table,
      row,
      column,
      printed: parsed.value,
      message: `${table} ${row}/${column}: OCR read "${raw}" with confidence ${confidence.toFixed(2)} (below ${OCR_MIN_CONFIDENCE}); check the page`,
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
    ...(confidence === undefined ? {} : { confidence }),
  };
}
