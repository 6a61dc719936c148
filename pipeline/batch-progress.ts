/**
 * Where a worker is in a batch of files (pipeline/worker-pool.ts): shared
 * memory the worker writes as it takes each file and the main thread reads,
 * so the wall-time limit counts from when the worker took the file it is on,
 * and a batch stopped from outside names the file at fault.
 *
 * Layout: an Int32 slot holding the index of the file being read (-1 before
 * the first), then a Float64 per file: when the worker took it (Date.now(),
 * the clock threads share). The start is written before the index is
 * published with Atomics, so a reader that sees index i sees i's start.
 */
const INDEX_BYTES = 8; // the Int32 index, padded so the Float64 starts are aligned

export interface FileInProgress {
  index: number;
  startedAt: number;
}

export class BatchProgress {
  private readonly index: Int32Array;
  private readonly started: Float64Array;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.index = new Int32Array(buffer, 0, 1);
    this.started = new Float64Array(buffer, INDEX_BYTES);
  }

  /** Progress of a batch of `files` files, none taken yet. */
  static create(files: number): BatchProgress {
    const progress = new BatchProgress(new SharedArrayBuffer(INDEX_BYTES + files * Float64Array.BYTES_PER_ELEMENT));
    Atomics.store(progress.index, 0, -1);
    return progress;
  }

  /** The worker takes file `index`. */
  take(index: number): void {
    this.started[index] = Date.now();
    Atomics.store(this.index, 0, index);
  }

  /** The file being read and when it was taken; null before the worker took the first. */
  current(): FileInProgress | null {
    const index = Atomics.load(this.index, 0);
    return index < 0 ? null : { index, startedAt: this.started[index] as number };
  }
}

/** Milliseconds the file being read may still take under a limit of `maxMillis` (the whole limit before the first is taken); 0 or less: over. */
export function millisLeft(taken: FileInProgress | null, now: number, maxMillis: number): number {
  return taken === null ? maxMillis : taken.startedAt + maxMillis - now;
}

/**
 * A batch whose worker was stopped or died: the file it was on fails, the
 * others are to be read again (those staged before are staged again, the
 * same); with none taken yet, every file fails (the worker could not start).
 */
export function splitStopped<T>(batch: readonly T[], taken: FileInProgress | null): { failed: T[]; again: T[] } {
  if (taken === null) return { failed: [...batch], again: [] };
  return { failed: [batch[taken.index] as T], again: batch.filter((_, i) => i !== taken.index) };
}
