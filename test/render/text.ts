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

export function renderText(layout: ReportLayout, textLayout: TextLayout): string {
  const blocks = layout.blocks.map((b) => (b.kind === 'table' ? tableText(b, textLayout) : b.text));
  const title = textLayout === 'markdown' ? `# ${layout.title}` : layout.title;
  return [title, ...blocks, ''].join('\n\n');
}
