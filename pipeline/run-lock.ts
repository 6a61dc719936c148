/**
 * One writer per warehouse: a lock (proper-lockfile: the directory
 * <db>.lock, its time kept fresh while the run holds it) taken before a run
 * reads the stage and released when it ends. A second run waits, saying so
 * once, or with --no-wait gives up at once. A lock left by a run that was
 * killed is taken over: at once when the pid it names is gone from this
 * machine (<db>.lock.owner names it), otherwise once it is stale (not
 * refreshed for STALE_MS).
 */
import { hostname } from 'node:os';
import { readFile, rm, writeFile } from 'node:fs/promises';
import lockfile from 'proper-lockfile';
import { LoadError } from '../src/errors.ts';

/** A lock not refreshed for this long belongs to a run that died (proper-lockfile refreshes every STALE_MS / 2). */
const STALE_MS = 10_000;
/** How often a waiting run tries again. */
const RETRY_MS = 250;

export class WarehouseLockedError extends LoadError {}

function lockDir(db: string): string {
  return `${db}.lock`;
}

/** Who holds the lock: beside the lock directory, not in it (a file in it would change the directory's time, which proper-lockfile keeps as its own). */
function ownerFile(db: string): string {
  return `${db}.lock.owner`;
}

/** True when the lock names a process of this machine that no longer runs. */
async function ownerIsGone(db: string): Promise<boolean> {
  let owner: { pid: number; host: string };
  try {
    owner = JSON.parse(await readFile(ownerFile(db), 'utf8')) as { pid: number; host: string };
  } catch {
    return false;
  }
  if (owner.host !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function tryLock(db: string): Promise<(() => Promise<void>) | null> {
  try {
    return await lockfile.lock(db, { lockfilePath: lockDir(db), realpath: false, stale: STALE_MS, onCompromised: () => undefined });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw new LoadError(db, `cannot take the run lock ${lockDir(db)}: ${(e as Error).message}`, e);
    if (await ownerIsGone(db)) {
      await rm(lockDir(db), { recursive: true, force: true });
      await rm(ownerFile(db), { force: true });
      return tryLock(db);
    }
    return null;
  }
}

/** Takes the lock of the warehouse db; returns its release. */
export async function lockWarehouse(db: string, wait: boolean, say: (line: string) => void): Promise<() => Promise<void>> {
  let release = await tryLock(db);
  if (!release && !wait) throw new WarehouseLockedError(db, `another nianbao run holds ${lockDir(db)}; not waiting (--no-wait)`);
  if (!release) say(`waiting: another nianbao run holds ${lockDir(db)}`);
  while (!release) {
    await new Promise((r) => setTimeout(r, RETRY_MS));
    release = await tryLock(db);
  }
  await writeFile(ownerFile(db), JSON.stringify({ pid: process.pid, host: hostname() }));
  const held = release;
  return async () => {
    await rm(ownerFile(db), { force: true });
    try {
      await held();
    } catch (e) {
      // Already released: the lock was taken as stale (this process stalled longer than STALE_MS).
      if ((e as NodeJS.ErrnoException).code !== 'ERELEASED') throw e;
    }
  };
}
