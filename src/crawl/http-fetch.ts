/**
 * One URL fetched politely and defensively with Node's fetch (undici):
 *  - a timeout over the whole request, headers and body;
 *  - retries with doubling backoff on 5xx, 408, 429, timeouts and network
 *    errors (a Retry-After of a few seconds is honoured); other 4xx fail at once;
 *  - a size cap, checked against Content-Length before reading and while reading;
 *  - a body shorter than its Content-Length is a truncated download, retried;
 *  - redirects followed by hand, up to a limit, only to http or https, each
 *    hop passing the same guard (allowed host, robots.txt) as the first;
 *  - conditional headers (If-None-Match / If-Modified-Since) sent when given;
 *    a 304 comes back as not_modified.
 * Never throws for what a server or the network does: every outcome is a value
 * with its reason.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface FetchSettings {
  userAgent: string;
  timeoutMs: number;
  retries: number;
  retryBackoffMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Aborts every request in flight and every wait (the crawl is stopping). */
  signal?: AbortSignal;
}

/** Says why a URL must not be requested (null: it may be). */
export type FetchGuard = (url: URL) => Promise<{ outcome: 'refused' | 'disallowed'; reason: string } | null>;

export interface ResponseHeaders {
  contentType?: string;
  contentDisposition?: string;
  etag?: string;
  lastModified?: string;
}

interface Common {
  url: string;
  /** Where the redirects led (the URL itself when there were none). */
  finalUrl: string;
  attempts: number;
}

export type FetchResult =
  | (Common & { kind: 'ok'; status: number; headers: ResponseHeaders; body: Uint8Array })
  | (Common & { kind: 'not_modified'; status: 304 })
  | (Common & { kind: 'failed'; status?: number; reason: string })
  | (Common & { kind: 'refused' | 'disallowed'; reason: string });

/** A Retry-After longer than this is not waited for: the request fails after its retries. */
const MAX_RETRY_AFTER_MS = 30_000;

const RETRY_STATUS = new Set([408, 429]);

type Hop =
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'answer'; status: number; headers: ResponseHeaders; body: Uint8Array }
  | { kind: 'not_modified' }
  | { kind: 'http_error'; status: number; statusText: string; retryAfterMs?: number }
  | { kind: 'error'; reason: string; retry: boolean };

const HEADER_NAMES: ReadonlyArray<readonly [keyof ResponseHeaders, string]> = [
  ['contentType', 'content-type'],
  ['contentDisposition', 'content-disposition'],
  ['etag', 'etag'],
  ['lastModified', 'last-modified'],
];

function headersOf(res: Response): ResponseHeaders {
  return Object.fromEntries(HEADER_NAMES.flatMap(([key, name]) => {
    const value = res.headers.get(name);
    return value ? [[key, value]] : [];
  })) as ResponseHeaders;
}

function retryAfterMs(res: Response): number | undefined {
  const v = res.headers.get('retry-after');
  if (!v) return undefined;
  const seconds = Number(v);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | { tooLarge: true }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function networkReason(e: unknown, settings: FetchSettings): { reason: string; retry: boolean } {
  if (settings.signal?.aborted) return { reason: 'crawl stopped', retry: false };
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return { reason: `timed out after ${settings.timeoutMs} ms`, retry: true };
  const cause = err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
  return { reason: `network error: ${cause}`, retry: true };
}

async function requestOnce(url: string, headers: Record<string, string>, settings: FetchSettings): Promise<Hop> {
  const signals = [AbortSignal.timeout(settings.timeoutMs), ...(settings.signal ? [settings.signal] : [])];
  try {
    const res = await fetch(url, { redirect: 'manual', headers, signal: AbortSignal.any(signals) });
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && res.status !== 304 && location) {
      await res.body?.cancel();
      return { kind: 'redirect', status: res.status, location };
    }
    if (res.status === 304) {
      await res.body?.cancel();
      return { kind: 'not_modified' };
    }
    if (res.status >= 300) {
      await res.body?.cancel();
      const after = retryAfterMs(res);
      return { kind: 'http_error', status: res.status, statusText: res.statusText, ...(after !== undefined ? { retryAfterMs: after } : {}) };
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > settings.maxBytes) {
      await res.body?.cancel();
      return { kind: 'error', reason: `larger than the ${settings.maxBytes}-byte cap (Content-Length ${declared})`, retry: false };
    }
    const body = await readCapped(res, settings.maxBytes);
    if ('tooLarge' in body) return { kind: 'error', reason: `larger than the ${settings.maxBytes}-byte cap`, retry: false };
    if (Number.isFinite(declared) && body.byteLength !== declared && !res.headers.get('content-encoding')) {
      return { kind: 'error', reason: `truncated: got ${body.byteLength} of ${declared} bytes`, retry: true };
    }
    return { kind: 'answer', status: res.status, headers: headersOf(res), body };
  } catch (e) {
    return { kind: 'error', ...networkReason(e, settings) };
  }
}

