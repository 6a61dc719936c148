/**
 * What a worker of the pool does during a run's write: a chunk of planned
 * reports in, their facts and issues out as row files (src/load/row-json.ts)
 * in the run's row folder, which the main thread has DuckDB load
 * (src/load/row-files.ts). Reading each staged record back, building its
 * rows and appending them value by value was most of a write, on the main
 * thread alone while the workers, their files staged, waited; now the
 * workers share it (README, "Where a run's time goes").
 */
import type { RowFiles, RowFilesChunk } from '../src/load/apply-plan.ts';
import { writeRowFiles as writeChunk } from '../src/load/row-json.ts';
import { stagedRecordLoader } from './planned-record.ts';
import { StageStore } from './stage-store.ts';

export interface RowFilesTask extends RowFilesChunk {
  /** Names the write: a worker keeps one write's stage index, not another's. */
  writeId: string;
  /** The stage folder (pipeline/stage-store.ts). */
  stageDir: string;
  /** Files are written as `${prefix}.${table}.json`. */
  prefix: string;
}

/** The stage of the write in progress: its index is read once a worker, not once a chunk. */
let current: { writeId: string; store: StageStore } | null = null;

function stageOf(task: RowFilesTask): StageStore {
  if (current?.writeId !== task.writeId) current = { writeId: task.writeId, store: new StageStore(task.stageDir) };
  return current.store;
}

export function writeRowFiles(task: RowFilesTask): Promise<RowFiles> {
  return writeChunk(task, stagedRecordLoader(stageOf(task)), task.prefix);
}
