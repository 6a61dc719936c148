/**
 * Tables printed as running text under heading lines of their own (each
 * section on its line, its table run together on the next).
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../../extract/text.ts';
import { transformDocument } from '../transform-document.ts';
import { RULE } from '../validate/rules.ts';

const REPORT = [
  '某某县人民政府2023年政府信息公开工作年度报告',
  '一、总体情况',
  '2023年，某某县认真落实政务公开要求。',
  '二、主动公开政府信息情况',
  '本年共主动公开信息100条，详见下表。',
  '第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件005第二十条第（五）项信息内容本年处理决定数量行政许可52',
  '三、收到和处理政府信息公开申请情况',
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业 企业科研 机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量713000074二、上年结转政府信息公开申请数量1000001',
  '四、政府信息公开行政复议、行政诉讼情况',
  '行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计',
  '五、存在的主要问题及改进情况',
  '无。',
].join('\n');

describe('a table section printed as running text under its heading line', () => {
  it('is read as its table: runs split by the arithmetic, forced runs of 二, a 四 header with no numbers as fifteen blanks', () => {
    const record = transformDocument(parseText(REPORT, 'lines.txt'));
    expect(record.active_disclosure).toEqual({
      regulations: { issued: 0, repealed: 0, in_force: 0 },
      normative_documents: { issued: 0, repealed: 0, in_force: 5 },
      admin_licensing: { decisions: 52 },
    });
    expect(record.applications).toEqual({ new_received: [71, 3, 0, 0, 0, 0, 74], carried_over: [1, 0, 0, 0, 0, 0, 1] });
    expect(record.review_litigation).toEqual({
      review: [null, null, null, null, null],
      litigation_direct: [null, null, null, null, null],
      litigation_after_review: [null, null, null, null, null],
    });
    expect(record.validation.filter((i) => i.rule === RULE.extractTableMissing)).toEqual([]);
  });
});

describe('section 四 in running text with a label before each proceeding', () => {
  it('splits each proceeding run by its own sum, with a warning per cell', () => {
    const text = [
      '某某县人民政府2023年政府信息公开工作年度报告',
      '一、总体情况 2023年，某某县认真落实政务公开要求。二、主动公开政府信息情况 无。三、收到和处理政府信息公开申请情况 无。四、政府信息公开行政复议、行政诉讼情况 结果维持 结果纠正 其他结果 尚未审结 总计 行政复议 10001 未经复议直接起诉 0 0 0 0 0 复议后起诉 21003 五、存在的主要问题及改进情况 无。',
    ].join('\n');
    const record = transformDocument(parseText(text, 'labelled.txt'));
    expect(record.review_litigation).toEqual({ review: [1, 0, 0, 0, 1], litigation_direct: [0, 0, 0, 0, 0], litigation_after_review: [2, 1, 0, 0, 3] });
    const split = record.validation.filter((i) => i.rule === RULE.extractDigitRunSplit);
    expect(split.map((i) => i.row)).toEqual([...Array(5).fill('review'), ...Array(5).fill('litigation_after_review')]);
  });
});
