/**
 * The division a report's source URL points to, by its host (hosts.csv beside
 * this file: government web hosts and the NBS code each serves). Pure; the
 * table loads once at module load.
 */
import { readFileSync } from 'node:fs';

const HOSTS: Array<{ host: string; code: string }> = readFileSync(new URL('./hosts.csv', import.meta.url), 'utf8')
  .split(/\r?\n/u)
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#') && !line.startsWith('host,'))
  .map((line) => {
    const [host = '', code = ''] = line.split(',');
    return { host: host.trim().toLowerCase(), code: code.trim() };
  })
  .filter((h) => h.host && /^\d{2,9}$/u.test(h.code));

/** NBS codes of the divisions the URL's host serves (the most specific host entry wins); [] when unknown. */
export function hostDivisionCodes(url: string | undefined): string[] {
  if (!url) return [];
  let hostname: string;
  try {
    hostname = new URL(/^[a-z][a-z0-9+.-]*:\/\//iu.test(url) ? url : `http://${url}`).hostname.toLowerCase();
  } catch {
    return [];
  }
  const matches = HOSTS.filter((h) => hostname === h.host || hostname.endsWith(`.${h.host}`));
  if (!matches.length) return [];
  const longest = Math.max(...matches.map((h) => h.host.length));
  return matches.filter((h) => h.host.length === longest).map((h) => h.code);
}
