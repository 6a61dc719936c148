/**
 * The crawl settings: a contact is required (it goes into the user agent),
 * limits are checked, defaults fill the rest.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.ts';
import { crawlConfigOf, DEFAULT_CRAWL_CONFIG, userAgent } from './crawl-config.ts';

describe('crawlConfigOf', () => {
  it('needs a contact, from the file or the command line', () => {
    expect(() => crawlConfigOf({}, 'nianbao.config.json')).toThrow(ConfigError);
    expect(() => crawlConfigOf({}, 'nianbao.config.json')).toThrow(/set crawl.contact/);
    expect(crawlConfigOf({}, 'f', 'ops@example.org')).toEqual({ ...DEFAULT_CRAWL_CONFIG, contact: 'ops@example.org' });
    expect(crawlConfigOf({ crawl: { contact: 'a@b.test' } }, 'f', 'cli@b.test').contact).toBe('cli@b.test');
  });

  it('checks every limit and the host list', () => {
    expect(() => crawlConfigOf({ crawl: { contact: 'a', timeoutMs: 0 } }, 'f')).toThrow(/crawl.timeoutMs must be a whole number from 1 up, got 0/);
    expect(() => crawlConfigOf({ crawl: { contact: 'a', retries: -1 } }, 'f')).toThrow(/crawl.retries/);
    expect(() => crawlConfigOf({ crawl: { contact: 'a', allowHosts: 'x' } }, 'f')).toThrow(/allowHosts/);
    expect(crawlConfigOf({ crawl: { contact: 'a', retries: 0, allowHosts: ['WWW.Pingtan.gov.cn'] } }, 'f')).toMatchObject({ retries: 0, allowHosts: ['www.pingtan.gov.cn'] });
  });

  it('names nianbao, its version and the contact in the user agent', () => {
    expect(userAgent({ contact: 'mailto:ops@example.org' }, '0.1.0')).toBe('nianbao/0.1.0 (+mailto:ops@example.org; annual-report crawler)');
  });
});
