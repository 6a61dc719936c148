import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRawFile } from './read-raw-file.ts';
import { StageStore } from './stage-store.ts';
import { summarize } from './staged-result.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const REPORT = join(ROOT, 'test/fixtures/corpus/docs/000_d4859fce74386304.txt');

describe('StageStore', () => {
  it('keeps each result as one file whose summary and record read back as put, and stages again into a folder removed since', async () => {
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
      const folder = join(dir, 'results', result.key.slice(0, 2));
      expect(await readdir(folder)).toEqual([`${result.key}.stage`]);

      // A stage deleted between two runs of one process (tests, a long-lived scheduler).
      await rm(dir, { recursive: true, force: true });
      expect(await stage.has(result.key)).toBe(false);
      new StageStore(dir).put(result);
      expect(await stage.result(result.key)).toEqual(result);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
