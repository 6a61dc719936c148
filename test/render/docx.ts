/**
 * A report layout as a Word document (the `docx` package), with the tables'
 * merged cells as Word merges them (vertical merge for rowspan, grid span for
 * colspan).
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { LayoutTable, ReportLayout } from './report-layout.ts';

/** Width of the text block of an A4 page with Word's default margins, in twentieths of a point. */
const TEXT_WIDTH_TWIPS = 9026;

export interface DocxOptions {
  /** Let Word break a row over two pages (its label then continues on the next page); off by default. */
  rowsMaySplit?: boolean;
  /** Draw no cell borders, so a PDF of it has no rulings to rebuild the tables from; borders are drawn by default. */
  noBorders?: boolean;
}

function docxTable(table: LayoutTable, options: DocxOptions): Table {
  const weight = table.columnWidths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    ...(options.noBorders ? { borders: TableBorders.NONE } : {}),
    columnWidths: table.columnWidths.map((w) => Math.floor((TEXT_WIDTH_TWIPS * w) / weight)),
    rows: table.rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r < table.headerRows,
          // By default a row stays on one page and the table breaks between rows.
          cantSplit: !options.rowsMaySplit,
          children: row.map(
            (cell) =>
              new TableCell({
                children: [new Paragraph(cell.text)],
                rowSpan: cell.rowSpan,
                columnSpan: cell.colSpan,
              }),
          ),
        }),
    ),
  });
}

export async function renderDocx(layout: ReportLayout, options: DocxOptions = {}): Promise<Buffer> {
  const children = [
    new Paragraph({ text: layout.title, heading: HeadingLevel.TITLE }),
    ...layout.blocks.map((b) => {
      if (b.kind === 'table') return docxTable(b, options);
      if (b.kind === 'heading') return new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 });
      return new Paragraph(b.text);
    }),
  ];
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
