/**
 * Section 三 in a grid table: the applicant column each header column names,
 * and a data row read cell by cell under them. The header's lowest label
 * over a column names it (商业企业 under 法人或其他组织 under 申请人情况); a
 * label wrapped over header rows is read run together. A value column whose
 * header names no applicant column (法人或其他组织 printed as one column)
 * keeps its place: its values are reported, never moved onto a neighbour.
 * Pure.
 */
import { cellUnder, columnTexts, oncePerHeader, ownColumns, readingsOf } from './header-columns.ts';
import type { LogicalRow } from './logical-rows.ts';
import { normalizeLabel } from './normalize-label.ts';
import { readCell } from './read-cell.ts';
import type { CellFact, ValidationIssue } from './record.ts';
import { APPLICANT_COLUMNS, APPLICANT_COLUMN_MATCHERS } from './template/template.ts';
import { RULE, ruleOf } from './validate/rules.ts';

export interface HeaderColumn {
  index: number;
  /** The applicant column the header names, or null. */
  code: string | null;
  /** The header texts over it, for messages. */
  label: string;
}

function applicantOf(text: string): string | null {
  const norm = normalizeLabel(text);
  return APPLICANT_COLUMN_MATCHERS.find((m) => m.keywords.some((k) => (m.exact ? norm === k : norm.includes(k))))?.code ?? null;
}

/** The value columns of the header: from the first column naming an applicant column to the last column. */
export const applicantColumns: (header: readonly LogicalRow[]) => readonly HeaderColumn[] = oncePerHeader(readColumns);

function readColumns(header: readonly LogicalRow[]): HeaderColumn[] {
  const texts = columnTexts(header);
  const columns = ownColumns(header).map((index) => {
    const above = texts[index] ?? [];
    // The lowest label first, then the labels run together top to bottom (自 over 然人).
    const readings = [...[...above].reverse(), ...readingsOf(above).slice(above.length)];
    const code = readings.map(applicantOf).find((c) => c !== null) ?? null;
    return { index, code, label: above.join('/') };
  });
  const first = columns.findIndex((c) => c.code !== null);
  return first < 0 ? [] : columns.slice(first);
}

/** Template columns the header does not name (once per table), as issues. */
export function missingColumns(columns: readonly HeaderColumn[]): ValidationIssue[] {
  const named = new Set(columns.map((c) => c.code));
  return APPLICANT_COLUMNS.filter((code) => !named.has(code)).map((code) => ({
    ...ruleOf(RULE.extractColumnMissing),
    table: 'applications' as const,
    column: code,
    message: `section 三: the header names no ${code} column; its cells are loaded blank`,
  }));
}

/** A data row read by column: one fact per applicant column, and an issue for each value under a column the template lacks. */
export function readGridRow(code: string, row: LogicalRow, columns: readonly HeaderColumn[], issues: ValidationIssue[]): CellFact[] {
  return APPLICANT_COLUMNS.map((column) => {
    const at = columns.find((c) => c.code === column);
    return readCell('applications', code, column, at ? cellUnder(row, at.index) : null, row.source, issues);
  }).concat(unmatchedCells(code, row, columns, issues));
}

function unmatchedCells(code: string, row: LogicalRow, columns: readonly HeaderColumn[], issues: ValidationIssue[]): CellFact[] {
  for (const col of columns) {
    if (col.code !== null) continue;
    const cell = cellUnder(row, col.index);
    if (!cell || cell.text === '') continue;
    issues.push({
      ...ruleOf(RULE.extractUnmatchedColumn),
      table: 'applications',
      row: code,
      cells: [cell.text],
      message: `section 三 row ${code}: "${cell.text}" is printed under the header "${col.label}", which names no template column; not loaded`,
    });
  }
  return [];
}
