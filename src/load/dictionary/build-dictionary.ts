/**
 * The data dictionary, generated: every column of every warehouse table and
 * view (types as the warehouse reports them) with its description from
 * column-docs.ts, the cell columns of v_report_wide from the template, and
 * every template code with its Chinese label and English name. Pure: the
 * caller passes the objects and their columns (src/load/dictionary/warehouse-dictionary.ts reads them).
 */
import { CODE_DICTIONARY } from '../../transform/template/code-dictionary.ts';
import { columnDoc, TABLE_DOCS, type ColumnDoc } from './column-docs.ts';
import { WIDE_COLUMNS, wideColumnCodes } from './wide-columns.ts';

export interface DictionaryObject {
  name: string;
  kind: 'table' | 'view';
  /** For a view, its SQL file's opening comment; tables are described in column-docs.ts. */
  description?: string;
  columns: ReadonlyArray<{ name: string; type: string }>;
}

export interface DictionaryEntry {
  /** 'column' for a table or view column, 'code' for a template code. */
  entry: 'column' | 'code';
  /** Table or view (column), or the template table (code). */
  object: string;
  object_kind: 'table' | 'view' | 'template';
  /** Column name (column), or the fact column the code goes in (code). */
  column: string;
  /** Template code: the code itself, or for a v_report_wide cell column its table.row.column. */
  code: string;
  type: string;
  label_zh: string;
  description_en: string;
  unit: string;
  allowed_values: string;
}

export interface Dictionary {
  objects: ReadonlyArray<{ name: string; kind: 'table' | 'view'; description: string }>;
  entries: DictionaryEntry[];
  /** "object.column" of every column nothing describes: a gap the dictionary test reports. */
  missing: string[];
}

const WIDE = new Map(WIDE_COLUMNS.map((c) => [c.name, c]));

/** A v_report_wide cell column described from the template. */
function wideDoc(name: string): (ColumnDoc & { code: string }) | undefined {
  const c = WIDE.get(name);
  if (!c) return undefined;
  const [row, column] = wideColumnCodes(c);
  const group = row.group_label ? `${row.group_label} ` : '';
  return {
    code: `${c.table}.${c.row}.${c.column}`,
    zh: `${group}${row.label} / ${column.label}`,
    en: `${row.name_en} / ${column.name_en}${c.money ? ', in yuan (amount_yuan)' : ''}; NULL when blank or not printed`,
    unit: c.money ? '元' : undefined,
  };
}

function columnEntry(object: DictionaryObject, column: { name: string; type: string }): DictionaryEntry | null {
  const wide = object.name === 'v_report_wide' ? wideDoc(column.name) : undefined;
  const doc = wide ?? columnDoc(object.name, column.name);
  if (!doc) return null;
  return {
    entry: 'column',
    object: object.name,
    object_kind: object.kind,
    column: column.name,
    code: wide?.code ?? '',
    type: column.type,
    label_zh: doc.zh ?? '',
    description_en: doc.en,
    unit: doc.unit ?? '',
    allowed_values: doc.values ?? '',
  };
}

function codeEntries(): DictionaryEntry[] {
  return CODE_DICTIONARY.map((e) => ({
    entry: 'code',
    object: e.table_code,
    object_kind: 'template',
    column: e.dimension,
    code: e.code,
    type: '',
    label_zh: [e.group_label, e.label].filter(Boolean).join(' '),
    description_en: e.name_en + (e.label_2021 ? ` (2021 wording: ${e.label_2021})` : ''),
    unit: '',
    allowed_values: e.only_in ? `only in the ${e.only_in} template` : '',
  }));
}

export function buildDictionary(objects: readonly DictionaryObject[]): Dictionary {
  const entries: DictionaryEntry[] = [];
  const missing: string[] = [];
  const described = objects.map((o) => {
    const description = o.kind === 'view' ? (o.description ?? '') : (TABLE_DOCS[o.name] ?? '');
    if (description === '') missing.push(o.name);
    return { name: o.name, kind: o.kind, description };
  });
  for (const o of objects) {
    for (const c of o.columns) {
      const e = columnEntry(o, c);
      if (e) entries.push(e);
      else missing.push(`${o.name}.${c.name}`);
    }
  }
  return { objects: described, entries: [...entries, ...codeEntries()], missing };
}

/** The COMMENT text of a column: Chinese label, English description, unit, values. */
export function commentOf(e: DictionaryEntry): string {
  const parts = [e.label_zh ? `${e.label_zh}: ${e.description_en}` : e.description_en];
  if (e.unit) parts.push(`unit ${e.unit}`);
  if (e.allowed_values) parts.push(`values: ${e.allowed_values}`);
  return parts.join('; ');
}
