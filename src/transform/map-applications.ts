/**
 * Maps section 三 (收到和处理政府信息公开申请情况) onto the template's row and
 * applicant-column codes by matching row labels, never positions. Pure.
 */
import { fitValues } from './fit-values.ts';
import type { Cell } from '../extract/document.ts';
import type { LogicalRow } from './logical-rows.ts';
import { includesAny, normalizeLabel, stripNumbering } from './normalize-label.ts';
import { lexValue } from '../extract/value-lexer.ts';
import { inferLostCell } from './infer-lost-cell.ts';
import { RULE, ruleOf } from './validate/rules.ts';
import { applicantColumns, missingColumns, readGridRow } from './applicant-columns.ts';
import { placeUnlabelledRows, type RowToPlace } from './place-unlabelled-rows.ts';
import { printedList, readCell, unplacedFacts } from './read-cell.ts';
import type { CellFact, ValidationIssue } from './record.ts';
import {
  APPLICANT_COLUMNS,
  APPLICANT_HEADER_KEYWORDS,
  APPLICATION_ROWS,
  APPLICATION_ROW_MATCHERS,
  OTHER_MISC_LABEL,
  OTHER_MISC_NUMBER,
  ROWS_2019_ONLY,
  ROWS_2021_ONLY,
} from './template/template.ts';

export interface MappedApplications {
  applications: Record<string, (number | null)[]>;
  cells: CellFact[];
  issues: ValidationIssue[];
  version: '2019' | '2021' | null;
}

/** The row code a label names, or null. */
export function applicationRowOf(label: string): string | null {
  const norm = normalizeLabel(label);
  if (stripNumbering(norm) === OTHER_MISC_LABEL) {
    const number = /(\d+)[、.]其他$/u.exec(norm)?.[1];
    return number === undefined || number === OTHER_MISC_NUMBER ? 'other_misc' : null;
  }
  for (const m of APPLICATION_ROW_MATCHERS) if (includesAny(norm, m.keywords)) return m.code;
  return null;
}

/** Most specific label first: the last label cell, then the whole label. */
function rowCodeOf(row: LogicalRow): string | null {
  const last = row.labels[row.labels.length - 1];
  return (last !== undefined ? applicationRowOf(last) : null) ?? applicationRowOf(row.labels.join(''));
}

/** The applicant header (自然人, 法人或其他组织 …), or any row of three or more labels and no values. */
function isHeaderRow(row: LogicalRow): boolean {
  const text = normalizeLabel(row.labels.join(''));
  if (includesAny(text, APPLICANT_HEADER_KEYWORDS)) return true;
  return row.values.length === 0 && row.labels.length >= 3;
}

/** A row that carries values (numbers or printed blanks), with what its labels say. */
interface DataRow extends RowToPlace {
  row: LogicalRow;
  /** The grid header rows above the row, in its table (empty for text layouts). */
  header: LogicalRow[];
}

function hasNumberIn(row: LogicalRow): boolean {
  return row.values.some((c) => lexValue(c.text).kind === 'number');
}

/** The page a row's values are printed on (paginated sources only). */
function pageOf(row: LogicalRow): number | undefined {
  return row.values[0]?.source.page;
}

/**
 * A row broken over a page: its numbers and the start of its label on one
 * page ("2.其他"), the rest of the label in a row of blanks at the top of the
 * next ("法律行政法规禁止公开"). The two label pieces read together name the
 * row; the piece of blanks is then no row of its own. Only across a page: a
 * blank row on the same page is a row of its own.
 */
function continuedLabelCode(row: LogicalRow, next: LogicalRow | undefined): string | null {
  if (!next?.fromTable || hasNumberIn(next) || next.labels.length === 0) return null;
  const [here, there] = [pageOf(row), pageOf(next)];
  if (here === undefined || there === undefined || there <= here) return null;
  const head = row.labels[row.labels.length - 1];
  const tail = next.labels[next.labels.length - 1];
  if (head === undefined || tail === undefined || head === tail) return null;
  return applicationRowOf(head + tail);
}

