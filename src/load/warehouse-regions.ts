/**
 * `regions` holds the whole NBS gazetteer the region resolver uses
 * (src/transform/region/divisions.json): every province, city, county and
 * township with its parent, so coverage can count the divisions a region
 * has. Rewritten in one transaction when the gazetteer's content changes
 * (its sha256 is kept in warehouse_meta under 'gazetteer'); a warehouse that
 * holds this version is not rewritten, and the file is then only hashed.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { isGroupingRow } from '../transform/region/grouping-rows.ts';
import type { Row } from './document-rows.ts';
import { toLoadError } from './warehouse-errors.ts';

const DIVISIONS = new URL('../transform/region/divisions.json', import.meta.url);

interface DivisionsFile {
  source: string;
  provinces: Array<[string, string]>;
  cities: Array<[string, string]>;
  counties: Array<[string, string]>;
  townships: Array<[string, string]>;
}

/** Code length of each level, and the length of its parent's code. */
const LEVELS = [
  ['provinces', 'province', 0],
  ['cities', 'city', 2],
  ['counties', 'county', 4],
  ['townships', 'township', 6],
] as const;

export interface Gazetteer {
  /** sha256 of divisions.json (its source line included): what warehouse_meta keeps. */
  version: string;
  /** The rows, parsed only when they are to be written (a warehouse already holding this version needs none). */
  rows(): Row[];
}

export function gazetteerRows(data: DivisionsFile): Row[] {
  return LEVELS.flatMap(([list, level, parentLength]) =>
    data[list].map(([code, name]) => ({
      code,
      name,
      level,
      parent_code: parentLength === 0 ? null : code.slice(0, parentLength),
      is_grouping: isGroupingRow(name),
    })),
  );
}

export async function readGazetteer(): Promise<Gazetteer> {
  const file = fileURLToPath(DIVISIONS);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw toLoadError(e, file, 'cannot read the gazetteer');
  }
  const rows = (): Row[] => {
    try {
      return gazetteerRows(JSON.parse(text) as DivisionsFile);
    } catch (e) {
      throw toLoadError(e, file, 'cannot read the gazetteer');
    }
  };
  return { version: `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`, rows };
}

/** Writes regions when the stored gazetteer version differs (inside the caller's transaction). */
export async function writeGazetteer(
  connection: DuckDBConnection,
  appendAll: (table: string, rows: readonly Row[]) => Promise<void>,
): Promise<void> {
  const stored = await connection.runAndReadAll(`SELECT value FROM warehouse_meta WHERE key = 'gazetteer'`);
  const gazetteer = await readGazetteer();
  if (stored.getRows()[0]?.[0] === gazetteer.version) return;
  await connection.run('DELETE FROM regions');
  await appendAll('regions', gazetteer.rows());
  await connection.run(`INSERT OR REPLACE INTO warehouse_meta VALUES ('gazetteer', $1)`, [gazetteer.version]);
}
