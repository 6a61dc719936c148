/**
 * Analysts keep the published warehouse open READ_ONLY in another process
 * while the nightly runs: the run exits 0, their open handle keeps seeing the
 * old data, a new connection sees the new. A second writer waits for the
 * first (or exits 2 at once with --no-wait), and two runs started together
 * give what one run gives.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lockWarehouse } from './run-lock.ts';
import { dumpContent, runCli } from '../test/support/run-cli.ts';
import { useTempDir } from '../test/support/temp-dir.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = join(ROOT, 'test/fixtures/corpus/docs');
const TEXTS = ['000_d4859fce74386304.txt', '001_9facb60fdd4eb9b0.txt', '003_67fd554f9e32afcc.txt', '004_7180246cedc2b1d8.txt'];

async function folder(dir: string, files: readonly string[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const f of files) await copyFile(join(CORPUS, f), join(dir, f));
  return dir;
}

/** A process holding the file open READ_ONLY (test/support/hold-reader.ts), asked one line at a time. */
class Reader {
  private readonly lines: AsyncIterator<string>;
  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  }
  static async open(db: string): Promise<Reader> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/hold-reader.ts'), db], { cwd: ROOT });
    const reader = new Reader(child);
    expect(await reader.next()).toEqual({ ready: true });
    return reader;
  }
  private async next(): Promise<unknown> {
    const { value, done } = await this.lines.next();
    if (done) throw new Error('reader process ended');
    return JSON.parse(value);
  }
  async ask(command: string): Promise<unknown> {
    this.child.stdin.write(`${command}\n`);
    return this.next();
  }
}

function cli(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/nianbao.mjs'), ...args], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('a reader holding the warehouse open READ_ONLY in another process', () => {
  const scratch = useTempDir('nianbao-reader-');

  it('never fails the run, keeps seeing the old data, and sees the new after reconnecting', async () => {
    const raw = await folder(join(scratch(), 'raw'), TEXTS.slice(0, 3));
    const db = join(scratch(), 'wh', 'nianbao.duckdb');
    expect((await runCli(['run', '--raw', raw, '--db', db])).code).toBe(0);
    const reader = await Reader.open(db);
    try {
      expect(await reader.ask('count')).toEqual({ reports: 3 });
      await copyFile(join(CORPUS, TEXTS[3]!), join(raw, TEXTS[3]!));
      const run = await runCli(['run', '--raw', raw, '--db', db]);
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/^reports: 1 added, 0 changed, 0 removed, 0 stale, 3 unchanged$/m);
      expect(await reader.ask('count')).toEqual({ reports: 3 });
      expect(await reader.ask('reconnect')).toEqual({ reconnected: true });
      expect(await reader.ask('count')).toEqual({ reports: 4 });
      // The previous warehouse is kept for rollback.
      expect((await stat(`${db}.prev`)).isFile()).toBe(true);
    } finally {
      await reader.ask('quit');
    }
  });
});

describe('two writers', () => {
  const scratch = useTempDir('nianbao-writers-');

  it('a second run waits for the lock, saying so, or with --no-wait exits 2 at once', async () => {
    const raw = await folder(join(scratch(), 'raw'), TEXTS);
    const db = join(scratch(), 'wh', 'nianbao.duckdb');
    await mkdir(join(scratch(), 'wh'), { recursive: true });
    const release = await lockWarehouse(db, false, () => undefined);
    let waiting: Promise<{ code: number; out: string }>;
    try {
      const refused = await runCli(['run', '--raw', raw, '--db', db, '--no-wait']);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`another nianbao run holds ${db}.lock; not waiting (--no-wait)`);
      waiting = runCli(['run', '--raw', raw, '--db', db]);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await release();
    }
    const done = await waiting;
    expect(done.code).toBe(0);
    expect(done.out).toContain(`waiting: another nianbao run holds ${db}.lock`);
    expect(done.out).toMatch(/^reports: 4 added/m);
  });

  it('a lock held past its refresh (proper-lockfile refreshes it every 5 s) still keeps a second run out, and is released cleanly', async () => {
    const db = join(scratch(), 'long', 'nianbao.duckdb');
    await mkdir(join(scratch(), 'long'), { recursive: true });
    const release = await lockWarehouse(db, false, () => undefined);
    await new Promise((r) => setTimeout(r, 6_000));
    await expect(lockWarehouse(db, false, () => undefined)).rejects.toThrow(/not waiting/);
    await release();
    const again = await lockWarehouse(db, false, () => undefined);
    await again();
  });

  it('two runs started together give what one run gives', async () => {
    const raw = await folder(join(scratch(), 'together'), TEXTS);
    const db = join(scratch(), 'together-wh', 'nianbao.duckdb');
    const single = join(scratch(), 'single-wh', 'nianbao.duckdb');
    const [a, b] = await Promise.all([cli(['run', '--raw', raw, '--db', db]), cli(['run', '--raw', raw, '--db', db])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect((await runCli(['run', '--raw', raw, '--db', single])).code).toBe(0);
    expect(await dumpContent(db)).toEqual(await dumpContent(single));
  });
});
