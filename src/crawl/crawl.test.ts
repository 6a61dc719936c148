/**
 * The crawler against a fixture site on 127.0.0.1 (test/support/fixture-site.ts):
 * what it requests (from the server's own log), what it saves, what the
 * manifest and the crawl log say, and what a second crawl downloads.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureSite, PUBLISHED, PUBLISHER, SITE, type FixtureSite, type LoggedRequest } from '../../test/support/fixture-site.ts';
import { useTempDir } from '../../test/support/temp-dir.ts';
import { crawl, type CrawlSummary } from './crawl.ts';
import { crawlConfigOf } from './crawl-config.ts';
import { readCrawlLog, type CrawlLogRow } from './crawl-log.ts';
import { readManifest } from './manifest.ts';
import { hostFolder } from './raw-path.ts';
import { parseSources } from './sources-file.ts';

/** Short limits, so the slow page times out quickly; only 127.0.0.1 may be requested. */
function testConfig() {
  return crawlConfigOf(
    { crawl: { contact: 'mailto:crawler-test@example.org', allowHosts: ['127.0.0.1'], timeoutMs: 1500, retries: 1, retryBackoffMs: 20, perHostIntervalMs: 0, perHostConcurrency: 2 } },
    'test config',
  );
}

function paths(requests: readonly LoggedRequest[]): string[] {
  return requests.map((r) => r.path).sort();
}

