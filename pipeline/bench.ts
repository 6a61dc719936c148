/**
 * `npm run bench`: PDF throughput of the whole pipeline (read, extract,
 * transform, validate; no database) next to `pdftotext -layout` (poppler-utils)
 * on the same files, measured in the same run, one document at a time.
 * A script, not a test: it prints numbers and asserts nothing.
 *
 *   npm run bench                        # corpus and fixture PDFs, 5 rounds
 *   npm run bench -- --rounds 10 a.pdf   # chosen files
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { extractFile } from './extract-record.ts';

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

/**
 * Both contenders over the same files, round by round in turn (nianbao, then
 * pdftotext, then nianbao again …), so a slow spell of this noisy machine
 * falls on both rather than on one.
 */
async function timeSideBySide(rounds: number, files: readonly string[], contenders: Array<{ label: string; once: (f: string) => Promise<unknown> }>): Promise<Timing[]> {
  const timings = contenders.map((c) => ({ label: c.label, docs: 0, seconds: 0 }));
  for (let r = 0; r < rounds; r++) {
    for (const [i, c] of contenders.entries()) {
      const start = performance.now();
      for (const f of files) await c.once(f);
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
  // Warm-up: pdfjs loaded, fonts cached, JIT warm; pdftotext binary in the page cache.
  for (const f of files) await run('pdftotext', ['-layout', f, '-'], { maxBuffer: 64 << 20 });

  const [nianbao, poppler] = await timeSideBySide(rounds, files, [
    { label: 'nianbao extract (pdfjs + layout + transform)', once: (f) => extractFile(f) },
    { label: 'pdftotext -layout (one process per file)', once: (f) => run('pdftotext', ['-layout', f, '-'], { maxBuffer: 64 << 20 }) },
  ]);
  const perSecond = (t: Timing) => t.docs / t.seconds;

  console.log(`${files.length} PDF files x ${rounds} rounds = ${nianbao!.docs} documents each, rounds interleaved`);
  for (const t of [nianbao!, poppler!]) {
    console.log(`${t.label.padEnd(48)} ${perSecond(t).toFixed(2).padStart(8)} docs/s  (${t.seconds.toFixed(2)} s)`);
  }
  const ratio = perSecond(nianbao!) / perSecond(poppler!);
  console.log(`ratio nianbao / pdftotext: ${ratio.toFixed(3)} (pdftotext is ${(1 / ratio).toFixed(1)}x faster)`);
}

await main();
