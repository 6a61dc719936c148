import { describe, expect, it } from 'vitest';
import { amountText, yuanText } from './money.ts';

describe('money in yuan', () => {
  it('multiplies exactly, without float dust', () => {
    expect(yuanText(4068.208, '万元')).toBe('40682080.000000');
    expect(yuanText(0.1, '千元')).toBe('100.000000');
    expect(yuanText(251000, '元')).toBe('251000.000000');
    expect(yuanText(1.5, '亿元')).toBe('150000000.000000');
    expect(amountText(7730.28)).toBe('7730.280000');
  });

  it('keeps an amount of unknown unit NULL, except 0', () => {
    expect(yuanText(122852, null)).toBeNull();
    expect(yuanText(0, null)).toBe('0.000000');
    expect(yuanText(null, '万元')).toBeNull();
  });
});