describe('crawl of a fixture site', () => {
  const tmp = useTempDir('nianbao-crawl-');
  let site: FixtureSite;
  let raw: string;
  let first: CrawlSummary;
  let firstRequests: LoggedRequest[];
  let log: CrawlLogRow[];
  const crawlOnce = async (): Promise<CrawlSummary> =>
    crawl({
      sources: parseSources(`agency,url\n示范区,${site.url(SITE.listing)}\n`, 'sources.csv'),
      config: testConfig(),
      rawDir: raw,
      userAgent: 'nianbao/test (+mailto:crawler-test@example.org)',
    });

  beforeAll(async () => {
    site = await startFixtureSite();
    raw = join(tmp(), 'raw');
    first = await crawlOnce();
    firstRequests = site.takeRequests();
    log = await readCrawlLog(raw);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('requests exactly the listing pages, report pages and attachments, retrying only the 500 and the timeout', () => {
    expect(paths(firstRequests)).toEqual(
      [
        '/robots.txt',
        SITE.listing,
        SITE.listing2,
        SITE.utf8Page,
        SITE.gbkPage,
        SITE.pdfPage,
        SITE.pdf,
        SITE.redirect,
        SITE.docxPage,
        SITE.docx,
        SITE.docx,
        SITE.missing,
        SITE.slow,
        SITE.slow,
      ].sort(),
    );
    expect(firstRequests.filter((r) => r.path === SITE.docx).map((r) => r.status)).toEqual([500, 200]);
    expect(firstRequests.every((r) => r.userAgent?.startsWith('nianbao/'))).toBe(true);
  });

  it('never requests the path robots.txt disallows, another host, or links that are not reports', () => {
    const requested = new Set(firstRequests.map((r) => r.path));
    for (const p of [SITE.disallowed, SITE.notReport, SITE.home]) expect(requested.has(p)).toBe(false);
    const row = (url: string) => log.find((r) => r.url === url);
    expect(row(site.url(SITE.disallowed))).toMatchObject({ outcome: 'disallowed', reason: 'robots.txt disallows it' });
    expect(row(new URL(SITE.offHost).href)).toMatchObject({ outcome: 'refused', reason: 'host www.gov.cn.example is not in crawl.allowHosts' });
  });

  it('records every failure with its reason and goes on', () => {
    const failures = first.failures.map((f) => ({ url: f.url, reason: f.reason }));
    expect(failures).toEqual([
      { url: site.url(SITE.missing), reason: 'HTTP 404 Not Found' },
      { url: site.url(SITE.slow), reason: 'timed out after 1500 ms (after 2 attempts)' },
    ]);
    expect(log.filter((r) => r.outcome === 'failed').map((r) => r.url).sort()).toEqual([site.url(SITE.missing), site.url(SITE.slow)].sort());
  });

  it('saves the four reports under the host folder, byte for byte', async () => {
    const host = hostFolder(new URL(site.origin));
    const manifest = (await readManifest(raw)).map((l) => l.row);
    expect(manifest.map((r) => r.path)).toEqual(
      [`${host}${SITE.utf8Page}`, `${host}${SITE.gbkPage}`, `${host}${SITE.pdf}`, `${host}${SITE.docx}`].sort(),
    );
    for (const [path, servedPath] of [[SITE.pdf, SITE.pdf], [SITE.docx, SITE.docx], [SITE.gbkPage, SITE.gbkPage]] as const) {
      expect((await readFile(join(raw, host, path))).equals(site.bytesOf(servedPath))).toBe(true);
    }
    expect(first).toMatchObject({ newFiles: 4, replacedFiles: 0, unchangedFiles: 0 });
  });

  it('writes where each file came from: final URL, referrer, link text, validators and the page metadata', async () => {
    const rows = new Map((await readManifest(raw)).map((l) => [l.row.url, l.row]));
    const docx = rows.get(site.url(SITE.docx))!;
    expect(docx).toMatchObject({
      final_url: site.url(SITE.docx),
      referrer: site.url(SITE.docxPage),
      link_text: '张家坡镇2020年度报告.docx',
      status: '200',
      index_no: 'ZF-2021-00004',
      publisher: PUBLISHER,
      published: PUBLISHED.docxPage,
    });
    expect(docx.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(Number(docx.size)).toBe(site.bytesOf(SITE.docx).length);
    const pdf = rows.get(site.url(SITE.pdf))!;
    expect(pdf).toMatchObject({ content_type: 'application/pdf', last_modified: 'Mon, 01 Feb 2021 08:00:00 GMT', published: PUBLISHED.pdfPage });
    const gbk = rows.get(site.url(SITE.gbkPage))!;
    expect(gbk).toMatchObject({ referrer: site.url(SITE.listing2), link_text: '2020年', publisher: PUBLISHER, published: PUBLISHED.gbkPage, index_no: 'ZF-2021-00002' });
    // The title attribute holds what the cut-off link text does not.
    expect(rows.get(site.url(SITE.utf8Page))!.link_text).toBe('梁园区孙福集乡人民政府2020年度政府信息公开工作年度报告');
  });

  it('a second crawl asks conditionally and downloads only the re-published report', async () => {
    site.republish();
    const second = await crawlOnce();
    const requests = site.takeRequests();
    const saved = [SITE.utf8Page, SITE.gbkPage, SITE.pdf, SITE.docx] as string[];
    const fileRequests = requests.filter((r) => saved.includes(r.path));
    expect(fileRequests.every((r) => r.ifNoneMatch)).toBe(true);
    expect(fileRequests.filter((r) => r.status === 200).map((r) => r.path)).toEqual([SITE.utf8Page]);
    expect(fileRequests.filter((r) => r.status === 304).map((r) => r.path).sort()).toEqual([SITE.gbkPage, SITE.pdf, SITE.docx].sort());
    expect(second).toMatchObject({ newFiles: 0, replacedFiles: 1, unchangedFiles: 3 });
    const host = hostFolder(new URL(site.origin));
    expect((await readFile(join(raw, host, SITE.utf8Page), 'utf8')).includes('更正')).toBe(true);
    // One header, then the rows of both crawls.
    const rows = await readCrawlLog(raw);
    expect(new Set(rows.map((r) => r.crawl_started)).size).toBe(2);
  });

  it('keeps a truncated re-download beside the good file, never over it', async () => {
    site.truncatePdf();
    const host = hostFolder(new URL(site.origin));
    const before = await readFile(join(raw, host, SITE.pdf));
    const third = await crawlOnce();
    expect((await readFile(join(raw, host, SITE.pdf))).equals(before)).toBe(true);
    expect(third.keptBeside).toHaveLength(1);
    expect(third.keptBeside[0]!.reason).toBe(`shorter than the saved copy (${Math.floor(before.length / 2)} < ${before.length} bytes)`);
    const folder = join(raw, host, '/uploads/2021');
    const beside = (await readdir(folder)).filter((f) => f.startsWith('.') && f.includes('.kept-'));
    expect(beside).toHaveLength(1);
    expect((await stat(join(folder, beside[0]!))).size).toBe(Math.floor(before.length / 2));
    const pdfRow = (await readManifest(raw)).find((l) => l.row.url === site.url(SITE.pdf))!.row;
    expect(pdfRow.size).toBe(String(before.length));
  });
});
