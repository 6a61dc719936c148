/**
 * The plan on summaries made by hand: last good records kept stale, plain
 * failures, the primary among copies, removals refused, and the same plan
 * whatever order the listing comes in.
 */
import { describe, expect, it } from 'vitest';
import { resolveRegion } from '../src/transform/region/resolve-region.ts';
import { checkRemovals, planWarehouse, type ListedFile } from './plan-warehouse.ts';
import type { StagedSummary } from './staged-result.ts';

const REGION = { confidence: 'exact' as const, province_code: '32', province_name: '江苏省', city_code: '3208', city_name: '淮安市', county_code: '320813', county_name: '洪泽区', level: 'county' as const, kind: 'county_government' };

function record(key: string, path: string, over: Partial<StagedSummary> = {}): StagedSummary {
  return {
    key,
    source: { relPath: path, sha256: `sha-${key}`, bytes: 100, format: 'html', readerVersion: 'v', host: null },
    kind: 'record',
    status: 'ok',
    reason: null,
    agency: '洪泽区人民政府',
    year: 2023,
    doc: path,
    title: 't',
    template: '2021',
    region: REGION,
    readableCells: 100,
    errors: 0,
    carried: { printed: false },
    ...over,
  };
}

function failure(key: string, path: string): StagedSummary {
  return { ...record(key, path), kind: 'failure', status: 'failed', reason: 'PDF is truncated', agency: null, year: null, readableCells: 0, region: undefined };
}

function plan(files: ListedFile[], summaries: StagedSummary[], lastGood: Record<string, string> = {}) {
  return planWarehouse({ files, summaries: new Map(summaries.map((s) => [s.key, s])), lastGood: new Map(Object.entries(lastGood)), overrides: [] });
}

describe('planWarehouse', () => {
  it('keeps the last good record of a file that fails now, stale with the new reason; a plain failure has none', () => {
    const p = plan(
      [
        { relPath: 'a.pdf', key: 'a2' },
        { relPath: 'b.pdf', key: 'b1' },
      ],
      [record('a1', 'a.pdf'), failure('a2', 'a.pdf'), failure('b1', 'b.pdf')],
      { 'a.pdf': 'a1' },
    );
    expect(p.reports.map((r) => [r.sourcePath, r.report.status, r.recordKey, r.report.failure_reason, r.report.sha256])).toEqual([
      ['a.pdf', 'stale', 'a1', 'PDF is truncated', 'sha-a1'],
      ['b.pdf', 'failed', null, 'PDF is truncated', 'sha-b1'],
    ]);
    expect(p.failing).toEqual([
      { path: 'a.pdf', status: 'failed', reason: 'PDF is truncated', stale: true },
      { path: 'b.pdf', status: 'failed', reason: 'PDF is truncated', stale: false },
    ]);
    expect([...p.lastGood]).toEqual([['a.pdf', 'a1']]);
    expect(p.sources.map((s) => [s.path, s.status, s.sha256])).toEqual([
      ['a.pdf', 'failed', 'sha-a2'],
      ['b.pdf', 'failed', 'sha-b1'],
    ]);
  });

  it('makes primary the copy with the most readable cells, then the fewest errors, then format, date and path', () => {
    const copies = [record('x', 'x.html', { readableCells: 90 }), record('y', 'y.pdf', { readableCells: 100, errors: 1, source: { ...record('y', 'y.pdf').source, format: 'pdf' } }), record('z', 'z.html', { readableCells: 100, errors: 2 })];
    const files = copies.map((c) => ({ relPath: c.source.relPath, key: c.key }));
    const p = plan(files, copies);
    expect(p.reports.map((r) => [r.sourcePath, r.report.is_primary, r.primary?.path ?? null])).toEqual([
      ['x.html', false, 'y.pdf'],
      ['y.pdf', true, null],
      ['z.html', false, 'y.pdf'],
    ]);
    expect(p.agencies).toHaveLength(1);
    // The same plan whatever order the listing comes in.
    expect(plan([...files].reverse(), [...copies].reverse())).toEqual(p);
  });

  it("keeps a zone's report and its department's apart, both primary: a department is not a copy of its zone", () => {
    const placed = (key: string, agency: string) => record(key, `${key}.html`, { agency, region: resolveRegion({ agency, title: null, body: '' }).region });
    const reports = [placed('zone', '平原示范区'), placed('finance', '平原示范区财政局')];
    const p = plan(reports.map((r) => ({ relPath: r.source.relPath, key: r.key })), reports);
    expect(p.reports.map((r) => [r.sourcePath, r.report.is_primary, r.primary?.path ?? null])).toEqual([
      ['finance.html', true, null],
      ['zone.html', true, null],
    ]);
    expect(p.agencies).toHaveLength(2);
  });

  it('refuses an empty listing and the removal of more than a fifth of the stored reports', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((n) => record(n, `${n}.html`, { agency: `${n}局`, region: undefined }));
    const all = plan(five.map((s) => ({ relPath: s.source.relPath, key: s.key })), five);
    const stored = five.map((s) => s.source.relPath);
    expect(checkRemovals(plan([], []), stored, 0)).toEqual({ removed: 5, stored: 5, refusal: 'the raw folder lists no file: all 5 stored reports would be removed' });
    const four = plan(five.slice(1).map((s) => ({ relPath: s.source.relPath, key: s.key })), five);
    expect(checkRemovals(four, stored, 4)).toEqual({ removed: 1, stored: 5, refusal: null });
    const three = plan(five.slice(2).map((s) => ({ relPath: s.source.relPath, key: s.key })), five);
    expect(checkRemovals(three, stored, 3).refusal).toBe('2 of 5 stored reports would be removed (more than 20%)');
    expect(checkRemovals(all, stored, 5).removed).toBe(0);
  });
});
