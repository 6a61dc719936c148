/**
 * The stage: every file's StagedResult, kept beside the warehouse as soon as
 * it is read, by stage key (pipeline/staged-result.ts).
 *
 * Results are appended to segment files, not written a file each: creating
 * a file costs 0.2 to 1 ms on an ext4 disk, most of what staging a text
 * report costs, and appending to one that exists a few microseconds. Each
 * thread that stages (a worker of the pool, or the main thread) appends to
 * its own pair of files under segments/: <writer>.seg holds the results, as
 * gzipped JSON one after another, and <writer>.idx a line per result: its
 * key, where it lies in the .seg, and its summary. The line is appended after
 * the result, so a run killed at any moment leaves whole results and at most
 * a cut line at the end of an index, which is not read: a result is staged
 * once its index line is whole. A key staged twice (read again with --force)
 * gives the same result; either copy is read.
 *
 * last-good.json maps each path to the key of its last good record, the
 * memory that lets a file that now fails keep its last good facts.
 *
 * Stages of earlier versions (results/<xx>/<key>.stage, .json.gz and
 * .sum.json files) are not read: their files are read again once.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ReadFileError } from '../src/errors.ts';
import { summarize, summaryFromJson, type StagedResult, type StagedSummary } from './staged-result.ts';

const LAST_GOOD = 'last-good.json';
const SEGMENTS = 'segments';
const RESULTS_SUFFIX = '.seg';
const INDEX_SUFFIX = '.idx';

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

/** This thread's segment pair: one name per thread of this process. */
const WRITER = `${process.pid}-${threadId}-${randomBytes(4).toString('hex')}`;

/** Appends data to a file (made, with its folder, when missing); returns the file's length before the append. */
function appendSync(path: string, data: Uint8Array): number {
  let fd: number;
  try {
    fd = openSync(path, 'a');
  } catch (e) {
    // The stage's first result, or a stage deleted since this thread last wrote to it.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, 'a');
  }
  try {
    const at = fstatSync(fd).size;
    for (let done = 0; done < data.length; ) done += writeSync(fd, data, done);
    return at;
  } finally {
    closeSync(fd);
  }
}

/** Reads `length` bytes of an open file from `position` on (fewer when the file ends first). */
function readRange(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, bytes, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? bytes : bytes.subarray(0, done);
}

/** The bytes of a file from `from` on (from its start when it is shorter than that); null when it cannot be read. */
function readFrom(file: string, from: number): { from: number; bytes: Buffer } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    const start = size < from ? 0 : from;
    return { from: start, bytes: readRange(fd, start, size - start) };
  } finally {
    closeSync(fd);
  }
}

