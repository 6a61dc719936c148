/**
 * Batch progress: what a worker writes as it takes each file of a batch is
 * what the main thread reads, through the shared memory alone; the limit
 * counts from when the file being read was taken; a stopped batch fails
 * only the file its worker was on.
 */
import { describe, expect, it } from 'vitest';
import { BatchProgress, millisLeft, splitStopped } from './batch-progress.ts';

describe('batch progress', () => {
  it('names no file before the first is taken, then the file taken last and when', () => {
    const main = BatchProgress.create(3);
    const worker = new BatchProgress(main.buffer);
    expect(main.current()).toBeNull();
    const before = Date.now();
    worker.take(0);
    worker.take(1);
    const taken = main.current();
    expect(taken?.index).toBe(1);
    expect(taken?.startedAt).toBeGreaterThanOrEqual(before);
    expect(taken?.startedAt).toBeLessThanOrEqual(Date.now());
  });

  it('gives the file being read the limit from when it was taken, the whole limit before any is taken', () => {
    expect(millisLeft(null, 5_000, 1_000)).toBe(1_000);
    expect(millisLeft({ index: 2, startedAt: 4_600 }, 5_000, 1_000)).toBe(600);
    expect(millisLeft({ index: 2, startedAt: 3_000 }, 5_000, 1_000)).toBeLessThanOrEqual(0);
  });

  it('fails the file a stopped worker was on and reads the others again; all fail when none was taken', () => {
    const batch = ['a', 'b', 'c', 'd'];
    expect(splitStopped(batch, { index: 1, startedAt: 0 })).toEqual({ failed: ['b'], again: ['a', 'c', 'd'] });
    expect(splitStopped(batch, null)).toEqual({ failed: batch, again: [] });
  });
});
