/**
 * Turns a placed cell into a fact and, when its text is not a number, an
 * extraction issue; and gives the facts of a row whose values could not be
 * placed (every cell blank). Shared by the three table mappers. Pure.
 */
import type { Cell, Provenance } from '../extract/document.ts';
import { lexValue } from '../extract/value-lexer.ts';
import type { CellFact, TableCode, ValidationIssue } from './record.ts';
import { RULE, ruleOf } from './validate/rules.ts';

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
  const parsed = lexValue(raw);
  if (parsed.kind === 'text') {
    issues.push({
      ...ruleOf(RULE.extractUnreadableNumber),
      table,
      row,
      column,
      printed: null,
      message: `${table} ${row}/${column}: cell text "${raw}" is not a number; loaded as blank`,
    });
  }
  const confidence = cell?.confidence;
  if (confidence !== undefined && parsed.kind !== 'text') {
    // Every OCR'd value names its cell: below the threshold as unsure; above it still as read by
    // OCR, whose confident digits are wrong often enough (README, OCR) that none loads unannounced.
    const unsure = confidence < OCR_MIN_CONFIDENCE;
    issues.push({
      ...ruleOf(unsure ? RULE.extractLowConfidence : RULE.extractOcrValue),
      table,
      row,
      column,
      printed: parsed.value,
      message: unsure
        ? `${table} ${row}/${column}: OCR read "${raw}" with confidence ${confidence.toFixed(2)} (below ${OCR_MIN_CONFIDENCE}); check the page`
        : `${table} ${row}/${column}: "${raw}" was read by OCR (confidence ${confidence.toFixed(2)}), not from a text layer; check the page before relying on it`,
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

/** The facts of a row printed but not placed: every column blank, nothing guessed (the issue saying why holds the printed cells). */
export function unplacedFacts(table: TableCode, row: string, columns: readonly string[], source: Provenance): CellFact[] {
  return columns.map((column) => ({ table, row, column, value: null, unit: null, raw: '', source }));
}

/** The printed cells of a row, for an issue's message: "290, 0, 0, 3, 0, 294". */
export function printedList(cells: readonly Cell[]): string {
  return cells.map((c) => c.text).join(', ');
}
