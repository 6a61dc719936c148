/**
 * One crawl of the sources into a raw folder: the state it keeps (manifest
 * rows, robots rules, host queues, what was already fetched this crawl) and
 * the walk itself.
 *
 * For each source, the listing page and its pagination are read for report
 * links. A report link to a file (PDF, DOCX …) is downloaded. A report page is
 * read: when it links attachments, they are downloaded (the page is only
 * their referrer and lends them its 索引号 / 发布机构 / 发文日期); when it links
 * none, the report is in its body and the page itself is saved. Files saved
 * before are asked for conditionally (ETag / Last-Modified): a 304 is not
 * downloaded again. Every URL's outcome goes to the crawl log; no failure
 * stops the crawl.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CrawlConfig } from './crawl-config.ts';
import type { CrawlLogEntry, UrlKind } from './crawl-log.ts';
import type { CrawlProgress } from './crawl-progress.ts';
import { detectedExtension, isHtml } from './file-type.ts';
import { HostQueues } from './host-queues.ts';
import { readHtmlPage } from './html-page.ts';
import { fetchUrl, type FetchGuard, type FetchResult, type FetchSettings } from './http-fetch.ts';
import { manifestRow, type ManifestRow } from './manifest.ts';
import { pageMetadata, type PageMetadata } from './page-metadata.ts';
import { listingPages } from './pagination.ts';
import { rawPathFor } from './raw-path.ts';
import { sha256Of, storeDownload } from './raw-store.ts';
import { attachmentLinks, isAttachmentUrl, reportLinks, type ReportLink } from './report-links.ts';
import { robotsRulesOf, robotsUrl, type RobotsRules } from './robots-rules.ts';
import type { Source } from './sources-file.ts';

export interface CrawlSessionOptions {
  config: CrawlConfig;
  rawDir: string;
  userAgent: string;
  progress: CrawlProgress;
  signal?: AbortSignal;
  /** The clock (fetched_at of the manifest). */
  now?: () => Date;
}

/** What a downloaded file's manifest row says of where it was linked. */
interface FileContext {
  referrer: string;
  linkText: string;
  meta: PageMetadata;
  source: Source;
}

type OkResult = Extract<FetchResult, { kind: 'ok' }>;
type Answer = Extract<FetchResult, { kind: 'ok' | 'not_modified' }>;

export class CrawlSession {
  readonly entries: CrawlLogEntry[] = [];
  readonly #rows: Map<string, ManifestRow>;
  readonly #byUrl = new Map<string, ManifestRow>();
  readonly #robots = new Map<string, Promise<RobotsRules>>();
  readonly #handled = new Set<string>();
  readonly #queues: HostQueues;
  readonly #settings: FetchSettings;
  readonly #options: CrawlSessionOptions;

