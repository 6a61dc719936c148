/**
 * Whether a new download may replace the saved copy of a file. It may not
 * when it is shorter than the saved copy (a cut-off download, or a server
 * sending a stub) or when it is an HTML page where the saved copy is not
 * (an error or login page served in place of a PDF). Such a download is kept
 * beside the saved copy under a hidden name, which the pipeline never reads,
 * for someone to look at; the saved copy and its manifest row stay.
 */
import { basename, dirname } from 'node:path';

export interface FileFacts {
  size: number;
  isHtml: boolean;
}

/** null: replace; otherwise why the download is kept beside. */
export function keepBesideReason(saved: FileFacts, download: FileFacts): string | null {
  if (download.isHtml && !saved.isHtml) return 'an HTML page was served where the saved copy is not HTML (an error page?)';
  if (download.size < saved.size) return `shorter than the saved copy (${download.size} < ${saved.size} bytes)`;
  return null;
}

/** Hex digits of the download's sha256 in the name of the copy kept beside. */
const SHA_DIGITS = 12;

/** "a/b/report.pdf" -> "a/b/.report.pdf.kept-<sha>": hidden, one per distinct download. */
export function besidePath(path: string, sha256: string): string {
  const dir = dirname(path);
  const name = `.${basename(path)}.kept-${sha256.slice(0, SHA_DIGITS)}`;
  return dir === '.' ? name : `${dir}/${name}`;
}
