/**
 * The other pages of a paginated listing: index_N siblings, query-string
 * pages linked by 下一页 or a number, and TRS WCM's script-only page count.
 */
import { describe, expect, it } from 'vitest';
import { readHtmlPage } from './html-page.ts';
import { listingPages } from './pagination.ts';

const at = (url: string, body: string) => readHtmlPage(Buffer.from(`<html><body>${body}</body></html>`), url);

describe('listingPages', () => {
  it('finds index_N.html siblings, not other folders or the page itself', () => {
    const page = at('http://site.test/zfxxgknb/index.html', `
      <a href="index.html">首页</a> <a href="index_1.html">2</a> <a href="./index_2.html">下一页</a>
      <a href="/other/index_1.html">x</a> <a href="detail_1.html">报告</a>`);
    expect(listingPages(page)).toEqual(['http://site.test/zfxxgknb/index_1.html', 'http://site.test/zfxxgknb/index_2.html']);
  });

  it('treats a folder URL as its first page', () => {
    const page = at('http://site.test/zfxxgknb/', '<a href="index.html">首页</a> <a href="index_1.html">下一页</a>');
    expect(listingPages(page)).toEqual(['http://site.test/zfxxgknb/index_1.html']);
  });

  it('follows query-string pages only through pager links', () => {
    const page = at('http://site.test/list.jsp?cat=5&page=1', `
      <a href="list.jsp?cat=5&page=2">下一页</a> <a href="list.jsp?cat=5&page=9">9</a>
      <a href="list.jsp?cat=6">另一个栏目</a>`);
    expect(listingPages(page)).toEqual(['http://site.test/list.jsp?cat=5&page=2', 'http://site.test/list.jsp?cat=5&page=9']);
  });

  it('reads the page count of a TRS createPageHTML script', () => {
    const page = at('http://site.test/zwgk/zfxxgknb/index.htm', '<script>var c = 1; createPageHTML(3, 0, "index", "htm");</script>');
    expect(listingPages(page)).toEqual(['http://site.test/zwgk/zfxxgknb/index_1.htm', 'http://site.test/zwgk/zfxxgknb/index_2.htm']);
  });
});
