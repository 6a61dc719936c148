/**
 * How far V8 lets a heap grow past what was live at its last full
 * collection before it collects again. V8 picks the factor itself, up to
 * four times on a machine with memory to spare; over a national folder the
 * main thread's heap held 520 MB, 345 MB of it garbage (a full collection
 * left 177 MB), once DuckDB had written 100,000 reports (60% PDF), and the
 * run peaked past 1 GiB: 1,043 to 1,048 MiB. At 1.5 times it peaks at 830
 * to 872 MiB, in 0.97 of the time (two runs each, side by side), and runs
 * of 1,000 text or HTML reports take no longer (0.96 and 0.95 of before).
 */
import { setFlagsFromString } from 'node:v8';

/** The heap may grow to (100 + HEAP_GROWING_PERCENT)% of what was live before the next full collection. */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Sets the growth for the whole process (every worker thread too), before a
 * run's heaps grow: V8 reads it each time it sets the next collection's
 * limit. Setting it again changes nothing.
 */
export function keepHeapNearLive(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
