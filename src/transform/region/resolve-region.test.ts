import { describe, expect, it } from 'vitest';
import { corpusText, fixtureText, labelAgency } from './corpus-text.test-helper.ts';
import { divisionsNamed } from './gazetteer.ts';
import { agencyFromTitle, loadOverrides, regionHierarchy, resolveRegion } from './resolve-region.ts';

/** The acceptance cases of issue 5: document, label, expected codes and names. */
const SEEDS = [
  { doc: '000_d4859fce74386304.txt', label: '000_d4859fce74386304', township: ['411402205', '孙福集乡'], county: ['411402', '梁园区'], city: ['4114', '商丘市'], province: ['41', '河南省'] },
  { doc: '001_9facb60fdd4eb9b0.txt', label: '001_9facb60fdd4eb9b0', township: ['445102100', '意溪镇'], county: ['445102', '湘桥区'], city: ['4451', '潮州市'], province: ['44', '广东省'] },
  { doc: '003_67fd554f9e32afcc.txt', label: '003_67fd554f9e32afcc', township: ['370323108', '张家坡镇'], county: ['370323', '沂源县'], city: ['3703', '淄博市'], province: ['37', '山东省'] },
  { doc: '004_7180246cedc2b1d8.txt', label: '004_7180246cedc2b1d8', township: ['630223202', '红崖子沟乡'], county: ['630223', '互助土族自治县'], city: ['6302', '海东市'], province: ['63', '青海省'] },
] as const;

describe('seed townships resolve to their NBS codes', () => {
  for (const seed of SEEDS) {
    for (const agencyFrom of ['label', 'title'] as const) {
      it(`${seed.doc} (agency from the ${agencyFrom})`, () => {
        const { title, body } = corpusText(seed.doc);
        const agency = agencyFrom === 'label' ? labelAgency(seed.label) : null;
        const { region, issues } = resolveRegion({ agency, title, body });
        expect(issues).toEqual([]);
        expect(region).toMatchObject({
          township_code: seed.township[0],
          township_name: seed.township[1],
          county_code: seed.county[0],
          county_name: seed.county[1],
          city_code: seed.city[0],
          city_name: seed.city[1],
          province_code: seed.province[0],
          province_name: seed.province[1],
          level: 'township',
          kind: 'township_government',
          confidence: 'exact',
        });
      });
    }
  }

  it('意溪镇: the body names its county 湘桥区, consistent with the code found', () => {
    const { body } = corpusText('001_9facb60fdd4eb9b0.txt');
    expect(body).toContain('湘桥区');
  });
});

describe('development zone through the overrides file', () => {
  it('平原示范区 (002) is placed in 新乡市 as a development zone', () => {
    const { title, body } = corpusText('002_02af2ddfabc85d6c.txt');
    for (const agency of [labelAgency('002_02af2ddfabc85d6c'), null]) {
      const { region, issues } = resolveRegion({ agency, title, body });
      expect(issues).toEqual([]);
      expect(region).toMatchObject({ province_code: '41', city_code: '4107', city_name: '新乡市', kind: 'development_zone', confidence: 'override' });
      // The zone is an NBS county-level unit of its own; the override names it.
      expect(region.county_code).toBe('410773');
      expect(region.county_name).toBe('新乡市平原城乡一体化示范区');
    }
  });

  it('without the override, the short name 平原示范区 stays unresolved', () => {
    const { title, body } = corpusText('002_02af2ddfabc85d6c.txt');
    const { region, issues } = resolveRegion({ agency: '平原示范区', title, body }, []);
    expect(region.confidence).toBe('unresolved');
    expect(region.kind).toBe('development_zone');
    expect(issues.map((i) => i.rule)).toEqual(['region.unknown']);
  });

  it('the signature 新乡市平原城乡一体化示范区管理委员会 is found in the gazetteer itself', () => {
    const { region } = resolveRegion({ agency: '新乡市平原城乡一体化示范区管理委员会', title: null, body: '' }, []);
    expect(region).toMatchObject({ county_code: '410773', city_code: '4107', kind: 'development_zone', confidence: 'exact' });
  });

  it('an override passed in wins over the gazetteer', () => {
    const overrides = loadOverrides('pattern,code,kind\n^洪泽区人民政府$,3208,city_government\n');
    const { region } = resolveRegion({ agency: '洪泽区人民政府', title: null, body: '' }, overrides);
    expect(region).toMatchObject({ city_code: '3208', level: 'city', confidence: 'override' });
    expect(region.county_code).toBeUndefined();
  });
});

