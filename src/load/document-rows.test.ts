/**
 * Fact rows of one document: counts as integers, a fraction in a count cell
 * NULL with the error that names it, money as printed and in yuan.
 */
import { describe, expect, it } from 'vitest';
import { checkCountCells } from '../transform/validate/count-cells.ts';
import type { CellFact } from '../transform/record.ts';
import { documentRows } from './document-rows.ts';
import { labelDocument, readLabel } from './label-record.test-helper.ts';

const FGJ = readLabel('shuyang-fgj-2023');

describe('documentRows', () => {
  it('loads a fraction in a count cell as NULL, and validation names the cell', () => {
    const doc = labelDocument(FGJ);
    const fraction: CellFact = { ...(doc.record.cells.find((c) => c.table === 'applications' && c.value !== null) as CellFact), value: 1.5, raw: '1.5' };
    const record = { ...doc.record, cells: [fraction, ...doc.record.cells.filter((c) => !(c.table === fraction.table && c.row === fraction.row && c.column === fraction.column))] };
    const issues = checkCountCells(record);
    expect(issues).toEqual([expect.objectContaining({ rule: 'extract.count_not_integer', severity: 'error', row: fraction.row, column: fraction.column, printed: 1.5 })]);
    const rows = documentRows({ ...doc, record: { ...record, validation: issues } });
    const stored = rows.facts.fact_applications.find((f) => f.row_code === fraction.row && f.applicant_code === fraction.column);
    expect(stored).toMatchObject({ value: null, raw_text: '1.5' });
    expect(rows.report.status).toBe('errors');
  });

  it('keeps money as printed with its unit and in yuan, and counts in value', () => {
    const doc = labelDocument(FGJ);
    const money: CellFact = { table: 'active_disclosure', row: 'admin_fees', column: 'amount', value: 4068.208, unit: '万元', raw: '4068.208', source: { file: FGJ.doc, block: 1, row: 9, col: 3 } };
    const rows = documentRows({ ...doc, record: { ...doc.record, cells: [money, ...doc.record.cells.filter((c) => !(c.row === 'admin_fees' && c.column === 'amount'))] } });
    const fees = rows.facts.fact_active_disclosure.find((f) => f.item === 'admin_fees' && f.metric === 'amount');
    expect(fees).toMatchObject({ value: null, amount_printed: '4068.208000', unit: '万元', amount_yuan: '40682080.000000' });
    expect(checkCountCells({ ...doc.record, cells: [money] })).toEqual([]);
    const count = rows.facts.fact_active_disclosure.find((f) => f.metric !== 'amount' && f.value !== null);
    expect(Number.isInteger(count?.value)).toBe(true);
  });
});
