import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRawFile } from './read-raw-file.ts';
import { StageStore } from './stage-store.ts';
import { summarize } from './staged-result.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const REPORT = join(ROOT, 'test/fixtures/corpus/docs/000_d4859fce74386304.txt');

describe('StageStore', () => {
  it('appends results to one segment per thread, reads back each summary and record as put, and stages again into a stage deleted since', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-stage-'));
    try {
      const result = await readRawFile({ path: REPORT, relPath: '000_d4859fce74386304.txt' });
      expect(result.outcome.kind).toBe('record');
      const stage = new StageStore(dir);
      const summary = stage.put(result);
      expect(summary).toEqual(summarize(result));
      expect(await stage.has(result.key)).toBe(true);
      expect(await stage.summary(result.key)).toEqual(summary);
      expect(await stage.result(result.key)).toEqual(result);
      const other = { ...result, key: 'f'.repeat(32), source: { ...result.source, relPath: 'copy.txt' } };
      stage.put(other);
      const files = (await readdir(join(dir, 'segments'))).sort();
      expect(files).toHaveLength(2);
      expect(files.map((f) => f.replace(/^.*\./u, ''))).toEqual(['idx', 'seg']);
      // A new reader of the stage finds both; the first finds the one staged after it first looked.
      const again = new StageStore(dir);
      expect(await again.keys()).toEqual([result.key, other.key]);
      expect(await again.result(other.key)).toEqual(other);
      expect(await stage.result(other.key)).toEqual(other);

      // A stage deleted between two runs of one process (tests, a long-lived scheduler).
      await rm(dir, { recursive: true, force: true });
      expect(await new StageStore(dir).has(result.key)).toBe(false);
      new StageStore(dir).put(other);
      const fresh = new StageStore(dir);
      expect(await fresh.keys()).toEqual([other.key]);
      expect(await fresh.result(other.key)).toEqual(other);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads a summary staged before summaries kept only the carried rows of 三 as one that keeps them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-stage-'));
    try {
      const result = await readRawFile({ path: REPORT, relPath: '000_d4859fce74386304.txt' });
      if (result.outcome.kind !== 'record') throw new Error('the fixture gives a record');
      const stage = new StageStore(dir);
      const summary = stage.put(result);
      const [index] = (await readdir(join(dir, 'segments'))).filter((f) => f.endsWith('.idx'));
      const [, offset, length] = (await readFile(join(dir, 'segments', index as string), 'utf8')).split('\t');
      // The line an earlier version wrote: the whole of 三 as `applications`, no `carried`.
      const { carried, ...rest } = summary;
      const old = { ...rest, key: 'e'.repeat(32), applications: result.outcome.record.applications };
      expect(Object.keys(old.applications).length).toBeGreaterThan(2);
      await appendFile(join(dir, 'segments', index as string), `${old.key}\t${offset}\t${length}\t${JSON.stringify(old)}\n`);
      const read = await new StageStore(dir).summary(old.key);
      expect(read).toEqual({ ...summary, key: old.key });
      expect(read.carried).toEqual(carried);
      expect(carried.carriedOver).toEqual(result.outcome.record.applications.carried_over);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