/** `length` bytes of a file from `position` on; throws when the file ends first (`what` names them). */
function readAt(file: string, position: number, length: number, what: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const bytes = readRange(fd, position, length);
    if (bytes.length < length) throw new Error(`the file ends before ${what}`);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/**
 * Where one staged result lies, and where its summary lies in the index that
 * says so (read and parsed when asked for). An entry holds positions, not
 * the summary's text: text cut from an index file would keep the whole file
 * in memory (about 3.5 KB a report, 350 MB for a national year).
 */
interface Entry {
  index: string;
  segment: string;
  offset: number;
  length: number;
  summaryAt: number;
  summaryLength: number;
}

const NEWLINE = 0x0a;
const TAB = 0x09;

export class StageStore {
  /** Every whole index line read so far, by key. */
  private readonly entries = new Map<string, Entry>();
  /** Bytes of each index file read so far (up to its last whole line). */
  private readonly consumed = new Map<string, number>();
  private loaded = false;

  constructor(readonly dir: string) {}

  private get segments(): string {
    return join(this.dir, SEGMENTS);
  }

  /** Reads what the index files hold beyond what was read before (an index shorter than that was made again: read whole). */
  private refresh(): void {
    let names: string[];
    try {
      names = readdirSync(this.segments).filter((n) => n.endsWith(INDEX_SUFFIX));
    } catch {
      return; // no stage yet
    }
    for (const name of names) {
      const file = join(this.segments, name);
      const tail = readFrom(file, this.consumed.get(file) ?? 0);
      if (tail === null) continue;
      const end = tail.bytes.lastIndexOf(NEWLINE) + 1;
      if (end === 0) continue;
      const segment = join(this.segments, `${name.slice(0, -INDEX_SUFFIX.length)}${RESULTS_SUFFIX}`);
      // key<TAB>offset<TAB>length<TAB>summary: the first three fields are ASCII.
      for (let start = 0; start < end; ) {
        const stop = tail.bytes.indexOf(NEWLINE, start);
        const tab1 = tail.bytes.indexOf(TAB, start);
        const tab2 = tail.bytes.indexOf(TAB, tab1 + 1);
        const tab3 = tail.bytes.indexOf(TAB, tab2 + 1);
        if (tab1 !== -1 && tab3 !== -1 && tab3 < stop) {
          this.entries.set(tail.bytes.toString('latin1', start, tab1), {
            index: file,
            segment,
            offset: Number(tail.bytes.toString('latin1', tab1 + 1, tab2)),
            length: Number(tail.bytes.toString('latin1', tab2 + 1, tab3)),
            summaryAt: tail.from + tab3 + 1,
            summaryLength: stop - tab3 - 1,
          });
        }
        start = stop + 1;
      }
      this.consumed.set(file, tail.from + end);
    }
  }

  /** Reads the index files once, at the first look-up. */
  private load(): void {
    if (this.loaded) return;
    this.refresh();
    this.loaded = true;
  }

  /** The entry of a key: from the index as first read, or, for a key staged since, as read again. */
  private entry(key: string): Entry | undefined {
    this.load();
    let found = this.entries.get(key);
    if (found === undefined) {
      this.refresh();
      found = this.entries.get(key);
    }
    return found;
  }

  /**
   * Whether a key is staged, as the index stood when first read: a run asks
   * for each listed file before reading any (a key staged later in the run
   * is known from what staging it returned).
   */
  async has(key: string): Promise<boolean> {
    this.load();
    return this.entries.has(key);
  }

  /**
   * Stages one result; returns its summary. Blocking: it runs in the worker
   * that read the file (pipeline/read-document-worker.ts), where the main
   * thread does not wait for it.
   */
  put(result: StagedResult): StagedSummary {
    const summary = summarize(result);
    const data = gzipSync(JSON.stringify(result), { level: STAGE_GZIP_LEVEL });
    const base = join(this.segments, WRITER);
    const offset = appendSync(`${base}${RESULTS_SUFFIX}`, data);
    appendSync(`${base}${INDEX_SUFFIX}`, Buffer.from(`${result.key}\t${offset}\t${data.length}\t${JSON.stringify(summary)}\n`, 'utf8'));
    return summary;
  }

  private located(key: string): Entry {
    const found = this.entry(key);
    if (found === undefined) throw new ReadFileError(join(this.segments, `*${INDEX_SUFFIX}`), new Error(`stage key ${key} is not in the stage`));
    return found;
  }

  async summary(key: string): Promise<StagedSummary> {
    const { index, summaryAt, summaryLength } = this.located(key);
    try {
      return summaryFromJson(readAt(index, summaryAt, summaryLength, `the summary of ${key}`).toString('utf8'));
    } catch (e) {
      throw new ReadFileError(index, e);
    }
  }

  async result(key: string): Promise<StagedResult> {
    const { segment, offset, length } = this.located(key);
    try {
      return JSON.parse(gunzipSync(readAt(segment, offset, length, `the result of ${key}`)).toString('utf8')) as StagedResult;
    } catch (e) {
      throw new ReadFileError(segment, e);
    }
  }

  /** Keys staged, as the index files hold them now. */
  async keys(): Promise<string[]> {
    this.refresh();
    this.loaded = true;
    return [...this.entries.keys()];
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
