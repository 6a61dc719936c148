/**
 * Section 四 places every value by what the page prints: the header column
 * it sits under, or the proceeding its row or heading names. A row that
 * names no proceeding never takes the next free one. Built from the real
 * shuyang-county-2025 report: its own text (three tables under headings)
 * and its label printed as HTML in the official layout.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../src/transform/record.ts';
import { RULE } from '../src/transform/validate/rules.ts';
import { CORPUS } from './support/label.ts';
import { labelNamed, recordOf, renderText, replaceOnce } from './support/rendered-record.ts';
import { useTempDir } from './support/temp-dir.ts';

const DOC = join(CORPUS, 'docs', 'shuyang-county-2025.txt');

function sectionFour(record: ReportRecord) {
  return record.validation.filter((i) => i.table === 'review_litigation' && i.severity !== 'info').map(({ rule, severity, row, cells }) => ({ rule, severity, row, cells }));
}

describe('section 四: no row takes a proceeding it does not name', () => {
  const scratch = useTempDir('nianbao-section4-');

  it('reads the report as printed: three headed tables, no issue', async () => {
    const record = await recordOf(scratch(), 'as-printed.txt', await readFile(DOC));
    expect(record.review_litigation).toEqual(labelNamed('shuyang-county-2025').review_litigation);
    expect(sectionFour(record)).toEqual([]);
  });

  it('a second 行政复议 table is a duplicate, not 未经复议直接起诉', async () => {
    const text = replaceOnce(await readFile(DOC, 'utf8'), '### 行政诉讼（未经复议直接起诉）', '### 行政复议');
    const record = await recordOf(scratch(), 'second-review.txt', text);
    expect(record.review_litigation).toEqual({ review: [27, 10, 9, 15, 61], litigation_after_review: [8, 0, 1, 1, 10] });
    expect(sectionFour(record)).toEqual([
      { rule: RULE.extractDuplicateRow, severity: 'warning', row: 'review', cells: ['3', '0', '0', '0', '3'] },
      { rule: RULE.extractRowMissing, severity: 'warning', row: 'litigation_direct', cells: undefined },
    ]);
  });

  it('a table under a bare 行政诉讼 heading names neither litigation kind: unmatched, with its cells', async () => {
    const text = replaceOnce(await readFile(DOC, 'utf8'), '### 行政诉讼（未经复议直接起诉）', '### 行政诉讼');
    const record = await recordOf(scratch(), 'bare-litigation.txt', text);
    expect(record.review_litigation).toEqual({ review: [27, 10, 9, 15, 61], litigation_after_review: [8, 0, 1, 1, 10] });
    expect(sectionFour(record)).toEqual([
      { rule: RULE.extractUnmatchedRow, severity: 'warning', row: undefined, cells: ['3', '0', '0', '0', '3'] },
      { rule: RULE.extractRowMissing, severity: 'warning', row: 'litigation_direct', cells: undefined },
    ]);
  });

  it('a trailing 合计 row takes no slot', async () => {
    const text = replaceOnce(await readFile(DOC, 'utf8'), '| 8 | 0 | 1 | 1 | 10 |\n', '| 8 | 0 | 1 | 1 | 10 |\n\n合计 38 10 10 16 74\n');
    const record = await recordOf(scratch(), 'total-row.txt', text);
    expect(record.review_litigation).toEqual(labelNamed('shuyang-county-2025').review_litigation);
    expect(sectionFour(record)).toEqual([{ rule: RULE.extractUnmatchedRow, severity: 'warning', row: undefined, cells: ['38', '10', '10', '16', '74'] }]);
  });

  it('the official 15-column grid is read by its header: 复议后起诉 printed before 未经复议直接起诉 is read as printed', async () => {
    const label = labelNamed('shuyang-county-2025');
    const html = replaceOnce(
      await renderText(label, 'html'),
      '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td>',
      '<td colspan="5">复议后起诉</td><td colspan="5">未经复议直接起诉</td>',
    );
    const record = await recordOf(scratch(), 'swapped.html', html);
    expect(record.review_litigation).toEqual({ review: [27, 10, 9, 15, 61], litigation_direct: [8, 0, 1, 1, 10], litigation_after_review: [3, 0, 0, 0, 3] });
    expect(sectionFour(record)).toEqual([]);
  });

  it('a grid row under a header that names no outcome loads nothing, with an error', async () => {
    const label = labelNamed('shuyang-county-2025');
    let html = await renderText(label, 'html');
    for (const outcome of ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']) html = html.replaceAll(`<td rowspan="2">${outcome}</td>`, '<td rowspan="2">数量</td>').replaceAll(`<td>${outcome}</td>`, '<td>数量</td>');
    const record = await recordOf(scratch(), 'no-outcomes.html', html);
    expect(record.review_litigation).toEqual({});
    expect(sectionFour(record)).toEqual([
      { rule: RULE.extractColumnsUnreadable, severity: 'error', row: undefined, cells: ['27', '10', '9', '15', '61', '3', '0', '0', '0', '3', '8', '0', '1', '1', '10'] },
    ]);
  });
});
