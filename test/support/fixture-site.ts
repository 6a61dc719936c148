/**
 * A small government site on 127.0.0.1 (node:http, a free port) for the
 * crawler's tests: a 政府信息公开年报 column of two listing pages (the second
 * GBK), report pages with the report in the body (UTF-8 and GBK, rendered
 * from corpus labels with the 索引号 / 发布机构 / 发文日期 table above), pages
 * with a PDF (a corpus PDF) and a DOCX (rendered) attachment, a link that
 * 404s, a DOCX that fails with 500 once and then succeeds, a page slower than
 * any test timeout, a redirect, a robots.txt disallowing /private/, links to
 * another host and to pages that are not reports. Every request is logged.
 * `republish()` changes one report page (new ETag); `truncatePdf()` serves
 * the PDF cut in half under a new ETag.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { renderDocx } from '../render/docx.ts';
import { renderHtml } from '../render/html.ts';
import { loadLabels } from '../render/index.ts';
import { reportLayout } from '../render/report-layout.ts';

export interface LoggedRequest {
  path: string;
  status: number;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  userAgent?: string;
}

interface Resource {
  body: Buffer;
  type: string;
  /** Answer with this status this many times first (a flaky server). */
  failFirst?: { status: number; times: number };
  lastModified?: string;
}

/** Paths of the site, by what they are. */
export const SITE = {
  listing: '/xxgk/ndbg/index.html',
  listing2: '/xxgk/ndbg/index_1.html',
  utf8Page: '/xxgk/ndbg/202101/t20210115_1.html',
  gbkPage: '/xxgk/ndbg/202101/t20210120_2.html',
  pdfPage: '/xxgk/ndbg/202102/t20210201_3.html',
  pdf: '/uploads/2021/平原示范区2020年度报告.pdf',
  redirect: '/xxgk/ndbg/old/2020-zjp.html',
  docxPage: '/xxgk/ndbg/202102/t20210210_4.html',
  docx: '/uploads/2021/report-4.docx',
  missing: '/xxgk/ndbg/202103/t20210301_5.html',
  slow: '/xxgk/ndbg/202103/t20210302_6.html',
  disallowed: '/private/2020-report.html',
  notReport: '/xxgk/tzgg/index.html',
  home: '/index.html',
  offHost: 'http://www.gov.cn.example/2020年度报告.html',
} as const;

/** The date each report page prints as its 发文日期. */
export const PUBLISHED = { utf8Page: '2021-01-15', gbkPage: '2021-01-20', pdfPage: '2021-02-01', docxPage: '2021-02-10' } as const;
export const PUBLISHER = '示范区政务公开办公室';

