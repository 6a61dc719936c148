/**
 * The worker pool: a run with one worker and a run with two give the same
 * warehouse, byte for byte in every exported table, its facts written from
 * the workers' row files; files staged in batches get each its own summary;
 * a document over the wall-time limit has its worker stopped, fails naming
 * the limit, and the pool goes on reading with a fresh worker.
 */
import { cp, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/support/temp-dir.ts';
import { DEFAULT_LIMITS } from '../src/limits.ts';
import { runPipeline } from './run.ts';
import { StageStore } from './stage-store.ts';
import { createDocumentPool } from './worker-pool.ts';

const FIXTURES = new URL('../test/fixtures/', import.meta.url).pathname;
const sink = { write: () => true } as unknown as NodeJS.WritableStream;

/** The samples of every format, PDF fixtures (a scan, a damaged file) and a zip bomb. */
async function rawFolder(dir: string): Promise<string> {
  const raw = join(dir, 'raw');
  await cp(join(FIXTURES, 'corpus/docs'), raw, { recursive: true });
  for (const f of ['002_02af2ddfabc85d6c.pdf', 'scanned.pdf', 'truncated.pdf', 'turned.pdf']) await cp(join(FIXTURES, 'pdf', f), join(raw, 'pdf', f));
  await cp(join(FIXTURES, 'docx/zip-bomb.docx'), join(raw, 'zip-bomb.docx'));
  return raw;
}

async function exportedTables(dir: string): Promise<Map<string, Buffer>> {
  // runs and sources record when a run happened: the tables that must not differ are the others.
  const files = (await readdir(dir)).filter((f) => !/^(runs|sources)\./.test(f)).sort();
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(join(dir, f))] as const)));
}

describe('worker pool', () => {
  const tmp = useTempDir('nianbao-pool-');

  it('one worker and two give the same exported tables, byte for byte', async () => {
    const raw = await rawFolder(tmp());
    const exports: Array<Map<string, Buffer>> = [];
    for (const workers of ['1', '2']) {
      const out = join(tmp(), `out-${workers}`);
      // Each run its own folder, so its own stage: both read every file.
      const db = join(tmp(), `workers-${workers}`, 'wh.duckdb');
      const run = await runPipeline({ raw, db, workers: Number(workers), export: out, format: 'csv' }, sink);
      expect(run.exitCode).toBe(1); // the scan, the truncated PDF and the zip bomb fail; the rest load
      expect(run.writtenVia).toBe('row files'); // the facts from the workers' row files, none refused
      exports.push(await exportedTables(out));
    }
    const [one, two] = exports as [Map<string, Buffer>, Map<string, Buffer>];
    expect([...two.keys()]).toEqual([...one.keys()]);
    expect(one.size).toBeGreaterThanOrEqual(5);
    for (const [name, bytes] of one) expect(two.get(name)!.equals(bytes), name).toBe(true);
    const reports = one.get('reports.csv')!.toString('utf8');
    expect(reports).toContain('zip-bomb.docx');
    expect(reports.split('\n').length).toBeGreaterThanOrEqual(17);
  });

  it('a document over the wall-time limit fails naming it; a new worker reads the next', async () => {
    const pool = createDocumentPool({ workers: 1, limits: { ...DEFAULT_LIMITS, maxMillis: 1 } });
    const task = (name: string) => ({ path: join(FIXTURES, 'corpus/docs', name), relPath: name });
    try {
      const slow = await pool.read(task('hzq2023_working.pdf'));
      expect(slow).toMatchObject({ source: { relPath: 'hzq2023_working.pdf' }, outcome: { kind: 'failure', status: 'failed' } });
      expect(slow.source.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(slow.outcome.kind === 'failure' && slow.outcome.reason).toBe('reading took longer than the wall-time limit of 1 ms; its worker was stopped');
      // The stopped worker is replaced: the pool still answers.
      expect((await pool.read(task('szfgs2024.pdf'))).outcome.kind).toBe('failure');
    } finally {
      await pool.close();
    }
    const roomy = createDocumentPool({ workers: 1 });
    try {
      for (const name of ['hzq2023_working.pdf', 'shuyang-county-2025.txt']) {
        const { outcome } = await roomy.read(task(name));
        expect(outcome.kind === 'record' && outcome.record.year).toBeGreaterThan(2000);
      }
    } finally {
      await roomy.close();
    }
  });

  it('files staged together in a worker get each its own summary, as read in the main thread', async () => {
    const names = ['hzq2023_working.pdf', 'fj-pingtan-2023-page.html', 'fj-pingtan-czj-2021.txt', 'fj-pingtan-gaj-2020-emptybody.txt', 'shuyang-county-2025.txt'];
    const task = (name: string) => ({ path: join(FIXTURES, 'corpus/docs', name), relPath: name });
    const stagedBy = async (workers: number) => {
      const pool = createDocumentPool({ workers });
      try {
        return await Promise.all(names.map((name) => pool.stage(task(name), new StageStore(join(tmp(), `stage-${workers}`)))));
      } finally {
        await pool.close();
      }
    };
    const inWorkers = await stagedBy(1);
    expect(inWorkers.map((s) => s.doc)).toEqual(names);
    expect(inWorkers).toEqual(await stagedBy(0));
    expect(inWorkers.filter((s) => s.kind === 'record')).toHaveLength(4);
  });

  it('in a batch, each file over the wall-time limit fails naming it, and every file of the batch is answered once', async () => {
    const names = ['hzq2023_working.pdf', 'fj-pingtan-2023-page.html', 'fj-pingtan-czj-2021.txt'];
    const pool = createDocumentPool({ workers: 1, limits: { ...DEFAULT_LIMITS, maxMillis: 1 } });
    const stage = new StageStore(join(tmp(), 'stage-limit'));
    try {
      const summaries = await Promise.all(names.map((name) => pool.stage({ path: join(FIXTURES, 'corpus/docs', name), relPath: name }, stage)));
      expect(summaries.map((s) => s.doc)).toEqual(names);
      for (const s of summaries) {
        expect(s).toMatchObject({ kind: 'failure', status: 'failed', reason: 'reading took longer than the wall-time limit of 1 ms; its worker was stopped' });
        expect(s.source.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
      expect(new Set(summaries.map((s) => s.key)).size).toBe(names.length);
    } finally {
      await pool.close();
    }
  });
});
