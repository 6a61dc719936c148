/**
 * Section 四 printed transposed: one row per cell, its label naming the
 * outcome (结果维持 … 总计) and, in the same row or in a row above it, the
 * proceeding (行政复议, 未经复议直接起诉, 复议后起诉); one number per row.
 * Fifteen rows of label and number, or the three proceedings one under the
 * other, each with its five outcomes. A cell goes where its labels name it,
 * never by order: a row whose proceeding or outcome cannot be named is
 * reported. Pure.
 */
import type { LogicalRow } from './logical-rows.ts';
import { normalizeLabel } from './normalize-label.ts';
import { readCell } from './read-cell.ts';
import type { CellFact, ValidationIssue } from './record.ts';
import spec from './template/template.json' with { type: 'json' };
import { OUTCOMES, PROCEEDINGS } from './template/template.ts';
import { proceedingsIn, type MappedReviewLitigation } from './map-review-litigation.ts';
import { RULE, ruleOf } from './validate/rules.ts';

/** The outcome a label names, by the template's labels (总计 last: a row 行政复议总计 is the total). */
export function outcomeIn(label: string): string | null {
  const norm = normalizeLabel(label);
  const named = spec.review_litigation.outcomes.filter((o) => norm.includes(o.label));
  return named.length === 1 ? named[0]!.code : null;
}

/** Fewest one-number rows naming an outcome for section 四 to be read as transposed (one proceeding's five). */
const MIN_TRANSPOSED_ROWS = OUTCOMES.length;

function isCellRow(row: LogicalRow): boolean {
  return row.values.length === 1 && outcomeIn(row.labels.join('')) !== null;
}

/** Section 四 read from rows of one cell each; null when its rows are not laid out so. */
export function readTransposedReview(rows: readonly LogicalRow[]): MappedReviewLitigation | null {
  if (rows.filter(isCellRow).length < MIN_TRANSPOSED_ROWS) return null;
  const values = new Map<string, (number | null)[]>();
  const cells: CellFact[] = [];
  const issues: ValidationIssue[] = [];
  let context: string | null = null;
  for (const row of rows) {
    const label = row.labels.join('');
    const named = proceedingsIn(label);
    if (!isCellRow(row)) {
      if (row.values.every((c) => c.text.trim() === '') && named.length === 1) context = named[0]!;
      continue;
    }
    const proceeding = named.length === 1 ? named[0]! : named.length === 0 ? context : null;
    // A proceeding merged down over its rows prints its name in the first of them only.
    if (named.length === 1) context = named[0]!;
    const outcome = outcomeIn(label)!;
    const at = OUTCOMES.indexOf(outcome);
    if (!proceeding || values.get(proceeding)?.[at] !== undefined) {
      issues.push({
        ...ruleOf(RULE.extractUnmatchedRow),
        table: 'review_litigation',
        column: outcome,
        message: `section 四: the row "${row.labels.join(' ')}" (${row.values[0]!.text || 'blank'}) names ${proceeding ? 'a cell already read' : 'no single proceeding'}; not loaded`,
      });
      continue;
    }
    const fact = readCell('review_litigation', proceeding, outcome, row.values[0]!, row.source, issues);
    cells.push(fact);
    const list = values.get(proceeding) ?? OUTCOMES.map(() => undefined as unknown as number | null);
    values.set(proceeding, list.map((v, i) => (i === at ? fact.value : v)));
  }
  const review_litigation: Record<string, (number | null)[]> = {};
  for (const p of PROCEEDINGS) {
    const list = values.get(p);
    if (!list) {
      issues.push({ ...ruleOf(RULE.extractRowMissing), table: 'review_litigation', row: p, message: `section 四 proceeding ${p} was not found` });
      continue;
    }
    list.forEach((v, i) => {
      if (v === undefined) issues.push({ ...ruleOf(RULE.extractColumnMissing), table: 'review_litigation', row: p, column: OUTCOMES[i], message: `section 四 ${p}: no row for ${OUTCOMES[i]}` });
    });
    review_litigation[p] = list.map((v) => v ?? null);
  }
  return { review_litigation, cells, issues };
}
