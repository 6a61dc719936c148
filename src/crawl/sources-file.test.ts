/**
 * sources.csv: columns by name, quoted fields, hints checked, every bad line
 * named at once; the repository's sample file reads.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.ts';
import { parseSources, readSourcesFile } from './sources-file.ts';

describe('parseSources', () => {
  it('reads the columns by name, in any order, with quoted fields and comment lines', () => {
    const text = 'max_pages,url,agency,link_pattern,division_code\r\n# a comment\r\n3,https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/,"平潭综合实验区, 管委会","年报|年度报告",350128\r\n,http://www.shuyang.gov.cn/sygfj/gknb/,,,\r\n';
    const sources = parseSources(text, 'sources.csv');
    expect(sources).toHaveLength(2);
    expect(sources[0]).toMatchObject({ url: 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/', agency: '平潭综合实验区, 管委会', maxPages: 3, divisionCode: '350128', line: 3 });
    expect(sources[0]!.linkPattern?.test('2023年报')).toBe(true);
    expect(sources[1]).toEqual({ url: 'http://www.shuyang.gov.cn/sygfj/gknb/', line: 4 });
  });

  it('names every bad line and what is wrong with it', () => {
    const text = 'url,max_pages,link_pattern,division_code\nftp://x.test/,0,(,35x\nnot a url,,,\n';
    expect(() => parseSources(text, 'sources.csv')).toThrow(ConfigError);
    try {
      parseSources(text, 'sources.csv');
    } catch (e) {
      const message = (e as ConfigError).message;
      for (const part of ['line 2: url "ftp://x.test/" is not http or https', 'line 2: max_pages "0"', 'line 2: link_pattern "("', 'line 2: division_code "35x"', 'line 3: url "not a url"']) {
        expect(message).toContain(part);
      }
    }
  });

  it('refuses a file without a url header or with unknown columns', () => {
    expect(() => parseSources('http://x.test/\n', 's.csv')).toThrow(/no "url" column/);
    expect(() => parseSources('url,pages\nhttp://x.test/,2\n', 's.csv')).toThrow(/unknown column\(s\) "pages"/);
    expect(() => parseSources('url\n', 's.csv')).toThrow(/names no listing page/);
  });

  it('reads the sample sources.csv of the repository', async () => {
    const sources = await readSourcesFile(new URL('../../sources.csv', import.meta.url).pathname);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => /^https?:\/\//.test(s.url))).toBe(true);
  });
});
