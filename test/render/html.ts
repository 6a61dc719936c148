/**
 * A report layout as an HTML page in the official table layout (rowspan and
 * colspan as the template merges them), in UTF-8 or, as many county sites
 * still serve, GBK with a meta charset.
 */
import iconv from 'iconv-lite';
import type { LayoutTable, ReportLayout } from './report-layout.ts';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function tableHtml(table: LayoutTable): string {
  const rows = table.rows.map((row) => {
    const cells = row.map((cell) => {
      const span = `${(cell.rowSpan ?? 1) > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${(cell.colSpan ?? 1) > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
      return `<td${span}>${cell.text === '' ? '&nbsp;' : escape(cell.text)}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table border="1" cellspacing="0">\n${rows.join('\n')}\n</table>`;
}

/** A government site's menu bar and breadcrumb, as saved pages keep them before the report. */
function navigationHtml(layout: ReportLayout): string[] {
  if (!layout.navigation) return [];
  const menu = layout.navigation.menu.map((m) => `<li><a href="#">${escape(m)}</a></li>`).join('');
  const crumbs = layout.navigation.breadcrumb.map((c) => `<a href="#">${escape(c)}</a>`).join(' &gt; ');
  return [`<div class="nav"><ul>${menu}</ul></div>`, `<div class="breadcrumb">当前位置：${crumbs}</div>`];
}

function layoutHtml(layout: ReportLayout, charset: 'utf-8' | 'gbk'): string {
  const body = layout.blocks.map((b) => {
    if (b.kind === 'table') return tableHtml(b);
    if (b.kind === 'heading') return `<h2>${escape(b.text)}</h2>`;
    return `<p>${escape(b.text)}</p>`;
  });
  return [
    '<!DOCTYPE html>',
    `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${escape(layout.title)}</title></head>`,
    '<body>',
    ...navigationHtml(layout),
    `<h1>${escape(layout.title)}</h1>`,
    ...body,
    '</body></html>',
    '',
  ].join('\n');
}

export function renderHtml(layout: ReportLayout): string {
  return layoutHtml(layout, 'utf-8');
}

export function renderGbkHtml(layout: ReportLayout): Buffer {
  return iconv.encode(layoutHtml(layout, 'gbk'), 'gbk');
}