/** The rows that carry values, each with its own label's code, the loose label line before it and the grid header above it. */
function dataRows(rows: readonly LogicalRow[]): DataRow[] {
  const out: DataRow[] = [];
  let pending: string | null = null;
  let header: LogicalRow[] = [];
  let headerOpen = false;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const hasNumber = hasNumberIn(row);
    const isDataRow = hasNumber || (row.fromTable && row.labels.length > 0 && row.values.length > 0);
    const grid = row.layout === 'grid' && row.fromTable;
    // A header row, or (in a grid, before its first row of numbers) a row of the header's wrapped labels.
    const continuesHeader = grid && headerOpen && !hasNumber && header[header.length - 1]?.source.block === row.source.block && rowCodeOf(row) === null;
    if (!hasNumber && row.labels.length > 0 && (isHeaderRow(row) || continuesHeader)) {
      pending = null;
      if (grid) header = headerOpen ? [...header, row] : [row];
      headerOpen = grid;
      continue;
    }
    if (!isDataRow) {
      if (row.labels.length === 0) continue;
      const code = rowCodeOf(row);
      if (code && !out.some((d) => d.code === code)) pending = code;
      continue;
    }
    headerOpen = false;
    let code = rowCodeOf(row);
    if (code === null && hasNumber) {
      code = continuedLabelCode(row, rows[k + 1]);
      if (code !== null) k++;
    }
    out.push({ row, code, pending, hasNumber, header: grid ? header : [] });
    pending = null;
  }
  return out;
}

/** Version of section 三 from the rows only one template prints. */
function versionOf(codes: ReadonlyArray<string | null>): '2019' | '2021' | null {
  if (codes.some((c) => c !== null && ROWS_2021_ONLY.includes(c))) return '2021';
  if (codes.some((c) => c !== null && ROWS_2019_ONLY.includes(c))) return '2019';
  return null;
}

/** Template rows of a version, in order; with no version known, the rows both versions print. */
function templateRowsOf(version: '2019' | '2021' | null): string[] {
  const excluded = version === '2021' ? ROWS_2019_ONLY : version === '2019' ? ROWS_2021_ONLY : [...ROWS_2019_ONLY, ...ROWS_2021_ONLY];
  return APPLICATION_ROWS.filter((c) => !excluded.includes(c));
}

/**
 * A row's values by count (ragged layouts): seven values go to the seven
 * columns in order; a row one value short is filled in only when its
 * arithmetic leaves one possible row (infer-lost-cell.ts); any other row
 * loads blank cells and an error holding what it prints.
 */
function readRaggedRow(code: string, row: LogicalRow, issues: ValidationIssue[]): CellFact[] {
  const fitted = fitValues(row.values, APPLICANT_COLUMNS.length, { emptyMayBeLost: row.layout === 'ragged' });
  if (fitted.kind === 'fitted') {
    return fitted.cells.map((cell, i) => readCell('applications', code, APPLICANT_COLUMNS[i]!, cell, row.source, issues));
  }
  const printed = fitted.printed;
  const numbers = printed.map((c) => lexValue(c.text));
  const inferred = fitted.kind === 'one_short' && numbers.every((v) => v.kind === 'number') ? inferLostCell(numbers.map((v) => v.value as number)) : null;
  if (inferred) return filledRow(code, row, printed, inferred, issues);
  const rule = fitted.kind === 'one_short' ? RULE.extractLostCell : RULE.extractValueCount;
  const why =
    fitted.kind === 'one_short'
      ? `${printed.length} values for ${APPLICANT_COLUMNS.length} columns, and the row's arithmetic does not say which column lost its value`
      : `${printed.length} values for ${APPLICANT_COLUMNS.length} columns`;
  issues.push({
    ...ruleOf(rule),
    table: 'applications',
    row: code,
    cells: printed.map((c) => c.text),
    message: `section 三 row ${code}: ${why}; loaded blank (printed: ${printedList(printed)})`,
  });
  return unplacedFacts('applications', code, APPLICANT_COLUMNS, row.source);
}

