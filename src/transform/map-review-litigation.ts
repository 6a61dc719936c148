/**
 * Maps section 四 (行政复议、行政诉讼) onto proceedings x outcomes, by what the
 * page prints, never by order of appearance:
 *
 * - in a grid (HTML, DOCX, PDF) every value is read by the header column it
 *   sits under: the official layout's three-level header names a proceeding
 *   and an outcome over each of its 15 columns; a table per proceeding names
 *   the outcomes, and the row's label or the heading before it the
 *   proceeding;
 * - in a ragged text layout, the values after the label are placed only
 *   when their count is the count of columns the row's name gives: five for
 *   a named proceeding, ten for 行政诉讼, fifteen for the official row of
 *   numbers printed without a label.
 *
 * A row that names no proceeding (合计, a bare 行政诉讼 of five values) is
 * `extract.unmatched_row`; a proceeding printed twice keeps its first row.
 * Pure.
 */
import type { Cell } from '../extract/document.ts';
import { lexValue } from '../extract/value-lexer.ts';
import { blankReviewLitigation } from './blank-review-litigation.ts';
import { fitValues } from './fit-values.ts';
import { readTransposedReview } from './read-transposed-review.ts';
import { cellUnder, columnTexts, oncePerHeader, ownColumns, readingsOf } from './header-columns.ts';
import type { LogicalRow } from './logical-rows.ts';
import { includesAny, normalizeLabel } from './normalize-label.ts';
import { printedList, readCell } from './read-cell.ts';
import type { CellFact, ValidationIssue } from './record.ts';
import { LITIGATION_LABEL, LITIGATION_PROCEEDINGS, OUTCOMES, OUTCOME_MATCHERS, PROCEEDINGS, PROCEEDING_MATCHERS } from './template/template.ts';
import { RULE, ruleOf } from './validate/rules.ts';

export interface MappedReviewLitigation {
  review_litigation: Record<string, (number | null)[]>;
  cells: CellFact[];
  issues: ValidationIssue[];
}

/** Proceedings a label names. 复议后起诉 contains 复议 but not 行政复议, so the matchers do not collide. */
export function proceedingsIn(label: string): string[] {
  const norm = normalizeLabel(label);
  return PROCEEDING_MATCHERS.filter((m) => m.keywords.some((k) => norm.includes(k))).map((m) => m.code);
}

/** The proceedings a row's own label (or, without one, the heading before it) puts its values in, in template order. */
function proceedingsNamed(label: string): string[] {
  const named = proceedingsIn(label);
  if (named.length > 0) return named;
  return normalizeLabel(label).includes(LITIGATION_LABEL) ? [...LITIGATION_PROCEEDINGS] : [];
}

/**
 * What a heading (a line without numbers) names for the rows below it: one
 * proceeding, or 行政诉讼 alone for both litigation kinds; a line naming
 * several ("行政复议、行政诉讼数量含上年度结转数量") names none. Null for a line
 * naming no proceeding at all (it leaves the heading before it in force).
 */
function headingProceedings(label: string): string[] | null {
  const named = proceedingsIn(label);
  const litigation = normalizeLabel(label).includes(LITIGATION_LABEL);
  if (named.length === 0) return litigation ? [...LITIGATION_PROCEEDINGS] : null;
  return named.length === 1 && !(litigation && named[0] === 'review') ? named : [];
}

function outcomeOf(text: string): string | null {
  const norm = normalizeLabel(text);
  return OUTCOME_MATCHERS.find((m) => includesAny(norm, m.keywords))?.code ?? null;
}

/** A grid column of the header: the outcome it names, and the proceeding the header names over its group. */
interface OutcomeColumn {
  index: number;
  outcome: string;
  proceeding: string | null;
}

/**
 * The outcome columns of a grid header. Consecutive columns naming
 * different outcomes form one proceeding's group (结果维持 … 总计); the
 * proceeding is the one the header prints over any column of the group,
 * the most specific where several are (未经复议直接起诉 under 行政诉讼). A
 * table rebuilt from text alignment keeps a merged label over one column of
 * its span only, often the middle one, so the whole group counts.
 */
