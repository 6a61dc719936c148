/**
 * Maps section 二 (主动公开政府信息情况) onto items x metrics. Each sub-table has
 * a header row (信息内容 | metric | metric …) naming the metrics of the item
 * rows below it; the wording tells the template version (2019: 本年新制作数量,
 * 上一年项目数量 …; 2021: 本年制发件数, 本年处理决定数量 …). Money units come
 * from the cell ("77180.86万元") or the header ("单位：万元").
 *
 * In a grid every cell is read under the header column it sits in, and the
 * item's label is what stands left of the first value column; a text
 * layout's values are placed by count, only when the count is the header's.
 * A header column nobody recognises keeps its place (its values are
 * reported, not shifted onto the next metric), and a row of numbers naming
 * no item is `extract.unmatched_row`. Pure.
 */
import type { Cell } from '../extract/document.ts';
import { fitValues } from './fit-values.ts';
import { cellUnder, isHorizontalCopy } from './header-columns.ts';
import type { LogicalRow } from './logical-rows.ts';
import { includesAny, normalizeLabel, stripNumbering } from './normalize-label.ts';
import { lexValue, unitInHeader } from '../extract/value-lexer.ts';
import { printedList, readCell } from './read-cell.ts';
import { RULE, ruleOf } from './validate/rules.ts';
import type { CellFact, MetricValues, ValidationIssue } from './record.ts';
import { ACTIVE_ITEMS, ACTIVE_ITEM_MATCHERS, ACTIVE_METRIC_MATCHERS, ITEMS_BY_VERSION, MONEY_METRIC } from './template/template.ts';

export interface MappedActiveDisclosure {
  active_disclosure: Record<string, MetricValues>;
  cells: CellFact[];
  issues: ValidationIssue[];
  version: '2019' | '2021' | 'mixed' | null;
}

interface HeaderColumn {
  /** The metric the header names, or null for a column nobody recognises (its values are reported, never shifted). */
  metric: string | null;
  version?: '2019' | '2021';
  unit: string | null;
  /** The header's label, for messages. */
  label: string;
  /** The grid column it heads, when the header is a grid row; null in text layouts. */
  index: number | null;
}

function metricOf(label: string): { metric: string; version?: '2019' | '2021' } | null {
  const norm = normalizeLabel(label);
  for (const m of ACTIVE_METRIC_MATCHERS) if (includesAny(norm, m.keywords)) return { metric: m.code, version: m.version };
  return null;
}

/** "第二十条第（六）项": the article a block of section 二 rows is printed under. */
const ARTICLE_HEADING = /第二十条第\([一二三四五六七八九十]+\)项$/u;

export function activeItemOf(label: string): string | null {
  // A PDF line may run an item's label into the article heading below it: "其他对外管理服务事项第二十条第（六）项".
  const norm = stripNumbering(normalizeLabel(label)).replace(ARTICLE_HEADING, '');
  if (norm.length > 16) return null;
  for (const m of ACTIVE_ITEM_MATCHERS) if (includesAny(norm, m.keywords)) return m.code;
  return null;
}

function column(label: string, index: number | null): HeaderColumn {
  const m = metricOf(label);
  return { metric: m?.metric ?? null, version: m?.version, unit: unitInHeader(label), label, index };
}

/** A grid header row: 信息内容 in a cell of its own, then one column per cell of its own (a header merged across columns is one). */
function gridHeaderOf(row: LogicalRow): HeaderColumn[] | null {
  const at = row.cells.findIndex((c) => normalizeLabel(c.text) === '信息内容');
  if (at < 0) return null;
  const columns = row.cells.flatMap((cell, index) => (index <= at || isHorizontalCopy(cell, row) ? [] : [column(cell.text, index)]));
  return columns.some((c) => c.metric) ? columns : null;
}

/** A header row: 信息内容 followed by metric names, every column kept in its place (a column nobody recognises too). */
function headerOf(row: LogicalRow): HeaderColumn[] | null {
  if (row.layout === 'grid' && row.fromTable) {
    const grid = gridHeaderOf(row);
    if (grid) return grid;
  }
  const labels = row.labels.map(normalizeLabel);
  const at = labels.findIndex((l) => l.includes('信息内容'));
  // "信息内容本年处理决定数量": a header whose cells ran together in a line of text.
  const metricLabels = at >= 0 ? [labels[at]!.split('信息内容')[1] ?? '', ...labels.slice(at + 1)].filter((l) => l !== '') : labels;
  const columns = metricLabels.map((l) => column(l, null));
  if (!columns.some((c) => c.metric)) return null;
  if (at < 0 && columns.some((c) => !c.metric)) return null;
  return columns;
}

/** The row's label: in a grid read by its header, the cells left of the first value column only ("行政许可|5|不适用|3" is 行政许可). */
function rowLabels(row: LogicalRow, header: HeaderColumn[] | null): string[] {
  const first = header?.[0]?.index;
  if (first === undefined || first === null || !(row.layout === 'grid' && row.fromTable)) return row.labels;
  const labels: string[] = [];
  for (const cell of row.cells.slice(0, first)) if (cell.text !== '' && labels[labels.length - 1] !== cell.text) labels.push(cell.text);
  return labels;
}

