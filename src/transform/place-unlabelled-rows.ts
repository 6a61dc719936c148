/**
 * Rows of numbers that lost their label. Text taken out of a PDF by a
 * converter (the "source.md" transcriptions) often prints a section 三 row's
 * numbers in the table and its label elsewhere, as loose lines before or
 * after it; sometimes a label keeps only its last words
 * ("行政机关不再处理其政府信息公"). Such rows still stand in template order
 * between rows whose labels were read.
 *
 * A run of unlabelled rows between two labelled rows takes the template rows
 * missing between those two, in order, when there are exactly as many of
 * them as rows in the run; each placement that no loose label line confirms
 * is reported as a warning, and the section's own arithmetic then checks it.
 * Otherwise a row keeps the label read from the loose line just before it,
 * when that label fits between its neighbours (or the neighbours are out of
 * template order); else it stays unplaced. Pure.
 */
import { RULE, ruleOf } from './validate/rules.ts';
import type { ValidationIssue } from './record.ts';

export interface RowToPlace {
  /** Code read from the row's own label cells, or null. */
  code: string | null;
  /** Code read from the loose text line just before the row, or null. */
  pending: string | null;
  /** Whether the row prints at least one number (blank rows are never placed by order). */
  hasNumber: boolean;
}

/**
 * The code for each row, in order. `templateRows` lists the section's row
 * codes in template order (for the version the section prints).
 */
export function placeUnlabelledRows(rows: readonly RowToPlace[], templateRows: readonly string[], issues: ValidationIssue[]): Array<string | null> {
  // A blank row without a label of its own keeps the loose label before it (001 prints rows of blanks).
  const codes = rows.map((r) => r.code ?? (r.hasNumber ? null : r.pending));
  const rank = (code: string | null) => (code === null ? -1 : templateRows.indexOf(code));
  const own = new Set(codes.filter((c): c is string => c !== null));

  let i = 0;
  while (i < rows.length) {
    if (codes[i] !== null || !rows[i]!.hasNumber) {
      i++;
      continue;
    }
    let end = i;
    while (end < rows.length && codes[end] === null && rows[end]!.hasNumber) end++;
    const before = lastCoded(codes, i);
    const after = nextCoded(codes, end);
    const from = before === null ? -1 : rank(before);
    const to = after === null ? templateRows.length : rank(after);
    const ordered = from < to;
    const gap = ordered ? templateRows.slice(from + 1, to).filter((c) => !own.has(c)) : [];
    if (ordered && gap.length === end - i) {
      gap.forEach((code, k) => {
        codes[i + k] = code;
        // The loose label line before the row names the same row: nothing was guessed.
        if (rows[i + k]!.pending === code) return;
        issues.push({
          ...ruleOf(RULE.extractRowPlacedByOrder),
          table: 'applications',
          row: code,
          message: `section 三: a row of numbers printed without its label is read as ${code}, the template row missing at its place`,
        });
      });
    } else {
      for (let k = i; k < end; k++) {
        const pending = rows[k]!.pending;
        if (pending !== null && (!ordered || gap.includes(pending)) && !codes.includes(pending)) codes[k] = pending;
      }
    }
    i = end;
  }
  return codes;
}

function lastCoded(codes: ReadonlyArray<string | null>, before: number): string | null {
  for (let k = before - 1; k >= 0; k--) if (codes[k] !== null) return codes[k]!;
  return null;
}

function nextCoded(codes: ReadonlyArray<string | null>, from: number): string | null {
  for (let k = from; k < codes.length; k++) if (codes[k] !== null) return codes[k]!;
  return null;
}