function readOutcomeColumns(header: readonly LogicalRow[]): OutcomeColumn[] {
  const texts = columnTexts(header);
  const named = ownColumns(header).flatMap((index) => {
    const outcome = readingsOf(texts[index] ?? []).map(outcomeOf).find((o) => o !== null) ?? null;
    return outcome ? [{ index, outcome }] : [];
  });
  const groups: Array<Array<{ index: number; outcome: string }>> = [];
  for (const col of named) {
    const group = groups[groups.length - 1];
    if (group && !group.some((g) => g.outcome === col.outcome) && group[group.length - 1]!.index < col.index) group.push(col);
    else groups.push([col]);
  }
  return groups.flatMap((group) => {
    const first = group[0]!.index;
    const last = group[group.length - 1]!.index;
    const over = texts.slice(first, last + 1).flat().flatMap(proceedingsIn);
    const specific = [...new Set(over.filter((p) => p !== 'review'))];
    const proceeding = specific.length === 1 ? specific[0]! : specific.length === 0 && over.includes('review') ? 'review' : null;
    return group.map((g) => ({ ...g, proceeding }));
  });
}

const outcomeColumns: (header: readonly LogicalRow[]) => readonly OutcomeColumn[] = oncePerHeader(readOutcomeColumns);

/** A row of the table's header: outcome names, or in a grid table the proceedings over them. */
function isHeaderRow(row: LogicalRow): boolean {
  if (row.labels.some((l) => outcomeOf(l) !== null)) return true;
  return row.layout === 'grid' && row.fromTable && row.labels.length > 1 && row.labels.some((l) => proceedingsNamed(l).length > 0);
}

interface State {
  out: Record<string, (number | null)[]>;
  cells: CellFact[];
  issues: ValidationIssue[];
}

/** Loads five outcome cells into a proceeding, unless it already holds a row. */
function load(state: State, proceeding: string, byOutcome: ReadonlyMap<string, Cell | null>, row: LogicalRow): void {
  if (proceeding in state.out) {
    state.issues.push({
      ...ruleOf(RULE.extractDuplicateRow),
      table: 'review_litigation',
      row: proceeding,
      cells: row.values.map((c) => c.text),
      message: `section 四 proceeding ${proceeding} printed twice; the first is kept ("${row.labels.join(' ')}": ${printedList(row.values)})`,
    });
    return;
  }
  state.out[proceeding] = OUTCOMES.map((outcome) => {
    const fact = readCell('review_litigation', proceeding, outcome, byOutcome.get(outcome) ?? null, row.source, state.issues);
    state.cells.push(fact);
    return fact.value;
  });
}

function unmatched(state: State, row: LogicalRow, why: string): void {
  state.issues.push({
    ...ruleOf(RULE.extractUnmatchedRow),
    table: 'review_litigation',
    cells: row.values.map((c) => c.text),
    message: `section 四: a row of numbers labelled "${row.labels.join(' ')}" ${why}; not loaded (printed: ${printedList(row.values)})`,
  });
}

/** A grid row: each value by the column it sits under, the proceeding from the column, else from the row's name. */
function readGridRow(state: State, row: LogicalRow, header: readonly LogicalRow[], own: readonly string[]): void {
  if (row.labels.length > 0 && own.length === 0) {
    unmatched(state, row, 'names no proceeding');
    return;
  }
  const columns = outcomeColumns(header);
  if (columns.length === 0) {
    state.issues.push({
      ...ruleOf(RULE.extractColumnsUnreadable),
      table: 'review_litigation',
      cells: row.values.map((c) => c.text),
      message: `section 四: no header names the outcome columns of the row "${row.labels.join(' ')}"; not loaded (printed: ${printedList(row.values)})`,
    });
    return;
  }
  const groups = new Map<string, Map<string, Cell | null>>();
  let unnamed = false;
  for (const col of columns) {
    const proceeding = col.proceeding ?? (own.length === 1 ? own[0]! : null);
    const cell = cellUnder(row, col.index);
    if (proceeding === null) {
      unnamed ||= cell !== null && cell.text !== '';
      continue;
    }
    const group = groups.get(proceeding) ?? new Map<string, Cell | null>();
    if (!group.has(col.outcome)) group.set(col.outcome, cell);
    groups.set(proceeding, group);
  }
  if (unnamed || groups.size === 0) {
    unmatched(state, row, 'names no proceeding, and neither does its header or the heading before it');
    return;
  }
  for (const p of PROCEEDINGS) {
    const group = groups.get(p);
    if (group) load(state, p, group, row);
  }
}

