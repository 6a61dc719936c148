/**
 * `nianbao export`: views (and tables, when named) of a published warehouse
 * to a folder as CSV, Parquet or one XLSX workbook, plus README.md and the
 * data dictionary (Markdown and CSV). Reads only: the warehouse is opened
 * read-only by the caller and nothing here writes to it.
 *
 * How the parts fit: export-views.ts picks the objects and their rows (one
 * --where filter, rows in a total order), csv-export.ts, parquet-export.ts and
 * xlsx-export.ts write one format each, export-readme.ts the README.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LoadError } from '../../errors.ts';
import { buildDictionary, type Dictionary, type DictionaryObject } from '../dictionary/build-dictionary.ts';
import { dictionaryCsv, dictionaryMarkdown } from '../dictionary/render-dictionary.ts';
import { catalogObjects } from '../warehouse-catalog.ts';
import { TABLES, type Warehouse } from '../warehouse-connection.ts';
import { reasonOf, toLoadError } from '../warehouse-errors.ts';
import { EXPORTED_VIEWS, readViews } from '../warehouse-views.ts';
import { writeCsv } from './csv-export.ts';
import { exportReadme, readWarehouseFacts } from './export-readme.ts';
import { writeParquet } from './parquet-export.ts';
import { writeXlsx } from './xlsx-export.ts';

export type ExportFileFormat = 'csv' | 'parquet' | 'xlsx';
export const EXPORT_FORMATS: readonly ExportFileFormat[] = ['csv', 'parquet', 'xlsx'];

export interface ExportRequest {
  dir: string;
  format: ExportFileFormat;
  /** Views or tables to export; default every analyst view (EXPORTED_VIEWS). */
  views?: readonly string[];
  /** A SQL condition over the exported columns ("year >= 2021"). */
  where?: string;
  /** Version of the code exporting, for the README. */
  codeVersion: string;
}

/** One object as exported: its dictionary entry and the SELECT giving its rows in a total order. */
export interface ExportObject {
  object: DictionaryObject;
  /** SELECT … FROM object [WHERE …] ORDER BY every column. */
  select: string;
  rows: number;
}

export interface ExportResult {
  dir: string;
  files: string[];
  objects: ExportObject[];
  /** Objects left out because the --where condition names a column they lack. */
  skipped: Array<{ name: string; reason: string }>;
}

/** A request the warehouse cannot answer as asked (unknown view, bad filter). */
export class ExportRequestError extends LoadError {}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function countRows(wh: Warehouse, select: string): Promise<number> {
  const rows = await wh.query(`SELECT count(*) AS n FROM (${select})`);
  return Number(rows[0]?.n ?? 0);
}

/** The objects to export, each with its filtered, ordered SELECT. */
async function exportObjects(wh: Warehouse, request: ExportRequest, objects: readonly DictionaryObject[]): Promise<{ chosen: ExportObject[]; skipped: ExportResult['skipped'] }> {
  const byName = new Map(objects.map((o) => [o.name, o]));
  const names = request.views && request.views.length > 0 ? request.views : EXPORTED_VIEWS;
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length > 0) {
    throw new ExportRequestError(wh.path, `no view or table named ${unknown.join(', ')}; there are ${objects.map((o) => o.name).join(', ')}`);
  }
  const chosen: ExportObject[] = [];
  const skipped: ExportResult['skipped'] = [];
  for (const name of names) {
    const object = byName.get(name) as DictionaryObject;
    const order = object.columns.map((c) => `${quoteIdent(c.name)} NULLS FIRST`).join(', ');
    const where = request.where ? ` WHERE (${request.where})` : '';
    const select = `SELECT * FROM ${quoteIdent(name)}${where} ORDER BY ${order}`;
    try {
      chosen.push({ object, select, rows: await countRows(wh, select) });
    } catch (e) {
      // A filter on year cannot apply to a view without a year: left out, and said so, unless the view was asked for.
      if (!request.where || request.views?.includes(name)) throw new ExportRequestError(wh.path, `cannot export ${name}: ${reasonOf(e)}`, e);
      skipped.push({ name, reason: `--where does not apply: ${reasonOf(e)}` });
    }
  }
  return { chosen, skipped };
}

async function writeDictionary(dir: string, dictionary: Dictionary): Promise<string[]> {
  const md = join(dir, 'dictionary.md');
  const csv = join(dir, 'dictionary.csv');
  await writeFile(md, dictionaryMarkdown(dictionary));
  await writeFile(csv, dictionaryCsv(dictionary));
  return [md, csv];
}

export async function exportViews(wh: Warehouse, request: ExportRequest): Promise<ExportResult> {
  const dir = resolve(request.dir);
  const objects = await wh.exclusive(async () => catalogObjects(wh.connection, TABLES, await readViews()));
  const { chosen, skipped } = await exportObjects(wh, request, objects);
  const dictionary = buildDictionary(chosen.map((c) => c.object));
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw toLoadError(e, dir, 'cannot create the export folder');
  }
  let files: string[];
  if (request.format === 'csv') files = await writeCsv(wh, dir, chosen);
  else if (request.format === 'parquet') files = await writeParquet(wh, dir, chosen, dictionary);
  else files = [await writeXlsx(wh, dir, chosen, dictionary)];
  const facts = await readWarehouseFacts(wh);
  const readme = join(dir, 'README.md');
  try {
    files.push(...(await writeDictionary(dir, dictionary)));
    await writeFile(readme, exportReadme({ request, facts, objects: chosen, skipped, files: files.map((f) => f.slice(dir.length + 1)) }));
  } catch (e) {
    throw toLoadError(e, dir, 'cannot write the export README or dictionary');
  }
  return { dir, files: [...files, readme], objects: chosen, skipped };
}
