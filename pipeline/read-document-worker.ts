/**
 * What a worker thread of the pool runs (pipeline/worker-pool.ts): one raw
 * file in, its StagedResult out (plain data, cloned across threads); or, as
 * `stageBatch`, a batch of files read and staged by the worker itself, only
 * their small summaries handed back, so the main thread neither clones,
 * serializes nor compresses whole records, and one round trip serves
 * several files; and, as `writeRowFiles`, a chunk of the write's rows
 * (pipeline/write-row-files.ts).
 */
import { BatchProgress } from './batch-progress.ts';
import { readRawFile, type RawFileInput } from './read-raw-file.ts';
import { StageStore } from './stage-store.ts';
import type { StagedResult, StagedSummary } from './staged-result.ts';

export interface StageBatchTask {
  inputs: RawFileInput[];
  /** The stage folder (pipeline/stage-store.ts). */
  stageDir: string;
  /** Shared with the main thread: which file the worker is on (pipeline/batch-progress.ts). */
  progress: SharedArrayBuffer;
}

export default function run(input: RawFileInput): Promise<StagedResult> {
  return readRawFile(input);
}

/** The summaries of the batch's files, in its order. */
export async function stageBatch(task: StageBatchTask): Promise<StagedSummary[]> {
  const store = new StageStore(task.stageDir);
  const progress = new BatchProgress(task.progress);
  const summaries: StagedSummary[] = [];
  for (const [i, input] of task.inputs.entries()) {
    progress.take(i);
    summaries.push(store.put(await readRawFile(input)));
  }
  return summaries;
}

export { writeRowFiles } from './write-row-files.ts';
