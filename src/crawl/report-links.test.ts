/**
 * Which links of a listing page are report links, and which links of a
 * report page are attachments.
 */
import { describe, expect, it } from 'vitest';
import { readHtmlPage } from './html-page.ts';
import { attachmentLinks, reportLinks } from './report-links.ts';

const page = (body: string) => readHtmlPage(Buffer.from(`<html><body>${body}</body></html>`), 'http://site.test/xxgk/ndbg/index.html');

describe('reportLinks', () => {
  const listing = page(`
    <a href="/index.html">首页</a>
    <a href="/xxgk/ndbg/index.html">政府信息公开年报</a>
    <a href="./202403/t20240308_87885.htm">平潭综合实验区2023年度政府信息公开工作年度报告</a>
    <a href="./202303/t1.htm" title="区财政金融局2022年度政府信息公开工作年度报告">区财政金融局2022年度政府信...</a>
    <a href="./2021/">2021年度</a>
    <a href="/uploads/2020%E5%B9%B4%E6%8A%A5.pdf">下载</a>
    <a href="/tzgg/1.html">关于2023年政务公开培训的通知</a>
    <a href="./202403/t20240308_87885.htm#top">平潭综合实验区2023年度政府信息公开工作年度报告（重复）</a>
    <a href="javascript:void(0)">2019年度报告</a>`);

  it('takes the links whose text, title or file name marks a yearly report, once each, in page order', () => {
    expect(reportLinks(listing.links)).toEqual([
      { url: 'http://site.test/xxgk/ndbg/202403/t20240308_87885.htm', text: '平潭综合实验区2023年度政府信息公开工作年度报告' },
      { url: 'http://site.test/xxgk/ndbg/202303/t1.htm', text: '区财政金融局2022年度政府信息公开工作年度报告' },
      { url: 'http://site.test/xxgk/ndbg/2021/', text: '2021年度' },
      { url: 'http://site.test/uploads/2020%E5%B9%B4%E6%8A%A5.pdf', text: '下载' },
    ]);
  });

  it("takes what a source's link_pattern matches instead", () => {
    expect(reportLinks(listing.links, /tzgg/u).map((l) => l.url)).toEqual(['http://site.test/tzgg/1.html']);
  });
});

describe('attachmentLinks', () => {
  it('takes links to report files by extension, or by the file name a download link shows', () => {
    const report = page(`
      <a href="/u/2023.pdf">2023年报</a> <a href="/u/b.DOCX">正文</a> <a href="/u/c.wps">c</a>
      <a href="/download.jsp?id=7">平潭2023年报.xls</a> <a href="/u/pic.jpg">图解</a> <a href="/xxgk/other.html">其他</a>`);
    expect(attachmentLinks(report.links).map((l) => l.url)).toEqual([
      'http://site.test/u/2023.pdf',
      'http://site.test/u/b.DOCX',
      'http://site.test/u/c.wps',
      'http://site.test/download.jsp?id=7',
    ]);
  });
});
