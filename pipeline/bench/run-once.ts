/**
 * One `nianbao run` in its own process, for the warehouse bench: prints one
 * JSON line with its wall time, its peak resident memory and its counts.
 *   node --import tsx pipeline/bench/run-once.ts RAW DB
 */
import { performance } from 'node:perf_hooks';
import { runPipeline } from '../run.ts';

const [raw, db] = process.argv.slice(2) as [string, string];
const sink = { write: () => true } as unknown as NodeJS.WritableStream;
const start = performance.now();
const s = await runPipeline({ raw, db, format: 'parquet' }, sink);
const seconds = (performance.now() - start) / 1000;
// maxRSS is in KiB.
const peakMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ seconds, peakMiB, read: s.read, added: s.added, changed: s.changed, unchanged: s.unchanged, exitCode: s.exitCode })}\n`);
