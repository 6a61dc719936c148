/**
 * What a worker thread of the pool runs (pipeline/worker-pool.ts): one
 * ReadTask in, its ReadOutcome out (plain data, cloned across threads).
 */
import { readDocument, type ReadOutcome, type ReadTask } from './read-document.ts';

export default function run(task: ReadTask): Promise<ReadOutcome> {
  return readDocument(task);
}
