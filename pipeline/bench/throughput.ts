/**
 * `npm run bench`: end-to-end throughput of `nianbao run --force` (read,
 * extract, transform, validate, load into DuckDB) by format, with 1 and 2
 * workers, measured in one invocation on a generated corpus (distinct
 * reports, each with its own agency and numbers, rendered as HTML, DOCX and
 * text by test/render: distinct-reports.ts; the fixture and corpus PDFs
 * copied under distinct names) and on the real corpus PDFs, next
 * to `pdftotext -layout` (poppler-utils) on the same PDFs, two processes at
 * a time and one. Prints documents per second, the PDF ratios, peak RSS of
 * each run, the start-up of `nianbao --help`, and a 100,000-document night (60% PDF)
 * extrapolated from the measured rates. Each format is also run on its
 * first document alone: a run's fixed cost (start-up, a new warehouse with
 * its gazetteer and views, publication), so the rate of each document beyond
 * it is printed too, and the night extrapolated both ways. Last, two long
 * runs: a national year's count of generated text reports in one run (the
 * peak RSS of the longest run a user makes, the first over a national
 * folder), a fifth as many HTML reports and 3,000 copies of the real PDFs
 * (next to pdftotext), with their rates once every worker is warm. A
 * script, not a test: it asserts
 * nothing. Runs the compiled CLI (dist/, built first by `npm run bench`).
 *
 *   npm run bench                                  # 1,000 documents per format (4,000 generated) + the real PDFs + long runs: 100,000 text, 20,000 HTML, 3,000 real PDFs
 *   npm run bench -- --per-format 100 --long 0     # a quicker look, without the long runs
 *   npm run bench:throughput -- --night 100000     # also a national night in one run, not extrapolated (about 25 minutes more, 13 GB of temporary files)
 *
 * `--night N` adds, last, one run over N documents mixed as a national year
 * is (60% PDF: the fixture and corpus PDFs and the real ones, half each; the
 * rest distinct HTML, DOCX and text reports alike), shuffled in one folder:
 * its wall time is the night's, measured, and its peak RSS that of a first
 * run over a national folder of mostly PDF.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { distinctReport } from './distinct-reports.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/nianbao.mjs');
const GNU_TIME = '/usr/bin/time';
/** Documents of a national year, and the share of PDF among them; the rest split evenly over HTML, DOCX and text. */
const NIGHT = 100_000;
const PDF_SHARE = 0.6;
/**
 * Generated documents a format: a run long enough that what a worker pays
 * once (its start, V8 optimizing the readers' hot functions, about a second
 * of CPU a worker) weighs on the rate as it does in a long night, not as in
 * a short run.
 */
const PER_FORMAT = 1000;
/**
 * The long runs, after the others: a national year's count of text reports
 * in one run (about 500 MB of text, 4 minutes here), for the peak RSS of the
 * longest run a user makes; HTML reports a fifth as many; and the real
 * corpus PDFs a thirtieth as many (1,000 copies of each), next to
 * `pdftotext -layout` with 2 processes: each for the rate once every worker
 * is warm. `--long 0` skips them.
 */
const LONG_RUN = NIGHT;
const LONG_HTML_SHARE = 0.2;
const LONG_REAL_PDF_SHARE = 0.03;
const TEXT_FORMATS = ['text-tabs', 'text-lines', 'markdown'];
const HTML_FORMATS = ['html', 'html-gbk'];
const REAL_PDF = 'PDF, real corpus (3 WPS exports)';
/** Spreads a national night's formats over its folder's order (fillNight). */
const SHUFFLE_STRIDE = 7919;

interface Measure {
  docs: number;
  seconds: number;
  /** Peak resident set of the process, in MB (null where GNU time is missing). */
  peakMb: number | null;
  /** CPU seconds (user + system, all threads; summed over processes for pdftotext), null where GNU time is missing. */
  cpu: number | null;
}

