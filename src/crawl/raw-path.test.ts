/**
 * Where a download is saved: host folder, the URL's path with its Chinese
 * names decoded, the extension of what was downloaded, queries hashed.
 */
import { describe, expect, it } from 'vitest';
import { rawPathFor } from './raw-path.ts';

describe('rawPathFor', () => {
  it('keeps the URL path under the host, decoded', () => {
    expect(rawPathFor('https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm', '.html')).toBe('www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm');
    expect(rawPathFor('http://x.test/uploads/2023%E5%B9%B4%E6%8A%A5.pdf', '.pdf')).toBe('x.test/uploads/2023年报.pdf');
    expect(rawPathFor('http://127.0.0.1:8080/a/b.pdf', '.pdf')).toBe('127.0.0.1_8080/a/b.pdf');
  });

  it('adds the extension of what was downloaded when the name lacks it', () => {
    expect(rawPathFor('http://www.shuyang.gov.cn/sygfj/gknb/202401/2ecfb31a.shtml', '.html')).toBe('www.shuyang.gov.cn/sygfj/gknb/202401/2ecfb31a.shtml.html');
    expect(rawPathFor('http://x.test/gknb/', '.html')).toBe('x.test/gknb/index.html');
    expect(rawPathFor('http://x.test/gknb/', null)).toBe('x.test/gknb/index.html');
    expect(rawPathFor('http://x.test/a.doc', null)).toBe('x.test/a.doc');
  });

  it('turns a query string into a short hash, so two downloads of one script stay apart', () => {
    const a = rawPathFor('http://x.test/download.jsp?id=7', '.pdf');
    const b = rawPathFor('http://x.test/download.jsp?id=8', '.pdf');
    expect(a).toMatch(/^x\.test\/download_[0-9a-f]{10}\.jsp\.pdf$/);
    expect(b).not.toBe(a);
  });

  it('never writes a hidden name, a parent folder or a character file systems refuse', () => {
    expect(rawPathFor('http://x.test/.hidden/..%2F..%2Fetc/a%3Ab.pdf', '.pdf')).toBe('x.test/_.hidden/_.._.._etc/a_b.pdf');
    expect(rawPathFor('http://x.test/a/../../b.pdf', '.pdf')).toBe('x.test/b.pdf');
  });
});
