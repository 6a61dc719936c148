/**
 * One XLSX workbook (exceljs) for people who want one file: a sheet per
 * view with the column names in the first row, numbers as numbers, text as
 * text (a text cell is never a formula in XLSX, so nothing needs
 * neutralising), NULL as an empty cell, and a last sheet "dictionary".
 * exceljs is loaded here, on first use: it costs about 0.3 s to load, and
 * every `nianbao run` imports the export code.
 */
import { join } from 'node:path';
import type { Dictionary } from '../dictionary/build-dictionary.ts';
import type { Warehouse } from '../warehouse-connection.ts';
import { toLoadError } from '../warehouse-errors.ts';
import { ExportRequestError, type ExportObject } from './export-views.ts';

/** Rows an XLSX sheet holds, header included (Excel's limit). */
export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_FILE = 'nianbao.xlsx';

export async function writeXlsx(wh: Warehouse, dir: string, objects: readonly ExportObject[], dictionary: Dictionary): Promise<string> {
  const file = join(dir, XLSX_FILE);
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  // A fixed date: the same warehouse gives the same workbook contents.
  book.created = new Date(0);
  book.modified = new Date(0);
  for (const { object, select, rows } of objects) {
    if (rows + 1 > XLSX_MAX_ROWS) {
      throw new ExportRequestError(file, `${object.name} has ${rows} rows, more than an XLSX sheet holds; export it as csv or parquet, or narrow it with --where`);
    }
    const sheet = book.addWorksheet(object.name);
    const table = await wh.table(select);
    sheet.addRow(table.columns);
    for (const row of table.rows) sheet.addRow(row);
  }
  const fields = ['entry', 'object', 'column', 'code', 'type', 'label_zh', 'description_en', 'unit', 'allowed_values'] as const;
  const sheet = book.addWorksheet('dictionary');
  sheet.addRow([...fields]);
  for (const e of dictionary.entries) sheet.addRow(fields.map((f) => e[f]));
  try {
    await book.xlsx.writeFile(file);
  } catch (e) {
    throw toLoadError(e, file, 'cannot write the workbook');
  }
  return file;
}
