/**
 * The live display: one line per host on a terminal, nothing at all on a
 * pipe or a file.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { crawlProgress, SILENT_PROGRESS } from './crawl-progress.ts';

function stream(isTTY: boolean): PassThrough & { isTTY?: boolean; columns?: number; cursorTo?: unknown; clearLine?: unknown; moveCursor?: unknown } {
  const s = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number; cursorTo?: unknown; clearLine?: unknown; moveCursor?: unknown };
  if (isTTY) Object.assign(s, { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true, clearScreenDown: () => true });
  return s;
}

describe('crawlProgress', () => {
  it('shows nothing when the output is not a terminal', () => {
    expect(crawlProgress(stream(false))).toBe(SILENT_PROGRESS);
  });

  it('shows pages, files and failures per host on a terminal', () => {
    const tty = stream(true);
    let text = '';
    tty.on('data', (d: Buffer) => (text += d.toString()));
    const progress = crawlProgress(tty);
    progress.page('www.pingtan.gov.cn');
    progress.file('www.pingtan.gov.cn');
    progress.failure('www.shuyang.gov.cn');
    progress.stop();
    expect(text).toContain('www.pingtan.gov.cn | pages 1 | files 1 | failures 0');
    expect(text).toContain('www.shuyang.gov.cn | pages 0 | files 0 | failures 1');
  });
});
