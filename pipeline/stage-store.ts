/**
 * The stage: every file's StagedResult, kept beside the warehouse as soon as
 * it is read, by stage key (pipeline/staged-result.ts). Each result is one
 * file, results/<first two hex digits>/<key>.stage: its summary as one line
 * of JSON, then the whole result as gzipped JSON. The file is written under a
 * temporary name and renamed into place, so a run killed at any moment leaves
 * a whole result or none, and a result is staged once its file exists.
 * last-good.json maps each path to the key of its last good record, the
 * memory that lets a file that now fails keep its last good facts.
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
 * A staged result's file name ends so. Stages written before results were
 * one file each (<key>.json.gz and <key>.sum.json) are not read: their files
 * are read again once.
 */
const RESULT_SUFFIX = '.stage';

/** Ends the summary line at the head of a result file. */
const SUMMARY_END = 0x0a;

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
 * Folders this thread has written into (results/<xx>/). A write into one of
 * them goes straight ahead; into any other, the folder is made first, rather
 * than found missing by a failed write (a thrown error costs more than the
 * write).
 */
const knownFolders = new Set<string>();

function writeMakingFolder(tmp: string, data: Uint8Array): void {
  const folder = dirname(tmp);
  if (!knownFolders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    knownFolders.add(folder);
    writeFileSync(tmp, data);
    return;
  }
  try {
    writeFileSync(tmp, data);
  } catch (e) {
    // The folder was removed since (a stage deleted between two runs of one process).
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    knownFolders.delete(folder);
    writeMakingFolder(tmp, data);
  }
}

/**
 * writeAtomic, blocking: for a worker thread, where waiting costs nothing and
 * each await would be a round trip through libuv's threads.
 */
function writeAtomicSync(path: string, data: Uint8Array): void {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeMakingFolder(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export class StageStore {
  constructor(readonly dir: string) {}

  private file(key: string): string {
    return join(this.dir, 'results', key.slice(0, 2), `${key}${RESULT_SUFFIX}`);
  }

  /** A result file's bytes, and where its summary line ends. */
  private read(key: string): { bytes: Buffer; end: number; file: string } {
    const file = this.file(key);
    try {
      const bytes = readFileSync(file);
      const end = bytes.indexOf(SUMMARY_END);
      if (end < 0) throw new Error('no summary line');
      return { bytes, end, file };
    } catch (e) {
      throw new ReadFileError(file, e);
    }
  }

  /**
   * Look-ups and reads of the stage block: a run looks up every listed file
   * (a no-op night looks up all of them), and each fs/promises call is
   * several round trips through libuv's threads for a file of a few
   * kilobytes.
   */
  async has(key: string): Promise<boolean> {
    try {
      return statSync(this.file(key), { throwIfNoEntry: false }) !== undefined;
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
    const head = Buffer.from(`${JSON.stringify(summary)}\n`, 'utf8');
    writeAtomicSync(this.file(result.key), Buffer.concat([head, gzipSync(JSON.stringify(result), { level: STAGE_GZIP_LEVEL })]));
    return summary;
  }

  async summary(key: string): Promise<StagedSummary> {
    const { bytes, end, file } = this.read(key);
    try {
      return JSON.parse(bytes.toString('utf8', 0, end)) as StagedSummary;
    } catch (e) {
      throw new ReadFileError(file, e);
    }
  }

  async result(key: string): Promise<StagedResult> {
    const { bytes, end, file } = this.read(key);
    try {
      return JSON.parse(gunzipSync(bytes.subarray(end + 1)).toString('utf8')) as StagedResult;
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
