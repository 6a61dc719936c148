/**
 * The stage: every file's StagedResult, kept beside the warehouse as soon as
 * it is read, by stage key (pipeline/staged-result.ts). Each result is two
 * files under results/<first two hex digits>/: <key>.json.gz (the whole
 * result) and <key>.sum.json (its summary, written last: a result is staged
 * once its summary exists). Every write goes to a temporary file first and is
 * renamed into place, so a run killed at any moment leaves whole files or
 * none. last-good.json maps each path to the key of its last good record,
 * the memory that lets a file that now fails keep its last good facts.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ReadFileError } from '../src/errors.ts';
import { summarize, type StagedResult, type StagedSummary } from './staged-result.ts';

const LAST_GOOD = 'last-good.json';

/**
 * gzip level of a staged result: the fastest. A record's JSON repeats its
 * keys, so level 1 already keeps a tenth of it (about 4 KB of a 50 KB text
 * report's record) at a third of the default level's time.
 */
const STAGE_GZIP_LEVEL = 1;

/** Writes data to path through a temporary file beside it and a rename. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * writeAtomic, blocking: for a worker thread, where waiting costs nothing and
 * each await would be a round trip through libuv's threads. The folder is
 * made only when the write finds it missing (once per results/<xx>/).
 */
function writeAtomicSync(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    try {
      writeFileSync(tmp, data);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(tmp, data);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export class StageStore {
  constructor(readonly dir: string) {}

  private base(key: string): string {
    return join(this.dir, 'results', key.slice(0, 2), key);
  }

  /**
   * Look-ups and reads of the stage block: a run looks up every listed file
   * (a no-op night looks up all of them), and each fs/promises call is
   * several round trips through libuv's threads for a file of a few
   * kilobytes.
   */
  async has(key: string): Promise<boolean> {
    try {
      return statSync(`${this.base(key)}.sum.json`, { throwIfNoEntry: false }) !== undefined;
    } catch {
      return false;
    }
  }

  /**
   * Stages one result; returns its summary. Blocking: it runs in the worker
   * that read the file (pipeline/read-document-worker.ts), where the main
   * thread does not wait for it.
   */
  put(result: StagedResult): StagedSummary {
    const summary = summarize(result);
    writeAtomicSync(`${this.base(result.key)}.json.gz`, gzipSync(JSON.stringify(result), { level: STAGE_GZIP_LEVEL }));
    writeAtomicSync(`${this.base(result.key)}.sum.json`, JSON.stringify(summary));
    return summary;
  }

  async summary(key: string): Promise<StagedSummary> {
    const file = `${this.base(key)}.sum.json`;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as StagedSummary;
    } catch (e) {
      throw new ReadFileError(file, e);
    }
  }

  async result(key: string): Promise<StagedResult> {
    const file = `${this.base(key)}.json.gz`;
    try {
      return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as StagedResult;
    } catch (e) {
      throw new ReadFileError(file, e);
    }
  }

  /** path -> key of its last good record; empty for a new stage. */
  async lastGood(): Promise<Map<string, string>> {
    let text: string;
    try {
      text = await readFile(join(this.dir, LAST_GOOD), 'utf8');
    } catch {
      return new Map();
    }
    return new Map(Object.entries(JSON.parse(text) as Record<string, string>));
  }

  async setLastGood(index: ReadonlyMap<string, string>): Promise<void> {
    const sorted = Object.fromEntries([...index.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeAtomic(join(this.dir, LAST_GOOD), JSON.stringify(sorted, null, 0));
  }
}
