/**
 * The warehouse over a sequence of nightly runs, as a user sees it: an empty
 * or shrunken listing changes nothing without --allow-removals; a truncated
 * re-download keeps its last good facts (stale) until a good copy returns;
 * deleting the primary copy makes the other one primary, with its facts; one
 * agency across years and spellings (洪泽区 2023 and 淮安市洪泽区 2024).
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERERS, loadLabels } from '../test/render/index.ts';
import { contentDifference, dumpContent, readDb, runCli } from '../test/support/run-cli.ts';
import { useTempDir } from '../test/support/temp-dir.ts';

const CORPUS = new URL('../test/fixtures/corpus/docs/', import.meta.url).pathname;
const TEXTS = ['000_d4859fce74386304.txt', '001_9facb60fdd4eb9b0.txt', '003_67fd554f9e32afcc.txt', '004_7180246cedc2b1d8.txt'];

async function folder(dir: string, files: readonly string[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const f of files) await copyFile(join(CORPUS, f), join(dir, f));
  return dir;
}

describe('removals', () => {
  const scratch = useTempDir('nianbao-removals-');

  it('an empty listing changes nothing and exits 2; --allow-removals empties the warehouse', async () => {
    const raw = await folder(join(scratch(), 'raw'), TEXTS);
    const db = join(scratch(), 'wh', 'nianbao.duckdb');
    expect((await runCli(['run', '--raw', raw, '--db', db])).code).toBe(0);
    const before = await dumpContent(db);
    for (const f of TEXTS) await rm(join(raw, f));
    const refused = await runCli(['run', '--raw', raw, '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('REFUSED: the raw folder lists no file: all 4 stored reports would be removed; nothing was changed. To remove them, run again with --allow-removals.');
    expect(await dumpContent(db)).toEqual(before);
    expect(await readDb(db, 'SELECT count(*)::INTEGER AS n FROM runs')).toEqual([{ n: 1 }]);
    const allowed = await runCli(['run', '--raw', raw, '--db', db, '--allow-removals']);
    expect(allowed.code).toBe(0);
    expect(allowed.out).toMatch(/^reports: 0 added, 0 changed, 4 removed, 0 stale, 0 unchanged$/m);
    expect(await readDb(db, 'SELECT count(*)::INTEGER AS n FROM reports')).toEqual([{ n: 0 }]);
  });

  it('a listing that would remove more than a fifth of the reports changes nothing; one of five is allowed', async () => {
    const raw = await folder(join(scratch(), 'fifth'), [...TEXTS, 'shuyang-county-2025.txt']);
    const db = join(scratch(), 'fifth-wh', 'nianbao.duckdb');
    expect((await runCli(['run', '--raw', raw, '--db', db])).code).toBe(0);
    await rm(join(raw, TEXTS[0]!));
    await rm(join(raw, TEXTS[1]!));
    const refused = await runCli(['run', '--raw', raw, '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('REFUSED: 2 of 5 stored reports would be removed (more than 20%)');
    await copyFile(join(CORPUS, TEXTS[1]!), join(raw, TEXTS[1]!));
    const one = await runCli(['run', '--raw', raw, '--db', db]);
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/^reports: 0 added, 0 changed, 1 removed, 0 stale, 4 unchanged$/m);
  });
});

describe('agencies and sources over runs', () => {
  const scratch = useTempDir('nianbao-sync-');

  it('a run rewrites only the agencies and sources that differ; the rest keep their rows, sources their first_seen', async () => {
    const raw = await folder(join(scratch(), 'raw'), [...TEXTS, 'shuyang-county-2025.txt']);
    const db = join(scratch(), 'wh', 'nianbao.duckdb');
    expect((await runCli(['run', '--raw', raw, '--db', db])).code).toBe(0);
    const agencyRows = async () => new Map((await readDb(db, 'SELECT agency_id, rowid::INTEGER AS at FROM agencies')).map((r) => [String(r.agency_id), r.at]));
    const sourceRows = async () => new Map((await readDb(db, 'SELECT path, rowid::INTEGER AS at, first_seen, last_seen FROM sources')).map((r) => [String(r.path), r]));
    const agenciesBefore = await agencyRows();
    const sourcesBefore = await sourceRows();
    const [gone, edited, ...kept] = TEXTS as [string, string, ...string[]];

    // One file removed, one edited (its bytes, not its report), one added.
    await rm(join(raw, gone));
    await writeFile(join(raw, edited), `${await readFile(join(raw, edited), 'utf8')}\n`);
    await copyFile(join(CORPUS, '002_02af2ddfabc85d6c.txt'), join(raw, '002_02af2ddfabc85d6c.txt'));
    expect((await runCli(['run', '--raw', raw, '--db', db])).code).toBe(0);

    const agenciesAfter = await agencyRows();
    const goneAgency = [...agenciesBefore.keys()].find((id) => !agenciesAfter.has(id));
    expect(goneAgency).toBeDefined();
    expect(agenciesAfter.size).toBe(agenciesBefore.size);
    for (const [id, at] of agenciesBefore) if (id !== goneAgency) expect(agenciesAfter.get(id), String(id)).toBe(at);

    const sourcesAfter = await sourceRows();
    expect([...sourcesAfter.keys()].sort()).toEqual([...kept, '002_02af2ddfabc85d6c.txt', edited, 'shuyang-county-2025.txt'].sort());
    const secondRun = sourcesAfter.get('002_02af2ddfabc85d6c.txt')!.first_seen;
    expect(secondRun).not.toBe(sourcesBefore.get(edited)!.first_seen);
    for (const [path, row] of sourcesAfter) {
      expect(row.last_seen, path).toBe(secondRun);
      if (path === '002_02af2ddfabc85d6c.txt') continue;
      expect(row.first_seen, path).toBe(sourcesBefore.get(path)!.first_seen);
      if (path !== edited) expect(row.at, path).toBe(sourcesBefore.get(path)!.at);
    }
    expect(sourcesAfter.get(edited)!.at).not.toBe(sourcesBefore.get(edited)!.at);

    // The same content as a warehouse built from the folder in one run.
    const fresh = join(scratch(), 'fresh', 'nianbao.duckdb');
    expect((await runCli(['run', '--raw', raw, '--db', fresh])).code).toBe(0);
    expect(await contentDifference(db, fresh)).toEqual({});
    const sourcesOf = (d: string) => readDb(d, 'SELECT * EXCLUDE (first_seen, last_seen) FROM sources ORDER BY path');
    expect(await sourcesOf(db)).toEqual(await sourcesOf(fresh));
  });
});

describe('a truncated re-download', () => {
  const scratch = useTempDir('nianbao-truncated-');

  it('keeps the last good facts, stale with the reason, until a good copy returns', async () => {
    const raw = await folder(join(scratch(), 'raw'), [...TEXTS, 'szfgs2024.pdf']);
    const db = join(scratch(), 'wh', 'nianbao.duckdb');
    expect((await runCli(['run', '--raw', raw, '--db', db])).code).toBe(0);
    const good = await dumpContent(db);
    const facts = "SELECT count(*)::INTEGER AS n FROM fact_applications f JOIN reports r USING (report_id) WHERE r.source_path = 'szfgs2024.pdf'";
    const city = "SELECT region_name, year FROM v_region_year WHERE region_level = 'city' AND region_code = '3208'";
    expect(await readDb(db, city)).toEqual([{ region_name: '淮安市', year: 2024 }]);
    const n = (await readDb(db, facts))[0]?.n;
    // The analysts' views count a stale report as its last good record: the same totals, the same has_errors.
    const totals = "SELECT * EXCLUDE (status) FROM v_report_totals WHERE report_id = (SELECT report_id FROM reports WHERE source_path = 'szfgs2024.pdf')";
    const goodTotals = await readDb(db, totals);
    expect(goodTotals).toHaveLength(1);

    const bytes = await readFile(join(raw, 'szfgs2024.pdf'));
    await writeFile(join(raw, 'szfgs2024.pdf'), bytes.subarray(0, Math.floor(bytes.length / 3)));
    const broken = await runCli(['run', '--raw', raw, '--db', db]);
    expect(broken.code).toBe(1);
    const line = broken.out.split('\n').find((l) => l.startsWith('FAILED szfgs2024.pdf: '));
    expect(line).toMatch(/\(keeps its last good facts, status stale\)$/);
    expect(broken.out).toMatch(/^reports: 0 added, 1 changed, 0 removed, 1 stale, 4 unchanged$/m);
    const [row] = await readDb(db, "SELECT status, is_primary, failure_reason IS NOT NULL AS has_reason, sha256 FROM reports WHERE source_path = 'szfgs2024.pdf'");
    expect(row).toMatchObject({ status: 'stale', is_primary: true, has_reason: true });
    expect(await readDb(db, facts)).toEqual([{ n }]);
    expect(await readDb(db, city)).toEqual([{ region_name: '淮安市', year: 2024 }]);
    expect(await readDb(db, totals)).toEqual(goodTotals);
    expect(await readDb(db, "SELECT status FROM sources WHERE path = 'szfgs2024.pdf'")).toEqual([{ status: 'failed' }]);

    const again = await runCli(['run', '--raw', raw, '--db', db]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^STILL FAILING szfgs2024\.pdf: .*\(keeps its last good facts, status stale\)$/m);

    await writeFile(join(raw, 'szfgs2024.pdf'), bytes);
    const back = await runCli(['run', '--raw', raw, '--db', db]);
    expect(back.code).toBe(0);
    expect(back.out).toMatch(/^5 files: 0 read, 5 unchanged, 0 failed, 0 still failing/m);
    expect(await dumpContent(db)).toEqual(good);
  });
});

describe('copies', () => {
  const scratch = useTempDir('nianbao-copies-');
  const label = loadLabels().find((l) => l.name === 'shuyang-county-2025')!.label;
  const render = (name: string) => RENDERERS.find((r) => r.name === name)!.render(label);

  it('deleting the primary copy makes the other primary, with its facts, without --force', async () => {
    const raw = await folder(join(scratch(), 'raw'), TEXTS);
    await writeFile(join(raw, 'report.docx'), await render('docx'));
    await writeFile(join(raw, 'report.html'), await render('html'));
    const db = join(scratch(), 'wh', 'nianbao.duckdb');
    expect((await runCli(['run', '--raw', raw, '--db', db])).code).toBe(0);
    const copies = "SELECT source_path, is_primary, duplicate_of IS NOT NULL AS is_copy FROM reports WHERE source_path LIKE 'report.%' ORDER BY 1";
    expect(await readDb(db, copies)).toEqual([
      { source_path: 'report.docx', is_primary: true, is_copy: false },
      { source_path: 'report.html', is_primary: false, is_copy: true },
    ]);
    const counted = "SELECT r.source_path, count(*)::INTEGER AS n FROM fact_applications f JOIN reports r USING (report_id) WHERE r.is_primary AND r.source_path LIKE 'report.%' GROUP BY 1";
    const docxFacts = await readDb(db, counted);
    expect(docxFacts).toHaveLength(1);
    await rm(join(raw, 'report.docx'));
    const after = await runCli(['run', '--raw', raw, '--db', db]);
    expect(after.code).toBe(0);
    expect(after.out).toMatch(/^reports: 0 added, 1 changed, 1 removed, 0 stale, 4 unchanged$/m);
    expect(await readDb(db, copies)).toEqual([{ source_path: 'report.html', is_primary: true, is_copy: false }]);
    expect(await readDb(db, counted)).toEqual([{ source_path: 'report.html', n: docxFacts[0]?.n }]);
    expect(await readDb(db, "SELECT count(*)::INTEGER AS n FROM validation_issues WHERE rule LIKE 'duplicate.%'")).toEqual([{ n: 0 }]);
  });
});

describe('one agency across years and spellings', () => {
  const scratch = useTempDir('nianbao-agency-');

  it('洪泽区人民政府 2023 and 淮安市洪泽区人民政府 2024 are one agency, 320813 county_government, checked across the years', async () => {
    const raw = await folder(join(scratch(), 'raw'), ['hzq2023_working.pdf', 'hzq2024_working.pdf']);
    const db = join(scratch(), 'wh', 'nianbao.duckdb');
    expect((await runCli(['run', '--raw', raw, '--db', db])).code).toBe(0);
    const agencies = await readDb(db, 'SELECT a.name, a.kind, a.county_code, a.city_code, count(*)::INTEGER AS reports FROM reports r JOIN agencies a USING (agency_id) GROUP BY ALL');
    expect(agencies).toEqual([{ name: '淮安市洪泽区人民政府', kind: 'county_government', county_code: '320813', city_code: '3208', reports: 2 }]);
    const years = await readDb(db, 'SELECT year, is_primary FROM reports ORDER BY year');
    expect(years).toEqual([
      { year: 2023, is_primary: true },
      { year: 2024, is_primary: true },
    ]);
    // 2024's 上年结转 is compared with 2023's 结转下年度: the check ran (no not-checkable note), and found them equal or said where not.
    const notCheckable = await readDb(db, "SELECT count(*)::INTEGER AS n FROM validation_issues WHERE rule = 'cross_year.carried_over.not_checkable'");
    expect(notCheckable).toEqual([{ n: 0 }]);
  });
});
