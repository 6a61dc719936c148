/**
 * Writes a batch of documents into the warehouse in one transaction: every
 * document's previous rows (found by source path) are deleted, its new rows
 * appended (regions are the gazetteer, written on open, never by a load); on any error the transaction rolls back and the warehouse is as
 * it was. Facts go in through DuckDB Appenders on the same connection, which
 * take part in the open transaction (rolled back with it).
 *
 * The contents after a load depend only on the set of documents loaded,
 * never on their order: ids are derived from content (ids.ts), agencies
 * shared by several reports are merged column by column (least non-null
 * value), and agencies nothing refers to any more are dropped.
 */
import type { DuckDBAppender } from '@duckdb/node-api';
import { LoadError } from '../errors.ts';
import type { DocumentResult } from './document-result.ts';
import { documentRows, FACT_TABLES, type DocumentRows, type FactTable, type Row } from './document-rows.ts';
import { appendRow, reasonOf, toLoadError, type TableName, type Warehouse } from './warehouse-connection.ts';

export interface LoadOptions {
  /** The raw folder the batch was read from (absolute), kept in warehouse_meta for v_evidence. */
  rawRoot?: string;
  /**
   * Source paths of every file still in the raw folder. When given, reports
   * whose path is neither here nor in the batch are removed in the same
   * transaction (their file is gone).
   */
  keepPaths?: readonly string[];
}

export interface LoadSummary {
  /** Documents written (after dropping repeats of a path within the batch: the last one wins). */
  documents: number;
  records: number;
  failures: number;
  /** Reports removed because their file is gone (keepPaths). */
  removed: number;
  /** Fact rows written, all three fact tables. */
  facts: number;
  issues: number;
}

const FACT_TABLE_NAMES = Object.values(FACT_TABLES) as FactTable[];
/** Tables whose rows belong to one report. */
const REPORT_TABLES: readonly TableName[] = [...FACT_TABLE_NAMES, 'validation_issues', 'reports'];

/**
 * Appenders are flushed every FLUSH_EVERY documents: DuckDB checks
 * constraints at the flush, and flushing after every document costs about
 * three times the load time. When a flush of several documents fails, the
 * batch is rolled back and retried flushing after each document, so the
 * error names the one file at fault.
 */
const FLUSH_EVERY = 64;

/** A flush covering several documents failed; which one is at fault is unknown. */
class AmbiguousFlushError extends Error {
  constructor(readonly files: readonly string[], cause: unknown) {
    super(`flush of ${files.length} documents failed: ${reasonOf(cause)}`, { cause });
  }
}

interface Context {
  /** The file an error would concern: the document being written, else the database. */
  file: string;
}

/** BEGIN … COMMIT around body; ROLLBACK and a LoadError on any failure. */
async function inTransaction<T>(wh: Warehouse, body: (ctx: Context) => Promise<T>): Promise<T> {
  const ctx: Context = { file: wh.path };
  const conn = wh.connection;
  try {
    await conn.run('BEGIN TRANSACTION');
  } catch (e) {
    throw toLoadError(e, wh.path, 'cannot start a warehouse transaction');
  }
  try {
    const out = await body(ctx);
    ctx.file = wh.path;
    await conn.run('COMMIT');
    return out;
  } catch (e) {
    try {
      await conn.run('ROLLBACK');
    } catch {
      // Nothing to roll back (COMMIT itself failed and ended the transaction).
    }
    if (e instanceof LoadError || e instanceof AmbiguousFlushError) throw e;
    throw new LoadError(ctx.file, `cannot load into the warehouse (${wh.path}), nothing from this batch was written: ${reasonOf(e)}`, e);
  }
}

/**
 * Closes appenders after a failure. Their unflushed rows are cleared first:
 * an appender whose close failed is destroyed later by the garbage
 * collector, and would flush them then, into whatever transaction is open.
 */
function closeQuietly(appenders: Iterable<DuckDBAppender>): void {
  for (const a of appenders) {
    try {
      a.clear();
      a.closeSync();
    } catch {
      // Already failed; the transaction is rolled back by the caller.
    }
  }
}

/** Fills a fresh one-column temp table with the given strings. */
async function stageStrings(wh: Warehouse, table: string, column: string, values: Iterable<string>): Promise<void> {
  await wh.connection.run(`CREATE OR REPLACE TEMP TABLE ${table} (${column} VARCHAR NOT NULL)`);
  const appender = await wh.connection.createAppender(table, 'main', 'temp');
  try {
    for (const v of values) {
      appender.appendVarchar(v);
      appender.endRow();
    }
    appender.closeSync();
  } catch (e) {
    closeQuietly([appender]);
    throw e;
  }
}

