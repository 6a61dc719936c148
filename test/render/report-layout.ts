/**
 * A label record laid out as the official report prints it: title, the six
 * section headings with a little narrative, and the three tables of the
 * State Council template (国办公开办函〔2019〕60号 / 〔2021〕30号) as rows of
 * cells with their rowspan/colspan, the way the template's own Word file
 * merges them. Every renderer (HTML, DOCX, text layouts) prints this one
 * layout, so they all show the same report.
 *
 * The wording per table follows the label: section 二 in 2021 wording when the
 * label holds a 2021-only metric, section 三 with the 2019 single （六） row or
 * the 2021 three sub-rows, whichever the label has ("mixed" labels get both).
 */
import spec from '../../src/transform/template/template.json' with { type: 'json' };
import type { Label } from '../support/label.ts';

export interface LayoutCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}

/** A table as the markup holds it: each row lists only the cells that start in it. */
export interface LayoutTable {
  kind: 'table';
  rows: LayoutCell[][];
  /** Rows at the top that a renderer may mark as a repeating header. */
  headerRows: number;
  /** Relative column widths, for formats that lay the table out on a page. */
  columnWidths: number[];
}

export type LayoutBlock = { kind: 'heading'; text: string } | { kind: 'paragraph'; text: string } | LayoutTable;

export interface ReportLayout {
  title: string;
  /** A saved page's navigation before the title: menu items, then the breadcrumb's items (首页 > 政务公开 > …). */
  navigation?: { menu: string[]; breadcrumb: string[] };
  blocks: LayoutBlock[];
}

/**
 * How section 四 is printed: `official` (three-level header over one row of
 * fifteen), `fifteen-rows` (transposed: one row per cell, proceeding and
 * outcome as its labels), `stacked` (transposed: each proceeding a heading
 * row, its five outcomes one per row under it).
 */
export type ReviewLayout = 'official' | 'fifteen-rows' | 'stacked';

export interface LayoutOptions {
  review?: ReviewLayout;
  /** Put a saved government page's navigation bar and breadcrumb before the title. */
  navigation?: boolean;
}

/** The navigation a saved page of a government site prints before the report (the 平潭 pages' own). */
const SITE_MENU = ['首页', '政务公开', '解读回应', '办事服务', '互动交流'];
const BREADCRUMB = ['首页', '政务公开', '政府信息公开', '政府信息公开年报'];

type Version = '2019' | '2021';

/** Printed column headers of section 二, per metric and wording. */
const METRIC_HEADERS: Record<Version, Record<string, string>> = {
  '2019': {
    made: '本年新制作数量',
    published: '本年新公开数量',
    total_public: '对外公开总数量',
    prev_year_items: '上一年项目数量',
    change: '本年增/减',
    decisions: '处理决定数量',
    projects: '采购项目数量',
    amount: '采购总金额',
  },
  '2021': {
    issued: '本年制发件数',
    repealed: '本年废止件数',
    in_force: '现行有效件数',
    decisions: '本年处理决定数量',
    amount: '本年收费金额',
  },
};

const ONLY_2021 = new Set(['issued', 'repealed', 'in_force']);

/** Columns of section 二: the label and three value columns. */
const ACTIVE_VALUE_COLUMNS = 3;

