/**
 * The crawl log (crawl-log.csv in the raw folder): one row per URL the crawl
 * dealt with, appended on every crawl, so a failure is never silent and its
 * history stays. RFC 4180 CSV with a header row (csv-stringify, like the
 * manifest). Columns:
 *   crawl_started  when the crawl began (ISO 8601, UTC): the rows of one crawl
 *   url            the URL
 *   kind           robots, listing, page or file
 *   outcome        see CrawlOutcome
 *   status         the last HTTP status, when there was one
 *   path           the raw file written or kept beside, when there is one
 *   reason         why it failed, was refused or kept beside
 *   referrer       the page that linked the URL
 */
import { appendFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export const CRAWL_LOG_FILE = 'crawl-log.csv';

/**
 * fetched: downloaded and saved (new or changed); unchanged: the server said
 * 304, or sent the bytes already saved; followed: a listing or report page
 * read for its links; failed: could not be fetched (reason says why);
 * disallowed: robots.txt forbids it, never requested; refused: not an allowed
 * host or scheme, never requested; kept_beside: downloaded, but shorter than
 * the saved copy or an error page, so saved beside it.
 */
export type CrawlOutcome = 'fetched' | 'unchanged' | 'followed' | 'failed' | 'disallowed' | 'refused' | 'kept_beside';

export type UrlKind = 'robots' | 'listing' | 'page' | 'file';

export interface CrawlLogEntry {
  url: string;
  kind: UrlKind;
  outcome: CrawlOutcome;
  status?: number;
  path?: string;
  reason?: string;
  referrer?: string;
}

export const CRAWL_LOG_COLUMNS = ['crawl_started', 'url', 'kind', 'outcome', 'status', 'path', 'reason', 'referrer'] as const;

function csvOf(crawlStarted: string, entries: readonly CrawlLogEntry[], header: boolean): string {
  const rows = entries.map((e) => [crawlStarted, e.url, e.kind, e.outcome, e.status?.toString() ?? '', e.path ?? '', e.reason ?? '', e.referrer ?? '']);
  return stringify(rows, { header, columns: [...CRAWL_LOG_COLUMNS], record_delimiter: 'windows' });
}

/** Appends one crawl's entries, in URL order (the header first when the log is new). */
export async function appendCrawlLog(rawDir: string, crawlStarted: string, entries: readonly CrawlLogEntry[]): Promise<void> {
  const file = join(rawDir, CRAWL_LOG_FILE);
  const exists = await stat(file).then(
    () => true,
    () => false,
  );
  const sorted = [...entries].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  await appendFile(file, csvOf(crawlStarted, sorted, !exists));
}

export type CrawlLogRow = Record<(typeof CRAWL_LOG_COLUMNS)[number], string>;

/** Every row of the crawl log (for tests and for `nianbao crawl` reports). */
export async function readCrawlLog(rawDir: string): Promise<CrawlLogRow[]> {
  const text = await readFile(join(rawDir, CRAWL_LOG_FILE), 'utf8');
  return parse(text, { columns: true, bom: true, skip_empty_lines: true }) as CrawlLogRow[];
}
