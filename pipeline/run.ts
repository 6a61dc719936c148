/**
 * `nianbao run`: the raw folder -> the published warehouse.
 *   1. lock the warehouse (pipeline/run-lock.ts): one run at a time;
 *   2. list the folder and hash every file; a file whose stage key (bytes,
 *      path, reader version, source host) is staged is not read again, the
 *      others are read in the worker pool (pipeline/worker-pool.ts), which
 *      stages each result as soon as it is made, so a run that dies loses
 *      only the files in flight;
 *   3. plan the warehouse from the listing and the stage (pure:
 *      pipeline/plan-warehouse.ts), refuse a plan that removes too much;
 *   4. write the plan's difference into a working copy in one transaction
 *      and publish it (pipeline/publish.ts): readers of the published file
 *      are never locked out, a run that dies leaves it as it was.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import PQueue from 'p-queue';
import type { RowFileMaker } from '../src/load/apply-plan.ts';
import type { Warehouse } from '../src/load/warehouse.ts';
import { defaultOverrides } from '../src/transform/region/agency-overrides.ts';
import { readSource, sha256Hex } from './source-bytes.ts';
import { createLogger } from './logger.ts';
import { codeVersionLine } from './code-version.ts';
import { keepHeapNearLive } from './heap-growth.ts';
import { checkRemovals, planWarehouse, type ListedFile, type WarehousePlan } from './plan-warehouse.ts';
import { stagedRecordLoader } from './planned-record.ts';
import { listRawFiles, type RawFile } from './raw-files.ts';
import { readerFormatOf, readerVersion, readerVersions } from './reader-version.ts';
import { lockWarehouse } from './run-lock.ts';
import { StageStore } from './stage-store.ts';
import { hostOf, stageKey, type StagedSummary } from './staged-result.ts';
import { createDocumentPool, type DocumentPool } from './worker-pool.ts';

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_FATAL = 2;

export interface RunOptions {
  raw: string;
  db: string;
  /** The stage folder; default <dir of db>/stage. */
  stage?: string;
  /** Read every file again, staged or not. */
  force?: boolean;
  export?: string;
  format: 'csv' | 'parquet';
  /** Worker threads reading documents (default: one per core). */
  workers?: number;
  /** Apply a plan that removes more than a fifth of the stored reports, or all of them. */
  allowRemovals?: boolean;
  /** false: exit 2 at once when another run holds the warehouse (--no-wait). */
  wait?: boolean;
}

export interface FileLine {
  path: string;
  reason: string;
  status: 'failed' | 'needs_ocr';
  stale: boolean;
}

export interface RunSummary {
  exitCode: number;
  seen: number;
  /** Files read in this run. */
  read: number;
  /** Files whose staged result was used. */
  reused: number;
  /** Files read in this run that failed. */
  failures: FileLine[];
  /** Files failing as staged before, not read again. */
  stillFailing: FileLine[];
  needsOcr: number;
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
  stale: number;
  /** Reports on the template used before 2019 read in this run: stored with agency and year, status unsupported_template, no numbers. */
  unsupported: Array<{ path: string; year: number | null }>;
  /** Why nothing was changed (too many removals). */
  refusal?: string;
  /** How the facts and issues were written (src/load/apply-plan.ts): row files the workers made, or the appender when those failed. */
  writtenVia?: 'row files' | 'appender';
}


/**
 * The warehouse side of a run: DuckDB's module takes about 0.1 s to load,
 * so it is imported once the worker pool has started, not before.
 */
async function importWarehouseSide() {
  const [{ applyPlan }, { exportWarehouse }, { discardWorkingCopy, openWorkingCopy, publish, rowFilesPath }] = await Promise.all([
    import('../src/load/apply-plan.ts'),
    import('../src/load/warehouse.ts'),
    import('./publish.ts'),
  ]);
  return { applyPlan, exportWarehouse, discardWorkingCopy, openWorkingCopy, publish, rowFilesPath };
}

/** Files hashed and looked up in the stage at once (I/O; reading is the worker pool's). */
const LOOKUP_CONCURRENCY = 16;

interface Staging {
  files: ListedFile[];
  summaries: Map<string, StagedSummary>;
  /** Keys read in this run. */
  readNow: Set<string>;
}

async function keyOf(file: RawFile): Promise<string | null> {
  try {
    const sha = sha256Hex(await readSource(file.path));
    return stageKey(sha, file.relPath, readerVersion(readerFormatOf(file.path)), hostOf(file.sourceUrl));
  } catch {
    return null;
  }
}