  constructor(options: CrawlSessionOptions, manifest: readonly ManifestRow[]) {
    this.#options = options;
    this.#rows = new Map(manifest.map((r) => [r.path, r]));
    for (const r of manifest) if (r.url) this.#byUrl.set(r.url, r);
    const { config } = options;
    this.#queues = new HostQueues({ concurrency: config.perHostConcurrency, intervalMs: config.perHostIntervalMs });
    this.#settings = {
      userAgent: options.userAgent,
      timeoutMs: config.timeoutMs,
      retries: config.retries,
      retryBackoffMs: config.retryBackoffMs,
      maxBytes: config.maxBytes,
      maxRedirects: config.maxRedirects,
      ...(options.signal ? { signal: options.signal } : {}),
    };
  }

  /** The manifest rows after the crawl: the ones before, with this crawl's downloads replacing theirs. */
  manifest(): ManifestRow[] {
    return [...this.#rows.values()];
  }

  #log(entry: CrawlLogEntry): void {
    this.entries.push(entry);
    const host = new URL(entry.url).host;
    if (entry.outcome === 'failed') this.#options.progress.failure(host);
  }

  /** Scheme and allowed hosts only (robots.txt itself is fetched through this). */
  #hostGuard: FetchGuard = async (url) => {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { outcome: 'refused', reason: `${url.protocol} is not fetched (only http and https)` };
    const allow = this.#options.config.allowHosts;
    if (allow && !allow.includes(url.hostname.toLowerCase())) return { outcome: 'refused', reason: `host ${url.hostname} is not in crawl.allowHosts` };
    return null;
  };

  #guard: FetchGuard = async (url) => {
    const refusal = await this.#hostGuard(url);
    if (refusal) return refusal;
    const rules = await this.#rulesFor(url);
    if (!rules.isAllowed(url.href)) return { outcome: 'disallowed', reason: rules.unreachable ?? 'robots.txt disallows it' };
    return null;
  };

  #rulesFor(url: URL): Promise<RobotsRules> {
    let rules = this.#robots.get(url.origin);
    if (!rules) {
      rules = (async () => {
        const result = await fetchUrl(robotsUrl(url), this.#hostGuard, this.#settings);
        const read = robotsRulesOf(result);
        const status = 'status' in result ? result.status : undefined;
        this.#log({
          url: result.url,
          kind: 'robots',
          outcome: read.unreachable ? 'failed' : 'followed',
          ...(status !== undefined ? { status } : {}),
          ...(read.unreachable ? { reason: read.unreachable } : result.kind === 'ok' ? {} : { reason: 'no robots.txt: everything allowed' }),
        });
        return read;
      })();
      this.#robots.set(url.origin, rules);
    }
    return rules;
  }

  /** Fetches through the host's queue, after its robots.txt; refusals and failures are logged here. */
  async #fetch(url: string, kind: UrlKind, referrer: string | undefined, conditional?: { etag?: string; lastModified?: string }): Promise<Answer | null> {
    const u = new URL(url);
    const early = await this.#guard(u);
    const ref = referrer ? { referrer } : {};
    if (early) {
      this.#log({ url, kind, outcome: early.outcome, reason: early.reason, ...ref });
      return null;
    }
    const rules = await this.#rulesFor(u);
    const queue = this.#queues.queueFor(u.host, rules.crawlDelayMs);
    let result: FetchResult;
    try {
      result = await queue.add(() => fetchUrl(url, this.#guard, this.#settings, conditional), this.#options.signal ? { signal: this.#options.signal } : {});
    } catch {
      this.#log({ url, kind, outcome: 'failed', reason: 'crawl stopped before it was fetched', ...ref });
      return null;
    }
    if (result.kind !== 'ok' && result.kind !== 'not_modified') {
      const where = result.finalUrl !== url ? ` (at ${result.finalUrl})` : '';
      const status = 'status' in result && result.status !== undefined ? { status: result.status } : {};
      this.#log({ url, kind, outcome: result.kind, reason: `${result.reason}${where}`, ...status, ...ref });
      return null;
    }
    return result;
  }

  /** Walks the source's listing pages; returns its report links with the page that linked each. */
  async #listing(source: Source): Promise<Array<{ link: ReportLink; referrer: string }>> {
    const maxPages = source.maxPages ?? this.#options.config.maxListingPages;
    const pending = [source.url];
    const seen = new Set<string>(pending);
    const found = new Map<string, { link: ReportLink; referrer: string }>();
    let read = 0;
    while (pending.length > 0 && read < maxPages && !this.#options.signal?.aborted) {
      const url = pending.shift()!;
      read++;
      const result = await this.#fetch(url, 'listing', undefined);
      if (!result) continue;
      this.#log({ url, kind: 'listing', outcome: 'followed', status: result.status });
      this.#options.progress.page(new URL(url).host);
      if (result.kind !== 'ok') continue;
      const page = readHtmlPage(result.body, result.finalUrl);
      const pages = listingPages(page);
      for (const p of pages) if (!seen.has(p)) (seen.add(p), pending.push(p));
      for (const link of reportLinks(page.links, source.linkPattern)) {
        if (!seen.has(link.url) && !found.has(link.url)) found.set(link.url, { link, referrer: url });
      }
    }
    return [...found.values()];
  }

  /** The validators of the saved copy of `url`, when there is one on disk. */
  async #conditional(url: string): Promise<{ etag?: string; lastModified?: string } | undefined> {
    const row = this.#byUrl.get(url);
    if (!row || (!row.etag && !row.last_modified)) return undefined;
    const exists = await stat(join(this.#options.rawDir, row.path)).then(
      () => true,
      () => false,
    );
    if (!exists) return undefined;
    return { ...(row.etag ? { etag: row.etag } : {}), ...(row.last_modified ? { lastModified: row.last_modified } : {}) };
  }

  async #file(url: string, kind: UrlKind, ctx: FileContext): Promise<void> {
    if (this.#handled.has(url)) return;
    this.#handled.add(url);
    const result = await this.#fetch(url, kind, ctx.referrer, await this.#conditional(url));
    if (!result) return;
    if (result.kind === 'not_modified') return this.#unchanged(url, kind, ctx);
    await this.#save(result, kind, ctx);
  }

  /** A 304: the saved copy stands; what the linking page says of it is brought up to date. */
  #unchanged(url: string, kind: UrlKind, ctx: FileContext): void {
    const row = this.#byUrl.get(url)!;
    const updated = kind === 'file' ? manifestRow({ ...row, ...this.#pageFields(ctx) }) : row;
    this.#rows.set(row.path, updated);
    this.#log({ url, kind, outcome: 'unchanged', status: 304, path: row.path, referrer: ctx.referrer });
    this.#options.progress.file(new URL(url).host);
  }

  #pageFields(ctx: FileContext): Partial<Record<keyof ManifestRow, string>> {
    return {
      referrer: ctx.referrer,
      link_text: ctx.linkText,
      index_no: ctx.meta.indexNo ?? '',
      publisher: ctx.meta.publisher ?? '',
      published: ctx.meta.published ?? '',
      division_code: ctx.source.divisionCode ?? '',
    };
  }

  /** The raw path for a download: the one its URL had before, else one from its final URL not taken by another URL. */
  #pathFor(result: OkResult): string {
    const before = this.#byUrl.get(result.url);
    if (before) return before.path;
    const ext = detectedExtension(result.headers, result.body);
    const path = rawPathFor(result.finalUrl, ext);
    const holder = this.#rows.get(path);
    return holder && holder.url !== result.url ? rawPathFor(`${result.finalUrl}${result.finalUrl.includes('?') ? '&' : '?'}from=${result.url}`, ext) : path;
  }

  async #save(result: OkResult, kind: UrlKind, ctx: FileContext): Promise<void> {
    const path = this.#pathFor(result);
    const html = isHtml(result.headers, result.body);
    const stored = await storeDownload(this.#options.rawDir, path, result.body, html);
    const base = { url: result.url, kind, status: result.status, path: stored.path, referrer: ctx.referrer };
    if (stored.kind === 'kept_beside') {
      this.#log({ ...base, outcome: 'kept_beside', reason: stored.reason });
      return;
    }
    const row = manifestRow({
      path,
      url: result.url,
      final_url: result.finalUrl,
      fetched_at: (this.#options.now?.() ?? new Date()).toISOString(),
      status: String(result.status),
      content_type: result.headers.contentType ?? '',
      size: String(result.body.byteLength),
      sha256: sha256Of(result.body),
      etag: result.headers.etag ?? '',
      last_modified: result.headers.lastModified ?? '',
      ...this.#pageFields(ctx),
    });
    this.#rows.set(path, row);
    this.#byUrl.set(result.url, row);
    const reason = stored.kind === 'unchanged' ? 'same bytes as the saved copy' : stored.replaced ? 'replaced the saved copy' : 'new file';
    this.#log({ ...base, outcome: stored.kind === 'unchanged' ? 'unchanged' : 'fetched', reason });
    this.#options.progress.file(new URL(result.url).host);
  }

  /** A report link from a listing: a file is downloaded; a page is read for attachments or saved. */
  async #report(link: ReportLink, referrer: string, source: Source): Promise<void> {
    const ctx: FileContext = { referrer, linkText: link.text, meta: {}, source };
    if (isAttachmentUrl(link.url)) return this.#file(link.url, 'file', ctx);
    if (this.#handled.has(link.url)) return;
    this.#handled.add(link.url);
    const result = await this.#fetch(link.url, 'page', referrer, await this.#conditional(link.url));
    if (!result) return;
    if (result.kind === 'not_modified') return this.#unchanged(link.url, 'page', ctx);
    if (!isHtml(result.headers, result.body)) return this.#save(result, 'file', ctx);
    const page = readHtmlPage(result.body, result.finalUrl);
    const meta = pageMetadata(page);
    const attachments = attachmentLinks(page.links);
    this.#options.progress.page(new URL(link.url).host);
    if (attachments.length === 0) return this.#save(result, 'page', { ...ctx, meta });
    this.#log({ url: link.url, kind: 'page', outcome: 'followed', status: result.status, referrer, reason: `${attachments.length} attachment(s)` });
    await Promise.all(attachments.map((a) => this.#file(a.url, 'file', { referrer: result.finalUrl, linkText: a.text, meta, source })));
  }

  async crawlSource(source: Source): Promise<void> {
    const links = await this.#listing(source);
    await Promise.all(links.map(({ link, referrer }) => this.#report(link, referrer, source)));
  }
}
