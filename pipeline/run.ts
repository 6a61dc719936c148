/**
 * `nianbao run`: every raw file through extract and transform (in a queue),
 * then one load into the warehouse. Only files whose bytes changed since the
 * last run, or that were read by other code (pipeline/code-version.ts), are
 * redone unless --force. A document that fails gets one line
 * naming the file and the reason and never stops the others; a run that dies
 * before the load leaves the warehouse as it was.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import PQueue from 'p-queue';
import type { Logger } from 'pino';
import { isNianbaoError } from '../src/errors.ts';
import type { SourceFormat } from '../src/extract/document.ts';
import { extractorFor, isSupported } from '../src/extract/registry.ts';
import { fingerprint, type DocumentResult, type SourceFile } from '../src/load/document-result.ts';
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
import { extractBytes, readSource, sha256Hex } from './extract-record.ts';
import { createLogger } from './logger.ts';
import { listRawFiles, type RawFile } from './raw-files.ts';
import { agencyYearKey, resolveDuplicates } from './resolve-duplicates.ts';

export interface RunOptions {
  raw: string;
  db: string;
  force?: boolean;
  export?: string;
  format: 'csv' | 'parquet';
  concurrency: number;
}

export interface RunSummary {
  documents: number;
  extracted: number;
  unchanged: number;
  failed: number;
  needsOcr: number;
  failures: Array<{ path: string; reason: string; status: 'failed' | 'needs_ocr' }>;
}

async function formatOf(file: string): Promise<SourceFormat> {
  return isSupported(file) ? (await extractorFor(file)).format : 'text';
}

async function processFile(file: RawFile, known: Map<string, string>, force: boolean, log: Logger): Promise<DocumentResult | 'unchanged'> {
  let bytes: Uint8Array;
  const version = await codeVersion();
  const read = { codeVersion: version, sourceUrl: file.sourceUrl, published: file.published };
  const source = (sha256: string, size: number, format: SourceFormat): SourceFile => ({ path: file.relPath, sha256, bytes: size, format, ...read });
  try {
    bytes = await readSource(file.path);
  } catch (e) {
    const reason = isNianbaoError(e) ? e.message : String(e);
    return { kind: 'failure', source: source('', 0, 'text'), status: 'failed', reason };
  }
  const sha256 = sha256Hex(bytes);
  if (!force && known.get(file.relPath) === fingerprint({ sha256, ...read })) return 'unchanged';
  const format = await formatOf(file.path).catch(() => 'text' as const);
  try {
    const extracted = await extractBytes(file.path, bytes, { docName: file.relPath, sourceUrl: file.sourceUrl });
    return { kind: 'record', source: source(sha256, bytes.length, format), record: extracted.record };
  } catch (e) {
    // A bug met on one document fails that document, not the run.
    if (!isNianbaoError(e)) log.error({ file: file.relPath, err: e }, 'unexpected error');
    return {
      kind: 'failure',
      source: source(sha256, bytes.length, format),
      status: isNianbaoError(e) && e.kind === 'needs_ocr' ? 'needs_ocr' : 'failed',
      reason: isNianbaoError(e) ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

export async function runPipeline(options: RunOptions, out: NodeJS.WritableStream): Promise<RunSummary> {
  const log = createLogger('warn');
  const { files, manifestProblems } = await listRawFiles(options.raw);
  for (const problem of manifestProblems) out.write(`WARNING ${problem}\n`);
  log.info({ raw: options.raw, files: files.length }, 'raw files listed');
  await mkdir(dirname(options.db), { recursive: true });
  const wh = await openWarehouse(options.db);
  try {
    const known = options.force ? new Map<string, string>() : await reportFingerprints(wh);
    const queue = new PQueue({ concurrency: options.concurrency });
    const results: DocumentResult[] = [];
    let unchanged = 0;
    await Promise.all(
      files.map((file) =>
        queue.add(async () => {
          const result = await processFile(file, known, options.force ?? false, log);
          if (result === 'unchanged') {
            unchanged++;
            log.debug({ file: file.relPath }, 'unchanged, skipped');
            return;
          }
          if (result.kind === 'failure') log.warn({ file: file.relPath, status: result.status, reason: result.reason }, 'document failed');
          else log.info({ file: file.relPath, agency: result.record.agency, year: result.record.year, issues: result.record.validation.length }, 'document extracted');
          results.push(result);
        }),
      ),
    );
    // Other stored copies of the agencies and years redone here are weighed again with them.
    const inBatch = new Set(results.map((r) => r.source.path));
    const keys = results.flatMap((r) => (r.kind === 'record' ? [agencyYearKey(r.record)].filter((k) => k !== null) : []));
    const others = (await reportsOfAgencyYears(wh, keys)).filter((p) => !inBatch.has(p));
    for (const file of files.filter((f) => others.includes(f.relPath))) {
      const again = await processFile(file, new Map(), true, log);
      if (again === 'unchanged') continue;
      results.push(again);
      unchanged--;
    }
    // Queue order is not deterministic; the load is.
    results.sort((a, b) => (a.source.path < b.source.path ? -1 : a.source.path > b.source.path ? 1 : 0));
    const resolved = await addCrossYearIssues(resolveDuplicates(results), wh);
    const load = await loadBatch(wh, resolved, { keepPaths: files.map((f) => f.relPath), rawRoot: resolve(options.raw) });
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
    };
    await printSummary(out, summary, wh, options.db);
    return summary;
  } finally {
    await wh.close();
  }
}

async function printSummary(out: NodeJS.WritableStream, s: RunSummary, wh: Awaited<ReturnType<typeof openWarehouse>>, db: string): Promise<void> {
  for (const f of s.failures) out.write(`${f.status === 'needs_ocr' ? 'NEEDS OCR' : 'FAILED'} ${f.path}: ${f.reason}\n`);
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
