/**
 * Section 二: an item's label run into the article heading below it still
 * names the item, and an item the wording's template prints but the table
 * lacks is reported, never silently missing.
 */
import { describe, expect, it } from 'vitest';
import { makeCell } from '../extract/document.ts';
import type { LogicalRow } from './logical-rows.ts';
import { mapActiveDisclosure } from './map-active-disclosure.ts';

const source = { file: 'f', block: 0 };
function row(labels: string[], values: string[] = []): LogicalRow {
  return { labels, values: values.map((v, col) => makeCell(v, { ...source, col })), cells: [], layout: 'ragged', fromTable: true, source };
}

describe('mapActiveDisclosure', () => {
  it('reads "其他对外管理服务事项第二十条第（六）项" as the item, and reports the 2019 items not printed', () => {
    const mapped = mapActiveDisclosure([
      row(['信息内容', '上一年项目数量', '本年增/减', '处理决定数量']),
      row(['行政许可'], ['1', '2', '3']),
      row(['其他对外管理服务事项第二十条第（六）项'], ['4', '5', '6']),
    ]);
    expect(mapped.active_disclosure.other_admin_services).toEqual({ prev_year_items: 4, change: 5, decisions: 6 });
    expect(mapped.version).toBe('2019');
    expect(mapped.issues.filter((i) => i.rule === 'extract.row_missing').map((i) => i.row)).toEqual([
      'regulations',
      'normative_documents',
      'admin_penalty',
      'admin_coercion',
      'admin_fees',
      'central_procurement',
    ]);
  });

  it('expects only the 2021 items under 2021 wording', () => {
    const mapped = mapActiveDisclosure([row(['信息内容', '本年处理决定数量']), row(['行政许可'], ['9']), row(['行政处罚'], ['8']), row(['行政强制'], ['7'])]);
    expect(mapped.version).toBe('2021');
    expect(mapped.issues.map((i) => i.row)).toEqual(['regulations', 'normative_documents', 'admin_fees']);
  });
});
