/**
 * Section 二 reads every value under the header column it is printed in. A
 * header column nobody recognises keeps its place, a text cell in a value
 * column is no label, and a row naming no item is reported. Built from the
 * real reports shuyang-county-2025 (2021 wording) and 002 (2019 wording),
 * printed by the renderers with one header or row edited.
 */
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../src/transform/record.ts';
import { RULE } from '../src/transform/validate/rules.ts';
import { labelNamed, recordOf, renderText, replaceOnce } from './support/rendered-record.ts';
import { useTempDir } from './support/temp-dir.ts';

function sectionTwo(record: ReportRecord) {
  return record.validation.filter((i) => i.table === 'active_disclosure').map(({ rule, severity, row, column, cells }) => ({ rule, severity, row, column, cells }));
}

describe('section 二 by header column', () => {
  const scratch = useTempDir('nianbao-section2-');
  const county = labelNamed('shuyang-county-2025');

  for (const [renderer, ext, from, to] of [
    ['html', 'html', '<td>本年废止件数</td>', '<td>本年修订件数</td>'],
    ['text-tabs', 'txt', '\t本年废止件数\t', '\t本年修订件数\t'],
  ] as const) {
    it(`${renderer}: 本年制发件数|本年修订件数|现行有效件数 does not load 修订 as 现行有效: the unknown column is reported in its place`, async () => {
      const record = await recordOf(scratch(), `revised.${ext}`, replaceOnce(await renderText(county, renderer), from, to));
      expect(record.active_disclosure.regulations).toEqual({ issued: 0, in_force: 0 });
      expect(record.active_disclosure.normative_documents).toEqual({ issued: 6, in_force: 32 });
      expect(sectionTwo(record)).toEqual([
        { rule: RULE.extractUnmatchedColumn, severity: 'warning', row: 'regulations', column: undefined, cells: ['0'] },
        { rule: RULE.extractUnmatchedColumn, severity: 'warning', row: 'normative_documents', column: undefined, cells: ['1'] },
      ]);
    });
  }

  it('行政许可|5|不适用|3: 行政许可 is the label, 5 and 3 stay in their columns, 不适用 is reported', async () => {
    const label = labelNamed('002_02af2ddfabc85d6c');
    const html = replaceOnce(await renderText(label, 'html'), '<tr><td>行政许可</td><td>428</td><td>195</td><td>294</td></tr>', '<tr><td>行政许可</td><td>5</td><td>不适用</td><td>3</td></tr>');
    const record = await recordOf(scratch(), 'not-applicable.html', html);
    expect(record.active_disclosure.admin_licensing).toEqual({ prev_year_items: 5, change: null, decisions: 3 });
    expect(sectionTwo(record)).toEqual([{ rule: RULE.extractUnreadableNumber, severity: 'warning', row: 'admin_licensing', column: 'change', cells: undefined }]);
    const { admin_licensing: _, ...others } = label.active_disclosure!;
    for (const [item, metrics] of Object.entries(others)) expect(record.active_disclosure[item], item).toEqual(metrics);
  });

  it('a 行政征收 row names no template item: extract.unmatched_row with its cells, nothing loaded', async () => {
    const label = labelNamed('002_02af2ddfabc85d6c');
    const row = '<tr><td>行政许可</td><td>428</td><td>195</td><td>294</td></tr>';
    const html = replaceOnce(await renderText(label, 'html'), row, `${row}\n<tr><td>行政征收</td><td>7</td><td>0</td><td>7</td></tr>`);
    const record = await recordOf(scratch(), 'levy.html', html);
    expect(record.active_disclosure).toEqual(label.active_disclosure);
    expect(sectionTwo(record)).toEqual([{ rule: RULE.extractUnmatchedRow, severity: 'warning', row: undefined, column: undefined, cells: ['7', '0', '7'] }]);
  });

  it('item rows under no 信息内容 header load nothing, each with an error', async () => {
    const html = replaceOnce(await renderText(county, 'html'), '<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>', '');
    const record = await recordOf(scratch(), 'no-header.html', html);
    expect(record.active_disclosure.regulations).toBeUndefined();
    expect(record.active_disclosure.normative_documents).toBeUndefined();
    expect(sectionTwo(record).filter((i) => i.rule !== RULE.extractRowMissing)).toEqual([
      { rule: RULE.extractColumnsUnreadable, severity: 'error', row: 'regulations', column: undefined, cells: ['0', '0', '0'] },
      { rule: RULE.extractColumnsUnreadable, severity: 'error', row: 'normative_documents', column: undefined, cells: ['6', '1', '32'] },
    ]);
  });
});
