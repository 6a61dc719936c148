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

async function time(label: string, rounds: number, files: readonly string[], once: (f: string) => Promise<unknown>) {
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const f of files) await once(f);
  const seconds = (performance.now() - start) / 1000;
  const docs = rounds * files.length;
  return { label, docs, seconds, perSecond: docs / seconds };
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

  const nianbao = await time('nianbao extract (pdfjs + layout + transform)', rounds, files, (f) => extractFile(f));
  const poppler = await time('pdftotext -layout (one process per file)', rounds, files, (f) => run('pdftotext', ['-layout', f, '-'], { maxBuffer: 64 << 20 }));

  console.log(`${files.length} PDF files x ${rounds} rounds = ${nianbao.docs} documents each`);
  for (const r of [nianbao, poppler]) {
    console.log(`${r.label.padEnd(48)} ${r.perSecond.toFixed(2).padStart(8)} docs/s  (${r.seconds.toFixed(2)} s)`);
  }
  console.log(`ratio nianbao / pdftotext: ${(nianbao.perSecond / poppler.perSecond).toFixed(3)} (pdftotext is ${(poppler.perSecond / nianbao.perSecond).toFixed(1)}x faster)`);
}

await main();
