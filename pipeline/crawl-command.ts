/**
 * `nianbao crawl`: reads the sources file and the crawl config, crawls into
 * the raw folder (src/crawl/crawl.ts) and prints one line per failed URL and
 * a summary. Exit code 0 when every URL was fetched, 1 when some failed or
 * were kept beside (the rest was saved), 2 for a bad sources file or config.
 */
import { PACKAGE_VERSION } from '../src/project-root.ts';
import { crawl, type CrawlSummary } from '../src/crawl/crawl.ts';
import { readCrawlConfig, userAgent } from '../src/crawl/crawl-config.ts';
import { crawlProgress } from '../src/crawl/crawl-progress.ts';
import { readSourcesFile } from '../src/crawl/sources-file.ts';

export interface CrawlCommandOptions {
  sources: string;
  raw: string;
  config: string;
  contact?: string;
}


/** Crawls as the options say. Throws ConfigError for a bad sources file or config (nothing is fetched then). */
export async function runCrawl(options: CrawlCommandOptions, out: NodeJS.WritableStream, signal?: AbortSignal): Promise<CrawlSummary> {
  const config = await readCrawlConfig(options.config, options.contact);
  const sources = await readSourcesFile(options.sources);
  const summary = await crawl({
    sources,
    config,
    rawDir: options.raw,
    userAgent: userAgent(config, PACKAGE_VERSION),
    progress: crawlProgress(out),
    ...(signal ? { signal } : {}),
  });
  printCrawlSummary(out, summary);
  return summary;
}

export function printCrawlSummary(out: NodeJS.WritableStream, s: CrawlSummary): void {
  for (const e of s.failures) out.write(`CRAWL FAILED ${e.url}: ${e.reason ?? ''}\n`);
  for (const e of s.keptBeside) out.write(`CRAWL KEPT BESIDE ${e.path}: ${e.reason ?? ''} (${e.url})\n`);
  const refused = s.refused.length + s.disallowed.length;
  out.write(
    `crawl: ${s.sources} sources, ${s.pages} pages, files ${s.newFiles} new, ${s.replacedFiles} changed, ${s.unchangedFiles} unchanged, ` +
      `${s.keptBeside.length} kept beside, ${s.failures.length} failed, ${refused} not requested (robots.txt or host)${s.stopped ? ', stopped early' : ''}\n`,
  );
}

export function crawlExitCode(s: CrawlSummary): number {
  return s.failures.length > 0 || s.keptBeside.length > 0 ? 1 : 0;
}
