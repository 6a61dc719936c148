/**
 * The same report as HTML and as DOCX in one raw folder: both are kept, one
 * is primary and loads its facts, the other is its duplicate; they agree on
 * every cell. Changing one cell in one copy yields exactly that disagreement.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../pipeline/cli.ts';
import { openWarehouse } from '../src/load/warehouse.ts';
import { RENDERERS, loadLabels, mutateLabel } from './render/index.ts';
import { useTempDir } from './support/temp-dir.ts';

const renderer = (name: string) => RENDERERS.find((r) => r.name === name)!;
const sink = { write: () => true } as unknown as NodeJS.WritableStream;

async function query(db: string, sql: string): Promise<Record<string, unknown>[]> {
  const wh = await openWarehouse(db);
  try {
    return await wh.query(sql);
  } finally {
    await wh.close();
  }
}

describe('duplicate documents of one agency and year', () => {
  const scratch = useTempDir('nianbao-dup-');

  const label = loadLabels().find((l) => l.name === 'shuyang-county-2025')!.label;

  async function runWith(htmlLabel: typeof label, docxLabel: typeof label, name: string): Promise<string> {
    const raw = join(scratch(), name, 'raw');
    await mkdir(raw, { recursive: true });
    await writeFile(join(raw, 'report.html'), await renderer('html').render(htmlLabel));
    await writeFile(join(raw, 'report.docx'), await renderer('docx').render(docxLabel));
    const db = join(scratch(), name, 'wh.duckdb');
    expect(await main(['run', '--raw', raw, '--db', db], sink, sink)).toBe(0);
    return db;
  }

  it('keeps both with their facts, flags one primary, and finds no disagreement', async () => {
    const db = await runWith(label, label, 'same');
    const reports = await query(db, 'SELECT source_path, is_primary, duplicate_of FROM reports ORDER BY source_path');
    expect(reports.map((r) => r.is_primary).sort()).toEqual([false, true]);
    const facts = await query(db, 'SELECT DISTINCT r.source_path FROM fact_applications f JOIN reports r USING (report_id) ORDER BY 1');
    expect(facts).toEqual([{ source_path: 'report.docx' }, { source_path: 'report.html' }]);
    const counted = await query(db, 'SELECT sum(reports)::INTEGER AS n FROM v_kind_year');
    expect(counted).toEqual([{ n: 1 }]);
    const dis = await query(db, "SELECT * FROM validation_issues WHERE rule LIKE 'duplicate.%'");
    expect(dis).toEqual([]);
  });

  it('records exactly the one cell where the copies differ', async () => {
    const changed = mutateLabel(label, 'applications', 'granted', 0, 291);
    const db = await runWith(label, changed, 'changed');
    const dis = await query(db, "SELECT table_code, row_code, column_code, printed, expected FROM validation_issues WHERE rule LIKE 'duplicate.%'");
    expect(dis).toHaveLength(1);
    expect(dis[0]).toMatchObject({ table_code: 'applications', row_code: 'granted', column_code: 'natural_person' });
    expect([dis[0]!.printed, dis[0]!.expected].sort()).toEqual([290, 291]);
  });

  it('between two copies of one format, the newer publication in the manifest is primary, and a bad date is reported', async () => {
    const raw = join(scratch(), 'dated', 'raw');
    await mkdir(raw, { recursive: true });
    const page = await renderer('html').render(label);
    await writeFile(join(raw, 'a-original.html'), page);
    await writeFile(join(raw, 'b-republished.html'), page);
    await writeFile(join(raw, 'c-undated.html'), page);
    const manifest = ['path,url,published', 'a-original.html,https://example.gov.cn/a.html,2026-01-20', 'b-republished.html,https://example.gov.cn/b.html,2025-12-31', 'c-undated.html,https://example.gov.cn/c.html,20260121'];
    await writeFile(join(raw, 'manifest.csv'), manifest.join('\n'));
    const db = join(scratch(), 'dated', 'wh.duckdb');
    const out = { text: '', write(s: string) { this.text += s; return true; } };
    expect(await main(['run', '--raw', raw, '--db', db], out as unknown as NodeJS.WritableStream, sink)).toBe(0);
    expect(out.text).toContain('WARNING manifest.csv line 4: published date "20260121" is not YYYY-MM-DD; ignored');
    const reports = await query(db, 'SELECT source_path, is_primary, published, source_url FROM reports ORDER BY source_path');
    expect(reports).toEqual([
      { source_path: 'a-original.html', is_primary: true, published: '2026-01-20', source_url: 'https://example.gov.cn/a.html' },
      { source_path: 'b-republished.html', is_primary: false, published: '2025-12-31', source_url: 'https://example.gov.cn/b.html' },
      { source_path: 'c-undated.html', is_primary: false, published: null, source_url: 'https://example.gov.cn/c.html' },
    ]);
    // Changing only b's publication date reads nothing again: the copies of its agency and year are weighed again from the stage.
    manifest[2] = 'b-republished.html,https://example.gov.cn/b.html,2026-02-01';
    await writeFile(join(raw, 'manifest.csv'), manifest.join('\n'));
    out.text = '';
    expect(await main(['run', '--raw', raw, '--db', db], out as unknown as NodeJS.WritableStream, sink)).toBe(0);
    expect(out.text).toMatch(/^3 files: 0 read, 3 unchanged/m);
    expect(out.text).toMatch(/^reports: 0 added, 3 changed, 0 removed, 0 stale, 0 unchanged$/m);
    const primary = await query(db, 'SELECT source_path FROM reports WHERE is_primary');
    expect(primary).toEqual([{ source_path: 'b-republished.html' }]);
  });

  it('two reports of an ambiguous name (城关镇, 88 towns) are two agencies, never one report and its copy', async () => {
    const raw = join(scratch(), 'chengguan', 'raw');
    await mkdir(raw, { recursive: true });
    const town = { ...label, agency: '城关镇人民政府' };
    await writeFile(join(raw, 'a.html'), await renderer('html').render(town));
    await writeFile(join(raw, 'b.html'), await renderer('html').render(mutateLabel(town, 'applications', 'granted', 0, 7)));
    const db = join(scratch(), 'chengguan', 'wh.duckdb');
    expect(await main(['run', '--raw', raw, '--db', db], sink, sink)).toBe(0);
    const reports = await query(db, 'SELECT source_path, is_primary FROM reports ORDER BY source_path');
    expect(reports).toEqual([
      { source_path: 'a.html', is_primary: true },
      { source_path: 'b.html', is_primary: true },
    ]);
    expect(await query(db, 'SELECT count(DISTINCT agency_id)::INTEGER AS n FROM reports')).toEqual([{ n: 2 }]);
    expect(await query(db, "SELECT count(*)::INTEGER AS n FROM validation_issues WHERE rule LIKE 'duplicate.%'")).toEqual([{ n: 0 }]);
    expect(await query(db, "SELECT count(*)::INTEGER AS n FROM validation_issues WHERE rule = 'region.ambiguous'")).toEqual([{ n: 2 }]);
  });
});
