/**
 * `nianbao schedule` as a process: a cron expression firing every second,
 * each run a crawl of the fixture site on 127.0.0.1 and a pipeline run. Runs
 * take longer than a second (the site's slow page times out), so ticks come
 * while a run is going: they are skipped, never run beside it. SIGTERM stops
 * the process cleanly, exit code 0.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../src/crawl/manifest.ts';
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

  async function files(dir: string): Promise<string[]> {
    await mkdir(dir, { recursive: true });
    const config = join(dir, 'nianbao.config.json');
    const sources = join(dir, 'sources.csv');
    await writeFile(config, JSON.stringify({ crawl: { contact: 'mailto:crawler-test@example.org', allowHosts: ['127.0.0.1'], timeoutMs: 1500, retries: 1, retryBackoffMs: 20, perHostIntervalMs: 0 } }));
    await writeFile(sources, `url\n${site.url(SITE.listing)}\n`);
    return ['--config', config, '--sources', sources, '--raw', join(dir, 'raw'), '--db', join(dir, 'nianbao.duckdb')];
  }

  /** Runs `nianbao schedule` every second and sends SIGTERM once `when` holds of its output. */
  async function scheduleUntil(dir: string, when: (out: string) => boolean): Promise<{ code: number | null; out: string; err: string }> {
    const args = [BIN, 'schedule', '--cron', '* * * * * *', ...(await files(dir))];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let signalled = false;
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const check = (): void => {
      if (!signalled && when(out)) {
        signalled = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      check();
    });
    // Also looks at the site's request log, for conditions the output does not show yet.
    const poll = setInterval(check, 50);
    try {
      return { code: await exited, out, err };
    } finally {
      clearInterval(poll);
    }
  }

  it('runs twice on a cron firing every second, never two runs at once, and stops on SIGTERM', async () => {
    const { code, out, err } = await scheduleUntil(join(tmp(), 'twice'), (out) => /run 2 finished/.test(out));
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
    expect(out.match(/^4 files: /gm)?.length).toBeGreaterThanOrEqual(2);
  });

  it('stops a crawl in progress on SIGTERM, keeping what it saved', async () => {
    const dir = join(tmp(), 'cut');
    const before = site.requests.length;
    // The slow page's second attempt comes after every other file was fetched: stop then, mid-crawl.
    const slowAgain = (): boolean => site.requests.slice(before).filter((r) => r.path === SITE.slow).length >= 2;
    const { code, out, err } = await scheduleUntil(dir, slowAgain);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^crawl: 1 sources, .*, stopped early$/m);
    expect(out).toMatch(/^CRAWL FAILED .*t20210302_6\.html: crawl stopped/m);
    // The pipeline does not run on a crawl cut short; the next run reads what it saved.
    expect(out).not.toMatch(/documents: /);
    expect(out).toMatch(/run 1 finished/);
    expect(out).toMatch(/schedule: stopped after 1 run\(s\)/);
    // The manifest names the four files the crawl saved, each whole.
    const rows = await readManifest(join(dir, 'raw'));
    expect(rows).toHaveLength(4);
    for (const { row } of rows) expect((await readFile(join(dir, 'raw', row.path))).length).toBe(Number(row.size));
  });
});
