/**
 * The value lexer, probe by probe (test/value-agreement.test.ts checks that
 * the extractors and the transform read the same probes the same way).
 */
import { describe, expect, it } from 'vitest';
import { PROBES } from './value-lexer.probes.ts';
import { lexValue, looksLikeValue, unitInHeader } from './value-lexer.ts';


describe('lexValue', () => {
  for (const [raw, want] of PROBES) {
    it(`reads "${raw}" as ${want.kind}${want.kind === 'number' ? ` ${want.value}` : ''}`, () => {
      const got = lexValue(raw);
      expect(got).toMatchObject(want.kind === 'number' ? want : { kind: want.kind, value: null });
      expect(got.raw).toBe(raw);
    });
  }

  it('keeps an empty cell blank, never 0', () => {
    expect(lexValue('')).toMatchObject({ kind: 'blank', value: null });
    expect(looksLikeValue('')).toBe(false);
  });
});

describe('unitInHeader', () => {
  it('finds a money unit stated in a header', () => {
    expect(unitInHeader('采购总金额(单位:万元,保留4位小数)')).toBe('万元');
    expect(unitInHeader('本年收费金额（单位：万元）')).toBe('万元');
    expect(unitInHeader('本年收费金额（万元）')).toBe('万元');
    expect(unitInHeader('采购总金额')).toBeNull();
  });
});
