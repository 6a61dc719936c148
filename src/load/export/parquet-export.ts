/**
 * Parquet: one dataset per view, partitioned by year where the view has a
 * year column (VIEW/year=2024/data_0.parquet, hive style, as DuckDB, Arrow,
 * pandas and R arrow read it), else one VIEW.parquet file. Every file
 * carries key-value metadata: nianbao_object (the view's name),
 * nianbao_description and nianbao_dictionary (the view's columns from the
 * data dictionary, as JSON).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dictionary } from '../dictionary/build-dictionary.ts';
import type { Warehouse } from '../warehouse-connection.ts';
import { sqlString, toLoadError } from '../warehouse-errors.ts';
import type { ExportObject } from './export-views.ts';

/** The column a view is partitioned by, where it has one. */
const PARTITION_COLUMN = 'year';

export function parquetMetadata(object: ExportObject['object'], dictionary: Dictionary): Record<string, string> {
  const description = dictionary.objects.find((o) => o.name === object.name)?.description ?? '';
  const columns = dictionary.entries.filter((e) => e.entry === 'column' && e.object === object.name);
  return { nianbao_object: object.name, nianbao_description: description, nianbao_dictionary: JSON.stringify(columns) };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

export async function writeParquet(wh: Warehouse, dir: string, objects: readonly ExportObject[], dictionary: Dictionary): Promise<string[]> {
  const files: string[] = [];
  for (const exported of objects) {
    const { object, select } = exported;
    const kv = Object.entries(parquetMetadata(object, dictionary)).map(([k, v]) => `${k}: ${sqlString(v)}`).join(', ');
    const partitioned = object.columns.some((c) => c.name === PARTITION_COLUMN);
    const target = join(dir, partitioned ? object.name : `${object.name}.parquet`);
    const options = partitioned
      ? `FORMAT parquet, PARTITION_BY (${PARTITION_COLUMN}), OVERWRITE true, FILENAME_PATTERN 'data_{i}', KV_METADATA {${kv}}`
      : `FORMAT parquet, KV_METADATA {${kv}}`;
    try {
      await wh.exclusive(() => wh.connection.run(`COPY (${select}) TO ${sqlString(target)} (${options})`));
      files.push(...(partitioned ? await filesUnder(target) : [target]));
    } catch (e) {
      throw toLoadError(e, target, `cannot export ${object.name}`);
    }
  }
  return files;
}
