/**
 * `nianbao run`: every raw file through extract and transform (in worker
 * threads, pipeline/worker-pool.ts), then one load into the warehouse. Only files whose bytes changed since the
 * last run, or that were read by other code (pipeline/code-version.ts), are
 * redone unless --force. A document that fails gets one line
 * naming the file and the reason and never stops the others; a run that dies
 * before the load leaves the warehouse as it was.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import type { DocumentResult } from '../src/load/document-result.ts';
import {
  exportWarehouse,
  loadBatch,
  openWarehouse,
  qualitySummary,
  reportFingerprints,
  reportsOfAgencyYears,
  tableCounts,
} from '../src/load/warehouse.ts';
import { codeVersion } from './code-version.ts';
import { addCrossYearIssues } from './cross-year-check.ts';
import { createLogger } from './logger.ts';
import { listRawFiles, type RawFile } from './raw-files.ts';
import { agencyYearKey, resolveDuplicates } from './resolve-duplicates.ts';
import { createDocumentPool, type DocumentPool } from './worker-pool.ts';

export interface RunOptions {
  raw: string;
  db: string;
  force?: boolean;
  export?: string;
  format: 'csv' | 'parquet';
  /** Worker threads reading documents (default: one per core). */
  workers?: number;
}

export interface RunSummary {
  documents: number;
  extracted: number;
  unchanged: number;
  failed: number;
  needsOcr: number;
  failures: Array<{ path: string; reason: string; status: 'failed' | 'needs_ocr' }>;
  /** Reports on the template used before 2019: stored with their agency and year, status unsupported_template, no numbers. */
  unsupported: Array<{ path: string; year: number | null }>;
}

/** A raw file through the pool: 'unchanged' when its stored fingerprint still holds (unless forced). */
async function processFile(pool: DocumentPool, file: RawFile, known: Map<string, string>, force: boolean, log: Logger): Promise<DocumentResult | 'unchanged'> {
  const outcome = await pool.read({
    path: file.path,
    relPath: file.relPath,
    sourceUrl: file.sourceUrl,
    published: file.published,
    codeVersion: await codeVersion(),
    knownFingerprint: force ? undefined : known.get(file.relPath),
  });
  if (outcome.kind === 'unchanged') return 'unchanged';
  // A bug met on one document fails that document, not the run.
  if (outcome.kind === 'failure' && outcome.reason.startsWith('internal error')) log.error({ file: file.relPath, reason: outcome.reason }, 'unexpected error');
  return outcome;
}

export async function runPipeline(options: RunOptions, out: NodeJS.WritableStream): Promise<RunSummary> {
  const log = createLogger('warn');
  const { files, manifestProblems } = await listRawFiles(options.raw);
  for (const problem of manifestProblems) out.write(`WARNING ${problem}\n`);
  log.info({ raw: options.raw, files: files.length }, 'raw files listed');
  await mkdir(dirname(options.db), { recursive: true });
  const wh = await openWarehouse(options.db);
  const pool = createDocumentPool({ workers: options.workers });
  try {
    const known = options.force ? new Map<string, string>() : await reportFingerprints(wh);
    const results: DocumentResult[] = [];
    let unchanged = 0;
    await Promise.all(
      files.map((file) =>
        (async () => {
          const result = await processFile(pool, file, known, options.force ?? false, log);
          if (result === 'unchanged') {
            unchanged++;
            log.debug({ file: file.relPath }, 'unchanged, skipped');
            return;
          }
          if (result.kind === 'failure') log.warn({ file: file.relPath, status: result.status, reason: result.reason }, 'document failed');
          else log.info({ file: file.relPath, agency: result.record.agency, year: result.record.year, issues: result.record.validation.length }, 'document extracted');
          results.push(result);
        })(),
      ),
    );
    // Other stored copies of the agencies and years redone here are weighed again with them.
    const inBatch = new Set(results.map((r) => r.source.path));
    const keys = results.flatMap((r) => (r.kind === 'record' ? [agencyYearKey(r.record)].filter((k) => k !== null) : []));
    const others = (await reportsOfAgencyYears(wh, keys)).filter((p) => !inBatch.has(p));
    for (const file of files.filter((f) => others.includes(f.relPath))) {
      const again = await processFile(pool, file, new Map(), true, log);
      if (again === 'unchanged') continue;
      results.push(again);
      unchanged--;
    }
    // Queue order is not deterministic; the load is.
    results.sort((a, b) => (a.source.path < b.source.path ? -1 : a.source.path > b.source.path ? 1 : 0));
    const resolved = await addCrossYearIssues(resolveDuplicates(results), wh);
    const load = await loadBatch(wh, resolved, { keepPaths: files.map((f) => f.relPath) });
    log.info({ load }, 'warehouse loaded');
    if (options.export) {
      await exportWarehouse(wh, options.export, options.format);
      log.info({ dir: options.export, format: options.format }, 'warehouse exported');
    }

    const failures = resolved
      .filter((r): r is Extract<DocumentResult, { kind: 'failure' }> => r.kind === 'failure')
      .map((r) => ({ path: r.source.path, reason: r.reason, status: r.status }));
    const summary: RunSummary = {
      documents: files.length,
      extracted: resolved.length - failures.length,
      unchanged,
      failed: failures.length,
      needsOcr: failures.filter((f) => f.status === 'needs_ocr').length,
      failures,
      unsupported: resolved.flatMap((r) => (r.kind === 'record' && r.record.status === 'unsupported_template' ? [{ path: r.source.path, year: r.record.year }] : [])),
    };
    await printSummary(out, summary, wh, options.db);
    return summary;
  } finally {
    await pool.close();
    await wh.close();
  }
}

async function printSummary(out: NodeJS.WritableStream, s: RunSummary, wh: Awaited<ReturnType<typeof openWarehouse>>, db: string): Promise<void> {
  for (const f of s.failures) out.write(`${f.status === 'needs_ocr' ? 'NEEDS OCR' : 'FAILED'} ${f.path}: ${f.reason}\n`);
  for (const u of s.unsupported) out.write(`UNSUPPORTED TEMPLATE ${u.path}: report on the template used before 2019 (year ${u.year ?? 'unknown'}); agency and year stored, no numbers\n`);
  out.write(`${s.documents} documents: ${s.extracted} extracted, ${s.unchanged} unchanged, ${s.failed} failed (${s.needsOcr} need OCR)\n`);
  const counts = await tableCounts(wh);
  out.write(`warehouse ${db}: ${Object.entries(counts).map(([t, n]) => `${t}=${n}`).join(' ')}\n`);
  const quality = await qualitySummary(wh);
  const statuses = quality.filter((q) => q.category === 'report_status').map((q) => `${q.name} ${q.n}`);
  out.write(`reports by status: ${statuses.join(', ')}\n`);
  const issues = quality.filter((q) => q.category === 'issue');
  if (issues.length > 0) out.write('issues by rule (issues, reports):\n');
  for (const q of issues) out.write(`  ${String(q.severity).padEnd(8)} ${String(q.name).padEnd(44)} ${String(q.n).padStart(5)} ${String(q.reports).padStart(5)}\n`);
}
