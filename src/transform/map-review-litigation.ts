/**
 * Maps section 四 (行政复议、行政诉讼) onto proceedings x outcomes. The official
 * layout prints all 15 numbers in one row under a three-level header; other
 * layouts print one table per proceeding under its own heading. Numbers go in
 * chunks of five (结果维持, 结果纠正, 其他结果, 尚未审结, 总计) to the proceeding
 * named by the row or the heading before it, else in template order. Pure.
 */
import type { Cell } from '../extract/document.ts';
import { blankReviewLitigation } from './blank-review-litigation.ts';
import { fitValues } from './fit-values.ts';
import { readTransposedReview } from './read-transposed-review.ts';
import type { LogicalRow } from './logical-rows.ts';
import { normalizeLabel } from './normalize-label.ts';
import { lexValue } from '../extract/value-lexer.ts';
import { printedList, readCell } from './read-cell.ts';
import { RULE, ruleOf } from './validate/rules.ts';
import type { CellFact, ValidationIssue } from './record.ts';
import { OUTCOMES, PROCEEDINGS, PROCEEDING_MATCHERS } from './template/template.ts';

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

export function mapReviewLitigation(rows: readonly LogicalRow[]): MappedReviewLitigation {
  // Printed one cell per row (transposed), or with every cell blank: read by their own rules.
  const transposed = readTransposedReview(rows);
  if (transposed) return transposed;
  const blank = blankReviewLitigation(rows);
  if (blank) return { ...blank, issues: [] };
  const out: Record<string, (number | null)[]> = {};
  const cells: CellFact[] = [];
  const issues: ValidationIssue[] = [];
  const width = OUTCOMES.length;
  let context: string | null = null;

  for (const row of rows) {
    const named = proceedingsIn(row.labels.join(''));
    const hasNumber = row.values.some((c) => lexValue(c.text).kind === 'number');
    if (!hasNumber) {
      if (named.length === 1) context = named[0] ?? null;
      else if (named.length > 1) context = null;
      continue;
    }
    const printed = row.values.filter((c) => c.text !== '').length;
    // A grid row keeps its blank cells, so its width counts; text layouts may drop them, so the printed count does too.
    const chunks = Math.min(PROCEEDINGS.length, Math.max(Math.ceil(printed / width), Math.floor(row.values.length / width), 1));
    const fitted = fitValues(row.values, chunks * width);
    if (fitted.kind !== 'fitted') {
      issues.push({
        ...ruleOf(RULE.extractValueCount),
        table: 'review_litigation',
        cells: fitted.printed.map((c) => c.text),
        message: `section 四: a row of ${fitted.printed.length} values for ${chunks * width} columns; not loaded (printed: ${printedList(fitted.printed)})`,
      });
      context = null;
      continue;
    }
    for (let k = 0; k < chunks; k++) {
      const own = chunks === 1 ? (named.length === 1 ? named[0] : context) : null;
      const target = own && !(own in out) ? own : PROCEEDINGS.find((p) => !(p in out));
      if (!target) {
        issues.push({
          rule: 'extract.duplicate_row',
          severity: 'warning',
          table: 'review_litigation',
          message: 'section 四: more rows of numbers than proceedings; extra row not loaded',
        });
        break;
      }
      const chunk = fitted.cells.slice(k * width, (k + 1) * width);
      out[target] = chunk.map((cell: Cell | null, i) => {
        const fact = readCell('review_litigation', target, OUTCOMES[i] ?? `col${i}`, cell, row.source, issues);
        cells.push(fact);
        return fact.value;
      });
    }
    context = null;
  }

  const ordered: Record<string, (number | null)[]> = {};
  for (const p of PROCEEDINGS) {
    const v = out[p];
    if (v) ordered[p] = v;
    else if (Object.keys(out).length > 0) {
      issues.push({
        rule: 'extract.row_missing',
        severity: 'warning',
        table: 'review_litigation',
        row: p,
        message: `section 四 proceeding ${p} was not found`,
      });
    }
  }
  return { review_litigation: ordered, cells, issues };
}