/** Deletes every row of the reports listed in temp table _nb_gone(report_id). */
async function deleteGoneReports(wh: Warehouse): Promise<void> {
  for (const table of REPORT_TABLES) {
    await wh.connection.run(`DELETE FROM ${table} WHERE report_id IN (SELECT report_id FROM _nb_gone)`);
  }
}

/** Drops agencies no report refers to. */
async function dropUnreferenced(wh: Warehouse): Promise<void> {
  await wh.connection.run(
    `DELETE FROM agencies WHERE agency_id NOT IN (SELECT agency_id FROM reports WHERE agency_id IS NOT NULL)`,
  );
}

/**
 * Upserts the staged rows of `table` (temp table `stage`, same columns):
 * rows sharing a key merge column by column, keeping the least non-null
 * value (the greatest for columns in `greatest`), both within the batch
 * (min/max) and against the stored row (least/greatest). Commutative, so
 * the merged row does not depend on load order.
 */
async function upsertMerged(wh: Warehouse, table: TableName, stage: string, key: string, greatest: readonly string[] = []): Promise<void> {
  const others = wh.columnsOf(table).map((c) => c.name).filter((c) => c !== key);
  const agg = (c: string) => (greatest.includes(c) ? 'max' : 'min');
  const pick = (c: string) => (greatest.includes(c) ? 'greatest' : 'least');
  await wh.connection.run(
    `INSERT INTO ${table} (${key}, ${others.join(', ')})
     SELECT ${key}, ${others.map((c) => `${agg(c)}(${c})`).join(', ')} FROM ${stage} GROUP BY ${key}
     ON CONFLICT (${key}) DO UPDATE SET ${others.map((c) => `${c} = ${pick(c)}(${table}.${c}, excluded.${c})`).join(', ')}`,
  );
}

/** The documents of a batch, one per source path (the last given wins), in path order. */
function batchRows(results: readonly DocumentResult[]): DocumentRows[] {
  const latest = new Map<string, DocumentResult>();
  for (const r of results) latest.set(r.source.path, r);
  return [...latest.keys()].sort().map((path) => {
    try {
      return documentRows(latest.get(path) as DocumentResult);
    } catch (e) {
      throw toLoadError(e, path, 'cannot turn the record into warehouse rows');
    }
  });
}

/**
 * Loads a batch in one transaction. Re-loading the same documents leaves
 * every table as it was; documents not in the batch are untouched (unless
 * options.keepPaths says their file is gone).
 */
export async function loadBatch(wh: Warehouse, results: readonly DocumentResult[], options: LoadOptions = {}): Promise<LoadSummary> {
  const docs = batchRows(results);
  return wh.exclusive(async () => {
    try {
      return await inTransaction(wh, (ctx) => writeBatch(wh, ctx, docs, options, FLUSH_EVERY));
    } catch (e) {
      if (!(e instanceof AmbiguousFlushError)) throw e;
      // Rolled back; again, one flush per document, to name the file at fault.
      try {
        return await inTransaction(wh, (ctx) => writeBatch(wh, ctx, docs, options, 1));
      } catch (again) {
        if (again instanceof AmbiguousFlushError) throw toLoadError(again.cause, again.files[0] ?? wh.path, 'cannot load into the warehouse');
        throw again;
      }
    }
  });
}

