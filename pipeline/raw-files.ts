/**
 * Lists the raw folder: every file below it in a stable order, with the
 * optional manifest (manifest.csv, src/crawl/manifest.ts: the crawler's
 * columns, or the older path,url,published) giving each file's source URL and
 * the date its agency published it (YYYY-MM-DD), as the crawler saw them. A
 * publication date that is not YYYY-MM-DD is reported, not fatal: its file is
 * still read, without the date. Lines naming no file in the folder are
 * ignored; a manifest that is not CSV at all stops the run (ConfigError).
 * The manifest, the crawl log and hidden files (the crawler's downloads in
 * progress and the copies it keeps beside a good file) are not documents.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CRAWL_LOG_FILE } from '../src/crawl/crawl-log.ts';
import { MANIFEST_FILE, readManifest } from '../src/crawl/manifest.ts';

export interface RawFile {
  /** Absolute or cwd-relative path to read. */
  path: string;
  /** Path relative to the raw folder, forward slashes: the file's identity in the warehouse. */
  relPath: string;
  sourceUrl?: string;
  /** Publication date, YYYY-MM-DD. */
  published?: string;
}

export interface RawListing {
  files: RawFile[];
  /** One line per manifest line that could not be read, naming the line and the reason. */
  manifestProblems: string[];
}

interface ManifestEntry {
  url?: string;
  published?: string;
}

const NOT_DOCUMENTS = new Set([MANIFEST_FILE, CRAWL_LOG_FILE]);

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && !NOT_DOCUMENTS.has(e.name)) out.push(p);
  }
  return out;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The manifest's entries by path; a published date that is not YYYY-MM-DD is dropped with a problem line. */
async function readManifestEntries(dir: string): Promise<{ entries: Map<string, ManifestEntry>; problems: string[] }> {
  const entries = new Map<string, ManifestEntry>();
  const problems: string[] = [];
  for (const { row, line } of await readManifest(dir)) {
    const entry: ManifestEntry = {};
    if (row.url) entry.url = row.url;
    if (row.published && DATE.test(row.published)) entry.published = row.published;
    else if (row.published) problems.push(`${MANIFEST_FILE} line ${line}: published date "${row.published}" is not YYYY-MM-DD; ignored`);
    entries.set(row.path, entry);
  }
  return { entries, problems };
}

export async function listRawFiles(dir: string): Promise<RawListing> {
  const [paths, manifest] = await Promise.all([walk(dir), readManifestEntries(dir)]);
  const files = paths
    .map((path): RawFile => {
      const relPath = relative(dir, path).split(sep).join('/');
      const entry = manifest.entries.get(relPath);
      return { path, relPath, ...(entry?.url ? { sourceUrl: entry.url } : {}), ...(entry?.published ? { published: entry.published } : {}) };
    })
    .sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { files, manifestProblems: manifest.problems };
}
