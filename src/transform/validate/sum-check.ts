/**
 * The arithmetic every rule shares: two sides of an equation, each a sum of
 * printed cells, compared. A blank cell (null) or a cell that was not printed
 * (undefined) makes the equation not checkable: it neither passes nor fails.
 */

/** One cell in an equation: a name for messages and the value (null blank, undefined not printed). */
export interface Term {
  name: string;
  value: number | null | undefined;
}

export type Balance =
  | { kind: 'equal' | 'unequal'; left: number; right: number }
  | { kind: 'not_checkable'; blank: string[]; absent: string[] };

const TOLERANCE = 1e-6;

/** Sum without floating-point dust (counts are integers; money may carry decimals). */
function sum(values: number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
}

export function balance(left: readonly Term[], right: readonly Term[]): Balance {
  const all = [...left, ...right];
  const blank = all.filter((t) => t.value === null).map((t) => t.name);
  const absent = all.filter((t) => t.value === undefined).map((t) => t.name);
  if (blank.length > 0 || absent.length > 0) return { kind: 'not_checkable', blank, absent };
  const l = sum(left.map((t) => t.value as number));
  const r = sum(right.map((t) => t.value as number));
  return { kind: Math.abs(l - r) <= TOLERANCE ? 'equal' : 'unequal', left: l, right: r };
}

function listed(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/** Why an equation could not be checked: "（七）总计 is blank; 四 is not printed". */
export function gapReason(b: { blank: readonly string[]; absent: readonly string[] }): string {
  const parts: string[] = [];
  if (b.blank.length > 0) parts.push(`${listed(b.blank)} ${b.blank.length === 1 ? 'is' : 'are'} blank`);
  if (b.absent.length > 0) parts.push(`${listed(b.absent)} ${b.absent.length === 1 ? 'is' : 'are'} not printed`);
  return parts.join('; ');
}

/** The cell of a row at a column index: undefined when the row or the cell is missing. */
export function cellOf(rows: Readonly<Record<string, readonly (number | null)[]>>, row: string, index: number): number | null | undefined {
  const values = rows[row];
  if (values === undefined) return undefined;
  return index < values.length ? values[index] : undefined;
}
