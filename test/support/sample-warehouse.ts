/**
 * The sample warehouse as `npm run pipeline` builds it, in a scratch folder:
 * the reports of data/raw/samples, plus three files an analyst meets in real
 * crawls — the next year's report of one agency (红崖子沟乡 2022, written
 * from its 2021 report with a 上年结转 that does not match last year's
 * 结转下年度继续办理), a copy of a report saved under a file name that a
 * spreadsheet would run as a formula, and a manifest line whose URL would
 * too.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../pipeline/cli.ts';

const SAMPLES = new URL('../../data/raw/samples/', import.meta.url).pathname;

export const FORMULA_FILE = '=HYPERLINK(1).txt';
export const FORMULA_URL = '@SUM(1+1)*cmd';
export const NEXT_YEAR_FILE = 'extra/004-next-year-2022.txt';

class Sink {
  text = '';
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Sink();
  const err = new Sink();
  const code = await main(args, out as unknown as NodeJS.WritableStream, err as unknown as NodeJS.WritableStream);
  return { code, out: out.text, err: err.text };
}

/** 红崖子沟乡 2021 as its 2022 report: the year changed, and 2 requests 上年结转 from 自然人 (last year carried 0 forward). */
function nextYear(report2021: string): string {
  const carried = '| 二、 | 上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |';
  if (!report2021.includes(carried)) throw new Error('004 sample changed: its 上年结转 row is not where the test expects it');
  return report2021.replaceAll('2021', '2022').replace(carried, '| 二、 | 上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | |');
}

/** Builds the sample warehouse under dir; returns the raw folder and the database file. */
export async function buildSampleWarehouse(dir: string): Promise<{ raw: string; db: string }> {
  const raw = join(dir, 'raw');
  const db = join(dir, 'warehouse', 'nianbao.duckdb');
  await mkdir(join(raw, 'samples'), { recursive: true });
  await mkdir(join(raw, 'extra'), { recursive: true });
  for (const f of await readdir(SAMPLES)) await copyFile(join(SAMPLES, f), join(raw, 'samples', f));
  await writeFile(join(raw, NEXT_YEAR_FILE), nextYear(await readFile(join(SAMPLES, '004_7180246cedc2b1d8.txt'), 'utf8')));
  await copyFile(join(SAMPLES, '001_9facb60fdd4eb9b0.txt'), join(raw, FORMULA_FILE));
  await writeFile(join(raw, 'manifest.csv'), `path,url,published\nsamples/003_67fd554f9e32afcc.txt,${FORMULA_URL},2021-01-20\n`);
  const { code, out, err } = await runCli(['run', '--raw', raw, '--db', db]);
  if (code !== 0) throw new Error(`nianbao run exited ${code}: ${out}${err}`);
  return { raw, db };
}
