/**
 * The worker pool: each raw file's read, extract and transform runs in a
 * worker thread (tinypool), one per core by default, so every core is busy
 * while the main thread lists, stages and writes. Input and output are plain
 * data (pipeline/read-document.ts); the pool knows nothing of the run.
 *
 * The wall-time limit is the pool's: a document still running after
 * `limits.maxMillis` has its worker terminated (a new one takes its place)
 * and fails naming the limit. At most one document per worker is in flight,
 * so a document's time counts from when a worker takes it.
 */
import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import Tinypool from 'tinypool';
import { DEFAULT_LIMITS, type DocumentLimits } from '../src/limits.ts';
import { sourceOf, type ReadOutcome, type ReadTask } from './read-document.ts';

export interface PoolOptions {
  /** Worker threads (default: one per core). */
  workers?: number;
  limits?: DocumentLimits;
}

export interface DocumentPool {
  readonly workers: number;
  /** Reads one file in a worker; never rejects (a failure is an outcome). */
  read(task: Omit<ReadTask, 'limits'>): Promise<ReadOutcome>;
  close(): Promise<void>;
}

/** Worker threads by default: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

export function createDocumentPool(options: PoolOptions = {}): DocumentPool {
  const workers = options.workers ?? defaultWorkers();
  const limits = options.limits ?? DEFAULT_LIMITS;
  const pool = new Tinypool({
    filename: new URL('./worker-entry.mjs', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    // Workers live for the run: PDFium and the template load once per thread.
    idleTimeout: Number.MAX_SAFE_INTEGER,
  });
  const inFlight = new PQueue({ concurrency: workers });

  const runOne = async (task: ReadTask): Promise<ReadOutcome> => {
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), limits.maxMillis);
    try {
      return (await pool.run(task, { signal: timer.signal })) as ReadOutcome;
    } catch (e) {
      const reason = timer.signal.aborted
        ? `reading took longer than the wall-time limit of ${seconds(limits.maxMillis)}; its worker was stopped`
        : `internal error: worker failed: ${e instanceof Error ? e.message : String(e)}`;
      return { kind: 'failure', source: sourceOf(task), status: 'failed', reason };
    } finally {
      clearTimeout(timeout);
    }
  };

  return {
    workers,
    read: (task) => inFlight.add(() => runOne({ ...task, limits })) as Promise<ReadOutcome>,
    close: async () => {
      await inFlight.onIdle();
      await pool.destroy();
    },
  };
}
