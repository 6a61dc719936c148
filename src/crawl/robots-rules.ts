/**
 * robots.txt, read once per host and crawl (robots-parser), as RFC 9309 says:
 * a 2xx file is obeyed for the group matching "nianbao" (or "*"); a 4xx
 * (no robots.txt) allows everything; a file that cannot be fetched (5xx,
 * timeout, network error) means everything is disallowed for this crawl.
 * A Crawl-delay is kept for the host's queue.
 */
import robotsParserModule from 'robots-parser';
import { ROBOTS_AGENT } from './crawl-config.ts';
import type { FetchResult } from './http-fetch.ts';

// The package is CommonJS whose typings say `export default`: under NodeNext the
// default import is typed as the module object, but at run time it is the function.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** The Crawl-delay the file asks of nianbao, in milliseconds. */
  crawlDelayMs?: number;
  /** Why everything is disallowed, when the file could not be fetched. */
  unreachable?: string;
}

/** The robots.txt URL of a page's origin. */
export function robotsUrl(url: URL): string {
  return new URL('/robots.txt', url.origin).href;
}

export function robotsRulesOf(result: FetchResult): RobotsRules {
  if (result.kind === 'ok') {
    // Parsed for the origin it was asked for, even when a redirect served it from elsewhere.
    const robots = robotsParser(result.url, new TextDecoder('utf-8').decode(result.body));
    const delay = robots.getCrawlDelay(ROBOTS_AGENT);
    return { isAllowed: (url) => robots.isAllowed(url, ROBOTS_AGENT) !== false, ...(delay !== undefined && delay > 0 ? { crawlDelayMs: delay * 1000 } : {}) };
  }
  if (result.kind === 'failed' && result.status !== undefined && result.status >= 400 && result.status < 500) return { isAllowed: () => true };
  const why = result.kind === 'not_modified' ? 'answered 304 without a request for it' : result.reason;
  return { isAllowed: () => false, unreachable: `robots.txt could not be read (${why}); RFC 9309: everything disallowed for this crawl` };
}
