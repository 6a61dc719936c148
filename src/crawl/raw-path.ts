/**
 * Where a downloaded URL is saved under the raw folder: `<host>/<path of the
 * URL>`, readable and stable across crawls. Percent-escapes are decoded (a
 * Chinese file name stays Chinese); characters no file system takes become
 * "_"; a name starting with "." gets "_" in front (hidden files are not
 * documents to the pipeline); a query string becomes a short hash in the
 * name; a name without the extension of what was downloaded gets it added
 * (the pipeline picks its extractor by extension: `t2023.shtml` saved as
 * `t2023.shtml.html`, `download.jsp?id=7` sent as a PDF as
 * `download_<hash>.jsp.pdf`).
 */
import { createHash } from 'node:crypto';
import { hasExtension } from './file-type.ts';

/** Longest file or folder name written, in UTF-8 bytes (ext4 and most file systems allow 255). */
const MAX_NAME_BYTES = 200;
/** Hex digits of the sha256 that stand for a query string or a cut name. */
const HASH_DIGITS = 10;
/** The name a URL ending in "/" is saved under. */
const INDEX_NAME = 'index';

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, HASH_DIGITS);
}

function safeSegment(raw: string): string {
  let s: string;
  try {
    s = decodeURIComponent(raw);
  } catch {
    s = raw;
  }
  s = s.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_').trim();
  if (s === '' || s === '.' || s === '..') return '_';
  if (s.startsWith('.')) s = `_${s}`;
  if (Buffer.byteLength(s) > MAX_NAME_BYTES) s = `${Buffer.from(s).subarray(0, MAX_NAME_BYTES - HASH_DIGITS - 1).toString('utf8').replace(/\uFFFD+$/, '')}_${shortHash(s)}`;
  return s;
}

/** The host folder: the host name, and the port when it is not the scheme's default ("127.0.0.1_8080"). */
export function hostFolder(url: URL): string {
  return url.port ? `${url.hostname}_${url.port}` : url.hostname;
}

/** Inserts `_<hash>` before the name's extension. */
function withQueryHash(name: string, query: string): string {
  const dot = name.lastIndexOf('.');
  const hash = `_${shortHash(query)}`;
  return dot > 0 ? `${name.slice(0, dot)}${hash}${name.slice(dot)}` : `${name}${hash}`;
}

/**
 * The raw-folder path (forward slashes) for a download of `url` whose headers
 * or bytes say it is a `ext` file (null when nothing says).
 */
export function rawPathFor(url: string, ext: string | null): string {
  const u = new URL(url);
  const parts = u.pathname.split('/').slice(1);
  const last = parts.pop() ?? '';
  const dirs = parts.filter((p) => p !== '').map(safeSegment);
  let name = safeSegment(last === '' ? INDEX_NAME : last);
  if (u.search.length > 1) name = withQueryHash(name, u.search);
  const fallback = last === '' ? '.html' : null;
  const wanted = ext ?? fallback;
  if (wanted && !hasExtension(name, wanted)) name = `${name}${wanted}`;
  return [safeSegment(hostFolder(u)), ...dirs, name].join('/');
}
