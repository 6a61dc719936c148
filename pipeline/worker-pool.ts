/**
 * The worker pool: each raw file's read, extract and transform runs in a
 * worker thread (tinypool), one per core by default, so every core is busy
 * while the main thread lists, stages and writes. Input and output are plain
 * data (pipeline/read-raw-file.ts); the pool knows nothing of the run.
 *
 * Staging hands a worker the files waiting for it in batches (up to
 * STAGE_BATCH), so one round trip between the threads serves several files.
 *
 * The wall-time limit is the pool's, and counts from when a worker takes a
 * document: one still running after `limits.maxMillis` has its worker
 * terminated (a new one takes its place) and fails naming the limit; the
 * other files of its batch are read again.
 */
import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import Tinypool from 'tinypool';
import { DEFAULT_LIMITS, type DocumentLimits } from '../src/limits.ts';
import { BatchProgress, millisLeft, splitStopped, type FileInProgress } from './batch-progress.ts';
import type { StageBatchTask } from './read-document-worker.ts';
import { readRawFile, stoppedResult, type RawFileInput } from './read-raw-file.ts';
import type { StageStore } from './stage-store.ts';
import type { StagedResult, StagedSummary } from './staged-result.ts';
import type { RowFiles } from '../src/load/apply-plan.ts';
import type { RowFilesTask } from './write-row-files.ts';

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
  /** Writes a chunk of planned reports' rows as row files (pipeline/write-row-files.ts); rejects when it cannot. */
  writeRows(task: RowFilesTask): Promise<RowFiles>;
  /**
   * Once every task is answered, ends the workers and starts new ones: a run
   * does so when its files are staged, so the write's workers start without
   * the heaps that reading left.
   */
  recycle(): Promise<void>;
  close(): Promise<void>;
}

/** Worker threads by default: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Most files a worker takes in one staging task. A task costs a round trip
 * between threads (about 1 ms: the answer posted, tinypool's bookkeeping,
 * the next task posted); with batches, 1,000 text reports took 0.95 of the
 * time of one file a task, 1,000 HTML reports 0.94 (README). More files a
 * batch would leave a worker idle longer while the other finishes the
 * run's last batch.
 */
const STAGE_BATCH = 8;

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function limitReason(limits: DocumentLimits): string {
  return `reading took longer than the wall-time limit of ${seconds(limits.maxMillis)}; its worker was stopped`;
}

function workerFailure(e: unknown): string {
  return `internal error: worker failed: ${e instanceof Error ? e.message : String(e)}`;
}

/** A file waiting for a worker to stage it. */
interface Waiting {
  input: RawFileInput;
  store: StageStore;
  resolve: (summary: StagedSummary) => void;
  reject: (error: unknown) => void;
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
    writeRows: (task) => queue.add(async () => (await import('./write-row-files.ts')).writeRowFiles(task)) as Promise<RowFiles>,
    recycle: () => queue.onIdle(),
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

  /**
   * Runs one task in a worker under the wall-time limit, counted from when
   * the worker took the file `taken` names (the timer is set again for each
   * file it takes); the reason it was stopped, or the worker's answer.
   */
  const runOne = async <T>(task: unknown, name: string, taken: () => FileInProgress | null): Promise<{ value: T } | { stopped: string }> => {
    const timer = new AbortController();
    let timeout: NodeJS.Timeout | undefined;
    const watch = (): void => {
      const left = millisLeft(taken(), Date.now(), limits.maxMillis);
      if (left <= 0) timer.abort();
      else timeout = setTimeout(watch, left);
    };
    timeout = setTimeout(watch, limits.maxMillis);
    try {
      return { value: (await pool().run(task, { name, signal: timer.signal })) as T };
    } catch (e) {
      return { stopped: timer.signal.aborted ? limitReason(limits) : workerFailure(e) };
    } finally {
      clearTimeout(timeout);
    }
  };

  /** One file, its time counted from when it is handed to the pool. */
  const read = async (task: RawFileInput): Promise<StagedResult> => {
    const handed = { index: 0, startedAt: Date.now() };
    const answer = await runOne<StagedResult>(task, 'default', () => handed);
    return 'value' in answer ? answer.value : stoppedResult(task, answer.stopped);
  };

  const waiting: Waiting[] = [];

  /** Up to STAGE_BATCH waiting files, all for one stage. */
  const takeBatch = (): Waiting[] => {
    const first = waiting[0];
    if (first === undefined) return [];
    const batch: Waiting[] = [];
    for (let i = 0; i < waiting.length && batch.length < STAGE_BATCH; ) {
      if ((waiting[i] as Waiting).store === first.store) batch.push(...waiting.splice(i, 1));
      else i++;
    }
    return batch;
  };

  /**
   * One batch in a worker, the wall-time limit watched file by file (the
   * worker marks each file it takes: pipeline/batch-progress.ts). When the
   * worker is stopped or dies, the file it was on fails with the reason; the
   * batch's other files wait again (those it had staged are read again: the
   * stage keeps either copy).
   */
  const stageInWorker = async (batch: Waiting[]): Promise<void> => {
    if (batch.length === 0) return;
    const progress = BatchProgress.create(batch.length);
    const task: StageBatchTask = { inputs: batch.map((w) => w.input), stageDir: (batch[0] as Waiting).store.dir, progress: progress.buffer };
    const answer = await runOne<StagedSummary[]>(task, 'stageBatch', () => progress.current());
    if ('value' in answer) {
      batch.forEach((w, i) => w.resolve(answer.value[i] as StagedSummary));
      return;
    }
    const { failed, again } = splitStopped(batch, progress.current());
    for (const w of failed) w.resolve(w.store.put(await stoppedResult(w.input, answer.stopped)));
    for (const w of again) wait(w);
  };

  /** Queues a file; a worker slot, once free, takes what is waiting then. */
  const wait = (w: Waiting): void => {
    waiting.push(w);
    void inFlight.add(async () => {
      // One turn of the event loop first, so files offered together go together.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = takeBatch();
      // Anything thrown here reaches the files' callers, never an unhandled rejection.
      await stageInWorker(batch).catch((e: unknown) => batch.forEach((b) => b.reject(e)));
    });
  };

  return {
    workers,
    read: (input) => inFlight.add(() => read({ ...input, limits })) as Promise<StagedResult>,
    stage: (input, store) => new Promise<StagedSummary>((resolve, reject) => wait({ input: { ...input, limits }, store, resolve, reject })),
    writeRows: (task) => inFlight.add(() => pool().run(task, { name: 'writeRowFiles' })) as Promise<RowFiles>,
    recycle: async () => {
      await inFlight.onIdle();
      await threads?.recycleWorkers();
    },
    close: async () => {
      await inFlight.onIdle();
      await threads?.destroy();
    },
  };
}
