/**
 * One agency_id per agency: a government by code and kind whatever its
 * spelling, a department with or without its place in front, overrides that
 * merge and split, ambiguous names never merged.
 */
import { describe, expect, it } from 'vitest';
import { resolveRegion } from '../transform/region/resolve-region.ts';
import { agencyIdentity, agencyIdOf } from './agency-identity.ts';
import { regionFromNames } from './label-record.test-helper.ts';

const HZQ = { ...regionFromNames('江苏省', '淮安市', '洪泽区'), kind: 'county_government' };
const HZQ_DEPT = { ...regionFromNames('江苏省', '淮安市', '洪泽区'), kind: 'department', parent_government: '洪泽区人民政府' };

describe('agencyIdentity', () => {
  it('a government is its division code and kind, whatever the spelling', () => {
    expect(agencyIdentity({ agency: '洪泽区人民政府', region: HZQ, doc: 'a.pdf' })).toBe('government|320813|county_government');
    expect(agencyIdOf({ agency: '淮安市洪泽区人民政府', region: HZQ, doc: 'b.pdf' })).toBe(agencyIdOf({ agency: '洪泽区人民政府', region: HZQ, doc: 'a.pdf' }));
  });

  it('a department is its government and its name without the places in front', () => {
    expect(agencyIdentity({ agency: '淮安市洪泽区发展和改革委员会', region: HZQ_DEPT, doc: 'a' })).toBe('department|320813|发展和改革委员会');
    expect(agencyIdentity({ agency: '洪泽区发展和改革委员会', region: HZQ_DEPT, doc: 'b' })).toBe('department|320813|发展和改革委员会');
    expect(agencyIdentity({ agency: '洪泽发展和改革委员会', region: HZQ_DEPT, doc: 'c' })).toBe('department|320813|发展和改革委员会');
    expect(agencyIdentity({ agency: '洪泽区财政局', region: HZQ_DEPT, doc: 'd' })).toBe('department|320813|财政局');
  });

  it('an override with an agency name merges spellings and splits a name off', () => {
    const overrides = [{ pattern: /发改委|发展和改革委员会/u, code: '320813', agency: '洪泽区发展和改革委员会' }];
    const a = agencyIdOf({ agency: '洪泽区发改委', region: HZQ_DEPT, doc: 'a' }, overrides);
    expect(agencyIdOf({ agency: '淮安市洪泽区发展和改革委员会', region: HZQ_DEPT, doc: 'b' }, overrides)).toBe(a);
    expect(agencyIdOf({ agency: '洪泽区发改委', region: HZQ_DEPT, doc: 'a' })).not.toBe(a);
  });

  it("a zone's department placed through the overrides file is not merged with the zone", () => {
    const idOf = (agency: string) => agencyIdOf({ agency, region: resolveRegion({ agency, title: null, body: '' }).region, doc: `${agency}.txt` });
    const zone = idOf('平原示范区');
    expect(idOf('新乡市平原城乡一体化示范区管理委员会')).toBe(zone);
    expect(idOf('平原示范区财政局')).not.toBe(zone);
    expect(idOf('平原示范区教育局')).not.toBe(idOf('平原示范区财政局'));
  });

  it('a name that fits several places is never merged; an unplaced name is its name', () => {
    const ambiguous = { confidence: 'unresolved' as const, candidates: ['城关镇 (河南省…)', '城关镇 (甘肃省…)'] };
    expect(agencyIdentity({ agency: '城关镇人民政府', region: ambiguous, doc: 'a.html' })).toBe('ambiguous|城关镇人民政府|a.html');
    expect(agencyIdentity({ agency: '某某 管委会', region: { confidence: 'unresolved' }, doc: 'x' })).toBe('unplaced|某某管委会');
    expect(agencyIdentity({ agency: null, doc: 'x' })).toBeNull();
  });
});
