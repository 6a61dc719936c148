/**
 * Running text cut into text pieces and runs, as the 平潭 crawls print it.
 */
import { describe, expect, it } from 'vitest';
import { splitAtHeadings } from './inline-sections.ts';
import { AMOUNT_RUN, COUNT_RUN, piecesOf, segmentsOf } from './value-runs.ts';

describe('segmentsOf', () => {
  it('gives the digit of a numbering glued to a run to the label after it', () => {
    expect(segmentsOf('（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开 0000000', COUNT_RUN)).toEqual([
      { kind: 'text', text: '（三）不予公开1.属于国家秘密' },
      { kind: 'run', text: '0000000' },
      { kind: 'text', text: '2.其他法律行政法规禁止公开' },
      { kind: 'run', text: '0000000' },
    ]);
  });

  it('keeps a decimal point, a sign and a unit inside a run of section 二', () => {
    expect(segmentsOf('行政事业性收费35-15第二十条第（九）项政府集中采购2笔 984361元三、', AMOUNT_RUN).map((s) => s.text)).toEqual([
      '行政事业性收费',
      '35-15',
      '第二十条第（九）项政府集中采购',
      '2笔 984361元',
      '三、',
    ]);
    expect(piecesOf('35-15')).toEqual(['35', '-15']);
    expect(piecesOf('230 000023')).toEqual(['230', '000023']);
  });
});

describe('splitAtHeadings', () => {
  it('finds the section headings inside one line, not the row labels that share their numbering', () => {
    const text =
      '前言。 一、总体情况 正文。二、主动公开政府信息情况第二十条第（一）项 三、收到和处理政府信息公开申请情况 三、本年度办理结果（一）予以公开0000000四、结转下年度继续办理0000000四、政府信息公开行政法复议、行政诉讼情况 0 0 0 五、存在的主要问题及改进措施 问题。六、其他需报告的事项 无';
    expect(splitAtHeadings(text)?.map((p) => [p.section, p.heading])).toEqual([
      [null, ''],
      ['overview', '一、总体情况'],
      ['active_disclosure', '二、主动公开政府信息情况'],
      ['applications', '三、收到和处理政府信息公开申请情况'],
      ['review_litigation', '四、政府信息公开行政法复议、行政诉讼情况'],
      ['problems_and_improvements', '五、存在的主要问题及改进措施'],
      ['other_matters', '六、其他需报告的事项'],
    ]);
    expect(splitAtHeadings('一、总体情况 正文。')).toBeNull();
  });
});
