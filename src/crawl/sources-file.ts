/**
 * The sources file (sources.csv): which listing pages the crawler starts
 * from. RFC 4180 CSV with a header row; columns by name, in any order:
 *   url            the listing page of a 政府信息公开年报 column (required, http or https)
 *   agency         the agency's name, for the crawl log (optional)
 *   link_pattern   a regular expression; when set, a listing link is a report link
 *                  when its URL or text matches it (instead of the default words)
 *   max_pages      how many listing pages to follow through the pagination (optional)
 *   division_code  the NBS code of the agency's division, copied into the manifest (optional)
 * Blank lines and lines whose first field starts with "#" (before the header
 * too) are skipped. Every
 * problem is reported at once, each naming its line.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { ConfigError } from '../errors.ts';

export interface Source {
  url: string;
  agency?: string;
  linkPattern?: RegExp;
  maxPages?: number;
  divisionCode?: string;
  /** Line of the sources file, for messages. */
  line: number;
}

const COLUMNS = ['url', 'agency', 'link_pattern', 'max_pages', 'division_code'] as const;

/** An NBS division code: 2 (province) to 12 (village) digits. */
const DIVISION_CODE = /^\d{2,12}$/;

function readRow(row: Record<string, string>, line: number): { source?: Source; problems: string[] } {
  const problems: string[] = [];
  const url = row.url?.trim() ?? '';
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    problems.push(`line ${line}: url "${url}" is not an absolute URL`);
  }
  if (parsed && parsed.protocol !== 'http:' && parsed.protocol !== 'https:') problems.push(`line ${line}: url "${url}" is not http or https`);
  let linkPattern: RegExp | undefined;
  const pattern = row.link_pattern?.trim();
  if (pattern) {
    try {
      linkPattern = new RegExp(pattern, 'u');
    } catch (e) {
      problems.push(`line ${line}: link_pattern "${pattern}" is not a regular expression (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const maxPagesText = row.max_pages?.trim();
  const maxPages = maxPagesText ? Number(maxPagesText) : undefined;
  if (maxPages !== undefined && (!Number.isInteger(maxPages) || maxPages < 1)) problems.push(`line ${line}: max_pages "${maxPagesText}" is not a whole number from 1 up`);
  const divisionCode = row.division_code?.trim();
  if (divisionCode && !DIVISION_CODE.test(divisionCode)) problems.push(`line ${line}: division_code "${divisionCode}" is not 2 to 12 digits`);
  if (problems.length > 0) return { problems };
  const agency = row.agency?.trim();
  return {
    problems,
    source: {
      url: parsed!.href,
      line,
      ...(agency ? { agency } : {}),
      ...(linkPattern ? { linkPattern } : {}),
      ...(maxPages !== undefined ? { maxPages } : {}),
      ...(divisionCode ? { divisionCode } : {}),
    },
  };
}

/** The sources in `text` (the contents of `file`). Throws ConfigError naming every bad line. */
export function parseSources(text: string, file: string): Source[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (e) {
    throw new ConfigError(file, `not a readable CSV file: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  // Comment lines may stand before the header too.
  const lines = records.map(({ record, info }) => ({ fields: record, line: info.lines }));
  const firstData = lines.findIndex(({ fields }) => !fields[0]?.trim().startsWith('#'));
  const [header, ...rows] = firstData < 0 ? [] : lines.slice(firstData);
  const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  if (!names.includes('url')) throw new ConfigError(file, `the first line must be a header naming the columns (${COLUMNS.join(',')}); it has no "url" column`);
  const unknown = names.filter((n) => n && !(COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new ConfigError(file, `unknown column(s) ${unknown.map((n) => `"${n}"`).join(', ')}; the columns are ${COLUMNS.join(', ')}`);
  const problems: string[] = [];
  const sources: Source[] = [];
  for (const { fields, line } of rows) {
    if (fields.every((f) => f.trim() === '') || fields[0]?.trim().startsWith('#')) continue;
    const row = Object.fromEntries(names.map((n, i) => [n, fields[i] ?? '']));
    const read = readRow(row, line);
    problems.push(...read.problems);
    if (read.source) sources.push(read.source);
  }
  if (problems.length > 0) throw new ConfigError(file, problems.join('; '));
  if (sources.length === 0) throw new ConfigError(file, 'names no listing page (no line with a url)');
  return sources;
}

export async function readSourcesFile(file: string): Promise<Source[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, `cannot read the sources file: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  return parseSources(text, file);
}
