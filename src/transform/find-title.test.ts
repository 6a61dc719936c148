import { describe, expect, it } from 'vitest';
import { agencyAndYear, findTitle } from './find-title.ts';
import { normalizeLabel } from './normalize-label.ts';

// Titles as the corpus prints them (white space removed as findTitle does).
const cases: Array<[string, string, number]> = [
  ['梁园区孙福集乡人民政府2020年政府信息公开工作年度报告', '梁园区孙福集乡人民政府', 2020],
  ['2020年意溪镇人民政府信息公开 工作年度报告', '意溪镇人民政府', 2020],
  ['张家坡镇2020年度政府信息公开工作年度报  告', '张家坡镇', 2020],
  ['平原示范区2020年度政府信息公开工作年度报告', '平原示范区', 2020],
  ['红崖子沟乡人民政府 2021 年 信息公开工作年度报告', '红崖子沟乡人民政府', 2021],
  ['沐阳县人民政府 2025 年 政府信息公开工作年度报告', '沐阳县人民政府', 2025],
  ['2019年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', 2019],
  ['沭阳县发展和改革局2023年政府信息公开年度报告', '沭阳县发展和改革局', 2023],
  // Forms other agencies print.
  ['沭阳县人民政府关于2023年政府信息公开工作的年度报告', '沭阳县人民政府', 2023],
  ['洪泽区人民政府2023年政务公开工作年度报告', '洪泽区人民政府', 2023],
  ['洪泽区人民政府二〇二三年政府信息公开工作年度报告', '洪泽区人民政府', 2023],
  ['意溪镇人民政府二○二○年度政府信息公开年报', '意溪镇人民政府', 2020],
];

describe('agencyAndYear', () => {
  for (const [title, agency, year] of cases) {
    it(title, () => {
      expect(agencyAndYear(normalizeLabel(title))).toEqual({ agency, year });
    });
  }
});

describe('findTitle on a saved page with its navigation before the title', () => {
  const para = (text: string, block: number) => ({ kind: 'paragraph' as const, text, source: { file: 'p.html', block } });
  const page = (lines: string[]) => ({ file: 'p.html', format: 'html' as const, blocks: lines.map(para) });

  it('takes the agency from the title, never from the breadcrumb items above it', () => {
    for (const lines of [
      ['首页', '政务公开', '政府信息公开', '政府信息公开年报', '平潭综合实验区2023年度政府信息公开工作年度报告'],
      ['当前位置：首页 > 政务公开 > 政府信息公开年报', '平潭综合实验区2023年度政府信息公开工作年度报告'],
      ['互动交流', '当前位置：', '首页', '政府信息公开年报', '平潭综合实验区2023年度政府信息公开工作年度报告'],
      ['当前位置：首页 > 政务公开 > 政府信息公开年报 > 平潭综合实验区2023年度政府信息公开工作年度报告'],
    ]) {
      expect(findTitle(page(lines)), lines.join(' / ')).toMatchObject({ agency: '平潭综合实验区', year: 2023 });
    }
  });

  it('still joins a title wrapped over two lines, even when its first line ends in 公开', () => {
    expect(findTitle(page(['张家坡镇2020年度政府信息公开工作年度', '报  告']))).toMatchObject({ agency: '张家坡镇', year: 2020 });
    expect(findTitle(page(['正文', '2025 年上海市人民政府办公厅政府信息公开', '工作年度报告']))).toMatchObject({ agency: '上海市人民政府办公厅', year: 2025 });
  });
});
