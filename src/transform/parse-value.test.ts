import { describe, expect, it } from 'vitest';
import { parseValue, unitInHeader } from './parse-value.ts';

describe('parseValue', () => {
  it('keeps blank, zero and dash apart', () => {
    expect(parseValue('')).toMatchObject({ kind: 'blank', value: null });
    expect(parseValue('/')).toMatchObject({ kind: 'blank', value: null });
    expect(parseValue('—')).toMatchObject({ kind: 'blank', value: null });
    expect(parseValue('0')).toMatchObject({ kind: 'number', value: 0 });
  });
  it('reads full-width digits, separators and split digits', () => {
    expect(parseValue('２６')).toMatchObject({ kind: 'number', value: 26 });
    expect(parseValue('517,645')).toMatchObject({ kind: 'number', value: 517645 });
    expect(parseValue('2 6')).toMatchObject({ kind: 'number', value: 26 });
    expect(parseValue('4068.208')).toMatchObject({ kind: 'number', value: 4068.208 });
  });
  it('reads units in the cell and signed changes', () => {
    expect(parseValue('77180.86万元')).toMatchObject({ value: 77180.86, unit: '万元' });
    expect(parseValue('251000元')).toMatchObject({ value: 251000, unit: '元' });
    expect(parseValue('增5')).toMatchObject({ value: 5 });
    expect(parseValue('减少3')).toMatchObject({ value: -3 });
    expect(parseValue('-2')).toMatchObject({ value: -2 });
  });
  it('keeps the number of a cell with a note and the raw text', () => {
    expect(parseValue('22（其中修订16件）')).toEqual({ kind: 'number', value: 22, unit: null, raw: '22（其中修订16件）' });
  });
  it('does not read labels or two numbers as one value', () => {
    expect(parseValue('1.属于国家秘密').kind).toBe('text');
    expect(parseValue('数据1').kind).toBe('text');
    expect(parseValue('本年新收政府信息公开申请数量').kind).toBe('text');
  });
  it('finds units in headers', () => {
    expect(unitInHeader('采购总金额(单位:万元,保留4位小数)')).toBe('万元');
    expect(unitInHeader('本年收费金额（单位：万元）')).toBe('万元');
    expect(unitInHeader('采购总金额')).toBeNull();
  });
});
