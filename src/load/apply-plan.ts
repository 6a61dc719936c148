/**
 * Writes a plan's difference into a warehouse in one transaction: the
 * reports whose content key changed or that are new get their rows again
 * (deleted, then written: their facts and issues from row files the run's
 * workers make, which DuckDB loads; without them, or should they fail, by
 * the appender, their records one at a time from `recordOf`, so no more than
 * one record is held), reports the plan no longer has go,
 * the rest is not touched. agencies and sources (one row per agency, file)
 * are made the plan's rows, writing only the rows that differ; regions is
 * the gazetteer, written when the warehouse is opened (warehouse-regions.ts),
 * never here; one runs row is added. On any error the transaction rolls back.
 */
import { rm } from 'node:fs/promises';
import type { DuckDBAppender } from '@duckdb/node-api';
import type { ReportRecord } from '../transform/record.ts';
import { RECORD_ROW_TABLES, recordRows, reportRow, type RecordRowTable, type Row } from './document-rows.ts';
import type { PlannedReport, SourceRow } from './planned-report.ts';
import { insertRowFiles } from './row-files.ts';
import { appendRow, reasonOf, toLoadError, type Column, type TableName, type Warehouse } from './warehouse-connection.ts';

export interface WarehouseWrite {
  reports: readonly PlannedReport[];
  agencies: readonly Row[];
  sources: readonly SourceRow[];
  /** The run's start, ISO 8601: last_seen of every source, first_seen of new ones. */
  seenAt: string;
  /** The runs row without run_id and the report counts (filled in here). */
  run: Row;
}

export interface WriteSummary {
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
  runId: number;
  /** How the facts and issues went in: DuckDB loading the workers' row files, or the appender, report by report. */
  via: 'row files' | 'appender';
}

const REPORT_TABLES: readonly TableName[] = [...RECORD_ROW_TABLES, 'reports'];

/** Appender flushes: DuckDB checks constraints at a flush; every FLUSH_EVERY reports keeps memory flat without the cost of one flush per report. */
const FLUSH_EVERY = 64;

/** A chunk of planned reports whose facts and issues are to be written as row files (src/load/row-json.ts). */
export interface RowFilesChunk {
  reports: readonly PlannedReport[];
  /** Each table's columns, in the warehouse's order. */
  columns: Record<RecordRowTable, readonly Column[]>;
}

/** The row files of a chunk, by table; a table the chunk has no rows for has none. */
export type RowFiles = Partial<Record<RecordRowTable, string>>;

/**
 * Writes a chunk's row files (the run's workers do: pipeline/write-row-files.ts);
 * `chunk` numbers the chunks of a write from 0, for the files' names.
 */
export type RowFileMaker = (rows: RowFilesChunk, chunk: number) => Promise<RowFiles>;

export interface RowFilesWrite {
  make: RowFileMaker;
  /** Told why the row files failed, before the reports are written one by one instead. */
  onFallback: (reason: string) => void;
}

/**
 * Reports a worker turns into row files at a time: 1,000 reports make 16
 * chunks, which two workers share evenly, and the last chunk leaves one of
 * them idle for a fraction of a second at most.
 */
const ROW_CHUNK = 64;
/** Chunks DuckDB loads in one statement a table: the first loads start while the workers still write the rest. */
const CHUNKS_PER_LOAD = 4;
/** Chunks handed to the workers ahead of the load: every worker busy, and no more than a few megabytes of row files on disk. */
const CHUNKS_AHEAD = 8;

async function tempStrings(wh: Warehouse, table: string, values: Iterable<string>): Promise<void> {
  await wh.connection.run(`CREATE OR REPLACE TEMP TABLE ${table} (v VARCHAR NOT NULL)`);
  const a = await wh.connection.createAppender(table, 'main', 'temp');
  for (const v of values) {
    a.appendVarchar(v);
    a.endRow();
  }
  a.closeSync();
}

/**
 * Makes a keyed table hold the plan's rows: they are appended to a temporary
 * table, the stored rows not among them (gone, or different in a column
 * compared) are deleted and the rows not stored appended. A night that
 * changes a few agencies touches a few rows. Deleting and appending every
 * row instead, most of it DuckDB updating the keys' indexes, made a run
 * over a national folder of 100,300 files with nothing new take 20.4 s
 * against 14.6.
 */
async function syncTable(wh: Warehouse, table: TableName, key: string, rows: readonly Row[], notCompared: readonly string[] = []): Promise<void> {
  const conn = wh.connection;
  await conn.run(`CREATE OR REPLACE TEMP TABLE _nb_rows AS SELECT * FROM ${table} LIMIT 0`);
  const a = await conn.createAppender('_nb_rows', 'main', 'temp');
  try {
    for (const row of rows) appendRow(a, wh.columnsOf(table), row);
    a.closeSync();
  } catch (e) {
    a.closeSync();
    throw e;
  }
  const compared = notCompared.length > 0 ? `* EXCLUDE (${notCompared.join(', ')})` : '*';
  await conn.run(`DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM (SELECT ${compared} FROM ${table} EXCEPT SELECT ${compared} FROM _nb_rows))`);
  await conn.run(`INSERT INTO ${table} SELECT * FROM _nb_rows WHERE ${key} NOT IN (SELECT ${key} FROM ${table})`);
  await conn.run('DROP TABLE _nb_rows');
}

