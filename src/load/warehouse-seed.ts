/**
 * The seed: an empty warehouse (schema, the gazetteer's regions, the code
 * dictionary, the views and the comments on every column) that `npm run
 * build` writes once beside the compiled code. A run that finds no
 * published warehouse starts its working copy as a copy of the seed rather
 * than building it statement by statement: about 0.7 s of DuckDB work, most
 * of it the comments on the views' columns (DuckDB rewrites a view's entry
 * for each). The copy is opened like any warehouse, which compares schema,
 * gazetteer and catalog versions with this code's and rewrites whatever
 * differs, so a seed left by other code costs time, never content.
 */
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';
import { openWarehouse } from './warehouse-connection.ts';

export const SEED_FILE = join(PROJECT_ROOT, 'dist', 'warehouse-seed.duckdb');

/** Writes the seed (an empty, checkpointed warehouse) to `path`, replacing it in one step. */
export async function writeSeed(path = SEED_FILE): Promise<void> {
  const partial = `${path}.partial`;
  await rm(partial, { force: true });
  await rm(`${partial}.wal`, { force: true });
  const wh = await openWarehouse(partial);
  await wh.checkpoint();
  await wh.close();
  await rename(partial, path);
}
