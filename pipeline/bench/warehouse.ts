/**
 * `npm run bench:warehouse`: the nightly run over generated folders of
 * reports (corpus labels rendered as HTML, tab-separated text and markdown by
 * test/render, each with its own agency name and numbers): a full run into a
 * new warehouse, a no-op rerun, a rerun after one changed file, each in its
 * own process with its wall time and peak RSS, for each folder size (so the
 * memory can be seen to stay flat as the folder grows). A script, not a test:
 * it prints numbers and asserts nothing.
 *
 *   npm run bench:warehouse                    # 1000 and 2000 documents
 *   npm run bench:warehouse -- --sizes 500,4000
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RENDERERS, loadLabels, mutateLabel } from '../../test/render/index.ts';
import { distinctReport } from './distinct-reports.ts';

const exec = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const FORMATS = ['html', 'text-tabs', 'markdown'];

interface Phase {
  seconds: number;
  peakMiB: number;
  read: number;
  added: number;
  changed: number;
  unchanged: number;
  exitCode: number;
}

function parseSizes(argv: string[]): number[] {
  const at = argv.indexOf('--sizes');
  const text = at >= 0 ? (argv[at + 1] ?? '') : '1000,2000';
  const sizes = text.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (sizes.length === 0) throw new Error(`--sizes: expected numbers like 1000,2000, got "${text}"`);
  return sizes;
}

/** A folder of n distinct reports in three formats (distinct-reports.ts). */
async function generate(raw: string, n: number): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const { ext, bytes } = await distinctReport(i, FORMATS);
    const file = `d${String(i).padStart(5, '0')}${ext}`;
    writeFileSync(join(raw, file), bytes);
    files.push(file);
  }
  return files;
}

async function phase(raw: string, db: string): Promise<Phase> {
  const { stdout } = await exec(process.execPath, ['--import', 'tsx', join(ROOT, 'pipeline/bench/run-once.ts'), raw, db], { cwd: ROOT, maxBuffer: 1 << 24 });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as Phase;
}

function line(size: number, name: string, p: Phase, full?: Phase): string {
  const share = full ? ` (${((100 * p.seconds) / full.seconds).toFixed(1)}% of full)` : '';
  return `${String(size).padStart(6)}  ${name.padEnd(12)} ${p.seconds.toFixed(2).padStart(8)} s${share.padEnd(18)} peak RSS ${p.peakMiB.toFixed(0).padStart(5)} MiB   read ${p.read}, added ${p.added}, changed ${p.changed}, unchanged ${p.unchanged}, exit ${p.exitCode}`;
}

async function main(): Promise<void> {
  const sizes = parseSizes(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-wh-'));
  try {
    process.stdout.write('  docs  phase            wall                      memory\n');
    for (const size of sizes) {
      const raw = join(dir, `raw-${size}`);
      mkdirSync(raw, { recursive: true });
      const files = await generate(raw, size);
      const db = join(dir, `wh-${size}`, 'nianbao.duckdb');
      const full = await phase(raw, db);
      process.stdout.write(`${line(size, 'full run', full)}\n`);
      const noop = await phase(raw, db);
      process.stdout.write(`${line(size, 'no-op rerun', noop, full)}\n`);
      const labels = loadLabels();
      const one = files.filter((f) => f.endsWith('.html'))[0] as string;
      const html = RENDERERS.find((r) => r.name === 'html')!;
      writeFileSync(join(raw, one), await html.render(mutateLabel(labels[0]!.label, 'applications', 'new_received', 0, 7)));
      const changed = await phase(raw, db);
      process.stdout.write(`${line(size, 'one changed', changed, full)}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