function printValue(v: number | string | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

function activeDisclosureVersion(label: Label): Version {
  const items = label.active_disclosure ?? {};
  const metrics = Object.values(items).flatMap((m) => Object.keys(m));
  return metrics.some((m) => ONLY_2021.has(m)) || 'amount' in (items.admin_fees ?? {}) ? '2021' : '2019';
}

/** Section 二: one block of rows per article (第二十条第（一）项 …), each with its own header row. */
function activeDisclosureTable(label: Label): LayoutTable {
  const version = activeDisclosureVersion(label);
  const items = label.active_disclosure ?? {};
  const width = 1 + ACTIVE_VALUE_COLUMNS;
  const rows: LayoutCell[][] = [];
  let article = '';
  for (const item of spec.active_disclosure.items) {
    const values = items[item.code];
    if (!values) continue;
    const unit = typeof values.unit === 'string' ? values.unit : null;
    const metrics = Object.keys(values).filter((m) => m !== 'unit');
    // The last metric of a short row spans the columns left over, as in the template.
    const spans = metrics.map((_, i) => (i === metrics.length - 1 ? ACTIVE_VALUE_COLUMNS - metrics.length + 1 : 1));
    if (item.article !== article) {
      article = item.article;
      rows.push([{ text: article, colSpan: width }]);
      rows.push([
        { text: '信息内容' },
        ...metrics.map((m, i) => ({
          text: METRIC_HEADERS[version][m] + (m === 'amount' && unit ? `（单位：${unit}）` : ''),
          colSpan: spans[i],
        })),
      ]);
    }
    const name = version === '2021' && item.label_2021 ? item.label_2021 : item.label;
    rows.push([{ text: name }, ...metrics.map((m, i) => ({ text: printValue(values[m]), colSpan: spans[i] }))]);
  }
  return { kind: 'table', rows, headerRows: 0, columnWidths: [3, 2, 2, 2] };
}

const APPLICATION_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const OUTCOME_GROUP = '三、本年度办理结果';

/**
 * Section 三: a three-row applicant header, then one row per label row. A row
 * label sits in up to three label columns: 一、/二、/四、 rows span all three,
 * （一）（二）（七） and the 2019 （六） span two under 三、本年度办理结果, numbered
 * sub-rows sit under their group label, merged down over its rows.
 */
function applicationsTable(label: Label): LayoutTable {
  const values = label.applications ?? {};
  const present = spec.applications.rows.filter((r) => values[r.code]);
  const outcomeRows = present.filter((r) => !['new_received', 'carried_over', 'carried_forward'].includes(r.code));
  const rows: LayoutCell[][] = [
    [
      { text: APPLICATION_NOTE, rowSpan: 3, colSpan: 3 },
      { text: '申请人情况', colSpan: 7 },
    ],
    [{ text: '自然人', rowSpan: 2 }, { text: '法人或其他组织', colSpan: 5 }, { text: '总计', rowSpan: 2 }],
    spec.applications.columns.filter((c) => c.group).map((c) => ({ text: c.label })),
  ];
  let group: string | undefined;
  for (const row of present) {
    const cells = values[row.code]!.map((v) => ({ text: printValue(v) }));
    const labels: LayoutCell[] = [];
    if (row.code === 'new_received' || row.code === 'carried_over' || row.code === 'carried_forward') {
      labels.push({ text: row.label, colSpan: 3 });
    } else {
      if (row === outcomeRows[0]) labels.push({ text: OUTCOME_GROUP, rowSpan: outcomeRows.length });
      const rowGroup = row.group === OUTCOME_GROUP ? undefined : row.group;
      if (!rowGroup) labels.push({ text: row.label, colSpan: 2 });
      else {
        if (rowGroup !== group) labels.push({ text: rowGroup, rowSpan: present.filter((r) => r.group === rowGroup).length });
        labels.push({ text: row.label });
      }
      group = rowGroup;
    }
    rows.push([...labels, ...cells]);
  }
  return { kind: 'table', rows, headerRows: 3, columnWidths: [2, 3, 5, 1, 1, 1, 1, 1, 1, 1] };
}

/** Section 四 transposed: one row per cell, its proceeding merged down over its five rows (行政诉讼 over its two kinds). */
function fifteenRowsTable(label: Label): LayoutTable {
  const values = label.review_litigation ?? {};
  const outcomes = spec.review_litigation.outcomes.map((o) => o.label);
  const rows: LayoutCell[][] = [[{ text: '案件类型', colSpan: 2 }, { text: '办理结果' }, { text: '件数' }]];
  for (const p of spec.review_litigation.proceedings) {
    const cells = values[p.code] ?? outcomes.map(() => null);
    outcomes.forEach((o, i) => {
      const lead: LayoutCell[] = [];
      if (i === 0 && p.code === 'review') lead.push({ text: '行政复议', rowSpan: outcomes.length, colSpan: 2 });
      if (i === 0 && p.code === 'litigation_direct') lead.push({ text: '行政诉讼', rowSpan: outcomes.length * 2 });
      if (i === 0 && p.code !== 'review') lead.push({ text: p.label.replace(/^行政诉讼 \/ /u, ''), rowSpan: outcomes.length });
      rows.push([...lead, { text: o }, { text: printValue(cells[i]) }]);
    });
  }
  return { kind: 'table', rows, headerRows: 1, columnWidths: [2, 3, 2, 1] };
}

/** Section 四 transposed: the three proceedings one under the other, each a heading row and its five outcomes. */
function stackedTable(label: Label): LayoutTable {
  const values = label.review_litigation ?? {};
  const outcomes = spec.review_litigation.outcomes.map((o) => o.label);
  const heads: Record<string, string> = { review: '行政复议', litigation_direct: '行政诉讼（未经复议直接起诉）', litigation_after_review: '行政诉讼（复议后起诉）' };
  const rows: LayoutCell[][] = [];
  for (const p of spec.review_litigation.proceedings) {
    const cells = values[p.code] ?? outcomes.map(() => null);
    rows.push([{ text: heads[p.code] ?? p.label, colSpan: 2 }]);
    outcomes.forEach((o, i) => rows.push([{ text: o }, { text: printValue(cells[i]) }]));
  }
  return { kind: 'table', rows, headerRows: 0, columnWidths: [3, 1] };
}

/** Section 四: 行政复议 and 行政诉讼 over a three-level header, then the 15 numbers on one row. */
function reviewLitigationTable(label: Label, layout: ReviewLayout = 'official'): LayoutTable {
  if (layout === 'fifteen-rows') return fifteenRowsTable(label);
  if (layout === 'stacked') return stackedTable(label);
  const values = label.review_litigation ?? {};
  const outcomes = spec.review_litigation.outcomes.map((o) => o.label);
  return {
    kind: 'table',
    headerRows: 3,
    columnWidths: outcomes.flatMap(() => [1, 1, 1]),
    rows: [
      [
        { text: '行政复议', colSpan: 5 },
        { text: '行政诉讼', colSpan: 10 },
      ],
      [...outcomes.map((text) => ({ text, rowSpan: 2 })), { text: '未经复议直接起诉', colSpan: 5 }, { text: '复议后起诉', colSpan: 5 }],
      [...outcomes, ...outcomes].map((text) => ({ text })),
      spec.review_litigation.proceedings.flatMap((p) => (values[p.code] ?? outcomes.map(() => null)).map((v) => ({ text: printValue(v) }))),
    ],
  };
}

export function reportLayout(label: Label, options: LayoutOptions = {}): ReportLayout {
  const title = `${label.agency}${label.year}年政府信息公开工作年度报告`;
  return {
    title,
    ...(options.navigation ? { navigation: { menu: SITE_MENU, breadcrumb: BREADCRUMB } } : {}),
    blocks: [
      { kind: 'paragraph', text: `本报告由${label.agency}根据《中华人民共和国政府信息公开条例》要求编制。` },
      { kind: 'heading', text: '一、总体情况' },
      { kind: 'paragraph', text: `${label.year}年，${label.agency}认真贯彻落实政务公开工作要求，主动公开政府信息，依法办理政府信息公开申请。` },
      { kind: 'heading', text: '二、主动公开政府信息情况' },
      activeDisclosureTable(label),
      { kind: 'heading', text: '三、收到和处理政府信息公开申请情况' },
      applicationsTable(label),
      { kind: 'heading', text: '四、政府信息公开行政复议、行政诉讼情况' },
      reviewLitigationTable(label, options.review),
      { kind: 'heading', text: '五、存在的主要问题及改进情况' },
      { kind: 'paragraph', text: '政府信息公开的及时性和规范性仍需提升，下一步将加强业务培训，完善审核机制。' },
      { kind: 'heading', text: '六、其他需要报告的事项' },
      { kind: 'paragraph', text: '本年度未收取信息处理费。' },
    ],
  };
}

/**
 * The table with every span written out: a merged cell keeps its text at its
 * top-left position and leaves the positions it covers empty, the way a
 * table copied out of Word into plain text looks. With `collapseColumns`, the
 * positions a colspan covers are left out instead (Word's "one cell per
 * line" copy), while those a rowspan covers stay as empty cells.
 */
export function expandTable(table: LayoutTable, { collapseColumns = false } = {}): string[][] {
  const grid: Array<Array<string | null>> = [];
  table.rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c] !== undefined) c++;
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      for (let dr = 0; dr < rs; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) {
          const text = dr === 0 && dc === 0 ? cell.text : dc > 0 && collapseColumns ? null : '';
          grid[r + dr]![c + dc] = text;
        }
      }
      c += cs;
    }
  });
  return grid.map((row) => row.filter((t): t is string => t !== null));
}
