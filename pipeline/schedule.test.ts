/**
 * `nianbao schedule` as a process: a cron expression firing every second,
 * each run a crawl of the fixture site on 127.0.0.1 and a pipeline run. Runs
 * take longer than a second (the site's slow page times out), so ticks come
 * while a run is going: they are skipped, never run beside it. SIGTERM stops
 * the process cleanly, exit code 0.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureSite, SITE, type FixtureSite } from '../test/support/fixture-site.ts';
import { useTempDir } from '../test/support/temp-dir.ts';

const BIN = new URL('../bin/nianbao.mjs', import.meta.url).pathname;

describe('nianbao schedule', () => {
  const tmp = useTempDir('nianbao-schedule-');
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startFixtureSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('runs twice on a cron firing every second, never two runs at once, and stops on SIGTERM', async () => {
    const dir = tmp();
    const config = join(dir, 'nianbao.config.json');
    const sources = join(dir, 'sources.csv');
    await writeFile(config, JSON.stringify({ crawl: { contact: 'mailto:crawler-test@example.org', allowHosts: ['127.0.0.1'], timeoutMs: 1500, retries: 1, retryBackoffMs: 20, perHostIntervalMs: 0 } }));
    await writeFile(sources, `url\n${site.url(SITE.listing)}\n`);
    const args = [BIN, 'schedule', '--cron', '* * * * * *', '--config', config, '--sources', sources, '--raw', join(dir, 'raw'), '--db', join(dir, 'nianbao.duckdb')];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let signalled = false;
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!signalled && /run 2 finished/.test(out)) {
        signalled = true;
        child.kill('SIGTERM');
      }
    });
    const code = await exited;
    expect(err).toBe('');
    expect(code).toBe(0);
    // Start and end lines alternate: run n starts only after run n-1 finished.
    const events = [...out.matchAll(/run (\d+) (started|finished)/g)].map((m) => `${m[1]} ${m[2]}`);
    const runs = events.length / 2;
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(events).toEqual(Array.from({ length: runs }, (_, i) => [`${i + 1} started`, `${i + 1} finished`]).flat());
    expect(out).toMatch(/this tick is skipped/);
    expect(out).toMatch(new RegExp(`schedule: stopped after ${runs} run\\(s\\)`));
    // Each run logs its own summary: the crawl's and the pipeline's.
    expect(out.match(/^crawl: 1 sources/gm)?.length).toBeGreaterThanOrEqual(2);
    expect(out.match(/^4 documents: /gm)?.length).toBeGreaterThanOrEqual(2);
  });
});
