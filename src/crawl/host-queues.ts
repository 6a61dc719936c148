/**
 * One request queue per host (p-queue): at most `concurrency` requests open
 * to a host, and at least `intervalMs` between the starts of two (raised to
 * the host's robots.txt Crawl-delay, up to MAX_CRAWL_DELAY_MS). Hosts do not
 * wait for each other.
 */
import PQueue from 'p-queue';

/** The longest Crawl-delay honoured; a site asking more is crawled at this pace. */
export const MAX_CRAWL_DELAY_MS = 30_000;

export class HostQueues {
  readonly #queues = new Map<string, PQueue>();
  readonly #concurrency: number;
  readonly #intervalMs: number;

  constructor(options: { concurrency: number; intervalMs: number }) {
    this.#concurrency = options.concurrency;
    this.#intervalMs = options.intervalMs;
  }

  /** The host's queue, made on first use with the host's Crawl-delay. */
  queueFor(host: string, crawlDelayMs = 0): PQueue {
    let queue = this.#queues.get(host);
    if (!queue) {
      const interval = Math.max(this.#intervalMs, Math.min(crawlDelayMs, MAX_CRAWL_DELAY_MS));
      queue = interval > 0 ? new PQueue({ concurrency: this.#concurrency, interval, intervalCap: 1 }) : new PQueue({ concurrency: this.#concurrency });
      this.#queues.set(host, queue);
    }
    return queue;
  }
}
