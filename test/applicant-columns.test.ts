/**
 * Section 三 in a grid table is read by the applicant column each cell sits
 * under, as the header prints it; a column the template lacks keeps its
 * place and its values are reported. Built from the real shuyang-county-2025
 * report printed as HTML in the official layout, with its header edited.
 */
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../src/transform/record.ts';
import { RULE } from '../src/transform/validate/rules.ts';
import { renderDocx } from './render/docx.ts';
import { reportLayout, type LayoutCell, type LayoutTable, type ReportLayout } from './render/report-layout.ts';
import { labelNamed, recordOf, renderText, replaceOnce } from './support/rendered-record.ts';
import { useTempDir } from './support/temp-dir.ts';

const label = labelNamed('shuyang-county-2025');
const HEADER_2 = '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>';
const HEADER_3 = '<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>';

/** Each row of section 三 printed with three value cells: 自然人, the five organisations summed, 总计. */
function threeColumns(html: string): string {
  const head = replaceOnce(replaceOnce(html, HEADER_2, '<tr><td rowspan="2">自然人</td><td rowspan="2">法人或其他组织</td><td rowspan="2">总计</td></tr>'), HEADER_3, '<tr></tr>');
  const start = head.indexOf('<td colspan="7">申请人情况');
  const end = head.indexOf('</table>', start);
  const table = head
    .slice(start, end)
    .replace('<td colspan="7">申请人情况</td>', '<td colspan="3">申请人情况</td>')
    .replace(/((?:<td>\d+<\/td>){7})<\/tr>/gu, (_, cells: string) => {
      const v = [...cells.matchAll(/<td>(\d+)<\/td>/gu)].map((m) => Number(m[1]));
      const orgs = v.slice(1, 6).reduce((a, b) => a + b, 0);
      return `<td>${v[0]}</td><td>${orgs}</td><td>${v[6]}</td></tr>`;
    });
  return head.slice(0, start) + table + head.slice(end);
}

/** The same three-column 三 as a report layout, for the DOCX renderer (merged cells as Word merges them). */
function threeColumnLayout(layout: ReportLayout): ReportLayout {
  const blocks = layout.blocks.map((b) => {
    if (b.kind !== 'table' || !b.rows[0]?.some((c) => c.text === '申请人情况')) return b;
    const [first, , , ...data] = b.rows;
    const head: LayoutCell[][] = [
      [{ ...first![0]!, rowSpan: 2 }, { text: '申请人情况', colSpan: 3 }],
      [{ text: '自然人' }, { text: '法人或其他组织' }, { text: '总计' }],
    ];
    const rows = data.map((row) => {
      const values = row.slice(-7).map((c) => Number(c.text));
      const orgs = values.slice(1, 6).reduce((a, v) => a + v, 0);
      return [...row.slice(0, -7), { text: String(values[0]) }, { text: String(orgs) }, { text: String(values[6]) }];
    });
    const table: LayoutTable = { ...b, rows: [...head, ...rows], headerRows: 2, columnWidths: [2, 3, 5, 1, 1, 1] };
    return table;
  });
  return { ...layout, blocks };
}

function issuesOf(record: ReportRecord, rule: string) {
  return record.validation.filter((i) => i.rule === rule);
}

describe('section 三 columns by their header labels', () => {
  const scratch = useTempDir('nianbao-applicant-columns-');

  it('a three-column 三 (自然人, 法人或其他组织, 总计) loads 自然人 and 总计; 法人或其他组织 is reported, never loaded as 商业企业', async () => {
    const record = await recordOf(scratch(), 'three-columns.html', threeColumns(await renderText(label, 'html')));
    for (const [row, values] of Object.entries(label.applications!)) {
      expect(record.applications[row], row).toEqual([values[0], null, null, null, null, null, values[6]]);
    }
    expect(issuesOf(record, RULE.extractColumnMissing).map((i) => i.column)).toEqual([
      'commercial_enterprise',
      'research_institution',
      'social_welfare_org',
      'legal_service_org',
      'other_org',
    ]);
    const unmatched = issuesOf(record, RULE.extractUnmatchedColumn);
    expect(unmatched).toHaveLength(Object.keys(label.applications!).length);
    expect(unmatched[0]).toMatchObject({ severity: 'warning', table: 'applications', row: 'new_received', cells: ['8'] });
    expect(record.validation.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('the same in DOCX: 法人或其他组织 is reported, never loaded as 商业企业', async () => {
    const record = await recordOf(scratch(), 'three-columns.docx', await renderDocx(threeColumnLayout(reportLayout(label))));
    for (const [row, values] of Object.entries(label.applications!)) {
      expect(record.applications[row], row).toEqual([values[0], null, null, null, null, null, values[6]]);
    }
    expect(issuesOf(record, RULE.extractUnmatchedColumn)).toHaveLength(Object.keys(label.applications!).length);
    expect(record.validation.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('columns printed in another order are read by their labels (科研机构 before 商业企业)', async () => {
    const html = replaceOnce(await renderText(label, 'html'), HEADER_3, '<tr><td>科研机构</td><td>商业企业</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>');
    const record = await recordOf(scratch(), 'swapped.html', html);
    for (const [row, v] of Object.entries(label.applications!)) expect(record.applications[row], row).toEqual([v[0], v[2], v[1], v[3], v[4], v[5], v[6]]);
  });

  it('a grid whose header names no applicant column loads no row of 三, each with an error', async () => {
    let html = await renderText(label, 'html');
    for (const word of ['自然人', '法人或其他组织', '总计', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '申请人情况']) {
      html = html.replace(new RegExp(`<td([^>]*)>${word}</td>`, 'u'), '<td$1>数量</td>');
    }
    const record = await recordOf(scratch(), 'no-header.html', html);
    const rows = Object.keys(label.applications!);
    for (const row of rows) expect(record.applications[row], row).toEqual([null, null, null, null, null, null, null]);
    const unreadable = issuesOf(record, RULE.extractColumnsUnreadable);
    expect(unreadable.map((i) => i.row)).toEqual(rows);
    expect(unreadable[0]).toMatchObject({ severity: 'error', table: 'applications', cells: ['705', '3', '0', '0', '5', '0', '713'] });
  });
});
