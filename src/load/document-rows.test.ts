/**
 * Fact rows of one document: counts as integers, a fraction in a count cell
 * NULL with the error that names it, money as printed and in yuan.
 */
import { describe, expect, it } from 'vitest';
import { checkCountCells } from '../transform/validate/count-cells.ts';
import type { CellFact } from '../transform/record.ts';
import { factRows } from './document-rows.ts';
import { labelRecord, readLabel } from './label-record.test-helper.ts';

const FGJ = readLabel('shuyang-fgj-2023');

describe('factRows', () => {
  it('loads a fraction in a count cell as NULL, and validation names the cell', () => {
    const base = labelRecord(FGJ);
    const fraction: CellFact = { ...(base.cells.find((c) => c.table === 'applications' && c.value !== null) as CellFact), value: 1.5, raw: '1.5' };
    const record = { ...base, cells: [fraction, ...base.cells.filter((c) => !(c.table === fraction.table && c.row === fraction.row && c.column === fraction.column))] };
    const issues = checkCountCells(record);
    expect(issues).toEqual([expect.objectContaining({ rule: 'extract.count_not_integer', severity: 'error', row: fraction.row, column: fraction.column, printed: 1.5 })]);
    const facts = factRows({ ...record, validation: issues }, 'r', 'a', 2023);
    const stored = facts.fact_applications.find((f) => f.row_code === fraction.row && f.applicant_code === fraction.column);
    expect(stored).toMatchObject({ value: null, raw_text: '1.5' });
  });

  it('keeps money as printed with its unit and in yuan, and counts in value', () => {
    const record = labelRecord(FGJ);
    const money: CellFact = { table: 'active_disclosure', row: 'admin_fees', column: 'amount', value: 4068.208, unit: '万元', raw: '4068.208', source: { file: FGJ.doc, block: 1, row: 9, col: 3 } };
    const facts = factRows({ ...record, cells: [money, ...record.cells.filter((c) => !(c.row === 'admin_fees' && c.column === 'amount'))] }, 'r', 'a', 2023);
    const fees = facts.fact_active_disclosure.find((f) => f.item === 'admin_fees' && f.metric === 'amount');
    expect(fees).toMatchObject({ value: null, amount_printed: '4068.208000', unit: '万元', amount_yuan: '40682080.000000' });
    expect(checkCountCells({ ...record, cells: [money] })).toEqual([]);
    const count = facts.fact_active_disclosure.find((f) => f.metric !== 'amount' && f.value !== null);
    expect(Number.isInteger(count?.value)).toBe(true);
  });
});
