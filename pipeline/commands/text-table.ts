/**
 * Rows as an aligned text table for a terminal: columns as wide as their
 * widest cell, counting a Chinese character (or any East Asian wide or
 * full-width character) as two columns; numbers right-aligned; NULL shown
 * as an empty cell.
 */
import type { Scalar } from '../../src/load/warehouse.ts';

/** East Asian Wide and Fullwidth ranges (Unicode UAX #11) that occur in the reports. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

function cellText(v: Scalar): string {
  return v === null ? '' : String(v).replace(/[\r\n\t]+/g, ' ');
}

export function textTable(columns: readonly string[], rows: ReadonlyArray<readonly Scalar[]>): string {
  const texts = rows.map((r) => r.map(cellText));
  const numeric = columns.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number'));
  const widths = columns.map((c, i) => Math.max(displayWidth(c), ...texts.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (text: string, i: number) => {
    const fill = ' '.repeat((widths[i] ?? 0) - displayWidth(text));
    return numeric[i] ? fill + text : text + fill;
  };
  const line = (cells: readonly string[]) => cells.map(pad).join('  ').trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...texts.map(line), `(${rows.length} row${rows.length === 1 ? '' : 's'})`].join('\n') + '\n';
}
