/**
 * A report layout as plain text, in the three layouts the seed reports show:
 *
 *   tabs      one table row per line, cells separated by tabs, merged cells
 *             as empty cells (seeds 000, 001);
 *   lines     one cell per line, each line a tab and the cell's text, a blank
 *             line between rows, a blank cell a line holding only the tab
 *             (seeds 002, 003);
 *   markdown  pipe tables with a separator line under the first row (seed 004).
 */
import { expandTable, type LayoutTable, type ReportLayout } from './report-layout.ts';

export type TextLayout = 'tabs' | 'lines' | 'markdown';

function tableText(table: LayoutTable, layout: TextLayout): string {
  if (layout === 'tabs') return expandTable(table).map((row) => row.join('\t')).join('\n');
  if (layout === 'lines') {
    return expandTable(table, { collapseColumns: true })
      .map((row) => row.map((cell) => `\t${cell}`).join('\n'))
      .join('\n\n');
  }
  const grid = expandTable(table);
  const rows = grid.map((row) => `| ${row.join(' | ')} |`);
  return [rows[0], `|${'---|'.repeat(grid[0]!.length)}`, ...rows.slice(1)].join('\n');
}

/** A saved page's navigation as its text shows it: the menu, then the breadcrumb one item per line. */
function navigationText(layout: ReportLayout): string[] {
  if (!layout.navigation) return [];
  return [...layout.navigation.menu, '当前位置：', ...layout.navigation.breadcrumb];
}

export function renderText(layout: ReportLayout, textLayout: TextLayout): string {
  const blocks = layout.blocks.map((b) => (b.kind === 'table' ? tableText(b, textLayout) : b.text));
  const title = textLayout === 'markdown' ? `# ${layout.title}` : layout.title;
  return [...navigationText(layout), title, ...blocks, ''].join('\n\n');
}

/**
 * A report as a crawler saves a page's text: a header of fields (标题,
 * 发布时间, 发布机构 …), a separator line, then the whole body on one line,
 * each table flattened into running text: every row's label cells, then its
 * values, joined by `separator` (a space, or nothing at all, as the crawls in
 * ../shared/corpus print them). Header words keep the space a line break left
 * inside them (商业 企业).
 */
export function renderFlattenedText(layout: ReportLayout, separator: '' | ' ', publisher = '某某办公室'): string {
  const flat = (table: LayoutTable): string =>
    table.rows
      .map((row) => {
        const texts = row.map((c) => c.text.replace(/^(商业|科研)(企业|机构)$/u, '$1 $2'));
        const first = texts.findIndex((t) => t === '' || /^[\d.\-]+$/u.test(t));
        return first < 0 ? texts.join('') : texts.slice(0, first).join('') + texts.slice(first).join(separator);
      })
      .join(separator);
  const body = [layout.title, ...layout.blocks.map((b) => (b.kind === 'table' ? flat(b) : b.text))].join(' ');
  return [
    `标题: ${layout.title}`,
    '发布时间: 2024-03-08 15:34',
    '文号: ',
    `发布机构: ${publisher}`,
    '栏目: 政府信息公开年报',
    '原文链接: https://www.example.gov.cn/zwgk/zfxxgknb/t20240308_1.htm',
    '==================== 正文 ====================',
    body,
    '',
  ].join('\n');
}