describe('PDF reports (text excerpts made with pdftotext)', () => {
  it('hzq2023_working.pdf -> 洪泽区 320813 (江苏省淮安市)', () => {
    const text = fixtureText('hzq2023_working-excerpt.txt');
    const title = agencyTitle(text.body);
    for (const agency of [labelAgency('hzq2023_working'), '洪泽区人民政府', null]) {
      const { region, issues } = resolveRegion({ agency, title, body: text.body });
      expect(issues).toEqual([]);
      expect(region).toMatchObject({
        province_code: '32',
        province_name: '江苏省',
        city_code: '3208',
        city_name: '淮安市',
        county_code: '320813',
        county_name: '洪泽区',
        level: 'county',
        kind: 'county_government',
        confidence: 'exact',
      });
      expect(region.township_code).toBeUndefined();
    }
  });

  it('szfgs2024.pdf -> 淮安市 3208 at city level', () => {
    const text = fixtureText('szfgs2024-excerpt.txt');
    const title = agencyTitle(text.body);
    expect(agencyFromTitle(title)).toBe('淮安市人民政府');
    const asGovernment = resolveRegion({ agency: null, title, body: text.body });
    expect(asGovernment.issues).toEqual([]);
    expect(asGovernment.region).toMatchObject({ province_code: '32', city_code: '3208', city_name: '淮安市', level: 'city', kind: 'city_government', confidence: 'exact' });
    expect(asGovernment.region.county_code).toBeUndefined();

    // The body says the report was compiled by 淮安市人民政府办公室: the same place, as a government office.
    expect(text.body).toContain('淮安市人民政府办公室');
    const asOffice = resolveRegion({ agency: '淮安市人民政府办公室', title, body: text.body });
    expect(asOffice.region).toMatchObject({ city_code: '3208', level: 'city', kind: 'government_office', parent_government: '淮安市人民政府' });
  });
});

describe('沭阳县', () => {
  it('shuyang-fgj-2023.html -> a department of 沭阳县 321322', () => {
    const { title, body } = corpusText('shuyang-fgj-2023.html');
    const sourceUrl = /来源：\s*(\S+)/u.exec(body)?.[1];
    expect(sourceUrl).toMatch(/shuyang\.gov\.cn/u);
    for (const agency of [labelAgency('shuyang-fgj-2023'), null]) {
      const { region, issues } = resolveRegion({ agency, title, body, sourceUrl });
      expect(issues).toEqual([]);
      expect(region).toMatchObject({
        province_code: '32',
        city_code: '3213',
        city_name: '宿迁市',
        county_code: '321322',
        county_name: '沭阳县',
        level: 'county',
        kind: 'department',
        parent_government: '沭阳县人民政府',
        confidence: 'exact',
      });
    }
  });

  it('shuyang-county-2025.txt prints 沐阳县: resolved to 沭阳县 as a fuzzy match, with a warning', () => {
    const { title, body } = corpusText('shuyang-county-2025.txt');
    expect(body).not.toContain('沭阳');
    for (const agency of [labelAgency('shuyang-county-2025'), null]) {
      const { region, issues } = resolveRegion({ agency, title, body });
      expect(region).toMatchObject({ county_code: '321322', county_name: '沭阳县', city_code: '3213', province_code: '32', kind: 'county_government', confidence: 'fuzzy' });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ rule: 'region.fuzzy_match', severity: 'warning' });
      expect(issues[0]?.message).toContain('沐阳县');
      expect(issues[0]?.message).toContain('321322');
    }
  });
});

describe('上海市人民政府办公厅', () => {
  it('shanghai-office-2019.html -> a government office of 上海市 (31)', () => {
    const { title, body } = corpusText('shanghai-office-2019.html');
    const { region, issues } = resolveRegion({ agency: null, title, body });
    expect(issues).toEqual([]);
    expect(region).toMatchObject({ province_code: '31', province_name: '上海市', level: 'province', kind: 'government_office', parent_government: '上海市人民政府' });
  });
});