/** The cell under each header column: by grid column where the header has them, else the values after the label by count. */
function placeCells(row: LogicalRow, header: HeaderColumn[], item: string, issues: ValidationIssue[]): Array<Cell | null> {
  if (header.every((c) => c.index !== null) && row.layout === 'grid' && row.fromTable) return header.map((c) => cellUnder(row, c.index!));
  const fitted = fitValues(row.values, header.length);
  if (fitted.kind === 'fitted') return fitted.cells;
  issues.push({
    ...ruleOf(RULE.extractValueCount),
    table: 'active_disclosure',
    row: item,
    cells: fitted.printed.map((c) => c.text),
    message: `section 二 item ${item}: ${fitted.printed.length} values for ${header.length} columns; loaded blank (printed: ${printedList(fitted.printed)})`,
  });
  return header.map(() => null);
}

/** The items the wording's template prints (both templates' items when the wording is mixed or unknown). */
function expectedItems(version: '2019' | '2021' | 'mixed' | null): string[] {
  const of = (v: '2019' | '2021') => new Set(ITEMS_BY_VERSION[v]);
  if (version === '2019' || version === '2021') return [...of(version)];
  return ACTIVE_ITEMS.filter((i) => of('2019').has(i) && of('2021').has(i));
}

function unmatchedRow(row: LogicalRow, labels: string[], issues: ValidationIssue[]): void {
  issues.push({
    ...ruleOf(RULE.extractUnmatchedRow),
    table: 'active_disclosure',
    cells: row.values.map((c) => c.text),
    message: `section 二: a row of numbers with label "${labels.join(' ')}" names no template item; not loaded (printed: ${printedList(row.values)})`,
  });
}

function unmatchedColumn(item: string, col: HeaderColumn, cell: Cell, issues: ValidationIssue[]): void {
  issues.push({
    ...ruleOf(RULE.extractUnmatchedColumn),
    table: 'active_disclosure',
    row: item,
    cells: [cell.text],
    message: `section 二 item ${item}: "${cell.text}" is printed under the header "${col.label}", which names no metric of the template (or one already read); not loaded`,
  });
}

export function mapActiveDisclosure(rows: readonly LogicalRow[]): MappedActiveDisclosure {
  const out: Record<string, MetricValues> = {};
  const cells: CellFact[] = [];
  const issues: ValidationIssue[] = [];
  const versions = new Set<'2019' | '2021'>();
  let header: HeaderColumn[] | null = null;

  for (const row of rows) {
    const hasNumber = row.values.some((c) => lexValue(c.text).kind === 'number');
    const labels = rowLabels(row, header);
    const last = labels[labels.length - 1] ?? '';
    const item = activeItemOf(last) ?? (labels.length > 1 ? activeItemOf(labels.join('')) : null);
    if (!item) {
      const h = hasNumber ? null : headerOf(row);
      if (h) header = h;
      else if (hasNumber && header && row.fromTable) unmatchedRow(row, labels, issues);
      continue;
    }
    if (!header && hasNumber && row.fromTable) {
      issues.push({
        ...ruleOf(RULE.extractColumnsUnreadable),
        table: 'active_disclosure',
        row: item,
        cells: row.values.map((c) => c.text),
        message: `section 二 item ${item}: no 信息内容 header above it names its columns; not loaded (printed: ${printedList(row.values)})`,
      });
      continue;
    }
    if (!header || (!hasNumber && row.values.length === 0)) continue;
    if (item in out) {
      issues.push({ ...ruleOf(RULE.extractDuplicateRow), table: 'active_disclosure', row: item, message: `section 二 item ${item} found twice; the first is kept` });
      continue;
    }
    const placed = placeCells(row, header, item, issues);
    const metrics: MetricValues = {};
    let hasMoney = false;
    let unit: string | null = null;
    header.forEach((col, i) => {
      const cell = placed[i] ?? null;
      if (col.metric === null || col.metric in metrics) {
        if (cell && cell.text !== '') unmatchedColumn(item, col, cell, issues);
        return;
      }
      const metric = col.metric;
      if (col.version) versions.add(col.version);
      const fact = readCell('active_disclosure', item, metric, cell, row.source, issues, metric === MONEY_METRIC ? col.unit : null);
      cells.push(fact);
      metrics[metric] = fact.value;
      if (metric === MONEY_METRIC) {
        hasMoney = true;
        unit = fact.unit;
      }
    });
    if (hasMoney) metrics.unit = unit;
    out[item] = metrics;
  }

  const ordered: Record<string, MetricValues> = {};
  for (const code of ACTIVE_ITEMS) {
    const v = out[code];
    if (v) ordered[code] = v;
  }
  const version = versions.size === 2 ? 'mixed' : versions.size === 1 ? [...versions][0]! : null;
  if (Object.keys(ordered).length > 0) {
    for (const item of expectedItems(version)) {
      if (item in ordered) continue;
      issues.push({ ...ruleOf(RULE.extractRowMissing), table: 'active_disclosure', row: item, message: `section 二 item ${item} was not found` });
    }
  }
  return { active_disclosure: ordered, cells, issues, version };
}