/** The published content keys, by report_id. */
async function storedKeys(wh: Warehouse): Promise<Map<string, string>> {
  const rows = await wh.queryNow('SELECT report_id, content_key FROM reports');
  return new Map(rows.map((r) => [r.report_id as string, r.content_key as string]));
}

type LoadedRecord = { record: ReportRecord | null } | { error: unknown };

/**
 * The records of `todo`, in order, one at a time (the stage reads a record
 * with blocking calls: a few kilobytes, faster than a round trip through
 * libuv's threads); a failed read is an outcome, never an unhandled rejection.
 */
async function* recordsOf(todo: readonly PlannedReport[], recordOf: (p: PlannedReport) => Promise<ReportRecord | null>): AsyncGenerator<LoadedRecord> {
  for (const p of todo) {
    yield p.recordKey === null ? { record: null } : await recordOf(p).then((record) => ({ record }), (error: unknown) => ({ error }));
  }
}

/** A flush covering several reports failed: which one is at fault is unknown until written one flush per report. */
class AmbiguousFlushError extends Error {}

function flushAll(appenders: Iterable<DuckDBAppender>, unflushed: readonly string[]): void {
  try {
    for (const a of appenders) a.flushSync();
  } catch (e) {
    if (unflushed.length > 1) throw new AmbiguousFlushError(String(e), { cause: e });
    throw toLoadError(e, unflushed[0] ?? '', 'cannot write the report');
  }
}

async function writeReports(
  wh: Warehouse,
  todo: readonly PlannedReport[],
  recordOf: (p: PlannedReport) => Promise<ReportRecord | null>,
  flushEvery: number,
): Promise<void> {
  const appenders = new Map<TableName, DuckDBAppender>();
  try {
    for (const t of ['reports', ...RECORD_ROW_TABLES] as TableName[]) appenders.set(t, await wh.connection.createAppender(t));
    const append = (t: TableName, rows: readonly Row[]) => {
      const a = appenders.get(t) as DuckDBAppender;
      for (const row of rows) appendRow(a, wh.columnsOf(t), row);
    };
    let unflushed: string[] = [];
    let i = 0;
    for await (const loaded of recordsOf(todo, recordOf)) {
      const planned = todo[i++] as PlannedReport;
      try {
        if ('error' in loaded) throw loaded.error;
        append('reports', [reportRow(planned)]);
        const rows = recordRows(planned, loaded.record);
        for (const t of RECORD_ROW_TABLES) append(t, rows[t]);
      } catch (e) {
        throw toLoadError(e, planned.sourcePath, 'cannot write the report');
      }
      unflushed.push(planned.sourcePath);
      if (unflushed.length >= flushEvery) {
        flushAll(appenders.values(), unflushed);
        unflushed = [];
      }
    }
    flushAll(appenders.values(), unflushed);
    for (const a of appenders.values()) a.closeSync();
  } catch (e) {
    // Unflushed rows are cleared first: an appender whose close failed is
    // destroyed later by the garbage collector, and would flush them then,
    // into whatever transaction is open.
    for (const a of appenders.values()) {
      try {
        a.clear();
        a.closeSync();
      } catch {
        // Already failed; the transaction rolls back.
      }
    }
    throw e;
  }
}

/** The row files failed (a worker, a record, a value JSON cannot carry exactly, DuckDB refusing a row): the write is made again report by report. */
class RowFilesFailed extends Error {}

/**
 * The reports' rows, the facts and issues from row files the workers write
 * (pipeline/write-row-files.ts) and DuckDB loads: reading the records back,
 * building the rows and appending them value by value was most of a write,
 * on the main thread alone. Each table gets its rows in the order the
 * appender would give them.
 */
async function writeReportsFromRowFiles(wh: Warehouse, todo: readonly PlannedReport[], make: RowFileMaker): Promise<void> {
  const columns = Object.fromEntries(RECORD_ROW_TABLES.map((t) => [t, wh.columnsOf(t)])) as Record<RecordRowTable, readonly Column[]>;
  const chunks: PlannedReport[][] = [];
  for (let i = 0; i < todo.length; i += ROW_CHUNK) chunks.push(todo.slice(i, i + ROW_CHUNK));
  const made: Array<Promise<RowFiles>> = [];
  const handOut = (upTo: number): void => {
    while (made.length < Math.min(upTo, chunks.length)) {
      const files = make({ reports: chunks[made.length] as PlannedReport[], columns }, made.length);
      files.catch(() => undefined); // awaited in turn below, or settled before the failure is thrown
      made.push(files);
    }
  };
  try {
    handOut(CHUNKS_AHEAD);
    const reports = await wh.connection.createAppender('reports');
    try {
      for (const planned of todo) appendRow(reports, wh.columnsOf('reports'), reportRow(planned));
      reports.closeSync();
    } catch (e) {
      try {
        reports.clear();
        reports.closeSync();
      } catch {
        // Already failed; the transaction rolls back.
      }
      throw e;
    }
    for (let first = 0; first < chunks.length; first += CHUNKS_PER_LOAD) {
      handOut(first + CHUNKS_AHEAD);
      const loaded = await Promise.all(made.slice(first, first + CHUNKS_PER_LOAD));
      for (const t of RECORD_ROW_TABLES) await insertRowFiles(wh, t, loaded.flatMap((files) => files[t] ?? []));
      await Promise.all(loaded.flatMap((files) => Object.values(files)).map((file) => rm(file, { force: true })));
    }
  } catch (e) {
    await Promise.allSettled(made);
    throw new RowFilesFailed(reasonOf(e), { cause: e });
  }
}

