/**
 * The cell columns of v_report_wide, one per template cell, from the
 * template's own lists (src/transform/template/): their names, the SQL
 * that fills each from its fact table, and what each means. The view's SQL
 * file marks where they go; the dictionary describes them from here.
 */
import type { TableCode } from '../../transform/record.ts';
import { CODE_DICTIONARY, type CodeEntry } from '../../transform/template/code-dictionary.ts';
import { ACTIVE_ITEMS, APPLICANT_COLUMNS, APPLICATION_ROWS, ITEM_METRICS, MONEY_METRIC, OUTCOMES, PROCEEDINGS } from '../../transform/template/template.ts';
import type { FactTable } from '../document-rows.ts';

export interface WideColumn {
  name: string;
  fact: FactTable;
  table: TableCode;
  row: string;
  column: string;
  /** The fact column holding the cell's number. */
  measure: 'value' | 'amount_yuan';
  /** Money in yuan (amount_yuan), else a count (value). */
  money: boolean;
}

const codeIndex = new Map(CODE_DICTIONARY.map((e) => [`${e.table_code}.${e.dimension}.${e.code}`, e]));

export function codeEntry(table: TableCode, dimension: CodeEntry['dimension'], code: string): CodeEntry {
  const entry = codeIndex.get(`${table}.${dimension}.${code}`);
  if (!entry) throw new Error(`no template code ${table}.${dimension}.${code}`);
  return entry;
}

const PREFIX: Record<TableCode, string> = { active_disclosure: 'ad', applications: 'app', review_litigation: 'rl' };
const FACT_COLUMNS: Record<TableCode, [FactTable, string, string]> = {
  active_disclosure: ['fact_active_disclosure', 'item', 'metric'],
  applications: ['fact_applications', 'row_code', 'applicant_code'],
  review_litigation: ['fact_review_litigation', 'proceeding', 'outcome'],
};

function cell(table: TableCode, row: string, column: string, money = false): WideColumn {
  const [fact, rowColumn, colColumn] = FACT_COLUMNS[table];
  const prefix = PREFIX[table];
  const name = `${prefix}_${row}_${column}${money ? '_yuan' : ''}`;
  return { name, fact, table, row, column, money, measure: money ? 'amount_yuan' : 'value' };
}

/**
 * The PIVOTs that give the cell columns, one per fact table and measure,
 * each as `LEFT JOIN (PIVOT …) alias ON alias.report_id = rp.report_id`
 * (a static PIVOT is one pass over the facts; a FILTER aggregate per cell
 * is one pass per cell), and the select list naming every cell column.
 */
export function widePivots(): { joins: string; columns: string } {
  const groups = new Map<string, WideColumn[]>();
  for (const c of WIDE_COLUMNS) groups.set(`${c.fact}|${c.measure}`, [...(groups.get(`${c.fact}|${c.measure}`) ?? []), c]);
  const alias = new Map<string, string>();
  const joins = [...groups.entries()].map(([key, cols], i) => {
    const [fact, measure] = key.split('|') as [FactTable, string];
    const [, rowColumn, colColumn] = Object.values(FACT_COLUMNS).find(([f]) => f === fact) as [FactTable, string, string];
    const a = `p${i}`;
    for (const c of cols) alias.set(c.name, a);
    const cells = cols.map((c) => `'${c.row}.${c.column}' AS ${c.name}`).join(', ');
    return `LEFT JOIN (PIVOT (SELECT report_id, ${rowColumn} || '.' || ${colColumn} AS cell, ${measure} AS v FROM ${fact}) ON cell IN (${cells}) USING max(v) GROUP BY report_id) ${a} ON ${a}.report_id = rp.report_id`;
  });
  return { joins: joins.join('\n'), columns: WIDE_COLUMNS.map((c) => `${alias.get(c.name)}.${c.name}`).join(',\n  ') };
}

/** Every cell column, in the order the report prints them: 二, 三, 四. */
export const WIDE_COLUMNS: readonly WideColumn[] = [
  ...ACTIVE_ITEMS.flatMap((item) =>
    (ITEM_METRICS[item] ?? []).map((metric) =>
      cell('active_disclosure', item, metric, metric === MONEY_METRIC),
    ),
  ),
  ...APPLICATION_ROWS.flatMap((row) =>
    APPLICANT_COLUMNS.map((column) => cell('applications', row, column)),
  ),
  ...PROCEEDINGS.flatMap((p) => OUTCOMES.map((o) => cell('review_litigation', p, o))),
];

const DIMENSIONS: Record<TableCode, [CodeEntry['dimension'], CodeEntry['dimension']]> = {
  active_disclosure: ['item', 'metric'],
  applications: ['row_code', 'applicant_code'],
  review_litigation: ['proceeding', 'outcome'],
};

/** The template entries of a wide column's row and column. */
export function wideColumnCodes(c: WideColumn): [CodeEntry, CodeEntry] {
  const [rowDim, colDim] = DIMENSIONS[c.table];
  return [codeEntry(c.table, rowDim, c.row), codeEntry(c.table, colDim, c.column)];
}
