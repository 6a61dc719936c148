import { describe, expect, it } from 'vitest';
import { confusable, oneCharacterOff } from './fuzzy-match.ts';
import { divisionsNamed } from './gazetteer.ts';

describe('oneCharacterOff', () => {
  it('沐阳县 (printed in shuyang-county-2025.txt) is one character off many counties, of which only 沭阳县 is a look-alike', () => {
    expect(divisionsNamed('沐阳县')).toEqual([]);
    const cands = oneCharacterOff('沐阳县', ['county']);
    const names = cands.map((c) => c.division.name);
    // Plain edit distance alone cannot decide: 泌阳县 and 汝阳县 are one character off too.
    expect(names).toEqual(expect.arrayContaining(['沭阳县', '泌阳县', '汝阳县']));
    expect(cands.filter((c) => c.confusable).map((c) => c.division.code)).toEqual(['321322']);
  });

  it('never changes the suffix, so never the level', () => {
    // 沭阳镇 differs from 沭阳县 only in the suffix.
    expect(oneCharacterOff('沭阳镇', ['county']).map((c) => c.division.name)).not.toContain('沭阳县');
  });

  it('reports the differing characters', () => {
    const [hit] = oneCharacterOff('准安市', ['city']).filter((c) => c.confusable);
    expect(hit).toMatchObject({ printed: '准', listed: '淮', division: { code: '3208', name: '淮安市' } });
  });

  it('look-alike groups are symmetric and do not chain across groups', () => {
    expect(confusable('沐', '沭')).toBe(true);
    expect(confusable('沭', '沐')).toBe(true);
    expect(confusable('沐', '泌')).toBe(false);
    expect(confusable('甲', '甲')).toBe(false);
  });
});
