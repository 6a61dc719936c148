/**
 * Section 四 printed with every cell blank: the header is there, the cells
 * under it hold nothing (or only blank marks). That is fifteen blanks, each
 * a fact with its empty text, not a missing table. Pure.
 */
import type { Cell } from '../extract/document.ts';
import { lexValue } from '../extract/value-lexer.ts';
import type { LogicalRow } from './logical-rows.ts';
import { normalizeLabel } from './normalize-label.ts';
import type { CellFact } from './record.ts';
import spec from './template/template.json' with { type: 'json' };
import { OUTCOMES, PROCEEDINGS } from './template/template.ts';

const isBlank = (c: Cell): boolean => lexValue(c.text).kind === 'blank';

/** The fifteen blank cells when the rows are a 四 header over cells that are all blank; null otherwise. */
export function blankReviewLitigation(rows: readonly LogicalRow[]): { review_litigation: Record<string, null[]>; cells: CellFact[] } | null {
  const header = rows.findIndex((r) => {
    const text = normalizeLabel(r.labels.join(''));
    return spec.review_litigation.outcomes.every((o) => text.includes(o.label));
  });
  if (header < 0) return null;
  const after = rows.slice(header + 1);
  const cellsAfter = after.flatMap((r) => r.values);
  if (cellsAfter.length === 0 || !cellsAfter.every(isBlank)) return null;
  const source = after.find((r) => r.values.length > 0)!.source;
  const review_litigation: Record<string, null[]> = {};
  const cells: CellFact[] = [];
  for (const p of PROCEEDINGS) {
    review_litigation[p] = OUTCOMES.map(() => null);
    for (const o of OUTCOMES) cells.push({ table: 'review_litigation', row: p, column: o, value: null, unit: null, raw: '', source });
  }
  return { review_litigation, cells };
}
