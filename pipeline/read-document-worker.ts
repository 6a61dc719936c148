/**
 * What a worker thread of the pool runs (pipeline/worker-pool.ts): one raw
 * file in, its StagedResult out (plain data, cloned across threads).
 */
import { readRawFile, type RawFileInput } from './read-raw-file.ts';
import type { StagedResult } from './staged-result.ts';

export default function run(input: RawFileInput): Promise<StagedResult> {
  return readRawFile(input);
}
