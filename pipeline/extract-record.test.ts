/**
 * The per-document limits a file meets on its way through extract: a file
 * over the bytes limit is not read, a PDF over the pages limit is not laid
 * out; each fails naming the limit, and the same file within the limits
 * extracts.
 */
import { describe, expect, it } from 'vitest';
import { LimitExceededError } from '../src/errors.ts';
import { DEFAULT_LIMITS } from '../src/limits.ts';
import { extractFile } from './extract-record.ts';
import { readSource } from './source-bytes.ts';

const PDF = new URL('../test/fixtures/corpus/docs/hzq2023_working.pdf', import.meta.url).pathname;

async function failureOf(p: Promise<unknown>): Promise<LimitExceededError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(LimitExceededError);
  return e as LimitExceededError;
}

describe('per-document limits', () => {
  it('bytes: a file over the limit fails before it is read', async () => {
    const size = (await readSource(PDF)).length;
    expect((await readSource(PDF, size)).length).toBe(size);
    const e = await failureOf(readSource(PDF, size - 1));
    expect(e.limit).toBe('bytes');
    expect(e.message).toMatch(/^file is [\d.]+ MB, more than the limit of [\d.]+ MB; not read$/);
    expect((await failureOf(extractFile(PDF, { limits: { ...DEFAULT_LIMITS, maxBytes: 1000 } }))).limit).toBe('bytes');
  });

  it('pages: a PDF of more pages than the limit fails naming it', async () => {
    const e = await failureOf(extractFile(PDF, { limits: { ...DEFAULT_LIMITS, maxPages: 4 } }));
    expect(e.limit).toBe('pages');
    expect(e.message).toBe('PDF has 5 pages, more than the limit of 4; not read');
    expect((await extractFile(PDF, { limits: { ...DEFAULT_LIMITS, maxPages: 5 } })).record.year).toBe(2023);
  });
});