/** Every listed file's summary: staged ones as they are, the others read and staged now. */
async function stageFiles(files: readonly RawFile[], stage: StageStore, options: RunOptions, pool: DocumentPool): Promise<Staging> {
  const log = createLogger('warn');
  const lookups = new PQueue({ concurrency: LOOKUP_CONCURRENCY });
  const summaries = new Map<string, StagedSummary>();
  const readNow = new Set<string>();
  const listed = (await Promise.all(
    files.map((file) =>
      lookups.add(async (): Promise<ListedFile> => {
        // --force reads every file again: the worker hashes it, no look-up.
        const known = options.force ? null : await keyOf(file);
        let key = known;
        if (known !== null && !options.force && (await stage.has(known))) {
          summaries.set(known, await stage.summary(known));
        } else {
          const summary = await pool.stage({ path: file.path, relPath: file.relPath, ...(file.sourceUrl ? { sourceUrl: file.sourceUrl } : {}) }, stage);
          key = summary.key;
          summaries.set(key, summary);
          readNow.add(key);
          if (summary.kind === 'failure') log.warn({ file: file.relPath, status: summary.status, reason: summary.reason }, 'document failed');
          else log.info({ file: file.relPath, agency: summary.agency, year: summary.year }, 'document read');
        }
        return { relPath: file.relPath, key: key as string, ...(file.sourceUrl ? { sourceUrl: file.sourceUrl } : {}), ...(file.published ? { published: file.published } : {}) };
      }),
    ),
  )) as ListedFile[];
  return { files: listed, summaries, readNow };
}

async function planFor(staging: Staging, stage: StageStore): Promise<WarehousePlan> {
  const lastGood = await stage.lastGood();
  const summaries = new Map(staging.summaries);
  for (const f of staging.files) {
    const key = lastGood.get(f.relPath);
    if (key !== undefined && !summaries.has(key) && (await stage.has(key))) summaries.set(key, await stage.summary(key));
  }
  const usable = new Map([...lastGood].filter(([, key]) => summaries.has(key)));
  return planWarehouse({ files: staging.files, summaries, lastGood: usable, overrides: defaultOverrides() });
}

/** The plan, and what a run's lines need of its staging: not the summaries (one per file), which are let go before the write. */
interface PlannedRun {
  plan: WarehousePlan;
  readNow: Set<string>;
  keyOfPath: Map<string, string>;
  unsupported: Array<{ path: string; year: number | null }>;
}