/** A ragged row: the values after the label, placed only when their count is the count of columns its name gives. */
function readRaggedRow(state: State, row: LogicalRow, own: readonly string[]): void {
  const width = OUTCOMES.length;
  const targets = own.length > 0 ? own : row.labels.length === 0 ? PROCEEDINGS : [];
  if (targets.length === 0) {
    unmatched(state, row, 'names no proceeding');
    return;
  }
  const fitted = fitValues(row.values, targets.length * width);
  if (fitted.kind !== 'fitted' && targets.length > 1 && fitted.printed.length === width) {
    unmatched(state, row, `prints one proceeding's ${width} values and names no one proceeding (${targets.join(' or ')})`);
    return;
  }
  if (fitted.kind !== 'fitted') {
    state.issues.push({
      ...ruleOf(RULE.extractValueCount),
      table: 'review_litigation',
      cells: fitted.printed.map((c) => c.text),
      message: `section 四: a row of ${fitted.printed.length} values for the ${targets.length * width} columns of ${targets.join(', ')}; not loaded (printed: ${printedList(fitted.printed)})`,
    });
    return;
  }
  targets.forEach((p, k) => {
    const chunk = fitted.cells.slice(k * width, (k + 1) * width);
    load(state, p, new Map(OUTCOMES.map((o, i) => [o, chunk[i] ?? null])), row);
  });
}

export function mapReviewLitigation(rows: readonly LogicalRow[]): MappedReviewLitigation {
  // Printed one cell per row (transposed), or with every cell blank: read by their own rules.
  const transposed = readTransposedReview(rows);
  if (transposed) return transposed;
  const blank = blankReviewLitigation(rows);
  if (blank) return { ...blank, issues: [] };
  const state: State = { out: {}, cells: [], issues: [] };
  let context: string[] = [];
  let header: LogicalRow[] = [];
  let headerOpen = false;

  for (const row of rows) {
    const label = row.labels.join('');
    const hasNumber = row.values.some((c) => lexValue(c.text).kind === 'number');
    if (!hasNumber) {
      // Once a header has begun, the rows of its table up to the first row of numbers are header too (a label wrapped over rows: "结果" over "维持").
      const continuesHeader = headerOpen && row.layout === 'grid' && row.fromTable && header[header.length - 1]?.source.block === row.source.block;
      if (continuesHeader || isHeaderRow(row)) {
        header = headerOpen ? [...header, row] : [row];
        headerOpen = true;
        // A header naming proceedings over its columns ends the heading's; one naming outcomes only keeps it.
        if (proceedingsNamed(label).length > 0) context = [];
      } else {
        const named = headingProceedings(label);
        if (named !== null) context = named;
      }
      continue;
    }
    headerOpen = false;
    const named = proceedingsNamed(label);
    const own = named.length > 0 ? named : context;
    if (row.layout === 'grid' && row.fromTable) readGridRow(state, row, header, own);
    else readRaggedRow(state, row, own);
    context = [];
  }

  const ordered: Record<string, (number | null)[]> = {};
  for (const p of PROCEEDINGS) {
    const v = state.out[p];
    if (v) ordered[p] = v;
    else if (Object.keys(state.out).length > 0) {
      state.issues.push({ ...ruleOf(RULE.extractRowMissing), table: 'review_litigation', row: p, message: `section 四 proceeding ${p} was not found` });
    }
  }
  return { review_litigation: ordered, cells: state.cells, issues: state.issues };
}