describe('城关镇: 88 towns of that name', () => {
  // 红崖子沟乡's real report (004) renamed: a body that names no county, city or province.
  const doc = corpusText('004_7180246cedc2b1d8.txt');
  const body = doc.body.replaceAll('红崖子沟乡', '城关镇');
  const title = '城关镇人民政府2020年政府信息公开工作年度报告';
  const all = divisionsNamed('城关镇');

  it('stays unresolved and lists its candidates', () => {
    expect(all.length).toBe(88);
    const { region, issues } = resolveRegion({ agency: null, title, body });
    expect(region.confidence).toBe('unresolved');
    expect(region.kind).toBe('township_government');
    expect(region.township_code).toBeUndefined();
    expect(region.province_code).toBeUndefined();
    expect(region.candidates).toHaveLength(88);
    expect(issues).toHaveLength(1);
    const issue = issues[0];
    expect(issue).toMatchObject({ rule: 'region.ambiguous', severity: 'warning' });
    // Ten spelled out as "城关镇 (省市县 code)", then the count of the rest.
    expect(issue?.message.match(/城关镇 \([^)]+ \d{9}\)/gu)).toHaveLength(10);
    expect(issue?.message).toContain('and 78 more');
    expect(region.candidates?.[0]).toMatch(/^城关镇 \(\S+ \d{9}\)$/u);
  });

  it('a province named in the body narrows the candidates, and still lists them when more than one remains', () => {
    const inQinghai = all.filter((d) => d.code.startsWith('63'));
    expect(inQinghai.length).toBeGreaterThan(1);
    const { region, issues } = resolveRegion({ agency: null, title, body: `${body}\n青海省` });
    expect(region.confidence).toBe('unresolved');
    expect(region.candidates).toHaveLength(inQinghai.length);
    for (const d of inQinghai) expect(issues[0]?.message).toContain(d.code);
  });

  it('the source URL host is a clue: the single 城关镇 of 福建省', () => {
    const inFujian = all.filter((d) => d.code.startsWith('35'));
    expect(inFujian).toHaveLength(1);
    const { region, issues } = resolveRegion({ agency: null, title, body, sourceUrl: 'https://www.fujian.gov.cn/zwgk/' });
    expect(issues).toEqual([]);
    expect(region).toMatchObject({ township_code: inFujian[0]?.code, province_code: '35', confidence: 'exact' });
  });
});

describe('unknown agencies', () => {
  it('an agency with no place name stays unresolved with region.unknown', () => {
    const { body } = corpusText('004_7180246cedc2b1d8.txt');
    const { region, issues } = resolveRegion({ agency: '综合办公室', title: null, body: body.replaceAll('红崖子沟乡', '') });
    expect(region.confidence).toBe('unresolved');
    expect(issues.map((i) => i.rule)).toEqual(['region.unknown']);
  });

  it('a township missing from the gazetteer under a listed county is placed only as far as the county', () => {
    const { region, issues } = resolveRegion({ agency: '梁园区某某乡人民政府', title: null, body: '' });
    expect(region).toMatchObject({ county_code: '411402', level: 'county', kind: 'township_government', confidence: 'exact' });
    expect(issues.map((i) => i.rule)).toEqual(['region.unknown']);
  });
});

describe('regionHierarchy', () => {
  it('gives one row per resolved level, each pointing at its parent', () => {
    const { title, body } = corpusText('000_d4859fce74386304.txt');
    const { region } = resolveRegion({ agency: null, title, body });
    expect(regionHierarchy(region)).toEqual([
      { code: '41', name: '河南省', level: 'province', parent_code: null },
      { code: '4114', name: '商丘市', level: 'city', parent_code: '41' },
      { code: '411402', name: '梁园区', level: 'county', parent_code: '4114' },
      { code: '411402205', name: '孙福集乡', level: 'township', parent_code: '411402' },
    ]);
  });

  it('gives no rows for an unresolved region', () => {
    expect(regionHierarchy({ confidence: 'unresolved' })).toEqual([]);
  });
});

/** A PDF title wraps: "洪泽区人民政府" / "2023 年政府信息公开工作年度报告". */
function agencyTitle(text: string): string {
  return text.split('\n').map((s) => s.trim()).filter(Boolean).slice(0, 2).join('');
}

describe('government sites named in the body', () => {
  it('a site in the body narrows 城关镇 like a province name does', () => {
    const inQinghai = divisionsNamed('城关镇').filter((d) => d.code.startsWith('63'));
    const { region } = resolveRegion({ agency: '城关镇人民政府', title: null, body: '本报告可在 http://www.qinghai.gov.cn/ 下载' });
    expect(region.candidates).toHaveLength(inQinghai.length);
  });
});

describe('central-government agencies', () => {
  for (const agency of ['教育部', '国家税务总局', '国务院办公厅', '中华人民共和国生态环境部', '国家发展和改革委员会', '海关总署', '中国证券监督管理委员会']) {
    it(`${agency} is a central agency at national level, with no warning`, () => {
      const { region, issues } = resolveRegion({ agency, title: `${agency}2023年政府信息公开工作年度报告`, body: '' });
      expect(region).toEqual({ kind: 'central_agency', level: 'national', confidence: 'exact' });
      expect(issues).toEqual([]);
    });
  }

  it('a department that names no place and no state is not taken for a ministry', () => {
    for (const agency of ['党群工作部', '人民武装部', '经济发展部']) {
      const { region, issues } = resolveRegion({ agency, title: null, body: '' });
      expect(region.kind).not.toBe('central_agency');
      expect(issues.map((i) => i.rule)).toEqual(['region.unknown']);
    }
  });

  it('a branch named after its place is placed there, not at national level', () => {
    const { region } = resolveRegion({ agency: '广州市天河区发展和改革局', title: null, body: '' });
    expect(region).toMatchObject({ kind: 'department', level: 'county', county_name: '天河区' });
  });
});
