/**
 * What the crawl reports while it runs: per host, listing and report pages
 * read, files saved or found unchanged, failures. On a terminal this is one
 * live line per host (cli-progress); anywhere else (a pipe, a log file, cron)
 * nothing at all: the summary at the end says it once.
 */
import cliProgress from 'cli-progress';

export interface CrawlProgress {
  page(host: string): void;
  file(host: string): void;
  failure(host: string): void;
  stop(): void;
}

interface HostCounts {
  pages: number;
  files: number;
  failures: number;
}

export const SILENT_PROGRESS: CrawlProgress = { page() {}, file() {}, failure() {}, stop() {} };

/** A live display on `stream` when it is a terminal, else SILENT_PROGRESS. */
export function crawlProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }): CrawlProgress {
  if (!stream.isTTY) return SILENT_PROGRESS;
  const multibar = new cliProgress.MultiBar({
    stream,
    format: ' {host} | pages {pages} | files {files} | failures {failures}',
    hideCursor: true,
    clearOnComplete: false,
  });
  const bars = new Map<string, { bar: cliProgress.SingleBar; counts: HostCounts }>();
  const bump = (host: string, key: keyof HostCounts): void => {
    let entry = bars.get(host);
    if (!entry) {
      const counts = { pages: 0, files: 0, failures: 0 };
      entry = { bar: multibar.create(0, 0, { host, ...counts }), counts };
      bars.set(host, entry);
    }
    entry.counts = { ...entry.counts, [key]: entry.counts[key] + 1 };
    entry.bar.update(0, { host, ...entry.counts });
  };
  return {
    page: (host) => bump(host, 'pages'),
    file: (host) => bump(host, 'files'),
    failure: (host) => bump(host, 'failures'),
    stop: () => multibar.stop(),
  };
}
