/**
 * Maps section 二 (主动公开政府信息情况) onto items x metrics. Each sub-table has
 * a header row (信息内容 | metric | metric …) naming the metrics of the item
 * rows below it; the wording tells the template version (2019: 本年新制作数量,
 * 上一年项目数量 …; 2021: 本年制发件数, 本年处理决定数量 …). Money units come
 * from the cell ("77180.86万元") or the header ("单位：万元"). Pure.
 */
import { fitValues } from './fit-values.ts';
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
  metric: string | null;
  version?: '2019' | '2021';
  unit: string | null;
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

/** A header row: 信息内容 followed by metric names. Returns the metric of each value column. */
function headerOf(row: LogicalRow): HeaderColumn[] | null {
  const labels = row.labels.map(normalizeLabel);
  const at = labels.findIndex((l) => l.includes('信息内容'));
  // "信息内容本年处理决定数量": a header whose cells ran together in a line of text.
  const metricLabels = at >= 0 ? [labels[at]!.split('信息内容')[1] ?? '', ...labels.slice(at + 1)].filter((l) => l !== '') : labels;
  const columns = metricLabels.map((l) => {
    const m = metricOf(l);
    return { metric: m?.metric ?? null, version: m?.version, unit: unitInHeader(l) };
  });
  if (at < 0 && !columns.some((c) => c.metric)) return null;
  if (at < 0 && columns.some((c) => !c.metric)) return null;
  return columns.filter((c) => c.metric !== null);
}

/** The items the wording's template prints (both templates' items when the wording is mixed or unknown). */
function expectedItems(version: '2019' | '2021' | 'mixed' | null): string[] {
  const of = (v: '2019' | '2021') => new Set(ITEMS_BY_VERSION[v]);
  if (version === '2019' || version === '2021') return [...of(version)];
  return ACTIVE_ITEMS.filter((i) => of('2019').has(i) && of('2021').has(i));
}

export function mapActiveDisclosure(rows: readonly LogicalRow[]): MappedActiveDisclosure {
  const out: Record<string, MetricValues> = {};
  const cells: CellFact[] = [];
  const issues: ValidationIssue[] = [];
  const versions = new Set<'2019' | '2021'>();
  let header: HeaderColumn[] | null = null;

  for (const row of rows) {
    const hasNumber = row.values.some((c) => lexValue(c.text).kind === 'number');
    const last = row.labels[row.labels.length - 1] ?? '';
    const item = activeItemOf(last) ?? (row.labels.length > 1 ? activeItemOf(row.labels.join('')) : null);
    if (!item) {
      const h = hasNumber ? null : headerOf(row);
      if (h && h.length > 0) header = h;
      continue;
    }
    if (!header || (!hasNumber && row.values.length === 0)) continue;
    if (item in out) {
      issues.push({
        rule: 'extract.duplicate_row',
        severity: 'warning',
        table: 'active_disclosure',
        row: item,
        message: `section 二 item ${item} found twice; the first is kept`,
      });
      continue;
    }
    const fitted = fitValues(row.values, header.length);
    if (fitted.kind !== 'fitted') {
      issues.push({
        ...ruleOf(RULE.extractValueCount),
        table: 'active_disclosure',
        row: item,
        cells: fitted.printed.map((c) => c.text),
        message: `section 二 item ${item}: ${fitted.printed.length} values for ${header.length} columns; loaded blank (printed: ${printedList(fitted.printed)})`,
      });
    }
    const placed = fitted.kind === 'fitted' ? fitted.cells : header.map(() => null);
    const metrics: MetricValues = {};
    let hasMoney = false;
    let unit: string | null = null;
    header.forEach((col, i) => {
      const metric = col.metric as string;
      if (col.version) versions.add(col.version);
      const fact = readCell('active_disclosure', item, metric, placed[i] ?? null, row.source, issues, metric === MONEY_METRIC ? col.unit : null);
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
      issues.push({ rule: 'extract.row_missing', severity: 'warning', table: 'active_disclosure', row: item, message: `section 二 item ${item} was not found` });
    }
  }
  return { active_disclosure: ordered, cells, issues, version };
}
