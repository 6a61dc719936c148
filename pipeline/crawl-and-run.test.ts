/**
 * `nianbao run --crawl` as a user runs it, against the fixture site on
 * 127.0.0.1: the reports end in the warehouse with their source URL and
 * publication date; a broken re-download changes nothing there.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../src/load/warehouse.ts';
import { startFixtureSite, PUBLISHED, SITE, type FixtureSite } from '../test/support/fixture-site.ts';
import { useTempDir } from '../test/support/temp-dir.ts';
import { main } from './cli.ts';

class Sink {
  text = '';
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Sink();
  const err = new Sink();
  const code = await main(args, out as unknown as NodeJS.WritableStream, err as unknown as NodeJS.WritableStream);
  return { code, out: out.text, err: err.text };
}

/** Writes the config and sources files a user would, for the site; returns the CLI arguments naming them. */
async function crawlFiles(dir: string, site: FixtureSite): Promise<string[]> {
  const config = join(dir, 'nianbao.config.json');
  const sources = join(dir, 'sources.csv');
  const crawl = { contact: 'mailto:crawler-test@example.org', allowHosts: ['127.0.0.1'], timeoutMs: 1500, retries: 1, retryBackoffMs: 20, perHostIntervalMs: 0 };
  await writeFile(config, JSON.stringify({ crawl }));
  await writeFile(sources, `agency,url,max_pages\n示范区,${site.url(SITE.listing)},5\n`);
  return ['--config', config, '--sources', sources, '--raw', join(dir, 'raw'), '--db', join(dir, 'wh', 'nianbao.duckdb')];
}

type Row = Record<string, unknown>;

async function query(db: string, sql: string): Promise<Row[]> {
  const wh = await openWarehouse(db);
  try {
    return await wh.query(sql);
  } finally {
    await wh.close();
  }
}

describe('nianbao run --crawl', () => {
  const tmp = useTempDir('nianbao-crawl-run-');
  let site: FixtureSite;
  let args: string[];
  let db: string;
  let first: { code: number; out: string; err: string };

  beforeAll(async () => {
    site = await startFixtureSite();
    args = await crawlFiles(tmp(), site);
    db = join(tmp(), 'wh', 'nianbao.duckdb');
    first = await run(['run', '--crawl', ...args]);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('crawls, then loads every report it saved, each with its source URL and publication date', async () => {
    expect(first.err).toBe('');
    // The 404 and the timed-out page are crawl failures: exit 1, everything else loaded.
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/^crawl: 1 sources, \d+ pages, files 4 new, 0 changed, 0 unchanged, 0 kept beside, 2 failed, 2 not requested/m);
    expect(first.out).toMatch(/^4 files: 4 read, 0 unchanged, 0 failed/m);
    const rows = await query(db, 'SELECT r.source_url, r.published, a.name AS agency_name, r.year, r.status FROM reports r LEFT JOIN agencies a USING (agency_id) ORDER BY r.source_url');
    expect(rows.map((r) => ({ url: r.source_url, published: r.published, agency: r.agency_name, year: r.year }))).toEqual(
      [
        { url: site.url(SITE.utf8Page), published: PUBLISHED.utf8Page, agency: '梁园区孙福集乡人民政府', year: 2020 },
        { url: site.url(SITE.gbkPage), published: PUBLISHED.gbkPage, agency: '意溪镇人民政府', year: 2020 },
        { url: new URL(SITE.pdf, site.origin).href, published: PUBLISHED.pdfPage, agency: '平原示范区', year: 2020 },
        { url: site.url(SITE.docx), published: PUBLISHED.docxPage, agency: '张家坡镇', year: 2020 },
      ].sort((a, b) => (a.url < b.url ? -1 : 1)),
    );
    // The PDF's report prints 总计 cells that do not add up: loaded, with its errors.
    expect(rows.map((r) => r.status)).toEqual(['errors', 'ok', 'ok', 'ok']);
    const facts = await query(db, 'SELECT count(*)::INTEGER AS n FROM reports r JOIN fact_applications f USING (report_id) GROUP BY r.report_id');
    expect(facts).toHaveLength(4);
  });

  it('a truncated re-download does not replace the good file: the warehouse keeps the report', async () => {
    const before = await query(db, "SELECT r.report_id, r.sha256, count(f.*)::INTEGER AS facts FROM reports r LEFT JOIN fact_applications f USING (report_id) WHERE r.source_url LIKE '%.pdf' GROUP BY ALL");
    expect(before[0]!.facts).toBeGreaterThan(0);
    site.truncatePdf();
    const again = await run(['run', '--crawl', ...args]);
    expect(again.out).toMatch(/^CRAWL KEPT BESIDE .*\.kept-[0-9a-f]{12}: shorter than the saved copy/m);
    expect(again.out).toMatch(/^4 files: 0 read, 4 unchanged, 0 failed/m);
    const after = await query(db, "SELECT r.report_id, r.sha256, count(f.*)::INTEGER AS facts FROM reports r LEFT JOIN fact_applications f USING (report_id) WHERE r.source_url LIKE '%.pdf' GROUP BY ALL");
    expect(after).toEqual(before);
  });
});
