/**
 * A report layout as an Excel workbook (exceljs), the way agencies attach
 * the three tables: one sheet per table, with the title (first sheet) and the
 * headings and paragraphs before the table above it as rows merged across the
 * table's width, the table's merged cells merged, its cells bordered, and
 * numbers stored as numbers.
 */
import ExcelJS from 'exceljs';
import type { LayoutBlock, LayoutTable, ReportLayout } from './report-layout.ts';
import { expandTable } from './report-layout.ts';

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** A printed value stored as a number (what a spreadsheet holds for 0, 12, 7730.28). */
const NUMBER = /^-?\d+(\.\d+)?$/;

function writeTable(sheet: ExcelJS.Worksheet, table: LayoutTable, top: number): number {
  const grid = expandTable(table);
  const taken = new Set<string>();
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken.has(`${r},${c}`)) c++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken.add(`${r + dr},${c + dc}`);
      const target = sheet.getCell(top + r, c + 1);
      target.value = NUMBER.test(cell.text) ? Number(cell.text) : cell.text;
      if (rowSpan > 1 || colSpan > 1) sheet.mergeCells(top + r, c + 1, top + r + rowSpan - 1, c + colSpan);
      c += colSpan;
    }
  });
  grid.forEach((line, r) => line.forEach((_, c) => (sheet.getCell(top + r, c + 1).border = BORDER)));
  return top + grid.length;
}

function writeText(sheet: ExcelJS.Worksheet, text: string, row: number, width: number): void {
  sheet.getCell(row, 1).value = text;
  if (width > 1) sheet.mergeCells(row, 1, row, width);
}

export async function renderXlsx(layout: ReportLayout): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  // Fixed, so the same layout gives the same file.
  book.created = book.modified = new Date(Date.UTC(2024, 0, 1));
  let texts: string[] = [layout.title];
  let sheet: ExcelJS.Worksheet | undefined;
  let row = 1;
  const tables = layout.blocks.filter((b): b is LayoutTable => b.kind === 'table');
  layout.blocks.forEach((block: LayoutBlock) => {
    if (block.kind !== 'table') {
      texts.push(block.text);
      return;
    }
    const width = expandTable(block)[0]!.length;
    sheet = book.addWorksheet(`表${tables.indexOf(block) + 1}`);
    row = 1;
    for (const text of texts) writeText(sheet, text, row++, width);
    row = writeTable(sheet, block, row);
    texts = [];
  });
  if (sheet) for (const text of texts) writeText(sheet, text, row++, sheet.columnCount);
  return Buffer.from(await book.xlsx.writeBuffer());
}
