import { describe, expect, it } from 'vitest';
import { corpusText, labelAgency } from './corpus-text.test-helper.ts';
import { parseAgency } from './parse-agency.ts';
import { agencyFromTitle } from './resolve-region.ts';

describe('parseAgency on the agencies the corpus labels give', () => {
  const cases = [
    ['000_d4859fce74386304', { kind: 'township_government', placeNames: ['梁园区', '孙福集乡'] }],
    ['001_9facb60fdd4eb9b0', { kind: 'township_government', placeNames: ['意溪镇'] }],
    ['002_02af2ddfabc85d6c', { kind: 'development_zone', placeNames: [] }],
    ['003_67fd554f9e32afcc', { kind: 'township_government', placeNames: ['张家坡镇'] }],
    ['004_7180246cedc2b1d8', { kind: 'township_government', placeNames: ['红崖子沟乡'] }],
    ['hzq2023_working', { kind: 'county_government', placeNames: ['淮安市', '洪泽区'] }],
    // Printed 沐阳县 (an OCR slip): kept as printed, read as a county by its suffix.
    ['shuyang-county-2025', { kind: 'county_government', placeNames: ['沐阳县'] }],
    ['shuyang-fgj-2023', { kind: 'department', placeNames: ['沭阳县'], parentGovernment: '沭阳县人民政府' }],
  ] as const;
  for (const [label, expected] of cases) {
    it(`${label}: ${labelAgency(label)}`, () => {
      const parsed = parseAgency(labelAgency(label));
      expect(parsed).toMatchObject({ name: labelAgency(label), ...expected });
      if (!('parentGovernment' in expected)) expect(parsed.parentGovernment).toBeUndefined();
    });
  }
});

describe('parseAgency on the agencies the issue and the corpus titles print', () => {
  it('a provincial government office (shanghai-office-2019.html)', () => {
    const { title } = corpusText('shanghai-office-2019.html');
    const agency = agencyFromTitle(title ?? '');
    expect(agency).toBe('上海市人民政府办公厅');
    expect(parseAgency(agency ?? '')).toEqual({
      name: '上海市人民政府办公厅',
      kind: 'government_office',
      placeNames: ['上海市'],
      parentGovernment: '上海市人民政府',
    });
  });

  it('a city government and its office (szfgs2024.pdf prints 淮安市人民政府, compiled by 淮安市人民政府办公室)', () => {
    expect(parseAgency('淮安市人民政府')).toMatchObject({ kind: 'city_government', placeNames: ['淮安市'] });
    expect(parseAgency('淮安市人民政府办公室')).toMatchObject({ kind: 'government_office', parentGovernment: '淮安市人民政府' });
  });

  it('a county government printed without its city (hzq2023 title)', () => {
    expect(parseAgency('洪泽区人民政府')).toMatchObject({ kind: 'county_government', placeNames: ['洪泽区'] });
  });

  it('the signature of the development zone (002)', () => {
    const { body } = corpusText('002_02af2ddfabc85d6c.txt');
    expect(body).toContain('新乡市平原城乡一体化示范区管理委员会');
    expect(parseAgency('新乡市平原城乡一体化示范区管理委员会')).toMatchObject({ kind: 'development_zone' });
  });

  it('a department whose name holds 城乡 is not split into a place 城乡', () => {
    expect(parseAgency('沭阳县住房和城乡建设局')).toMatchObject({
      kind: 'department',
      placeNames: ['沭阳县'],
      parentGovernment: '沭阳县人民政府',
    });
  });

  it('drops a year and the markdown heading mark', () => {
    expect(parseAgency('# 2020年意溪镇人民政府')).toMatchObject({ name: '意溪镇人民政府', kind: 'township_government' });
    expect(parseAgency('沐阳县人民政府 2025 年')).toMatchObject({ name: '沐阳县人民政府' });
  });

  it('a street office is a township-level government', () => {
    expect(parseAgency('沭城街道办事处')).toMatchObject({ kind: 'township_government', placeNames: ['沭城街道'] });
  });

  it('a province short name before a listed name is read as the province/city', () => {
    expect(parseAgency('淮安洪泽区人民政府')).toMatchObject({ placeNames: ['淮安市', '洪泽区'], kind: 'county_government' });
  });

  it('a municipality reads as a province-level government; 浦东新区 as a district, not a zone', () => {
    expect(parseAgency('上海市人民政府')).toMatchObject({ kind: 'province_government' });
    expect(parseAgency('浦东新区人民政府')).toMatchObject({ kind: 'county_government', placeNames: ['浦东新区'] });
  });

  it('no place at all: unknown', () => {
    expect(parseAgency('综合办公室')).toMatchObject({ kind: 'unknown', placeNames: [] });
  });
});
