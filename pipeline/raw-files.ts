/**
 * Lists the raw folder: every file below it in a stable order, with the
 * optional manifest (manifest.csv: path,url) giving each file's source URL.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface RawFile {
  /** Absolute or cwd-relative path to read. */
  path: string;
  /** Path relative to the raw folder, forward slashes: the file's identity in the warehouse. */
  relPath: string;
  sourceUrl?: string;
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

/** manifest.csv lines "relative/path,https://…" (a header line starting with "path" is skipped). */
async function readManifest(dir: string): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    return urls;
  }
  for (const line of text.split(/\r?\n/)) {
    const [path, url] = line.split(',').map((s) => s.trim());
    if (!path || !url || path === 'path') continue;
    urls.set(path, url);
  }
  return urls;
}

export async function listRawFiles(dir: string): Promise<RawFile[]> {
  const [files, urls] = await Promise.all([walk(dir), readManifest(dir)]);
  return files
    .map((path) => {
      const relPath = relative(dir, path).split(sep).join('/');
      const url = urls.get(relPath);
      return url ? { path, relPath, sourceUrl: url } : { path, relPath };
    })
    .sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}
