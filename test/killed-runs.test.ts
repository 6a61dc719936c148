/**
 * A run killed with SIGKILL at any moment (while reading, staging, writing
 * the working copy or publishing) leaves the published warehouse as it was,
 * and the next run reads none of what was staged before the kill. 20 kills,
 * at seeded random moments, of runs over 200 documents.
 */
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../pipeline/run.ts';
import { StageStore } from '../pipeline/stage-store.ts';
import { RENDERERS, loadLabels, mutateLabel } from './render/index.ts';
import { dumpContent, readDb } from './support/run-cli.ts';
import { SeededRandom } from './support/seeded-random.ts';
import { useTempDir } from './support/temp-dir.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCUMENTS = 200;
/** Documents published before the killed runs. */
const FIRST = 20;
const KILLS = 20;
/** Kill moments are drawn from [0, KILL_WINDOW_MS) after the run starts: its start-up, reading, writing and publication. */
const KILL_WINDOW_MS = 3_000;
const sink = { write: () => true } as unknown as NodeJS.WritableStream;

/** Document i: a label rendered as text, with its own agency name and one number of its own. */
async function writeDocuments(raw: string, from: number, to: number): Promise<void> {
  const labels = loadLabels().filter((l) => l.label.applications?.new_received);
  const tabs = RENDERERS.find((r) => r.name === 'text-tabs')!;
  for (let i = from; i < to; i++) {
    const { label } = labels[i % labels.length]!;
    const own = { ...mutateLabel(label, 'applications', 'new_received', 0, 1000 + i), agency: `${label.agency.replace(/人民政府$/u, '')}第${i}办公室` };
    await writeFile(join(raw, `doc-${String(i).padStart(3, '0')}.txt`), await tabs.render(own));
  }
}

async function stagedCount(stage: string): Promise<number> {
  return (await new StageStore(stage).keys()).length;
}

function killedRun(args: string[], afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/nianbao.mjs'), ...args], { cwd: ROOT, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('runs killed with SIGKILL', () => {
  const scratch = useTempDir('nianbao-killed-');

  it(`leave the published warehouse as it was, ${KILLS} times, and lose nothing staged`, async () => {
    const rnd = new SeededRandom(88);
    const raw = join(scratch(), 'raw');
    const db = join(scratch(), 'wh', 'nianbao.duckdb');
    const stage = join(scratch(), 'wh', 'stage');
    await mkdir(raw, { recursive: true });
    await writeDocuments(raw, 0, FIRST);
    expect((await runPipeline({ raw, db, format: 'csv', workers: 0 }, sink)).exitCode).toBe(0);
    const before = await dumpContent(db);
    await writeDocuments(raw, FIRST, DOCUMENTS);

    let staged = await stagedCount(stage);
    let completed: Record<string, string> | null = null;
    for (let k = 0; k < KILLS; k++) {
      await killedRun(['run', '--raw', raw, '--db', db], rnd.int(KILL_WINDOW_MS));
      const runs = (await readDb(db, 'SELECT count(*)::INTEGER AS n FROM runs'))[0]?.n;
      const now = await dumpContent(db);
      // Killed after publishing: the run had finished its work; the warehouse is the new one, from then on.
      if (runs !== 1) completed ??= now;
      expect(now, `kill ${k}`).toEqual(completed ?? before);
      const after = await stagedCount(stage);
      expect(after, `kill ${k}`).toBeGreaterThanOrEqual(staged);
      staged = after;
    }
    const next = await runPipeline({ raw, db, format: 'csv', workers: 0 }, sink);
    expect(next.exitCode).toBe(0);
    expect(next.read).toBe(DOCUMENTS - staged);
    const fresh = join(scratch(), 'fresh', 'nianbao.duckdb');
    await runPipeline({ raw, db: fresh, stage, format: 'csv', workers: 0 }, sink);
    const final = await dumpContent(db);
    expect(final).toEqual(await dumpContent(fresh));
    if (completed) expect(completed).toEqual(final);
    expect(final.reports?.split('\n')).toHaveLength(DOCUMENTS);
    await rm(fresh, { force: true });
  }, 300_000);
});
