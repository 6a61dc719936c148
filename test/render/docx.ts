/**
 * A report layout as a Word document (the `docx` package), with the tables'
 * merged cells as Word merges them (vertical merge for rowspan, grid span for
 * colspan).
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { LayoutTable, ReportLayout } from './report-layout.ts';

function docxTable(table: LayoutTable): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: table.rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r < table.headerRows,
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

export async function renderDocx(layout: ReportLayout): Promise<Buffer> {
  const children = [
    new Paragraph({ text: layout.title, heading: HeadingLevel.TITLE }),
    ...layout.blocks.map((b) => {
      if (b.kind === 'table') return docxTable(b);
      if (b.kind === 'heading') return new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 });
      return new Paragraph(b.text);
    }),
  ];
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