function perSecond(m: Measure): number {
  return m.docs / m.seconds;
}

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Runs a command, timing it; its peak RSS from GNU time's %M when that is installed. */
async function timed(cmd: string, args: string[]): Promise<{ seconds: number; peakMb: number | null; cpu: number | null }> {
  const withTime = existsSync(GNU_TIME);
  const start = performance.now();
  const { stderr } = await new Promise<{ stderr: string }>((resolve, reject) => {
    const child = spawn(withTime ? GNU_TIME : cmd, withTime ? ['-f', 'PEAK_KB %M CPU %U %S', cmd, ...args] : args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 || code === 1 ? resolve({ stderr: err }) : reject(new Error(`${cmd} exited ${code}: ${err.slice(-500)}`))));
  });
  const seconds = (performance.now() - start) / 1000;
  const m = /PEAK_KB (\d+) CPU ([\d.]+) ([\d.]+)/.exec(stderr);
  return { seconds, peakMb: m ? Math.round(Number(m[1]) / 1024) : null, cpu: m ? Number(m[2]) + Number(m[3]) : null };
}

/** `nianbao run --force` over a folder with `workers` workers. */
async function nianbaoRun(raw: string, scratch: string, workers: number): Promise<Measure> {
  const db = join(scratch, `wh-${workers}-${Date.now()}.duckdb`);
  const docs = readdirSync(raw).length;
  const t = await timed(process.execPath, [BIN, 'run', '--raw', raw, '--db', db, '--force', '--workers', String(workers)]);
  rmSync(db, { force: true });
  return { docs, ...t };
}

/**
 * `pdftotext -layout` on every PDF of the folder, `parallel` processes at a
 * time (xargs -P), under one GNU time: its CPU is summed over the processes,
 * its peak is the largest one's. One process per file and nothing else, as
 * a shell script would run it (starting each through node and its own GNU
 * time cost about 10 ms a file more and flattered nianbao's ratio).
 */
async function pdftotext(raw: string, parallel: number): Promise<Measure> {
  const files = readdirSync(raw).map((f) => join(raw, f));
  const start = performance.now();
  const stderr = await new Promise<string>((resolve, reject) => {
    const child = spawn(GNU_TIME, ['-f', 'PEAK_KB %M CPU %U %S', 'xargs', '-0', '-P', String(parallel), '-I{}', 'pdftotext', '-layout', '{}', '/dev/null'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    const err: Buffer[] = [];
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(err).toString('utf8')) : reject(new Error(`pdftotext over ${raw} exited with ${code}`))));
    child.stdin.end(files.join('\0'));
  });
  const seconds = (performance.now() - start) / 1000;
  const m = /PEAK_KB (\d+) CPU ([\d.]+) ([\d.]+)/.exec(stderr);
  return { docs: files.length, seconds, peakMb: Math.round(Number(m?.[1] ?? 0) / 1024), cpu: Number(m?.[2] ?? 0) + Number(m?.[3] ?? 0) };
}

/** A folder of `n` documents cycled from `sources` (each written under a distinct name). */
function fill(dir: string, n: number, sources: ReadonlyArray<{ ext: string; write: (to: string) => void }>): string {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const s = sources[i % sources.length]!;
    s.write(join(dir, `doc-${String(i).padStart(5, '0')}${s.ext}`));
  }
  return dir;
}

/** A folder of `n` distinct reports printed in these test/render formats (distinct-reports.ts). */
async function fillDistinct(dir: string, n: number, formats: readonly string[]): Promise<string> {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const { ext, bytes } = await distinctReport(i, formats);
    writeFileSync(join(dir, `doc-${String(i).padStart(5, '0')}${ext}`), bytes);
  }
  return dir;
}

function pdfSources(dirs: readonly string[], skip: RegExp) {
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.pdf') && !skip.test(f))
      .sort()
      .map((f) => ({ ext: '.pdf', write: (to: string) => copyFileSync(join(dir, f), to) })),
  );
}

/** A folder holding the first document of `dir` alone (emptied first). */
function firstOnly(dir: string, to: string): string {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  const first = readdirSync(dir).sort()[0]!;
  copyFileSync(join(dir, first), join(to, first));
  return to;
}

/** What the documents beyond the first cost: the run less a run of one document (its start-up, a new warehouse, publication). */
function marginal(run: Measure, single: Measure): Measure {
  return { docs: run.docs - single.docs, seconds: run.seconds - single.seconds, peakMb: run.peakMb, cpu: run.cpu === null || single.cpu === null ? null : run.cpu - single.cpu };
}

/** The least stride from SHUFFLE_STRIDE up that visits every index of n once (i * stride mod n). */
function strideCoprimeTo(n: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let stride = SHUFFLE_STRIDE;
  while (gcd(stride, n) !== 1) stride++;
  return stride;
}

