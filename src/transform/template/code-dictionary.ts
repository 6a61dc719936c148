/**
 * The data dictionary of the template codes: every code the fact tables use,
 * with the label the template prints for it, read from template.json, so the
 * warehouse can say what `unable_not_held` or `natural_person` means without
 * the dictionary being written twice.
 */
import spec from './template.json' with { type: 'json' };
import englishNames from './english-names.json' with { type: 'json' };
import type { TableCode } from '../record.ts';
import { METRICS_2019, METRICS_2021, ROWS_2019_ONLY, ROWS_2021_ONLY } from './template.ts';

export interface CodeEntry {
  table_code: TableCode;
  /** Which column of the fact table the code goes in. */
  dimension: 'item' | 'metric' | 'row_code' | 'applicant_code' | 'proceeding' | 'outcome';
  code: string;
  /** Order in the printed table, from 1. */
  position: number;
  label: string;
  /** English name (english-names.json). */
  name_en: string;
  /** The 2021 template's wording where it differs. */
  label_2021: string | null;
  /** The label the row or column is printed under (三、本年度办理结果, 法人或其他组织 …). */
  group_label: string | null;
  /** The template version that alone prints this code ('2019' or '2021'), or null for both. */
  only_in: '2019' | '2021' | null;
}

const ENGLISH: Readonly<Record<string, string>> = englishNames;

/** The English name of a code; a code without one is a gap in english-names.json, found when the dictionary is built. */
export function englishName(table: TableCode, dimension: CodeEntry['dimension'], code: string): string {
  const name = ENGLISH[`${table}.${dimension}.${code}`];
  if (name === undefined) throw new Error(`english-names.json has no entry ${table}.${dimension}.${code}`);
  return name;
}

function entry(e: Omit<CodeEntry, 'label_2021' | 'group_label' | 'only_in' | 'name_en'> & Partial<CodeEntry>): CodeEntry {
  return { label_2021: null, group_label: null, only_in: null, name_en: englishName(e.table_code, e.dimension, e.code), ...e };
}

export const CODE_DICTIONARY: readonly CodeEntry[] = [
  ...spec.active_disclosure.items.map((i, k) =>
    entry({ table_code: 'active_disclosure', dimension: 'item', code: i.code, position: k + 1, label: i.label, label_2021: i.label_2021 ?? null, group_label: i.article }),
  ),
  ...Object.entries(spec.active_disclosure.metrics).map(([code, label], k) =>
    entry({
      table_code: 'active_disclosure',
      dimension: 'metric',
      code,
      position: k + 1,
      label,
      only_in: METRICS_2019.has(code) && !METRICS_2021.has(code) ? '2019' : METRICS_2021.has(code) && !METRICS_2019.has(code) ? '2021' : null,
    }),
  ),
  ...spec.applications.rows.map((r, k) =>
    entry({
      table_code: 'applications',
      dimension: 'row_code',
      code: r.code,
      position: k + 1,
      label: r.label,
      group_label: r.group ?? null,
      only_in: ROWS_2019_ONLY.includes(r.code) ? '2019' : ROWS_2021_ONLY.includes(r.code) ? '2021' : null,
    }),
  ),
  ...spec.applications.columns.map((c, k) =>
    entry({ table_code: 'applications', dimension: 'applicant_code', code: c.code, position: k + 1, label: c.label, group_label: c.group ?? null }),
  ),
  ...spec.review_litigation.proceedings.map((p, k) => entry({ table_code: 'review_litigation', dimension: 'proceeding', code: p.code, position: k + 1, label: p.label })),
  ...spec.review_litigation.outcomes.map((o, k) => entry({ table_code: 'review_litigation', dimension: 'outcome', code: o.code, position: k + 1, label: o.label })),
];
