/**
 * The raw folder's manifest (manifest.csv): one row per downloaded file,
 * saying where it came from. RFC 4180 CSV with a header row, written and read
 * here only (csv-stringify / csv-parse), so a URL holding a comma or a quote
 * survives. Columns, in this order:
 *   path            file, relative to the raw folder, forward slashes
 *   url             the link the file was fetched from
 *   final_url       where that link led after redirects
 *   referrer        the page that linked it
 *   link_text       the link's text on that page
 *   fetched_at      when it was downloaded (ISO 8601, UTC)
 *   status          the HTTP status of the download
 *   content_type    the Content-Type the server sent
 *   size            bytes
 *   sha256          hex digest of the bytes
 *   etag, last_modified   the validators the server sent (for conditional GET)
 *   index_no        the page's 索引号
 *   publisher       the page's 发布机构
 *   published       the page's 发文日期 (or 发布日期 / 公开日期), YYYY-MM-DD
 *   division_code   the sources file's hint for the agency's division
 * Older manifests of three columns, `path,url,published`, with or without
 * that header, still read: their other columns are empty.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ConfigError } from '../errors.ts';

export const MANIFEST_FILE = 'manifest.csv';

export const MANIFEST_COLUMNS = [
  'path',
  'url',
  'final_url',
  'referrer',
  'link_text',
  'fetched_at',
  'status',
  'content_type',
  'size',
  'sha256',
  'etag',
  'last_modified',
  'index_no',
  'publisher',
  'published',
  'division_code',
] as const;

export type ManifestColumn = (typeof MANIFEST_COLUMNS)[number];
export type ManifestRow = Readonly<Record<ManifestColumn, string>>;

/** The columns of a manifest written before the crawler: path, url, published. */
const LEGACY_COLUMNS: readonly ManifestColumn[] = ['path', 'url', 'published'];

export function manifestRow(values: Partial<Record<ManifestColumn, string>>): ManifestRow {
  return Object.fromEntries(MANIFEST_COLUMNS.map((c) => [c, values[c] ?? ''])) as ManifestRow;
}

export interface ManifestLine {
  row: ManifestRow;
  /** Line in the file (1-based), for messages. */
  line: number;
}

/** The rows of a manifest's text. Throws ConfigError when the text is not CSV. */
export function parseManifest(text: string, file: string): ManifestLine[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (e) {
    throw new ConfigError(file, `not a readable CSV file: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  const first = records[0]?.record.map((f) => f.trim().toLowerCase());
  const hasHeader = first?.[0] === 'path';
  const columns = (hasHeader ? first : LEGACY_COLUMNS) as readonly string[];
  return records.slice(hasHeader ? 1 : 0).flatMap(({ record, info }) => {
    const values: Partial<Record<ManifestColumn, string>> = {};
    columns.forEach((c, i) => {
      if ((MANIFEST_COLUMNS as readonly string[]).includes(c)) values[c as ManifestColumn] = record[i]?.trim() ?? '';
    });
    return values.path ? [{ row: manifestRow(values), line: info.lines }] : [];
  });
}

/** The manifest's text: header, then the rows in path order, lines ended by CRLF (RFC 4180). */
export function formatManifest(rows: Iterable<ManifestRow>): string {
  const sorted = [...rows].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return stringify(
    sorted.map((r) => MANIFEST_COLUMNS.map((c) => r[c])),
    { header: true, columns: [...MANIFEST_COLUMNS], record_delimiter: 'windows' },
  );
}

/** The manifest of a raw folder; none there is no rows. */
export async function readManifest(rawDir: string): Promise<ManifestLine[]> {
  const file = join(rawDir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ConfigError(file, `cannot read the manifest: ${(e as Error).message}`, e);
  }
  return parseManifest(text, file);
}

/** Replaces the raw folder's manifest in one rename: a reader never sees half a file. */
export async function writeManifest(rawDir: string, rows: Iterable<ManifestRow>): Promise<void> {
  const file = join(rawDir, MANIFEST_FILE);
  const tmp = join(rawDir, `.${MANIFEST_FILE}.${process.pid}.tmp`);
  await writeFile(tmp, formatManifest(rows));
  await rename(tmp, file);
}