/**
 * A folder of `n` documents mixed as a national year: PDF_SHARE of PDF (half
 * from `pdfs`, half from `realPdfs`, cycled), the rest distinct HTML, DOCX
 * and text reports alike. File names are shuffled by a fixed permutation,
 * so the formats interleave in the order a run lists them.
 */
async function fillNight(dir: string, n: number, pdfs: ReturnType<typeof pdfSources>, realPdfs: ReturnType<typeof pdfSources>): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const pdfCount = Math.round(n * PDF_SHARE);
  const stride = strideCoprimeTo(n);
  const name = (i: number, ext: string) => join(dir, `doc-${String((i * stride) % n).padStart(6, '0')}${ext}`);
  for (let i = 0; i < pdfCount; i++) {
    const s = i % 2 === 0 ? pdfs[(i / 2) % pdfs.length]! : realPdfs[((i - 1) / 2) % realPdfs.length]!;
    s.write(name(i, s.ext));
  }
  for (let i = pdfCount; i < n; i++) {
    // One of HTML, DOCX and text in turn (distinctReport takes a round of labels per format).
    const kind = (i - pdfCount) % 3;
    const { ext, bytes } = await distinctReport(i, kind === 0 ? HTML_FORMATS : kind === 1 ? ['docx'] : TEXT_FORMATS);
    writeFileSync(name(i, ext), bytes);
  }
  return dir;
}

/** Start-ups timed for the median of `nianbao --help`. */
const HELP_RUNS = 11;

/** Median start-up of `nianbao --help`, in ms. */
async function helpStartup(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < HELP_RUNS; i++) times.push((await timed(process.execPath, [BIN, '--help'])).seconds * 1000);
  return times.sort((a, b) => a - b)[(HELP_RUNS - 1) / 2]!;
}

function line(label: string, m: Measure, extra = ''): string {
  const cpu = m.cpu === null ? '?' : ((m.cpu / m.docs) * 1000).toFixed(1);
  return `  ${label.padEnd(32)} ${String(m.docs).padStart(5)} docs ${m.seconds.toFixed(2).padStart(7)} s ${perSecond(m).toFixed(1).padStart(7)} docs/s  ${cpu.padStart(6)} ms CPU/doc  peak RSS ${m.peakMb ?? '?'} MB${extra}`;
}