function page(title: string, body: string, charset: 'utf-8' | 'gbk' = 'utf-8'): Buffer {
  const html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${title}</title></head><body>${body}</body></html>`;
  return charset === 'gbk' ? iconv.encode(html, 'gbk') : Buffer.from(html);
}

/** The site's navigation bar, as long as a real one (a short line of text right above a title is read as part of it). */
const NAV = `<div class="nav"><a href="${SITE.home}">首页</a> <a href="${SITE.home}#zwgk">政务公开</a> <a href="${SITE.home}#zwfw">政务服务</a> <a href="${SITE.home}#hdjl">互动交流</a> <a href="${SITE.home}#zjsfq">走进示范区</a> <a href="${SITE.listing}">政府信息公开年报</a> <a href="${SITE.notReport}">通知公告</a> <a href="${SITE.home}#zcwj">政策文件</a> <a href="${SITE.home}#zcjd">政策解读</a> <a href="${SITE.home}#rsxx">人事信息</a> <a href="${SITE.home}#czzj">财政资金</a></div>`;

function metaTable(indexNo: string, date: string): string {
  return `<table class="meta"><tr><td>索引号</td><td>${indexNo}</td><td>分类</td><td>信息公开年报</td></tr><tr><td>发布机构</td><td>${PUBLISHER}</td><td>发文日期</td><td>${date}</td></tr></table>`;
}

/** A rendered report page: navigation, metadata table, then the report (from a label) in the body. */
function reportPage(labelHtml: string, indexNo: string, date: string, charset: 'utf-8' | 'gbk', note = ''): Buffer {
  const title = /<title>([^<]*)<\/title>/.exec(labelHtml)?.[1] ?? '';
  const body = /<body>([\s\S]*)<\/body>/.exec(labelHtml)?.[1] ?? '';
  return page(title, `${NAV}${metaTable(indexNo, date)}${body}${note}`, charset);
}

function attachmentPage(title: string, indexNo: string, date: string, href: string, text: string): Buffer {
  return page(title, `${NAV}${metaTable(indexNo, date)}<h1>${title}</h1><p>附件：<a href="${href}">${text}</a></p>`);
}

async function buildResources(): Promise<Map<string, Resource>> {
  const labels = new Map(loadLabels().map(({ name, label }) => [name, label]));
  const html = (name: string): string => renderHtml(reportLayout(labels.get(name)!));
  const docx = await renderDocx(reportLayout(labels.get('003_67fd554f9e32afcc')!));
  const pdf = readFileSync(new URL('../fixtures/pdf/002_02af2ddfabc85d6c.pdf', import.meta.url));
  const htmlType = 'text/html; charset=utf-8';
  const listing1 = page(
    '政府信息公开年报',
    `${NAV}<ul>
<li><a href="${SITE.utf8Page}" title="梁园区孙福集乡人民政府2020年度政府信息公开工作年度报告">梁园区孙福集乡人民政府2020年度政府信息公开...</a></li>
<li><a href="${SITE.pdfPage}">平原示范区2020年度政府信息公开工作年度报告</a></li>
<li><a href="${SITE.redirect}">张家坡镇2020年度政府信息公开工作年度报告</a></li>
<li><a href="${SITE.missing}">某某街道2020年度政府信息公开工作年度报告</a></li>
<li><a href="${SITE.slow}">某某乡2020年年报</a></li>
<li><a href="${SITE.disallowed}">某某局2020年度政府信息公开工作年度报告</a></li>
<li><a href="${SITE.offHost}">国务院办公厅2020年度政府信息公开工作年度报告</a></li>
<li><a href="${SITE.notReport}">关于开展2020年政务公开培训的通知</a></li>
</ul><div class="pager"><a href="${SITE.listing}">首页</a> <a href="${SITE.listing2}">下一页</a> <a href="${SITE.listing2}">尾页</a></div>`,
  );
  const listing2 = page(
    '政府信息公开年报',
    `${NAV}<ul><li><a href="${SITE.gbkPage}">2020年</a></li></ul>
<div class="pager"><script>createPageHTML(2, 1, "index", "html");</script><a href="index.html">上一页</a></div>`,
    'gbk',
  );
  return new Map<string, Resource>([
    ['/robots.txt', { body: Buffer.from('User-agent: *\nDisallow: /private/\n'), type: 'text/plain' }],
    [SITE.listing, { body: listing1, type: htmlType }],
    [SITE.listing2, { body: listing2, type: 'text/html' }],
    [SITE.utf8Page, { body: reportPage(html('000_d4859fce74386304'), 'ZF-2021-00001', PUBLISHED.utf8Page, 'utf-8'), type: htmlType }],
    [SITE.gbkPage, { body: reportPage(html('001_9facb60fdd4eb9b0'), 'ZF-2021-00002', PUBLISHED.gbkPage, 'gbk'), type: 'text/html; charset=gbk' }],
    [SITE.pdfPage, { body: attachmentPage('平原示范区2020年度政府信息公开工作年度报告', 'ZF-2021-00003', PUBLISHED.pdfPage, SITE.pdf, '平原示范区2020年度报告.pdf'), type: htmlType }],
    [SITE.pdf, { body: pdf, type: 'application/pdf', lastModified: 'Mon, 01 Feb 2021 08:00:00 GMT' }],
    [SITE.docxPage, { body: attachmentPage('张家坡镇2020年度政府信息公开工作年度报告', 'ZF-2021-00004', PUBLISHED.docxPage, SITE.docx, '张家坡镇2020年度报告.docx'), type: htmlType }],
    [SITE.docx, { body: docx, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', failFirst: { status: 500, times: 1 } }],
    [SITE.notReport, { body: page('通知公告', '<p>通知</p>'), type: htmlType }],
    [SITE.home, { body: page('首页', '<p>首页</p>'), type: htmlType }],
    [SITE.disallowed, { body: page('x', '<p>x</p>'), type: htmlType }],
  ]);
}

export interface FixtureSite {
  origin: string;
  url(path: string): string;
  requests: LoggedRequest[];
  /** The requests made since the last call (or the start). */
  takeRequests(): LoggedRequest[];
  /** Re-publishes the UTF-8 report page: a correction note at the end, so a new ETag. */
  republish(): void;
  /** Serves the PDF cut to half its length, under a new ETag: a broken re-download. */
  truncatePdf(): void;
  bytesOf(path: string): Buffer;
  close(): Promise<void>;
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
}

function serve(resources: Map<string, Resource>, served: Map<string, number>, req: IncomingMessage, res: ServerResponse): number {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === SITE.redirect) {
    res.writeHead(301, { location: SITE.docxPage }).end();
    return 301;
  }
  const resource = resources.get(path);
  if (!resource) {
    res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>404 页面不存在</body></html>');
    return 404;
  }
  const n = (served.get(path) ?? 0) + 1;
  served.set(path, n);
  if (resource.failFirst && n <= resource.failFirst.times) {
    res.writeHead(resource.failFirst.status).end('busy');
    return resource.failFirst.status;
  }
  const etag = etagOf(resource.body);
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag }).end();
    return 304;
  }
  const headers: Record<string, string | number> = { 'content-type': resource.type, 'content-length': resource.body.length, etag };
  if (resource.lastModified) headers['last-modified'] = resource.lastModified;
  res.writeHead(200, headers).end(resource.body);
  return 200;
}

export async function startFixtureSite(): Promise<FixtureSite> {
  const resources = await buildResources();
  const served = new Map<string, number>();
  const requests: LoggedRequest[] = [];
  let taken = 0;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const entry = (status: number): LoggedRequest => ({
      path,
      status,
      ...(typeof req.headers['if-none-match'] === 'string' ? { ifNoneMatch: req.headers['if-none-match'] } : {}),
      ...(typeof req.headers['if-modified-since'] === 'string' ? { ifModifiedSince: req.headers['if-modified-since'] } : {}),
      ...(typeof req.headers['user-agent'] === 'string' ? { userAgent: req.headers['user-agent'] } : {}),
    });
    if (path === SITE.slow) {
      // Never answers in time: the crawler's timeout ends the request.
      requests.push(entry(0));
      const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'), 60_000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    requests.push(entry(serve(resources, served, req, res)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const replace = (path: string, body: Buffer): void => {
    resources.set(path, { ...resources.get(path)!, body });
  };
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    requests,
    takeRequests() {
      const out = requests.slice(taken);
      taken = requests.length;
      return out;
    },
    republish() {
      const old = resources.get(SITE.utf8Page)!.body.toString('utf8');
      replace(SITE.utf8Page, Buffer.from(old.replace('</body>', '<p>（本报告于2021年3月1日更正了第一部分的文字表述。）</p></body>')));
    },
    truncatePdf() {
      const pdf = resources.get(SITE.pdf)!.body;
      replace(SITE.pdf, pdf.subarray(0, Math.floor(pdf.length / 2)));
    },
    bytesOf: (path) => resources.get(path)!.body,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
