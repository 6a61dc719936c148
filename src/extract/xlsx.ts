/**
 * The Excel (.xlsx) extractor (exceljs). Agencies attach the three tables as
 * a workbook, often one sheet per table with the title and section heading as
 * rows merged across the top. Each sheet, in workbook order, becomes blocks:
 * a row that is one cell (merged across the used width, or a lone first cell
 * with no borders) is a paragraph, unless it is bordered and touches a table
 * (a sub-heading row inside it); runs of other rows are a table, merged cells
 * as spans. Numbers are printed as stored; a formula gives its cached
 * result. An old binary .xls gets a clear reason instead.
 */
import ExcelJS from 'exceljs';
import type { Block, DocumentModel, Extractor } from './document.ts';
import { foldSpace } from './document.ts';
import { CorruptFileError, EmptyFileError, EncryptedFileError, UnsupportedFormatError } from '../errors.ts';
import { resolveGrid, type SourceCell } from './html-table-grid.ts';

/** First bytes of an OLE2 compound document: an .xls, or an encrypted .xlsx. */
const COMPOUND_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The text a cell prints, from exceljs's value shapes. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

function mergesOf(sheet: ExcelJS.Worksheet): Merge[] {
  return (sheet.model.merges ?? []).map((range) => {
    const [a, b = a] = range.split(':');
    const tl = sheet.getCell(a!);
    const br = sheet.getCell(b!);
    return { top: Number(tl.row), left: Number(tl.col), bottom: Number(br.row), right: Number(br.col) };
  });
}

interface SheetRow {
  /** Cells that start in this row, left to right. */
  cells: Array<SourceCell & { bordered: boolean }>;
  /** The row holds one cell of text (merged across or alone in the first column). */
  lone: boolean;
}

function sheetRows(sheet: ExcelJS.Worksheet, width: number): SheetRow[] {
  const merges = mergesOf(sheet);
  const rows: SheetRow[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const cells: SheetRow['cells'] = [];
    for (let c = 1; c <= width; c++) {
      const inside = merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
      if (inside && (inside.top !== r || inside.left !== c)) continue;
      const cell = sheet.getCell(r, c);
      const b = cell.border ?? {};
      cells.push({
        text: foldSpace(cellText(cell.value)),
        rowSpan: inside ? inside.bottom - inside.top + 1 : 1,
        colSpan: inside ? inside.right - inside.left + 1 : 1,
        bordered: Boolean(b.top || b.bottom || b.left || b.right),
      });
    }
    const filled = cells.filter((c) => c.text !== '');
    const first = cells[0];
    const lone = first !== undefined && filled.length === 1 && filled[0] === first && first.rowSpan === 1 && (first.colSpan >= width || !cells.slice(1).some((c) => c.bordered));
    rows.push({ cells, lone });
  }
  return rows;
}

type RowKind = 'paragraph' | 'grid' | 'blank';

/**
 * Paragraph, table row or blank, per row. A lone bordered row (a sub-heading
 * merged across the table, 第二十条第（一）项) belongs to the table it touches.
 */
function rowKinds(rows: readonly SheetRow[]): RowKind[] {
  const kinds: RowKind[] = rows.map((row) => (row.lone ? 'paragraph' : row.cells.every((c) => c.text === '' && !c.bordered) ? 'blank' : 'grid'));
  for (let changed = true; changed; ) {
    changed = false;
    rows.forEach((row, i) => {
      if (kinds[i] === 'paragraph' && row.cells[0]!.bordered && (kinds[i - 1] === 'grid' || kinds[i + 1] === 'grid')) {
        kinds[i] = 'grid';
        changed = true;
      }
    });
  }
  return kinds;
}

function sheetBlocks(sheet: ExcelJS.Worksheet, file: string, blocks: Block[]): void {
  const rows = sheetRows(sheet, sheet.columnCount);
  const kinds = rowKinds(rows);
  let run: SourceCell[][] = [];
  const flush = () => {
    if (run.some((r) => r.some((c) => c.text !== ''))) {
      const at = { file, block: blocks.length };
      blocks.push({ kind: 'table', rows: resolveGrid(run, at), source: at });
    }
    run = [];
  };
  rows.forEach((row, i) => {
    if (kinds[i] === 'paragraph') {
      flush();
      blocks.push({ kind: 'paragraph', text: row.cells[0]!.text, source: { file, block: blocks.length } });
    } else if (kinds[i] === 'blank') flush();
    else run.push(row.cells.map(({ text, rowSpan, colSpan }) => ({ text, rowSpan, colSpan })));
  });
  flush();
}

async function readWorkbook(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new CorruptFileError(file, `not a readable .xlsx workbook: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, e);
  }
  return book;
}

export async function extractXlsx(bytes: Uint8Array, file: string): Promise<DocumentModel> {
  if (bytes.length === 0) throw new EmptyFileError(file);
  if (Buffer.from(bytes.subarray(0, 8)).equals(COMPOUND_MAGIC)) {
    throw new EncryptedFileError(file, 'this .xlsx is a compound document: an encrypted (password-protected) workbook, or an Excel 97-2003 .xls renamed; save it as .xlsx without a password');
  }
  const book = await readWorkbook(bytes, file);
  const blocks: Block[] = [];
  book.eachSheet((sheet) => {
    if (sheet.state === 'visible') sheetBlocks(sheet, file, blocks);
  });
  if (blocks.length === 0) throw new EmptyFileError(file, 'workbook has no cells with text');
  return { file, format: 'xlsx', title: foldSpace(book.title ?? '') || undefined, blocks };
}

export const xlsxExtractor: Extractor = {
  extensions: ['.xlsx'],
  format: 'xlsx',
  extract: extractXlsx,
};

/** Excel 97-2003 workbooks are not read: one clear reason instead of "unsupported file type". */
export const xlsExtractor: Extractor = {
  extensions: ['.xls'],
  format: 'xlsx',
  async extract(_bytes, file) {
    throw new UnsupportedFormatError(file, 'Excel 97-2003 workbooks (.xls) are not read; save it as .xlsx (Excel 2007 or later) and run again');
  },
};