async function main(): Promise<void> {
  const perFormat = argValue('--per-format', PER_FORMAT);
  const realCopies = argValue('--real-copies', 100);
  const longRun = argValue('--long', LONG_RUN);
  const night = argValue('--night', 0);
  // Timed first, while nothing of the bench's own runs is still settling (page cache, the fault corpus's zip bombs).
  const help = await helpStartup();
  const scratch = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  try {
    const fixtures = join(ROOT, 'test/fixtures');
    const corpusPdfs = join(fixtures, 'corpus/docs');
    const broken = /^(scanned|encrypted|truncated|unmapped)\.pdf$/;
    const corpora: Array<{ format: string; dir: string }> = [
      { format: 'HTML', dir: await fillDistinct(join(scratch, 'html'), perFormat, HTML_FORMATS) },
      { format: 'DOCX', dir: await fillDistinct(join(scratch, 'docx'), perFormat, ['docx']) },
      { format: 'text', dir: await fillDistinct(join(scratch, 'text'), perFormat, TEXT_FORMATS) },
      { format: 'PDF', dir: fill(join(scratch, 'pdf'), perFormat, pdfSources([join(fixtures, 'pdf'), corpusPdfs], broken)) },
      { format: REAL_PDF, dir: fill(join(scratch, 'real'), 3 * realCopies, pdfSources([corpusPdfs], broken)) },
    ];
    const generated = corpora.slice(0, 4).reduce((s, c) => s + readdirSync(c.dir).length, 0);
    const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
    console.log(`load average at start: ${load} on ${(await import('node:os')).availableParallelism()} cores (other processes share the machine: wall-clock rates fall with them, CPU per document does not)`);
    console.log(`nianbao throughput, end to end (nianbao run --force: read, extract, transform, load), ${generated} generated documents + the real corpus PDFs\n`);

    const rates: Record<string, { one: Measure; two: Measure; single: Measure; pdftotext?: Measure }> = {};
    for (const { format, dir } of corpora) {
      const one = await nianbaoRun(dir, scratch, 1);
      const two = await nianbaoRun(dir, scratch, 2);
      const single = await nianbaoRun(firstOnly(dir, join(scratch, 'single')), scratch, 2);
      const isPdf = format.startsWith('PDF');
      const pt = isPdf ? await pdftotext(dir, 2) : undefined;
      const pt1 = isPdf ? await pdftotext(dir, 1) : undefined;
      rates[format] = { one, two, single, pdftotext: pt };
      console.log(`${format}`);
      console.log(line('nianbao run, 1 worker', one));
      console.log(line('nianbao run, 2 workers', two, `   (${(perSecond(two) / perSecond(one)).toFixed(2)}x 1 worker)`));
      console.log(
        `  ${'each document more, 2 workers'.padEnd(32)} ${perSecond(marginal(two, single)).toFixed(1).padStart(29)} docs/s  (the run less a run of one document: ${single.seconds.toFixed(2)} s, ${single.cpu === null ? '?' : single.cpu.toFixed(2)} s CPU)`,
      );
      if (pt) {
        console.log(line('pdftotext -layout, 2 processes', pt, ' (largest process)'));
        console.log(`  ratio nianbao (2 workers) / pdftotext (2 processes): ${(perSecond(two) / perSecond(pt)).toFixed(2)} whole run, ${(perSecond(marginal(two, single)) / perSecond(pt)).toFixed(2)} each document more`);
        if (pt1) {
          // One core each: what each reader costs, apart from how well two of it share this machine's two cores.
          console.log(line('pdftotext -layout, 1 process', pt1));
          console.log(
            `  ratio nianbao (1 worker) / pdftotext (1 process): ${(perSecond(one) / perSecond(pt1)).toFixed(2)}; two at once run at ${(perSecond(two) / perSecond(one)).toFixed(2)}x one (nianbao), ${(perSecond(pt) / perSecond(pt1)).toFixed(2)}x one (pdftotext)`,
          );
        }
      }
    }

    const faults = fill(join(scratch, 'faults'), 24, [
      ...pdfSources([join(fixtures, 'pdf')], /^(?!(scanned|encrypted|truncated|unmapped)\.pdf$)/),
      ...['zip-bomb.docx', 'zip-bomb-lying.docx'].map((f) => ({ ext: '.docx', write: (to: string) => copyFileSync(join(fixtures, 'docx', f), to) })),
    ]);
    const fault = await nianbaoRun(faults, scratch, 2);
    console.log(`Fault corpus (scans, encrypted, truncated, unmapped PDFs, zip bombs of 1 GiB)`);
    console.log(line('nianbao run, 2 workers', fault));

    const longs: Measure[] = [];
    const longRates: Record<string, Measure> = {};
    if (longRun > 0) {
      console.log('Long runs, 2 workers (most of their documents read by warm workers)');
      const real = pdfSources([corpusPdfs], broken);
      const longRuns: Array<{ format: string; fillLong: (dir: string) => Promise<string> }> = [
        { format: 'text', fillLong: (dir) => fillDistinct(dir, longRun, TEXT_FORMATS) },
        { format: 'HTML', fillLong: (dir) => fillDistinct(dir, Math.round(longRun * LONG_HTML_SHARE), HTML_FORMATS) },
        { format: REAL_PDF, fillLong: async (dir) => fill(dir, Math.round(longRun * LONG_REAL_PDF_SHARE), real) },
      ];
      for (const { format, fillLong } of longRuns) {
        // Its own folder, warehouse and stage (the runs above staged into the scratch's), removed after it.
        const dir = await fillLong(join(scratch, 'long'));
        const long = await nianbaoRun(dir, join(scratch, 'long-run'), 2);
        longs.push(long);
        longRates[format] = long;
        console.log(line(format, long, `   (${(perSecond(long) / perSecond(rates[format]!.two)).toFixed(2)}x the rate of the shorter run)`));
        if (format === REAL_PDF) {
          const pt = await pdftotext(dir, 2);
          console.log(line('pdftotext -layout, 2 processes', pt, ' (largest process)'));
          console.log(`  ratio nianbao (2 workers) / pdftotext (2 processes): ${(perSecond(long) / perSecond(pt)).toFixed(2)} whole run`);
        }
        rmSync(dir, { recursive: true, force: true });
        rmSync(join(scratch, 'long-run'), { recursive: true, force: true });
      }
    }

    let nightRun: Measure | undefined;
    if (night > 0) {
      const dir = await fillNight(join(scratch, 'night'), night, pdfSources([join(fixtures, 'pdf'), corpusPdfs], broken), pdfSources([corpusPdfs], broken));
      nightRun = await nianbaoRun(dir, join(scratch, 'night-run'), 2);
      longs.push(nightRun);
      console.log(`A national night in one run: ${night.toLocaleString('en')} documents, ${PDF_SHARE * 100}% PDF (half of them the real WPS exports), the rest HTML, DOCX and text alike, 2 workers`);
      console.log(line('mixed', nightRun, `   (${(nightRun.seconds / 3600).toFixed(2)} hours)`));
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(scratch, 'night-run'), { recursive: true, force: true });
    }

    console.log(`\nnianbao --help start-up: ${help.toFixed(0)} ms (median of ${HELP_RUNS}, timed before the runs above)`);

    const share = (1 - PDF_SHARE) / 3;
    const mix: Array<[string, number]> = [
      ['PDF', NIGHT * PDF_SHARE],
      ['HTML', NIGHT * share],
      ['DOCX', NIGHT * share],
      ['text', NIGHT * share],
    ];
    // PDFs at the slower of the two PDF rates (generated and real corpus).
    const pdfRate = Math.min(perSecond(rates['PDF']!.two), perSecond(rates[REAL_PDF]!.two));
    const rate = (f: string) => (f === 'PDF' ? pdfRate : perSecond(rates[f]!.two));
    const hours = mix.reduce((s, [f, n]) => s + n / rate(f), 0) / 3600;
    console.log(`\nA national year, extrapolated: ${NIGHT.toLocaleString('en')} documents (60% PDF at ${pdfRate.toFixed(1)}/s, the rest HTML, DOCX, text alike) at the 2-worker rates above: ${hours.toFixed(2)} hours`);
    // The same night from each document's cost beyond a run's fixed cost (start-up, a new warehouse, publication), paid once.
    const fixed = Math.max(...Object.values(rates).map((r) => r.single.seconds));
    const pdfMarginal = Math.min(...['PDF', REAL_PDF].map((f) => perSecond(marginal(rates[f]!.two, rates[f]!.single))));
    const marginalRate = (f: string) => (f === 'PDF' ? pdfMarginal : perSecond(marginal(rates[f]!.two, rates[f]!.single)));
    const marginalHours = (fixed + mix.reduce((s, [f, n]) => s + n / marginalRate(f), 0)) / 3600;
    console.log(`  or, one run's fixed cost (${fixed.toFixed(1)} s) once and each document at its rate beyond it (PDF ${pdfMarginal.toFixed(1)}/s): ${marginalHours.toFixed(2)} hours`);
    if (Object.keys(longRates).length > 0) {
      // A national night is one long run: each format at its long run's rate where one was measured (DOCX, and the generated PDFs, at their rates above).
      const longPdf = Math.min(perSecond(rates['PDF']!.two), perSecond(longRates[REAL_PDF] ?? rates[REAL_PDF]!.two));
      const longRate = (f: string) => (f === 'PDF' ? longPdf : perSecond(longRates[f] ?? rates[f]!.two));
      const longHours = mix.reduce((s, [f, n]) => s + n / longRate(f), 0) / 3600;
      console.log(`  or at the long runs' rates where measured (PDF ${longPdf.toFixed(1)}/s, HTML ${longRate('HTML').toFixed(1)}/s, text ${longRate('text').toFixed(1)}/s; DOCX as above): ${longHours.toFixed(2)} hours`);
    }
    if (nightRun) console.log(`  measured, one run of ${nightRun.docs.toLocaleString('en')} documents (above): ${(nightRun.seconds / 3600).toFixed(2)} hours, peak RSS ${nightRun.peakMb ?? '?'} MB`);
    const peak = Math.max(...Object.values(rates).flatMap((r) => [r.one.peakMb ?? 0, r.two.peakMb ?? 0]), fault.peakMb ?? 0, ...longs.map((l) => l.peakMb ?? 0));
    console.log(`Peak RSS of any nianbao run: ${peak} MB`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
