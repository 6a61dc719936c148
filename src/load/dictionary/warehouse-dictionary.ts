/** The data dictionary of an open warehouse: its tables and views as they are, described. */
import { catalogObjects } from '../warehouse-catalog.ts';
import { TABLES, type Warehouse } from '../warehouse-connection.ts';
import { readViews } from '../warehouse-views.ts';
import { buildDictionary, type Dictionary } from './build-dictionary.ts';

export async function warehouseDictionary(wh: Warehouse): Promise<Dictionary> {
  const views = await readViews();
  return buildDictionary(await wh.exclusive(() => catalogObjects(wh.connection, TABLES, views)));
}
