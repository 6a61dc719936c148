/**
 * `npm run bench`: PDF throughput of nianbao next to `pdftotext -layout`
 * (poppler-utils) on the same files, measured in the same run, one document
 * at a time: `nianbao extract` (read, extract, transform, validate) and
 * `nianbao run --force` (all of that plus the load into a DuckDB warehouse).
 * A script, not a test: it prints numbers and asserts nothing.
 *
 *   npm run bench                        # corpus and fixture PDFs, 5 rounds
 *   npm run bench -- --rounds 10 a.pdf   # chosen files
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { extractFile } from './extract-record.ts';
import { runPipeline } from './run.ts';

const run = promisify(execFile);
const ROOT = new URL('..', import.meta.url).pathname;

function defaultFiles(): string[] {
  const dirs = [join(ROOT, 'test/fixtures/corpus/docs'), join(ROOT, 'test/fixtures/pdf')];
  return dirs.flatMap((dir) => {
    try {
      return readdirSync(dir)
        .filter((f) => f.toLowerCase().endsWith('.pdf'))
        .sort()
        .map((f) => join(dir, f));
    } catch {
      return [];
    }
  });
}

function parseArgs(argv: string[]): { rounds: number; files: string[] } {
  let rounds = 5;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--rounds') rounds = Math.max(1, Number(argv[++i] ?? 5) || 5);
    else files.push(a);
  }
  return { rounds, files: files.length > 0 ? files : defaultFiles() };
}

async function pipelineOk(file: string): Promise<boolean> {
  try {
    await extractFile(file);
    return true;
  } catch {
    return false;
  }
}

interface Timing {
  label: string;
  docs: number;
  seconds: number;
}

interface Contender {
  label: string;
  /** One pass over all the files. */
  round: (files: readonly string[]) => Promise<unknown>;
}

const eachFile = (once: (f: string) => Promise<unknown>) => async (files: readonly string[]) => {
  for (const f of files) await once(f);
};

/**
 * The contenders over the same files, round by round in turn (nianbao, then
 * pdftotext, then nianbao again …), so a slow spell of this noisy machine
 * falls on all of them rather than on one.
 */
async function timeSideBySide(rounds: number, files: readonly string[], contenders: readonly Contender[]): Promise<Timing[]> {
  const timings = contenders.map((c) => ({ label: c.label, docs: 0, seconds: 0 }));
  for (let r = 0; r < rounds; r++) {
    for (const [i, c] of contenders.entries()) {
      const start = performance.now();
      await c.round(files);
      timings[i]!.seconds += (performance.now() - start) / 1000;
      timings[i]!.docs += files.length;
    }
  }
  return timings;
}

async function main(): Promise<void> {
  const { rounds, files: candidates } = parseArgs(process.argv.slice(2));
  try {
    await run('pdftotext', ['-v']);
  } catch {
    console.error('pdftotext not found: install poppler-utils (apt-get install poppler-utils)');
    process.exitCode = 2;
    return;
  }
  // Only documents the pipeline reads (scans, encrypted and truncated fixtures fail fast and would flatter it).
  const files: string[] = [];
  for (const f of candidates) if (await pipelineOk(f)) files.push(f);
  if (files.length === 0) {
    console.error('no readable PDF to measure');
    process.exitCode = 2;
    return;
  }
  // Warm-up: PDFium loaded, fonts cached, JIT warm; pdftotext binary in the page cache.
  for (const f of files) await run('pdftotext', ['-layout', f, '-'], { maxBuffer: 64 << 20 });

  // `nianbao run` reads a raw folder: the same files, copied into a scratch one, loaded into a scratch warehouse.
  const scratch = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  const raw = join(scratch, 'raw');
  const sink = { write: () => true } as unknown as NodeJS.WritableStream;
  try {
    mkdirSync(raw);
    files.forEach((f, i) => copyFileSync(f, join(raw, `${String(i).padStart(3, '0')}-${basename(f)}`)));
    const timings = await timeSideBySide(rounds, files, [
      { label: 'nianbao extract (PDFium + layout + transform)', round: eachFile((f) => extractFile(f)) },
      { label: 'nianbao run --force (+ load into DuckDB)', round: () => runPipeline({ raw, db: join(scratch, 'wh.duckdb'), force: true, format: 'parquet', workers: 1 }, sink) },
      { label: 'pdftotext -layout (one process per file)', round: eachFile((f) => run('pdftotext', ['-layout', f, '-'], { maxBuffer: 64 << 20 })) },
    ]);
    const perSecond = (t: Timing) => t.docs / t.seconds;
    const poppler = timings[timings.length - 1]!;
    console.log(`${files.length} PDF files x ${rounds} rounds = ${poppler.docs} documents each, rounds interleaved`);
    for (const t of timings) console.log(`${t.label.padEnd(48)} ${perSecond(t).toFixed(2).padStart(8)} docs/s  (${t.seconds.toFixed(2)} s)`);
    for (const t of timings.slice(0, -1)) {
      const ratio = perSecond(t) / perSecond(poppler);
      console.log(`ratio ${t.label.split(' (')[0]} / pdftotext: ${ratio.toFixed(3)} (pdftotext is ${(1 / ratio).toFixed(1)}x faster)`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
