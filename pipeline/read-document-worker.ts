/**
 * What a worker thread of the pool runs (pipeline/worker-pool.ts): one raw
 * file in, its StagedResult out (plain data, cloned across threads); or, as
 * `stage`, the result staged by the worker itself and only its small summary
 * handed back, so the main thread neither clones, serializes nor compresses
 * whole records.
 */
import { readRawFile, type RawFileInput } from './read-raw-file.ts';
import { StageStore } from './stage-store.ts';
import type { StagedResult, StagedSummary } from './staged-result.ts';

export interface StageTask {
  input: RawFileInput;
  /** The stage folder (pipeline/stage-store.ts). */
  stageDir: string;
}

export default function run(input: RawFileInput): Promise<StagedResult> {
  return readRawFile(input);
}

export async function stage(task: StageTask): Promise<StagedSummary> {
  return new StageStore(task.stageDir).put(await readRawFile(task.input));
}