async function planStaged(staged: Promise<Staging>, stage: StageStore, onStaged: (read: number) => void): Promise<PlannedRun> {
  const staging = await staged;
  onStaged(staging.readNow.size);
  const plan = await planFor(staging, stage);
  return {
    plan,
    readNow: staging.readNow,
    keyOfPath: new Map(staging.files.map((f) => [f.relPath, f.key])),
    unsupported: [...staging.readNow]
      .map((key) => staging.summaries.get(key))
      .flatMap((s) => (s && s.status === 'unsupported_template' ? [{ path: s.source.relPath, year: s.year }] : []))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

/** A write's row files, made by the pool's workers in `folder` (pipeline/write-row-files.ts), which the working copy's removal removes. */
async function rowFilesIn(folder: string, stage: StageStore, pool: DocumentPool): Promise<RowFileMaker> {
  await mkdir(folder, { recursive: true });
  const writeId = randomUUID();
  return (chunk, n) => pool.writeRows({ ...chunk, writeId, stageDir: stage.dir, prefix: join(folder, String(n)) });
}

function fileLines(plan: WarehousePlan, readNow: ReadonlySet<string>, keyOfPath: ReadonlyMap<string, string>): { failures: FileLine[]; stillFailing: FileLine[] } {
  const failures: FileLine[] = [];
  const stillFailing: FileLine[] = [];
  for (const f of plan.failing) {
    (readNow.has(keyOfPath.get(f.path) ?? '') ? failures : stillFailing).push(f);
  }
  return { failures, stillFailing };
}

export async function runPipeline(options: RunOptions, out: NodeJS.WritableStream): Promise<RunSummary> {
  keepHeapNearLive();
  const started = new Date().toISOString();
  const { files, manifestProblems } = await listRawFiles(options.raw);
  for (const problem of manifestProblems) out.write(`WARNING ${problem}\n`);
  await mkdir(dirname(options.db), { recursive: true });
  const release = await lockWarehouse(options.db, options.wait !== false, (line) => out.write(`${line}\n`));
  let closePool = async (): Promise<void> => undefined;
  try {
    const log = createLogger('warn');
    const clock = performance.now();
    const ms = () => Math.round(performance.now() - clock);
    const stage = new StageStore(options.stage ?? join(dirname(options.db), 'stage'));
    const pool = createDocumentPool({ workers: options.workers });
    closePool = () => pool.close();
    const planning = planStaged(
      // The write's workers start while the plan is made, without what reading left in their heaps.
      stageFiles(files, stage, options, pool).finally(() => pool.recycle()),
      stage,
      (read) => log.info({ files: files.length, read, ms: ms() }, 'files staged'),
    );
    planning.catch(() => undefined); // awaited below; a failure surfaces there, not as an unhandled rejection
    // The warehouse side is loaded, and the working copy copied and opened (a
    // new warehouse: schema, gazetteer, views), while the workers read: it
    // needs nothing they make.
    const { applyPlan, exportWarehouse, discardWorkingCopy, openWorkingCopy, publish, rowFilesPath } = await importWarehouseSide();
    const opening = openWorkingCopy(options.db);
    opening.catch(() => undefined); // as above
    let planned: PlannedRun;
    try {
      planned = await planning;
      log.info({ reports: planned.plan.reports.length, ms: ms() }, 'warehouse planned');
    } catch (e) {
      await opening.then((wh) => discardWorkingCopy(wh, options.db), () => undefined);
      throw e;
    }
    const { plan, readNow } = planned;
    const { failures, stillFailing } = fileLines(plan, readNow, planned.keyOfPath);
    const base = {
      seen: files.length,
      read: readNow.size,
      reused: files.length - readNow.size,
      failures,
      stillFailing,
      needsOcr: plan.failing.filter((f) => f.status === 'needs_ocr').length,
      stale: plan.failing.filter((f) => f.stale).length,
      unsupported: planned.unsupported,
    };
    const wh = await opening;
    log.info({ ms: ms() }, 'working copy opened');
    let published = false;
    try {
      const stored = (await wh.query('SELECT source_path FROM reports')).map((r) => r.source_path as string);
      const removals = checkRemovals(plan, stored, files.length);
      if (removals.refusal && !options.allowRemovals) {
        const summary: RunSummary = { ...base, exitCode: EXIT_FATAL, added: 0, changed: 0, unchanged: stored.length, removed: 0, refusal: removals.refusal };
        printSummary(out, summary);
        out.write(`REFUSED: ${removals.refusal}; nothing was changed. To remove them, run again with --allow-removals.\n`);
        return summary;
      }
      const exitCode = failures.length > 0 ? EXIT_SOME_FAILED : EXIT_OK;
      const run = {
        started,
        ended: new Date().toISOString(),
        code_version: codeVersionLine(),
        raw_root: resolve(options.raw),
        seen: base.seen,
        stale: base.stale,
        failed: failures.length,
        still_failing: stillFailing.length,
        needs_ocr: base.needsOcr,
        exit_code: exitCode,
      };
      const write = await applyPlan(wh, { ...plan, seenAt: started, run }, stagedRecordLoader(stage), {
        make: await rowFilesIn(rowFilesPath(options.db), stage, pool),
        onFallback: (reason) => log.warn({ reason }, 'row files failed; reports written one by one instead'),
      });
      log.info({ ...write, ms: ms() }, 'difference written');
      const summary: RunSummary = { ...base, exitCode, added: write.added, changed: write.changed, unchanged: write.unchanged, removed: write.removed, writtenVia: write.via };
      if (options.export) await exportWarehouse(wh, options.export, options.format);
      printSummary(out, summary);
      await printWarehouse(out, wh, options.db);
      await publish(wh, options.db);
      published = true;
      await stage.setLastGood(plan.lastGood);
      log.info({ ms: ms() }, 'warehouse published');
      return summary;
    } finally {
      if (!published) await discardWorkingCopy(wh, options.db);
    }
  } finally {
    await closePool();
    await release();
  }
}

function printSummary(out: NodeJS.WritableStream, s: RunSummary): void {
  const line = (f: FileLine) => `${f.path}: ${f.reason}${f.stale ? ' (keeps its last good facts, status stale)' : ''}`;
  for (const f of s.failures) out.write(`${f.status === 'needs_ocr' ? 'NEEDS OCR' : 'FAILED'} ${line(f)}\n`);
  for (const f of s.stillFailing) out.write(`STILL ${f.status === 'needs_ocr' ? 'NEEDS OCR' : 'FAILING'} ${line(f)}\n`);
  for (const u of s.unsupported) out.write(`UNSUPPORTED TEMPLATE ${u.path}: report on the template used before 2019 (year ${u.year ?? 'unknown'}); agency and year stored, no numbers\n`);
  out.write(
    `${s.seen} files: ${s.read} read, ${s.reused} unchanged, ${s.failures.length} failed, ${s.stillFailing.length} still failing (${s.needsOcr} need OCR)\n`,
  );
  out.write(`reports: ${s.added} added, ${s.changed} changed, ${s.removed} removed, ${s.stale} stale, ${s.unchanged} unchanged\n`);
}

async function printWarehouse(out: NodeJS.WritableStream, wh: Warehouse, db: string): Promise<void> {
  const { qualitySummary, tableCounts } = await import('../src/load/warehouse.ts');
  const counts = await tableCounts(wh);
  out.write(`warehouse ${db}: ${Object.entries(counts).map(([t, n]) => `${t}=${n}`).join(' ')}\n`);
  const quality = await qualitySummary(wh);
  const statuses = quality.filter((q) => q.category === 'report_status').map((q) => `${q.name} ${q.n}`);
  out.write(`reports by status: ${statuses.join(', ')}\n`);
  const issues = quality.filter((q) => q.category === 'issue');
  if (issues.length > 0) out.write('issues by rule (issues, reports):\n');
  for (const q of issues) out.write(`  ${String(q.severity).padEnd(8)} ${String(q.name).padEnd(44)} ${String(q.n).padStart(5)} ${String(q.reports).padStart(5)}\n`);
}
