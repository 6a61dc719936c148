/**
 * Row files: each value written so that DuckDB's JSON reader gives back what
 * the appender would store (DECIMAL as exact text, never rounded), and every
 * value JSON cannot carry exactly refused, naming its column, so the write
 * falls back to the appender (warehouse.test.ts compares the two on every
 * labelled document).
 */
import { describe, expect, it } from 'vitest';
import { RowJsonError, rowJsonEncoder } from './row-json.ts';

const encode = rowJsonEncoder([
  { name: 'report_id', type: 'VARCHAR' },
  { name: 'year', type: 'INTEGER' },
  { name: 'value', type: 'BIGINT' },
  { name: 'amount_yuan', type: 'DECIMAL(24, 6)' },
  { name: 'printed', type: 'DOUBLE' },
  { name: 'is_primary', type: 'BOOLEAN' },
]);

describe('row files', () => {
  it('writes every column in order, a missing value as null, money as exact decimal text', () => {
    expect(JSON.parse(encode({ report_id: 'r1', year: 2023, value: 12, amount_yuan: '40682080.08', printed: 0.1 + 0.2, is_primary: true, extra: 'ignored' }))).toEqual({
      report_id: 'r1',
      year: 2023,
      value: 12,
      amount_yuan: '40682080.080000',
      printed: 0.30000000000000004,
      is_primary: true,
    });
    expect(JSON.parse(encode({ report_id: 'r2', amount_yuan: -0.5 }))).toEqual({ report_id: 'r2', year: null, value: null, amount_yuan: '-0.500000', printed: null, is_primary: null });
  });

  it('keeps text with quotes, backslashes, new lines and characters beyond the BMP as they are', () => {
    const text = '第"三"条\\ 与\n换行 𠀀';
    expect(JSON.parse(encode({ report_id: text })).report_id).toBe(text);
  });

  it('refuses, naming the column, what JSON or the column cannot carry exactly', () => {
    const refused: Array<[Record<string, unknown>, RegExp]> = [
      [{ amount_yuan: '1.0000001' }, /amount_yuan: 1\.0000001 has more than 6 decimals/],
      [{ printed: Number.POSITIVE_INFINITY }, /printed: .* is not a finite number/],
      [{ printed: Number.NaN }, /printed: .* is not a finite number/],
      [{ year: 2025.5 }, /year: .* is not an integer/],
      [{ value: 2 ** 60 }, /value: .* is not an integer/],
      [{ report_id: 'a\uD800b' }, /report_id: .* lone surrogate/],
      [{ report_id: 'a\uDC00' }, /report_id: .* lone surrogate/],
      [{ report_id: 'a\u0000b' }, /report_id: .* NUL/],
      [{ is_primary: 'yes' }, /is_primary: .* is not a boolean/],
    ];
    for (const [row, message] of refused) {
      expect(() => encode({ report_id: 'r', ...row } as never), message.source).toThrow(message);
    }
    expect(() => encode({ report_id: 'a\uD800' })).toThrow(RowJsonError);
  });
});
