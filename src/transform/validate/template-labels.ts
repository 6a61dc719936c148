/**
 * Chinese labels of template rows and columns for issue messages, from
 * template.json: "（三）不予公开 1.属于国家秘密", "自然人", "行政复议".
 */
import spec from '../template/template.json' with { type: 'json' };
import type { TableCode } from '../record.ts';
import { LABELS } from '../template/template.ts';

const GROUPS: Readonly<Record<string, string>> = Object.fromEntries(
  spec.applications.rows.flatMap((r) => ('group' in r && r.group?.startsWith('（') ? [[r.code, r.group]] : [])),
);

/** Section numeral of each table as the report prints it. */
export const SECTION: Readonly<Record<TableCode, string>> = { active_disclosure: '二', applications: '三', review_litigation: '四' };

/** A row's label, with its group for numbered sub-rows; the code itself when the template does not know it. */
export function rowLabel(table: TableCode, row: string): string {
  const label = LABELS[`${table}.${row}`];
  if (label === undefined) return row;
  const group = table === 'applications' ? GROUPS[row] : undefined;
  return group ? `${group} ${label}` : label;
}

/** A column's (applicant column, outcome, metric) label; the code itself when the template does not know it. */
export function columnLabel(table: TableCode, column: string): string {
  const key = table === 'active_disclosure' ? `active_disclosure.metric.${column}` : `${table}.column.${column}`;
  return LABELS[key] ?? column;
}

/** A number as printed in a message; "blank" for null, "not printed" for a missing cell. */
export function shown(value: number | null | undefined): string {
  return value === undefined ? 'not printed' : value === null ? 'blank' : String(value);
}
