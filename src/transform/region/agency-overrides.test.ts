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
});

describe('loadOverrides', () => {
  it('reads quoted fields, comments and an optional name for a code the gazetteer lacks', () => {
    const csv = [
      '# comment',
      'pattern,code,kind,name,note',
      '"某某新区(管委会)?",999999,development_zone,某某新区,"a note, with a comma and ""quotes"""',
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
      ['pattern,code,kind\nx,999999,county_government\n', /not in the NBS 2023 gazetteer/u],
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
});
