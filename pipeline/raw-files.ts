/**
 * Lists the raw folder: every file below it in a stable order, with the
 * optional manifest (manifest.csv: path,url[,published]) giving each file's
 * source URL and the date its agency published it (YYYY-MM-DD), as the
 * crawler saw them. A publication date that is not YYYY-MM-DD is reported,
 * not fatal: its file is still read, without the date. Lines naming no file
 * in the folder are ignored.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

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

const MANIFEST = 'manifest.csv';

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && e.name !== MANIFEST) out.push(p);
  }
  return out;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** manifest.csv lines "relative/path,https://…[,2024-01-17]" (a header line starting with "path" is skipped). */
async function readManifest(dir: string): Promise<{ entries: Map<string, ManifestEntry>; problems: string[] }> {
  const entries = new Map<string, ManifestEntry>();
  const problems: string[] = [];
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    return { entries, problems };
  }
  text.split(/\r?\n/).forEach((line, i) => {
    const [path, url, published] = line.split(',').map((s) => s.trim());
    if (!path || path === 'path') return;
    const entry: ManifestEntry = {};
    if (url) entry.url = url;
    if (published && DATE.test(published)) entry.published = published;
    else if (published) problems.push(`${MANIFEST} line ${i + 1}: published date "${published}" is not YYYY-MM-DD; ignored`);
    entries.set(path, entry);
  });
  return { entries, problems };
}

export async function listRawFiles(dir: string): Promise<RawListing> {
  const [paths, manifest] = await Promise.all([walk(dir), readManifest(dir)]);
  const files = paths
    .map((path): RawFile => {
      const relPath = relative(dir, path).split(sep).join('/');
      const entry = manifest.entries.get(relPath);
      return { path, relPath, ...(entry?.url ? { sourceUrl: entry.url } : {}), ...(entry?.published ? { published: entry.published } : {}) };
    })
    .sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { files, manifestProblems: manifest.problems };
}
