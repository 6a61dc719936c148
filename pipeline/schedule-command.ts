/**
 * `nianbao schedule`: checks the cron expression, then runs `crawlAndRun`
 * on it until SIGTERM or SIGINT (pipeline/schedule.ts). Exit code 0 after a
 * clean stop, 2 for an expression croner cannot read.
 */
import { crawlAndRun, type CrawlAndRunOptions } from './crawl-and-run.ts';
import { checkCron, schedule } from './schedule.ts';

const EXIT_OK = 0;
const EXIT_FATAL = 2;

export async function scheduleCommand(opts: CrawlAndRunOptions & { cron: string }, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  try {
    checkCron(opts.cron);
  } catch (e) {
    err.write(`nianbao: --cron "${opts.cron}" is not a cron expression: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_FATAL;
  }
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  // `on`, not `once`: the run lock's exit hook (signal-exit, in proper-lockfile) kills the
  // process with the signal when it finds no other listener left, which `once` would leave it.
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    await schedule(opts.cron, (signal) => crawlAndRun(opts, out, signal), out, stop.signal);
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
  return EXIT_OK;
}
