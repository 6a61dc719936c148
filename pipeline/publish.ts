/**
 * Publication: a run never writes the file analysts read. It copies the
 * published warehouse to <db>.work (a copy-on-write clone where the file
 * system has them; the seed when nothing is published yet), writes there,
 * CHECKPOINTs and closes it, then renames it over <db> in one step, the
 * previous file kept as <db>.prev. A handle open on the published file
 * (READ_ONLY in the duckdb CLI, Python, DBeaver) keeps reading the old file
 * until it reconnects; a new connection sees the new one. A run that dies
 * before the rename leaves <db> as it was (the next run starts from a new
 * copy).
 */
import { constants } from 'node:fs';
import { copyFile, link, rename, rm, stat } from 'node:fs/promises';
import { openWarehouse, type Warehouse } from '../src/load/warehouse.ts';
import { SEED_FILE } from '../src/load/warehouse-seed.ts';

export function workPath(db: string): string {
  return `${db}.work`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Beside the working copy: the folder of its row files, which the workers write and the write loads (src/load/apply-plan.ts). */
const ROW_FILES_SUFFIX = '.rows';

export function rowFilesPath(db: string): string {
  return `${workPath(db)}${ROW_FILES_SUFFIX}`;
}

/** A working copy's files: the database, its write-ahead log, DuckDB's spill folder (WRITE_MEMORY_LIMIT) and the row files, left by a run that died. */
async function removeWork(work: string): Promise<void> {
  await rm(work, { force: true });
  await rm(`${work}.wal`, { force: true });
  await rm(`${work}.tmp`, { recursive: true, force: true });
  await rm(`${work}${ROW_FILES_SUFFIX}`, { recursive: true, force: true });
}

/**
 * A fresh working copy of the published warehouse, opened for writing; where
 * there is none yet, a copy of the seed (src/load/warehouse-seed.ts), or an
 * empty warehouse built from nothing when the seed is missing or cannot be opened.
 */
export async function openWorkingCopy(db: string, seed = SEED_FILE): Promise<Warehouse> {
  const work = workPath(db);
  await removeWork(work);
  if (await exists(db)) {
    await copyFile(db, work, constants.COPYFILE_FICLONE);
  } else if (await exists(seed)) {
    await copyFile(seed, work, constants.COPYFILE_FICLONE);
    try {
      return await openWarehouse(work, { otherSchema: 'reset' });
    } catch {
      // A seed that this DuckDB cannot read is only a lost shortcut.
      await removeWork(work);
    }
  }
  return openWarehouse(work, { otherSchema: 'reset' });
}

/** Checkpoints and closes the working copy, then puts it in place of the published file (the old one becomes <db>.prev). */
export async function publish(wh: Warehouse, db: string): Promise<void> {
  await wh.checkpoint();
  await wh.close();
  const prev = `${db}.prev`;
  await rm(prev, { force: true });
  if (await exists(db)) await link(db, prev);
  await rename(workPath(db), db);
  await rm(rowFilesPath(db), { recursive: true, force: true });
}

/** Drops an unpublished working copy. */
export async function discardWorkingCopy(wh: Warehouse, db: string): Promise<void> {
  await wh.close();
  await removeWork(workPath(db));
}
