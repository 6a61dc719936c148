/**
 * `nianbao schedule --cron "30 2 * * *"`: a long-running process that runs
 * a job (crawl, then the pipeline) whenever the cron expression fires
 * (croner). Runs never overlap: a tick that comes while a run is still going
 * is skipped and logged. Each run is logged with its start, its own summary
 * lines and its end (exit code, duration). When `stop` aborts, no new run
 * starts, the run in progress is told to stop (its signal aborts) and
 * awaited, and the returned promise resolves.
 */
import { Cron } from 'croner';

/** A job: one run; returns its exit code. `signal` aborts when the scheduler stops. */
export type ScheduledJob = (signal: AbortSignal) => Promise<number>;

/** Throws when `pattern` is not a cron expression croner reads. */
export function checkCron(pattern: string): void {
  new Cron(pattern, { paused: true }).stop();
}

export async function schedule(pattern: string, job: ScheduledJob, out: NodeJS.WritableStream, stop: AbortSignal): Promise<{ runs: number }> {
  let runs = 0;
  let current: Promise<void> | null = null;
  const running = new AbortController();
  const stamp = (): string => new Date().toISOString();
  const cron = new Cron(pattern, {
    protect: () => out.write(`${stamp()} schedule: a run is still going; this tick is skipped\n`),
  });
  const once = async (): Promise<void> => {
    const n = ++runs;
    const started = Date.now();
    out.write(`${stamp()} run ${n} started\n`);
    let code: number;
    try {
      code = await job(running.signal);
    } catch (e) {
      out.write(`${stamp()} run ${n} failed: ${e instanceof Error ? e.message : String(e)}\n`);
      code = 2;
    }
    out.write(`${stamp()} run ${n} finished: exit ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  };
  cron.schedule(() => {
    current = once();
    return current;
  });
  out.write(`${stamp()} schedule: "${pattern}", next run ${cron.nextRun()?.toISOString() ?? 'never'}\n`);
  await new Promise<void>((resolve) => {
    if (stop.aborted) resolve();
    else stop.addEventListener('abort', () => resolve(), { once: true });
  });
  cron.stop();
  running.abort();
  if (current) await current;
  out.write(`${stamp()} schedule: stopped after ${runs} run(s)\n`);
  return { runs };
}
