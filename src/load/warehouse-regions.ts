/**
 * `regions` holds the whole NBS gazetteer the region resolver uses
 * (src/transform/region/divisions.tsv): every province, city, county and
 * township with its parent, so coverage can count the divisions a region
 * has. Rewritten in one transaction when the gazetteer's content changes
 * (its sha256 is kept in warehouse_meta under 'gazetteer'); a warehouse that
 * holds this version is not rewritten, and the file is then only hashed.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DIVISIONS_FILE, divisionLines, fieldsOf } from '../transform/region/division-files.ts';
import { isGroupingRow } from '../transform/region/grouping-rows.ts';
import type { Row } from './document-rows.ts';
import { toLoadError } from './warehouse-errors.ts';

/** Level and parent code length by code length. */
const LEVELS: Readonly<Record<number, { level: string; parentLength: number }>> = {
  2: { level: 'province', parentLength: 0 },
  4: { level: 'city', parentLength: 2 },
  6: { level: 'county', parentLength: 4 },
  9: { level: 'township', parentLength: 6 },
};

export interface Gazetteer {
  /** sha256 of divisions.tsv (its source line included): what warehouse_meta keeps. */
  version: string;
  /** The rows, parsed only when they are to be written (a warehouse already holding this version needs none). */
  rows(): Row[];
}

/** The rows of divisions.tsv. */
export function gazetteerRows(text: string): Row[] {
  return divisionLines(text).map((line) => {
    const [code, name] = fieldsOf(line);
    const at = LEVELS[code.length];
    if (at === undefined || name === '') throw new Error(`not a code and a name: ${JSON.stringify(line)}`);
    return { code, name, level: at.level, parent_code: at.parentLength === 0 ? null : code.slice(0, at.parentLength), is_grouping: isGroupingRow(name) };
  });
}

export async function readGazetteer(): Promise<Gazetteer> {
  const file = fileURLToPath(DIVISIONS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw toLoadError(e, file, 'cannot read the gazetteer');
  }
  const rows = (): Row[] => {
    try {
      return gazetteerRows(text);
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
