/**
 * Every cell where two reports of the same agency and year disagree, over
 * the three tables: two different numbers, a number against a blank, or a
 * row or metric one prints and the other does not. Money amounts printed in
 * different units (元, 万元, 亿元) are compared after conversion. Pure.
 */
import spec from '../template/template.json' with { type: 'json' };
import type { MetricValues, ReportRecord, TableCode } from '../record.ts';
import { ACTIVE_ITEMS, APPLICANT_COLUMNS, APPLICATION_ROWS, MONEY_METRIC, OUTCOMES, PROCEEDINGS } from '../template/template.ts';

export type CellValue = number | string | null;

export interface CellDisagreement {
  table: TableCode;
  row: string;
  column: string;
  /** The first record's value; null when blank or not printed (see `kind`). */
  primaryValue: CellValue;
  otherValue: CellValue;
  /** different: both print a value and they differ; blank: one cell is blank; absent: one report does not print the cell. */
  kind: 'different' | 'blank' | 'absent';
  /** Which side is blank or absent, for kind blank / absent. */
  missingIn?: 'primary' | 'other';
  /** Section 二 money cells: the unit each side prints the amount in, when either prints one. */
  primaryUnit?: string | null;
  otherUnit?: string | null;
}

const METRIC_ORDER: readonly string[] = Object.keys(spec.active_disclosure.metrics);
const TO_YUAN: Readonly<Record<string, number>> = { 元: 1, 万元: 1e4, 亿元: 1e8 };

/** Keys of both, in template order, then unknown keys in code-point order. */
function keysInOrder(a: object, b: object, template: readonly string[]): string[] {
  const all = new Set([...Object.keys(a), ...Object.keys(b)]);
  const extra = [...all].filter((k) => !template.includes(k)).sort();
  return [...template.filter((k) => all.has(k)), ...extra];
}

type Slot = { present: false } | { present: true; value: CellValue; unit?: string | null };

function same(a: Slot & { present: true }, b: Slot & { present: true }): boolean {
  if (typeof a.value === 'number' && typeof b.value === 'number') {
    const fa = a.unit ? TO_YUAN[a.unit] : undefined;
    const fb = b.unit ? TO_YUAN[b.unit] : undefined;
    const [x, y] = fa !== undefined && fb !== undefined && a.unit !== b.unit ? [a.value * fa, b.value * fb] : [a.value, b.value];
    return Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x), Math.abs(y));
  }
  return a.value === b.value;
}

function compare(table: TableCode, row: string, column: string, p: Slot, o: Slot): CellDisagreement | null {
  if (!p.present && !o.present) return null;
  const pUnit = p.present ? (p.unit ?? null) : null;
  const oUnit = o.present ? (o.unit ?? null) : null;
  const units = pUnit !== null || oUnit !== null ? { primaryUnit: pUnit, otherUnit: oUnit } : {};
  const base = { table, row, column, primaryValue: p.present ? p.value : null, otherValue: o.present ? o.value : null, ...units };
  if (!p.present || !o.present) return { ...base, kind: 'absent', missingIn: p.present ? 'other' : 'primary' };
  if (same(p, o)) return null;
  if (p.value === null || o.value === null) return { ...base, kind: 'blank', missingIn: p.value === null ? 'primary' : 'other' };
  return { ...base, kind: 'different' };
}

function gridDisagreements(
  table: 'applications' | 'review_litigation',
  a: Record<string, (number | null)[]>,
  b: Record<string, (number | null)[]>,
): CellDisagreement[] {
  const rows = table === 'applications' ? APPLICATION_ROWS : PROCEEDINGS;
  const columns = table === 'applications' ? APPLICANT_COLUMNS : OUTCOMES;
  const slot = (values: (number | null)[] | undefined, i: number): Slot =>
    values !== undefined && i < values.length ? { present: true, value: values[i] ?? null } : { present: false };
  const out: CellDisagreement[] = [];
  for (const row of keysInOrder(a, b, rows)) {
    const width = Math.max(columns.length, a[row]?.length ?? 0, b[row]?.length ?? 0);
    for (let i = 0; i < width; i++) {
      const d = compare(table, row, columns[i] ?? `col${i}`, slot(a[row], i), slot(b[row], i));
      if (d) out.push(d);
    }
  }
  return out;
}

function activeDisagreements(a: Record<string, MetricValues>, b: Record<string, MetricValues>): CellDisagreement[] {
  const out: CellDisagreement[] = [];
  const slot = (m: MetricValues | undefined, metric: string): Slot =>
    m !== undefined && metric in m ? { present: true, value: m[metric] ?? null, unit: metric === MONEY_METRIC ? (m.unit ?? null) : null } : { present: false };
  for (const item of keysInOrder(a, b, ACTIVE_ITEMS)) {
    const metrics = keysInOrder(a[item] ?? {}, b[item] ?? {}, METRIC_ORDER).filter((m) => m !== 'unit');
    for (const metric of metrics) {
      const d = compare('active_disclosure', item, metric, slot(a[item], metric), slot(b[item], metric));
      if (d) out.push(d);
    }
  }
  return out;
}

/** Cells where `other` disagrees with `primary`, table by table (二, 三, 四), in template row and column order. */
export function recordDisagreements(primary: ReportRecord, other: ReportRecord): CellDisagreement[] {
  return [
    ...activeDisagreements(primary.active_disclosure, other.active_disclosure),
    ...gridDisagreements('applications', primary.applications, other.applications),
    ...gridDisagreements('review_litigation', primary.review_litigation, other.review_litigation),
  ];
}
