/** Item numbers that open list items, and telling two items of one list apart. */
import { describe, expect, it } from 'vitest';
import { itemNumberKind, sameListItems } from './item-number.ts';

describe('item numbers', () => {
  it('knows the kinds of number that open an item', () => {
    expect(itemNumberKind('4.无正当理由大量反复申请')).toBe('arabic');
    expect(itemNumberKind('2、申请人逾期未按收费通知')).toBe('arabic');
    expect(itemNumberKind('（六）其他处理')).toBe('bracketed');
    expect(itemNumberKind('三、本年度办理结果')).toBe('chinese');
  });

  it('does not take a decimal, a year or plain text for one', () => {
    expect(itemNumberKind('3.5%的增长')).toBeNull();
    expect(itemNumberKind('2023年')).toBeNull();
    expect(itemNumberKind('第二十条第（五）项')).toBeNull();
  });

  it('two texts opening with numbers of one kind are two items; a text and its wrapped rest are not', () => {
    expect(sameListItems('4.无正当理由大量反复申请', '5.要求行政机关确认或重新')).toBe(true);
    expect(sameListItems('（三）不予公', '开')).toBe(false);
    expect(sameListItems('第二十条第', '（五）项')).toBe(false);
  });
});
