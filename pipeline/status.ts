/**
 * `nianbao status`: what the published warehouse's
 * history says (the last runs, the files failing now), read through a
 * READ_ONLY handle, so it never waits for a run nor holds one up.
 */
import { access } from 'node:fs/promises';
import { LoadError } from '../src/errors.ts';
import { failingSources, lastRuns, openWarehouse } from '../src/load/warehouse.ts';

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
