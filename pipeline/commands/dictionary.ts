/**
 * `nianbao dictionary [--db FILE] [--out DIR]`: writes the data dictionary
 * of every table and view (dictionary.md, dictionary.csv) to DIR (docs/ by
 * default), generated from a warehouse built by this code (a fresh one in
 * memory unless --db names one).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dictionaryCsv, dictionaryMarkdown, openWarehouse, warehouseDictionary } from '../../src/load/warehouse.ts';

export async function runDictionary(options: { db?: string; out: string }, out: NodeJS.WritableStream): Promise<void> {
  const wh = await openWarehouse(options.db ?? ':memory:', { readOnly: options.db !== undefined });
  try {
    const dictionary = await warehouseDictionary(wh);
    if (dictionary.missing.length > 0) throw new Error(`columns nothing describes (src/load/dictionary/column-docs.ts): ${dictionary.missing.join(', ')}`);
    await mkdir(options.out, { recursive: true });
    await writeFile(join(options.out, 'dictionary.md'), dictionaryMarkdown(dictionary));
    await writeFile(join(options.out, 'dictionary.csv'), dictionaryCsv(dictionary));
    out.write(`${dictionary.entries.length} entries -> ${join(options.out, 'dictionary.md')}, ${join(options.out, 'dictionary.csv')}\n`);
  } finally {
    await wh.close();
  }
}