type ChainEnd = { hop: Exclude<Hop, { kind: 'redirect' }>; finalUrl: string } | { refusal: { outcome: 'refused' | 'disallowed'; reason: string }; finalUrl: string } | { failure: string; finalUrl: string; status: number };

/** One attempt: the request and the redirects it leads to. */
async function followChain(url: string, headers: Record<string, string>, guard: FetchGuard, settings: FetchSettings): Promise<ChainEnd> {
  let current = url;
  for (let redirects = 0; ; redirects++) {
    const refusal = await guard(new URL(current));
    if (refusal) return { refusal, finalUrl: current };
    const hop = await requestOnce(current, headers, settings);
    if (hop.kind !== 'redirect') return { hop, finalUrl: current };
    if (redirects >= settings.maxRedirects) return { failure: `more than ${settings.maxRedirects} redirects`, finalUrl: current, status: hop.status };
    let next: URL;
    try {
      next = new URL(hop.location, current);
    } catch {
      return { failure: `redirect to an unreadable location "${hop.location}"`, finalUrl: current, status: hop.status };
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') return { failure: `redirect to ${next.protocol} (only http and https are followed)`, finalUrl: current, status: hop.status };
    next.hash = '';
    current = next.href;
  }
}

function retryable(hop: Exclude<Hop, { kind: 'redirect' }>): boolean {
  if (hop.kind === 'http_error') return hop.status >= 500 || RETRY_STATUS.has(hop.status);
  return hop.kind === 'error' && hop.retry;
}

async function wait(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, signal ? { signal } : {});
  } catch {
    // the crawl is stopping; the caller sees the signal
  }
}

function failureReason(hop: Exclude<Hop, { kind: 'redirect' }>): { reason: string; status?: number } {
  if (hop.kind === 'http_error') return { reason: `HTTP ${hop.status}${hop.statusText ? ` ${hop.statusText}` : ''}`, status: hop.status };
  if (hop.kind === 'error') return { reason: hop.reason };
  return { reason: 'unexpected answer' };
}

/** Fetches `url` (see the file comment). `conditional` holds the saved copy's validators. */
export async function fetchUrl(url: string, guard: FetchGuard, settings: FetchSettings, conditional: { etag?: string; lastModified?: string } = {}): Promise<FetchResult> {
  const headers: Record<string, string> = { 'user-agent': settings.userAgent, accept: '*/*' };
  if (conditional.etag) headers['if-none-match'] = conditional.etag;
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
  for (let attempt = 1; ; attempt++) {
    const end = await followChain(url, headers, guard, settings);
    const common = { url, finalUrl: end.finalUrl, attempts: attempt };
    if ('refusal' in end) return { ...common, kind: end.refusal.outcome, reason: end.refusal.reason };
    if ('failure' in end) return { ...common, kind: 'failed', status: end.status, reason: end.failure };
    const { hop } = end;
    if (hop.kind === 'answer') return { ...common, kind: 'ok', status: hop.status, headers: hop.headers, body: hop.body };
    if (hop.kind === 'not_modified') return { ...common, kind: 'not_modified', status: 304 };
    const lastTry = attempt > settings.retries || settings.signal?.aborted;
    if (!retryable(hop) || lastTry) {
      const { reason, status } = failureReason(hop);
      const tries = attempt > 1 ? ` (after ${attempt} attempts)` : '';
      return { ...common, kind: 'failed', ...(status !== undefined ? { status } : {}), reason: `${reason}${tries}` };
    }
    const backoff = settings.retryBackoffMs * 2 ** (attempt - 1);
    const asked = hop.kind === 'http_error' && hop.retryAfterMs !== undefined && hop.retryAfterMs <= MAX_RETRY_AFTER_MS ? hop.retryAfterMs : 0;
    await wait(Math.max(backoff, asked), settings.signal);
  }
}