/** The sources as listed now: first_seen kept for files seen before, last_seen this run's for all (set in place, not compared). */
async function writeSources(wh: Warehouse, sources: readonly SourceRow[], seenAt: string): Promise<void> {
  const first = new Map((await wh.queryNow('SELECT path, CAST(first_seen AS VARCHAR) AS f FROM sources')).map((r) => [r.path as string, r.f as string]));
  await syncTable(
    wh,
    'sources',
    'path',
    sources.map((s) => ({ ...s, first_seen: first.get(s.path) ?? seenAt, last_seen: seenAt })),
    ['last_seen'],
  );
  await wh.connection.run('UPDATE sources SET last_seen = $1', [seenAt]);
}

/**
 * Writes the plan. With `rowFiles`, the facts and issues come from row files
 * the workers write; should that fail, the transaction is rolled back and
 * the write made again with the appender, report by report, which names the
 * file at fault when one is.
 */
export async function applyPlan(
  wh: Warehouse,
  write: WarehouseWrite,
  recordOf: (p: PlannedReport) => Promise<ReportRecord | null>,
  rowFiles?: RowFilesWrite,
): Promise<WriteSummary> {
  return wh.exclusive(async () => {
    if (rowFiles) {
      try {
        return { ...(await writeAll(wh, write, (todo) => writeReportsFromRowFiles(wh, todo, rowFiles.make))), via: 'row files' };
      } catch (e) {
        if (!(e instanceof RowFilesFailed)) throw e;
        rowFiles.onFallback(e.message);
      }
    }
    try {
      return { ...(await writeAll(wh, write, (todo) => writeReports(wh, todo, recordOf, FLUSH_EVERY))), via: 'appender' };
    } catch (e) {
      if (!(e instanceof AmbiguousFlushError)) throw e;
      // Rolled back; again, one flush per report, to name the file at fault.
      return { ...(await writeAll(wh, write, (todo) => writeReports(wh, todo, recordOf, 1))), via: 'appender' };
    }
  });
}

async function writeAll(wh: Warehouse, write: WarehouseWrite, writeReportRows: (todo: readonly PlannedReport[]) => Promise<void>): Promise<Omit<WriteSummary, 'via'>> {
  {
    const conn = wh.connection;
    await conn.run('BEGIN TRANSACTION');
    try {
      const stored = await storedKeys(wh);
      const planned = new Set(write.reports.map((r) => r.reportId));
      const todo = write.reports.filter((r) => stored.get(r.reportId) !== r.contentKey);
      const gone = [...stored.keys()].filter((id) => !planned.has(id));
      const summary = {
        added: todo.filter((r) => !stored.has(r.reportId)).length,
        changed: todo.filter((r) => stored.has(r.reportId)).length,
        unchanged: write.reports.length - todo.length,
        removed: gone.length,
      };
      await tempStrings(wh, '_nb_gone', [...gone, ...todo.map((r) => r.reportId)]);
      for (const t of REPORT_TABLES) await conn.run(`DELETE FROM ${t} WHERE report_id IN (SELECT v FROM _nb_gone)`);
      await conn.run('DROP TABLE _nb_gone');
      await writeReportRows(todo);
      await syncTable(wh, 'agencies', 'agency_id', write.agencies);
      await writeSources(wh, write.sources, write.seenAt);
      const last = await wh.queryNow('SELECT coalesce(max(run_id), 0) AS n FROM runs');
      const runId = Number(last[0]?.n ?? 0) + 1;
      const run = { ...write.run, run_id: runId, new: summary.added, changed: summary.changed, unchanged: summary.unchanged, removed: summary.removed };
      const a = await conn.createAppender('runs');
      appendRow(a, wh.columnsOf('runs'), run);
      a.closeSync();
      await conn.run('COMMIT');
      return { ...summary, runId };
    } catch (e) {
      try {
        await conn.run('ROLLBACK');
      } catch {
        // COMMIT itself failed and ended the transaction.
      }
      if (e instanceof AmbiguousFlushError || e instanceof RowFilesFailed) throw e;
      throw toLoadError(e, wh.path, 'cannot write the warehouse, nothing of this run was written');
    }
  }
}
