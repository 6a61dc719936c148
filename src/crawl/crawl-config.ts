/**
 * The crawler's settings: the "crawl" object of nianbao.config.json. Only
 * `contact` is required (site operators must be able to reach whoever runs
 * the crawler: it goes into the user agent); every limit has a default that
 * is polite to a small government web server.
 */
import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors.ts';

export interface CrawlConfig {
  /** An e-mail address or URL where site operators can reach the crawler's operator. */
  contact: string;
  /** When set, only these hosts are ever requested (hostnames, lower case); others are refused and logged. */
  allowHosts?: string[];
  /** Whole request, headers and body, in milliseconds. */
  timeoutMs: number;
  /** Further attempts after a 5xx answer, a timeout or a network error. */
  retries: number;
  /** Wait before the first retry; doubled for each further one. */
  retryBackoffMs: number;
  /** Largest file downloaded; a larger one is refused and logged. */
  maxBytes: number;
  /** Redirects followed for one request. */
  maxRedirects: number;
  /** Requests open at once to one host. */
  perHostConcurrency: number;
  /** Least time between the starts of two requests to one host (robots.txt's Crawl-delay raises it). */
  perHostIntervalMs: number;
  /** Listing pages followed through one source's pagination, unless its max_pages says otherwise. */
  maxListingPages: number;
}

export const DEFAULT_CRAWL_CONFIG: Omit<CrawlConfig, 'contact'> = {
  timeoutMs: 30_000,
  retries: 3,
  retryBackoffMs: 2_000,
  // 50 MiB: the largest annual-report PDFs (scans of 30 pages) stay well below.
  maxBytes: 50 * 1024 * 1024,
  maxRedirects: 5,
  perHostConcurrency: 2,
  perHostIntervalMs: 1_000,
  maxListingPages: 20,
};

export const CONFIG_FILE = 'nianbao.config.json';

const NUMBER_KEYS = ['timeoutMs', 'retries', 'retryBackoffMs', 'maxBytes', 'maxRedirects', 'perHostConcurrency', 'perHostIntervalMs', 'maxListingPages'] as const;
/** Settings that may be 0 (no retries, no wait between requests, no backoff). */
const ZERO_ALLOWED = new Set<string>(['retries', 'retryBackoffMs', 'perHostIntervalMs', 'maxRedirects']);

function readNumbers(crawl: Record<string, unknown>, file: string): Partial<CrawlConfig> {
  const out: Partial<Record<(typeof NUMBER_KEYS)[number], number>> = {};
  for (const key of NUMBER_KEYS) {
    const v = crawl[key];
    if (v === undefined) continue;
    const min = ZERO_ALLOWED.has(key) ? 0 : 1;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new ConfigError(file, `crawl.${key} must be a whole number from ${min} up, got ${JSON.stringify(v)}`);
    out[key] = v;
  }
  return out;
}

/** The crawl settings in a parsed config object; `contact` overrides the file's. */
export function crawlConfigOf(json: unknown, file: string, contact?: string): CrawlConfig {
  const crawl = (json as { crawl?: unknown } | null)?.crawl ?? {};
  if (typeof crawl !== 'object' || crawl === null || Array.isArray(crawl)) throw new ConfigError(file, '"crawl" must be an object');
  const c = crawl as Record<string, unknown>;
  const who = contact ?? c.contact;
  if (typeof who !== 'string' || who.trim() === '') {
    throw new ConfigError(file, 'set crawl.contact (an e-mail address or URL where site operators can reach you) in the config file, or pass --contact');
  }
  let allowHosts: string[] | undefined;
  if (c.allowHosts !== undefined) {
    if (!Array.isArray(c.allowHosts) || !c.allowHosts.every((h) => typeof h === 'string' && h.trim() !== '')) throw new ConfigError(file, 'crawl.allowHosts must be a list of host names');
    allowHosts = c.allowHosts.map((h: string) => h.trim().toLowerCase());
  }
  return { ...DEFAULT_CRAWL_CONFIG, ...readNumbers(c, file), contact: who.trim(), ...(allowHosts ? { allowHosts } : {}) };
}

/** Reads the config file; a missing file is an empty config (then `contact` must be given). */
export async function readCrawlConfig(file: string, contact?: string): Promise<CrawlConfig> {
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new ConfigError(file, `cannot read the config file: ${(e as Error).message}`, e);
  }
  let json: unknown = {};
  if (text !== undefined) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new ConfigError(file, `not valid JSON: ${(e as Error).message}`, e);
    }
  }
  return crawlConfigOf(json, file, contact);
}

/** The User-Agent header: names nianbao, its version and the operator's contact. */
export function userAgent(config: Pick<CrawlConfig, 'contact'>, version: string): string {
  return `nianbao/${version} (+${config.contact}; annual-report crawler)`;
}

/** The token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'nianbao';
