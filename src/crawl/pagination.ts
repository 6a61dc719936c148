/**
 * The other pages of a paginated listing, as a listing page shows them:
 *  - sibling pages named like the first: `index.html`, `index_1.html`,
 *    `index_2.html` … in the same folder;
 *  - the same page with another query string (`list.jsp?page=2`), linked as
 *    下一页 / 上一页 / 尾页 / 首页 or a page number;
 *  - the page count a TRS WCM page prints only through its script,
 *    `createPageHTML(12, 0, "index", "html")`, meaning index_1.html …
 *    index_11.html after the first.
 * The crawl walks these breadth-first up to the source's page limit.
 */
import type { HtmlPage } from './html-page.ts';

const PAGER_TEXT = /^(下一?页|上一?页|首页|尾页|末页|最后一?页|next|prev(ious)?|[>»›]+|[<«‹]+|\d{1,4})$/iu;
/** createPageHTML(pageCount, currentIndex, "index", "html") in TRS WCM listing pages. */
const TRS_PAGER = /createPageHTML\(\s*(\d+)\s*,\s*\d+\s*,\s*["']([\w-]+)["']\s*,\s*["'](\w+)["']/u;
/** A TRS page count above this is a misprint, not a listing. */
const MAX_TRS_PAGES = 1000;

function folderOf(u: URL): string {
  return u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1);
}

/** "index" and "html" from ".../index.html" or ".../index_3.html"; "index" and null from a folder URL. */
function stemOf(u: URL): { stem: string; ext: string | null } {
  const name = u.pathname.slice(u.pathname.lastIndexOf('/') + 1);
  const m = /^(.+?)(?:_\d+)?\.(\w+)$/u.exec(name);
  return m ? { stem: m[1]!, ext: m[2]! } : { stem: 'index', ext: null };
}

function isSiblingPage(target: URL, listing: URL): boolean {
  if (target.host !== listing.host || folderOf(target) !== folderOf(listing) || target.search !== listing.search) return false;
  const { stem, ext } = stemOf(listing);
  const name = target.pathname.slice(target.pathname.lastIndexOf('/') + 1);
  const m = /^(.+?)(?:_(\d+))?\.(\w+)$/u.exec(name);
  if (!m || m[1] !== stem || (ext !== null && m[3] !== ext)) return false;
  // A folder URL is its own first page: only the numbered pages are others.
  return m[2] !== undefined || (ext !== null && name === `${stem}.${m[3]}`);
}

function trsPages(page: HtmlPage, listing: URL): string[] {
  const m = TRS_PAGER.exec(page.scripts);
  if (!m) return [];
  const count = Math.min(Number(m[1]), MAX_TRS_PAGES);
  const folder = new URL(folderOf(listing), listing);
  // Page 0 is the first page, where the crawl of a source starts.
  return Array.from({ length: Math.max(0, count - 1) }, (_, i) => new URL(`${m[2]}_${i + 1}.${m[3]}`, folder).href);
}

/** The listing's other pages this page links, in page order, without the page itself. */
export function listingPages(page: HtmlPage): string[] {
  const listing = new URL(page.url);
  const found = new Set<string>();
  for (const link of page.links) {
    const target = new URL(link.url);
    const sameQueryPage = target.host === listing.host && target.pathname === listing.pathname && target.search !== listing.search && PAGER_TEXT.test(link.text);
    if (isSiblingPage(target, listing) || sameQueryPage) found.add(target.href);
  }
  for (const url of trsPages(page, listing)) found.add(url);
  found.delete(listing.href);
  return [...found];
}