async function writeBatch(wh: Warehouse, ctx: Context, docs: readonly DocumentRows[], options: LoadOptions, flushEvery: number): Promise<LoadSummary> {
  const summary: LoadSummary = { documents: docs.length, records: 0, failures: 0, removed: 0, facts: 0, issues: 0 };
  const conn = wh.connection;
  // 1. Which stored reports go: the batch's own paths (replaced) and, with keepPaths, those whose file is gone.
  await stageStrings(wh, '_nb_paths', 'source_path', docs.map((d) => d.sourcePath));
  await stageStrings(wh, '_nb_ids', 'report_id', docs.map((d) => d.reportId));
  let gone = `SELECT report_id, source_path FROM reports
              WHERE source_path IN (SELECT source_path FROM _nb_paths) OR report_id IN (SELECT report_id FROM _nb_ids)`;
  if (options.keepPaths) {
    await stageStrings(wh, '_nb_keep', 'source_path', options.keepPaths);
    gone += ` UNION SELECT report_id, source_path FROM reports
              WHERE source_path NOT IN (SELECT source_path FROM _nb_keep) AND source_path NOT IN (SELECT source_path FROM _nb_paths)`;
  }
  // Rows of the batch's report ids are deleted too, even if orphaned from their report row.
  await conn.run(`CREATE OR REPLACE TEMP TABLE _nb_gone AS ${gone} UNION SELECT report_id, NULL FROM _nb_ids`);
  const removed = await conn.runAndReadAll(
    `SELECT count(*) FROM _nb_gone WHERE source_path IS NOT NULL AND source_path NOT IN (SELECT source_path FROM _nb_paths)`,
  );
  summary.removed = Number(removed.getRows()[0]?.[0] ?? 0);
  await deleteGoneReports(wh);

  // 2. Append the documents (agencies and regions to staging tables).
  await conn.run('CREATE OR REPLACE TEMP TABLE _nb_agencies AS SELECT * FROM agencies LIMIT 0');
  const targets: TableName[] = ['reports', ...FACT_TABLE_NAMES, 'validation_issues'];
  const appenders = new Map<TableName, DuckDBAppender>();
  const staging: DuckDBAppender[] = [];
  try {
    for (const t of targets) appenders.set(t, await conn.createAppender(t));
    const stageAgencies = await conn.createAppender('_nb_agencies', 'main', 'temp');
    staging.push(stageAgencies);
    const append = (table: TableName, rows: readonly Row[]): void => {
      const appender = appenders.get(table) as DuckDBAppender;
      const columns = wh.columnsOf(table);
      for (const row of rows) appendRow(appender, columns, row);
    };
    let unflushed: string[] = [];
    const flush = (): void => {
      try {
        for (const a of appenders.values()) a.flushSync();
      } catch (e) {
        if (unflushed.length > 1) throw new AmbiguousFlushError(unflushed, e);
        throw e;
      }
      unflushed = [];
    };
    for (const doc of docs) {
      ctx.file = doc.sourcePath;
      append('reports', [doc.report]);
      for (const t of FACT_TABLE_NAMES) {
        append(t, doc.facts[t]);
        summary.facts += doc.facts[t].length;
      }
      append('validation_issues', doc.issues);
      summary.issues += doc.issues.length;
      if (doc.agency) appendRow(stageAgencies, wh.columnsOf('agencies'), doc.agency);
      if (doc.report.status === 'failed' || doc.report.status === 'needs_ocr') summary.failures++;
      else summary.records++;
      unflushed.push(doc.sourcePath);
      if (unflushed.length >= flushEvery) flush();
    }
    if (unflushed.length > 0) {
      ctx.file = unflushed[0] as string;
      flush();
    }
    ctx.file = wh.path;
    for (const a of [...appenders.values(), ...staging]) a.closeSync();
  } catch (e) {
    closeQuietly([...appenders.values(), ...staging]);
    throw e;
  }

  // 3. Agencies: merge, then drop what nothing refers to; the raw folder for v_evidence.
  await upsertMerged(wh, 'agencies', '_nb_agencies', 'agency_id');
  await dropUnreferenced(wh);
  if (options.rawRoot !== undefined) {
    await conn.run(`INSERT OR REPLACE INTO warehouse_meta VALUES ('raw_root', $1)`, [options.rawRoot]);
  }
  await conn.run('DROP TABLE _nb_paths; DROP TABLE _nb_ids; DROP TABLE IF EXISTS _nb_keep; DROP TABLE _nb_gone; DROP TABLE _nb_agencies');
  return summary;
}

/** Deletes every report (and its rows) whose source path is not in keepPaths. Returns how many reports went. */
export async function removeMissing(wh: Warehouse, keepPaths: readonly string[]): Promise<number> {
  return wh.exclusive(() =>
    inTransaction(wh, async () => {
      const conn = wh.connection;
      await stageStrings(wh, '_nb_keep', 'source_path', keepPaths);
      await conn.run(
        `CREATE OR REPLACE TEMP TABLE _nb_gone AS SELECT report_id FROM reports WHERE source_path NOT IN (SELECT source_path FROM _nb_keep)`,
      );
      const n = Number((await conn.runAndReadAll('SELECT count(*) FROM _nb_gone')).getRows()[0]?.[0] ?? 0);
      await deleteGoneReports(wh);
      await dropUnreferenced(wh);
      await conn.run('DROP TABLE _nb_keep; DROP TABLE _nb_gone');
      return n;
    }),
  );
}