/** A grid row: each cell by the header column it sits under; with no header naming the columns, nothing is loaded. */
function readByHeader(code: string, row: LogicalRow, header: LogicalRow[], seen: Set<LogicalRow[]>, issues: ValidationIssue[]): CellFact[] {
  const columns = applicantColumns(header);
  if (columns.length === 0) {
    issues.push({
      ...ruleOf(RULE.extractColumnsUnreadable),
      table: 'applications',
      row: code,
      cells: row.values.map((c) => c.text),
      message: `section 三 row ${code}: no header names its applicant columns; loaded blank (printed: ${printedList(row.values)})`,
    });
    return unplacedFacts('applications', code, APPLICANT_COLUMNS, row.source);
  }
  if (!seen.has(header)) {
    seen.add(header);
    issues.push(...missingColumns(columns));
  }
  return readGridRow(code, row, columns, issues);
}

/** The row every placement of its lost cell agrees on: printed cells in order, the lost one with empty raw text and a warning. */
function filledRow(code: string, row: LogicalRow, printed: Cell[], inferred: { at: number; row: number[] }, issues: ValidationIssue[]): CellFact[] {
  const cells: Array<Cell | null> = [...printed.slice(0, inferred.at), null, ...printed.slice(inferred.at)];
  return cells.map((cell, i) => {
    const column = APPLICANT_COLUMNS[i]!;
    const fact = readCell('applications', code, column, cell, row.source, issues);
    if (cell !== null) return fact;
    const value = inferred.row[i]!;
    issues.push({
      ...ruleOf(RULE.extractValueInferred),
      table: 'applications',
      row: code,
      column,
      printed: null,
      expected: value,
      cells: printed.map((c) => c.text),
      message: `section 三 row ${code}: ${printed.length} values for ${APPLICANT_COLUMNS.length} columns (printed: ${printedList(printed)}); wherever the lost value was, the row's 总计 makes the row the same, so ${column} is filled in as ${value}`,
    });
    return { ...fact, value };
  });
}

export function mapApplications(rows: readonly LogicalRow[]): MappedApplications {
  const applications: Record<string, (number | null)[]> = {};
  const cells: CellFact[] = [];
  const issues: ValidationIssue[] = [];

  const data = dataRows(rows);
  const codes = placeUnlabelledRows(data, templateRowsOf(versionOf(data.map((d) => d.code))), issues);
  const seenHeaders = new Set<LogicalRow[]>();
  data.forEach(({ row, hasNumber, header }, k) => {
    const code = codes[k] ?? null;
    if (!code) {
      if (hasNumber) {
        issues.push({
          ...ruleOf(RULE.extractUnmatchedRow),
          table: 'applications',
          cells: row.values.map((c) => c.text),
          message: `section 三: a row of numbers with label "${row.labels.join(' ')}" matches no template row; not loaded (printed: ${printedList(row.values)})`,
        });
      }
      return;
    }
    if (code in applications) {
      if (hasNumber) {
        issues.push({
          ...ruleOf(RULE.extractDuplicateRow),
          table: 'applications',
          row: code,
          message: `section 三 row ${code} found twice; the first is kept ("${row.labels.join(' ')}")`,
        });
      }
      return;
    }
    const facts = header.length > 0 || (row.layout === 'grid' && row.fromTable) ? readByHeader(code, row, header, seenHeaders, issues) : readRaggedRow(code, row, issues);
    cells.push(...facts);
    applications[code] = facts.map((f) => f.value);
  });

  const version = versionOf(Object.keys(applications));
  if (Object.keys(applications).length > 0) {
    for (const code of templateRowsOf(version)) {
      if (code in applications) continue;
      issues.push({
        ...ruleOf(RULE.extractRowMissing),
        table: 'applications',
        row: code,
        message: `section 三 row ${code} was not found`,
      });
    }
  }
  return { applications: orderRows(applications), cells, issues, version };
}

/** Template order, so output does not depend on the order rows were printed in. */
function orderRows(rows: Record<string, (number | null)[]>): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  for (const code of APPLICATION_ROWS) {
    const v = rows[code];
    if (v) out[code] = v;
  }
  return out;
}
