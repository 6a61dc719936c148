/**
 * Zip-bomb DOCX files (test/fixtures/docx, made by scripts/make-zip-bomb.ts:
 * 1 MB on disk, 1 GiB of document.xml once inflated) fail on the inflated-size
 * limit, whether their headers declare the true size or lie, without the run
 * ever holding the inflated text: the process's peak memory grows by no more
 * than the limit's worth.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LimitExceededError } from '../errors.ts';
import { DEFAULT_LIMITS } from '../limits.ts';
import { docxExtractor } from './docx.ts';

const DIR = new URL('../../test/fixtures/docx/', import.meta.url).pathname;
/** Peak memory may grow by the limit's worth of inflated bytes and some working room, far below the 1 GiB inflated. */
const PEAK_GROWTH = DEFAULT_LIMITS.maxInflatedBytes + 150 * 1024 * 1024;

async function failure(name: string): Promise<unknown> {
  const file = DIR + name;
  return docxExtractor.extract(new Uint8Array(readFileSync(file)), file, DEFAULT_LIMITS).then(
    () => null,
    (e: unknown) => e,
  );
}

describe('zip-bomb DOCX', () => {
  it('declaring its true size: fails on the inflated-size limit before inflating anything', async () => {
    const e = await failure('zip-bomb.docx');
    expect(e).toBeInstanceOf(LimitExceededError);
    expect((e as LimitExceededError).limit).toBe('inflated');
    expect((e as Error).message).toMatch(/declare 1024 MB in all, more than the limit of 100 MB once inflated/);
  });

  it('declaring 1 KB: fails on the limit while inflating, its peak memory bounded', async () => {
    const before = process.resourceUsage().maxRSS * 1024;
    const e = await failure('zip-bomb-lying.docx');
    const growth = process.resourceUsage().maxRSS * 1024 - before;
    expect(e).toBeInstanceOf(LimitExceededError);
    expect((e as LimitExceededError).limit).toBe('inflated');
    expect((e as Error).message).toMatch(/word\/document\.xml alone\) to more than the limit of 100 MB/);
    expect(growth).toBeLessThan(PEAK_GROWTH);
  });
});
