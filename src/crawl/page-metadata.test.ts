/**
 * The 索引号 / 发布机构 / publication date a report page prints, read from
 * saved real pages of the corpus (a metadata table; a "发布日期：" line).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readHtmlPage } from './html-page.ts';
import { isoDate, pageMetadata } from './page-metadata.ts';

const DOCS = new URL('../../test/fixtures/corpus/docs/', import.meta.url);
const read = (name: string, url: string) => readHtmlPage(readFileSync(new URL(name, DOCS)), url);

describe('pageMetadata', () => {
  it('reads the metadata table of a county site page (公开日期 inside its own tag)', () => {
    const page = read('shuyang-fgj-2023.html', 'http://www.shuyang.gov.cn/sygfj/gknb/202401/2ecfb31a335f4d689220a3a23e24a986.shtml');
    expect(pageMetadata(page)).toEqual({ indexNo: '014314799/2024-00002', publisher: '沭阳县发展和改革局', published: '2024-01-17' });
  });

  it('reads a "发布日期：" line under the title, and invents nothing it does not print', () => {
    const page = read('shanghai-office-2019.html', 'http://site.test/report.html');
    expect(pageMetadata(page)).toEqual({ published: '2020-01-31' });
  });

  it('cuts a value where the next label starts, in pages that print them run together', () => {
    const html = '<html><body><div>发布机构：平潭综合实验区管委会办公室发布日期：2024年3月8日</div></body></html>';
    expect(pageMetadata(readHtmlPage(Buffer.from(html), 'http://x.test/a.html'))).toEqual({ publisher: '平潭综合实验区管委会办公室', published: '2024-03-08' });
  });

  it('takes 发文日期 over 发布时间, and never 成文日期', () => {
    const html = '<table><tr><td>成文日期</td><td>2024-01-02</td><td>发布时间</td><td>2024-01-09 10:30</td><td>发文日期</td><td>2024-01-05</td></tr></table>';
    expect(pageMetadata(readHtmlPage(Buffer.from(html), 'http://x.test/a.html')).published).toBe('2024-01-05');
    const noDate = '<table><tr><td>成文日期</td><td>2024-01-02</td></tr></table>';
    expect(pageMetadata(readHtmlPage(Buffer.from(noDate), 'http://x.test/a.html')).published).toBeUndefined();
  });
});

describe('isoDate', () => {
  it('reads the ways pages print a date and refuses impossible ones', () => {
    expect(isoDate('2024-01-17')).toBe('2024-01-17');
    expect(isoDate('2024年1月7日')).toBe('2024-01-07');
    expect(isoDate('2024/03/08 15:34')).toBe('2024-03-08');
    expect(isoDate('2023-02-30')).toBeUndefined();
    expect(isoDate('无')).toBeUndefined();
  });
});
