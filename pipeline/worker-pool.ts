/**
 * The worker pool: each raw file's read, extract and transform runs in a
 * worker thread (tinypool), one per core by default, so every core is busy
 * while the main thread lists, stages and writes. Input and output are plain
 * data (pipeline/read-raw-file.ts); the pool knows nothing of the run.
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
import type { StageTask } from './read-document-worker.ts';
import { readRawFile, stoppedResult, type RawFileInput } from './read-raw-file.ts';
import type { StageStore } from './stage-store.ts';
import type { StagedResult, StagedSummary } from './staged-result.ts';

export interface PoolOptions {
  /** Worker threads (default: one per core; 0: read in the calling thread). */
  workers?: number;
  limits?: DocumentLimits;
}

export interface DocumentPool {
  readonly workers: number;
  /** Reads one file in a worker; never rejects (a failure is an outcome). */
  read(input: Omit<RawFileInput, 'limits'>): Promise<StagedResult>;
  /** Reads one file and stages its result, both in the worker; never rejects. */
  stage(input: Omit<RawFileInput, 'limits'>, stage: StageStore): Promise<StagedSummary>;
  close(): Promise<void>;
}

/** Worker threads by default: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/**
 * `workers: 0` reads in the calling thread, one file at a time: no thread
 * start-up, for small folders and tests; the wall-time limit cannot stop a
 * document there (nothing can interrupt synchronous work on one's own thread).
 */
function inProcessPool(limits: DocumentLimits): DocumentPool {
  const queue = new PQueue({ concurrency: 1 });
  return {
    workers: 0,
    read: (input) => queue.add(() => readRawFile({ ...input, limits })) as Promise<StagedResult>,
    stage: (input, stage) => queue.add(async () => stage.put(await readRawFile({ ...input, limits }))) as Promise<StagedSummary>,
    close: () => queue.onIdle(),
  };
}

export function createDocumentPool(options: PoolOptions = {}): DocumentPool {
  const workers = options.workers ?? defaultWorkers();
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (workers === 0) return inProcessPool(limits);
  // Threads start with the first file to read: a run with nothing to read starts none.
  let threads: Tinypool | undefined;
  const pool = (): Tinypool =>
    (threads ??= new Tinypool({
      filename: new URL('./worker-entry.mjs', import.meta.url).href,
      minThreads: workers,
      maxThreads: workers,
      // Workers live for the run: PDFium and the template load once per thread.
      idleTimeout: Number.MAX_SAFE_INTEGER,
    }));
  const inFlight = new PQueue({ concurrency: workers });

  /** Runs one task in a worker under the wall-time limit; the reason it was stopped, or the worker's answer. */
  const runOne = async <T>(task: unknown, name: string): Promise<{ value: T } | { stopped: string }> => {
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), limits.maxMillis);
    try {
      return { value: (await pool().run(task, { name, signal: timer.signal })) as T };
    } catch (e) {
      return {
        stopped: timer.signal.aborted
          ? `reading took longer than the wall-time limit of ${seconds(limits.maxMillis)}; its worker was stopped`
          : `internal error: worker failed: ${e instanceof Error ? e.message : String(e)}`,
      };
    } finally {
      clearTimeout(timeout);
    }
  };

  const read = async (task: RawFileInput): Promise<StagedResult> => {
    const answer = await runOne<StagedResult>(task, 'default');
    return 'value' in answer ? answer.value : stoppedResult(task, answer.stopped);
  };

  const stage = async (input: RawFileInput, store: StageStore): Promise<StagedSummary> => {
    const answer = await runOne<StagedSummary>({ input, stageDir: store.dir } satisfies StageTask, 'stage');
    return 'value' in answer ? answer.value : store.put(await stoppedResult(input, answer.stopped));
  };

  return {
    workers,
    read: (input) => inFlight.add(() => read({ ...input, limits })) as Promise<StagedResult>,
    stage: (input, store) => inFlight.add(() => stage({ ...input, limits }, store)) as Promise<StagedSummary>,
    close: async () => {
      await inFlight.onIdle();
      await threads?.destroy();
    },
  };
}
