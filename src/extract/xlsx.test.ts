/**
 * The .xlsx reader: the committed workbook of one labelled record
 * (scripts/render-fixture-xlsx.ts, one sheet per table, title rows merged
 * across) extracts to its label with the merged cells as spans; a damaged,
 * encrypted or .xls workbook fails with a reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { extractRecord } from '../../pipeline/extract-record.ts';
import { loadCorpusLabels, cellDifferences } from '../../test/support/label.ts';
import type { TableBlock } from './document.ts';
import { extractXlsx, xlsExtractor } from './xlsx.ts';

const fixture = new URL('../../test/fixtures/xlsx/shuyang-fgj-2023.xlsx', import.meta.url).pathname;

describe('.xlsx reader', () => {
  it('extracts the fixture to its label', async () => {
    const label = loadCorpusLabels().find((l) => l.name === 'shuyang-fgj-2023')!.label;
    const record = await extractRecord(fixture);
    expect(cellDifferences(label, record)).toEqual([]);
    expect([record.agency, record.year, record.template]).toEqual([label.agency, label.year, label.template]);
  });

  it('turns each sheet into its title rows as paragraphs and its table with spans', async () => {
    const doc = await extractXlsx(new Uint8Array(readFileSync(fixture)), fixture);
    const kinds = doc.blocks.map((b) => b.kind);
    expect(kinds.filter((k) => k === 'table')).toHaveLength(3);
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: expect.stringContaining('2023年政府信息公开工作年度报告') });
    const applications = doc.blocks.filter((b): b is TableBlock => b.kind === 'table')[1]!;
    const group = applications.rows.flat().find((c) => !c.covered && c.text === '三、本年度办理结果');
    expect(group?.rowSpan).toBeGreaterThan(10);
    expect(new Set(applications.rows.map((r) => r.length)).size).toBe(1);
  });

  it('prints a formula cell as its cached result', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('表');
    sheet.getCell('A1').value = '自然人';
    sheet.getCell('B1').value = '总计';
    sheet.getCell('A2').value = 3;
    sheet.getCell('B2').value = { formula: 'A2*2', result: 6 };
    const doc = await extractXlsx(new Uint8Array(await book.xlsx.writeBuffer()), 'f.xlsx');
    expect((doc.blocks[0] as TableBlock).rows.map((r) => r.map((c) => c.text))).toEqual([['自然人', '总计'], ['3', '6']]);
  });

  it('fails with a reason on bytes that are no workbook, a compound document, and an .xls', async () => {
    await expect(extractXlsx(new TextEncoder().encode('not a zip'), 'bad.xlsx')).rejects.toMatchObject({ kind: 'corrupt', file: 'bad.xlsx' });
    const compound = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(extractXlsx(compound, 'locked.xlsx')).rejects.toThrow(/encrypted \(password-protected\) workbook/);
    await expect(xlsExtractor.extract(compound, 'old.xls')).rejects.toMatchObject({ kind: 'unsupported', message: expect.stringContaining('save it as .xlsx') });
  });
});
