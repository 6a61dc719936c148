/**
 * The crawler's entry: crawls every source into the raw folder, then writes
 * the manifest (one rename) and appends this crawl's rows to the crawl log.
 * The parts, one file each:
 *   sources-file.ts   the listing pages to start from (sources.csv)
 *   crawl-config.ts   limits, contact, allowed hosts (nianbao.config.json)
 *   crawl-session.ts  the walk: listings -> report pages -> attachments
 *   pagination.ts, report-links.ts, page-metadata.ts, html-page.ts   reading pages
 *   http-fetch.ts     one request: timeouts, retries, size cap, redirects, conditional GET
 *   robots-rules.ts, host-queues.ts   politeness per host
 *   raw-path.ts, file-type.ts, raw-store.ts, keep-beside.ts   saving a download
 *   manifest.ts, crawl-log.ts   what was saved, and what happened to every URL
 *   crawl-progress.ts   the live display on a terminal
 */
import { mkdir } from 'node:fs/promises';
import type { CrawlConfig } from './crawl-config.ts';
import { appendCrawlLog, type CrawlLogEntry } from './crawl-log.ts';
import { SILENT_PROGRESS, type CrawlProgress } from './crawl-progress.ts';
import { CrawlSession } from './crawl-session.ts';
import { readManifest, writeManifest } from './manifest.ts';
import type { Source } from './sources-file.ts';

export interface CrawlOptions {
  sources: readonly Source[];
  config: CrawlConfig;
  rawDir: string;
  userAgent: string;
  progress?: CrawlProgress;
  /** Stops the crawl: requests in flight are aborted, what was saved is kept and written to the manifest. */
  signal?: AbortSignal;
  now?: () => Date;
}

export interface CrawlSummary {
  started: string;
  sources: number;
  /** Listing and report pages read. */
  pages: number;
  newFiles: number;
  replacedFiles: number;
  unchangedFiles: number;
  keptBeside: CrawlLogEntry[];
  failures: CrawlLogEntry[];
  refused: CrawlLogEntry[];
  disallowed: CrawlLogEntry[];
  stopped: boolean;
}

/** Outcomes of a page that was read (or found unchanged). */
const READ = new Set<CrawlLogEntry['outcome']>(['followed', 'fetched', 'unchanged', 'kept_beside']);

function summarize(entries: readonly CrawlLogEntry[], started: string, sources: number, stopped: boolean): CrawlSummary {
  const of = (outcome: CrawlLogEntry['outcome']): CrawlLogEntry[] => entries.filter((e) => e.outcome === outcome);
  const saved = of('fetched');
  return {
    started,
    sources,
    pages: entries.filter((e) => (e.kind === 'listing' || e.kind === 'page') && READ.has(e.outcome)).length,
    newFiles: saved.filter((e) => e.reason === 'new file').length,
    replacedFiles: saved.filter((e) => e.reason !== 'new file').length,
    unchangedFiles: of('unchanged').length,
    keptBeside: of('kept_beside'),
    failures: of('failed'),
    refused: of('refused'),
    disallowed: of('disallowed'),
    stopped,
  };
}

export async function crawl(options: CrawlOptions): Promise<CrawlSummary> {
  const now = options.now ?? (() => new Date());
  const started = now().toISOString();
  await mkdir(options.rawDir, { recursive: true });
  const manifest = (await readManifest(options.rawDir)).map((l) => l.row);
  const progress = options.progress ?? SILENT_PROGRESS;
  const session = new CrawlSession(
    { config: options.config, rawDir: options.rawDir, userAgent: options.userAgent, progress, now, ...(options.signal ? { signal: options.signal } : {}) },
    manifest,
  );
  try {
    await Promise.all(options.sources.map((s) => session.crawlSource(s)));
  } finally {
    progress.stop();
    await writeManifest(options.rawDir, session.manifest());
    await appendCrawlLog(options.rawDir, started, session.entries);
  }
  return summarize(session.entries, started, options.sources.length, options.signal?.aborted ?? false);
}
