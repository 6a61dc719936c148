import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorruptFileError } from '../../errors.ts';
import { defaultOverrides, DEFAULT_OVERRIDES_FILE, findOverride, loadOverrides } from './agency-overrides.ts';

describe('the checked-in overrides file', () => {
  it('loads and places 平原示范区 (the agency of seed 002) as a development zone', () => {
    expect(defaultOverrides().length).toBeGreaterThan(0);
    expect(readFileSync(DEFAULT_OVERRIDES_FILE, 'utf8')).toContain('平原示范区');
    const hit = findOverride(['平原示范区'], defaultOverrides());
    expect(hit).toMatchObject({ code: '410773', kind: 'development_zone' });
  });

  it('does not match ordinary agencies', () => {
    expect(findOverride(['梁园区孙福集乡人民政府', '沭阳县发展和改革局'], defaultOverrides())).toBeNull();
  });

  it("takes a zone's departments for departments, not for the zone (they would be merged with it)", () => {
    for (const name of ['平原示范区财政局', '新乡市平原城乡一体化示范区教育局', '平原示范区管理委员会办公室', '平潭综合实验区财政金融局']) {
      expect(findOverride([name], defaultOverrides()), name).toMatchObject({ kind: 'department' });
    }
    for (const name of ['平原示范区', '平原示范区管委会', '新乡市平原城乡一体化示范区管理委员会', '平潭综合实验区']) {
      expect(findOverride([name], defaultOverrides()), name).toMatchObject({ kind: 'development_zone' });
    }
  });
});

describe('loadOverrides', () => {
  it('reads quoted fields, comments and an optional name for a code the gazetteer lacks', () => {
    const csv = [
      '# comment',
      'pattern,code,kind,name,note',
      '"^某某新区(管委会)?$",999999,development_zone,某某新区,"a note, with a comma and ""quotes"""',
      '',
    ].join('\r\n');
    const [o] = loadOverrides(csv);
    expect(o?.pattern.test('某某新区管委会')).toBe(true);
    expect(o).toMatchObject({ code: '999999', kind: 'development_zone', name: '某某新区', note: 'a note, with a comma and "quotes"' });
  });

  it('rejects a bad row with an error naming the file and the row', () => {
    const bad = [
      ['pattern,code\nx,11\n', /columns pattern, code, kind/u],
      ['pattern,code,kind\nx,123,county_government\n', /row 1: code must be/u],
      ['pattern,code,kind\nx,11,village\n', /row 1: kind must be one of/u],
      ['pattern,code,kind\n(,11,province_government\n', /row 1: pattern/u],
      ['pattern,code,kind\n^x$,999999,county_government\n', /not in the NBS 2023 gazetteer/u],
      ['pattern,code,kind\n平原示范区,410773,development_zone\n', /row 1: pattern "平原示范区" names a development_zone but not its whole name/u],
      ['pattern,code,kind\n平原示范区$,410773,development_zone\n', /not its whole name/u],
      ['pattern,code,kind\n^平原示范区\\$,410773,development_zone\n', /not its whole name/u],
      ['pattern,code,kind\n^洪泽区人民政府,320813,county_government\n', /not its whole name/u],
    ] as const;
    for (const [csv, reason] of bad) {
      let error: unknown;
      try {
        loadOverrides(csv, 'my-overrides.csv');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CorruptFileError);
      expect((error as CorruptFileError).file).toBe('my-overrides.csv');
      expect((error as CorruptFileError).message).toMatch(reason);
    }
  });

  it("tests a government's or zone's pattern against whole names, alternatives included", () => {
    const [zone] = loadOverrides('pattern,code,kind\n^平原示范区|平原城乡一体化示范区$,410773,development_zone\n');
    expect(['平原示范区', '平原城乡一体化示范区'].map((n) => zone?.pattern.test(n))).toEqual([true, true]);
    expect(['平原示范区财政局', '新乡市平原城乡一体化示范区'].map((n) => zone?.pattern.test(n))).toEqual([false, false]);
  });

  it("needs whole names only of governments and zones: a department's pattern may match part of a name", () => {
    const [dept, zone] = loadOverrides('pattern,code,kind\n平原示范区.+局,410773,department\n^平原示范区\\\\$,410773,development_zone\n');
    expect(dept).toMatchObject({ code: '410773', kind: 'department' });
    expect(zone?.kind).toBe('development_zone');
  });
});
