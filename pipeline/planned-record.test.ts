import { describe, expect, it } from 'vitest';
import type { PlannedReport } from '../src/load/planned-report.ts';
import { labelRecord, readLabel } from '../src/load/label-record.test-helper.ts';
import type { ReportRecord } from '../src/transform/record.ts';
import { mutateLabel } from '../test/render/index.ts';
import { plannedRecordLoader } from './planned-record.ts';

const label = readLabel('001_9facb60fdd4eb9b0');
const records: Record<string, ReportRecord> = {
  primary: labelRecord(label),
  same: labelRecord(label),
  differs: labelRecord(mutateLabel(label, 'applications', 'new_received', 0, 999_999)),
  other: labelRecord(readLabel('002_02af2ddfabc85d6c')),
};

function planned(path: string, recordKey: string, primary: string | null): PlannedReport {
  return { reportId: path, sourcePath: path, report: {}, recordKey, primary: primary === null ? null : { path: `${primary}.txt`, recordKey: primary }, extraIssues: [], contentKey: path };
}

/** A loader over `records` that counts the reads of each key. */
function countingLoader() {
  const reads = new Map<string, number>();
  const load = plannedRecordLoader(async (key) => {
    reads.set(key, (reads.get(key) ?? 0) + 1);
    return records[key] as ReportRecord;
  });
  return { load, reads };
}

describe('plannedRecordLoader', () => {
  it('reads a primary once for copies the plan scatters, and still names each copy that disagrees', async () => {
    const { load, reads } = countingLoader();
    const order = [planned('a.txt', 'primary', null), planned('b.txt', 'same', 'primary'), planned('c.txt', 'other', null), planned('d.txt', 'differs', 'primary'), planned('e.txt', 'other', null), planned('f.txt', 'same', 'primary')];
    const loaded = [];
    for (const p of order) loaded.push(await load(p));
    expect(reads.get('primary')).toBe(1);
    const disagreements = loaded.map((r) => r?.validation.filter((i) => i.rule.startsWith('duplicate')).map((i) => `${i.table}.${i.row}`) ?? []);
    expect(disagreements).toEqual([[], [], [], ['applications.new_received'], [], []]);
  });

  it('reads a primary again once more than the kept number of primaries came between', async () => {
    const { load, reads } = countingLoader();
    const many = Array.from({ length: 70 }, (_, i) => `p${i}`);
    for (const key of many) records[key] = records.other as ReportRecord;
    await load(planned('first.txt', 'same', 'primary'));
    for (const key of many) await load(planned(`${key}-copy.txt`, 'other', key));
    await load(planned('last.txt', 'same', 'primary'));
    expect(reads.get('primary')).toBe(2);
  });
});
