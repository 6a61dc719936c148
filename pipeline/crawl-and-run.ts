/**
 * `nianbao run --crawl` and each scheduled run: crawl the sources into the raw
 * folder, then run the pipeline on it (only what changed is redone). The exit
 * code is the worse of the two: 1 when some URL or document failed (the rest
 * went through), 0 when all went well. A crawl stopped by its signal skips the
 * pipeline: the next run reads what it saved.
 */
import type { CrawlCommandOptions } from './crawl-command.ts';
import type { RunOptions } from './run.ts';

export interface CrawlAndRunOptions extends RunOptions, Omit<CrawlCommandOptions, 'raw'> {
  crawl: boolean;
}

export const EXIT_OK = 0;

export async function crawlAndRun(options: CrawlAndRunOptions, out: NodeJS.WritableStream, signal?: AbortSignal): Promise<number> {
  let code = EXIT_OK;
  if (options.crawl) {
    // Loaded on use: a run without --crawl never loads the crawler (undici, cheerio).
    const { crawlExitCode, runCrawl } = await import('./crawl-command.ts');
    const summary = await runCrawl({ sources: options.sources, raw: options.raw, config: options.config, ...(options.contact ? { contact: options.contact } : {}) }, out, signal);
    code = crawlExitCode(summary);
    if (summary.stopped) return code;
  }
  // Loaded on use: `extract` and `crawl` never load DuckDB.
  const { runPipeline } = await import('./run.ts');
  const summary = await runPipeline(options, out);
  return Math.max(code, summary.exitCode);
}
