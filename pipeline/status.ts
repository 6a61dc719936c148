/**
 * `nianbao status` and `nianbao --version`: what the published warehouse's
 * history says (the last runs, the files failing now), read through a
 * READ_ONLY handle, so it never waits for a run nor holds one up.
 */
import { access } from 'node:fs/promises';
import { PACKAGE_VERSION } from '../src/project-root.ts';
import { LoadError } from '../src/errors.ts';
import { failingSources, lastRuns, openWarehouse } from '../src/load/warehouse.ts';
import { readerVersions } from './reader-version.ts';

/** The code version of a run or an export: the package version and every reader version. */
export function codeVersionLine(): string {
  return `nianbao ${PACKAGE_VERSION} ${Object.entries(readerVersions()).map(([f, v]) => `${f}=${v}`).join(' ')}`;
}

export function versionText(): string {
  const lines = [`nianbao ${PACKAGE_VERSION}`, 'reader versions:'];
  for (const [format, version] of Object.entries(readerVersions())) lines.push(`  ${format.padEnd(5)} ${version}`);
  return `${lines.join('\n')}\n`;
}

export async function printStatus(db: string, runs: number, out: NodeJS.WritableStream): Promise<void> {
  try {
    await access(db);
  } catch (e) {
    throw new LoadError(db, 'no warehouse here yet: `nianbao run` builds it', e);
  }
  const wh = await openWarehouse(db, { readOnly: true });
  try {
    const recent = await lastRuns(wh, runs);
    out.write(`warehouse ${db}: ${recent.length === 0 ? 'no runs recorded' : 'last runs, newest first'}\n`);
    for (const r of recent) {
      out.write(
        `  run ${r.run_id} ${r.started} -> ${r.ended} exit ${r.exit_code}: ${r.seen} files, ${r.new} new, ${r.changed} changed, ${r.unchanged} unchanged, ` +
          `${r.removed} removed, ${r.stale} stale, ${r.failed} failed, ${r.still_failing} still failing, ${r.needs_ocr} need OCR (${r.code_version})\n`,
      );
    }
    const failing = await failingSources(wh);
    out.write(`${failing.length} files failing now\n`);
    for (const f of failing) out.write(`  ${f.status === 'needs_ocr' ? 'NEEDS OCR' : 'FAILED'} ${f.path}: ${f.reason}${f.stale ? ' (keeps its last good facts, status stale)' : ''}\n`);
  } finally {
    await wh.close();
  }
}
