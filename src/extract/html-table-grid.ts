/**
 * Builds a table's cell grid from its rows of HTML cells, resolving rowspan
 * and colspan: each cell sits at the first free column of its row and its
 * copies fill every position it covers (marked `covered`). A rowspan that
 * runs past the table's last row stops there.
 */
import { makeCell, provenanceAt, type Cell, type Provenance } from './document.ts';

export interface SourceCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

function span(n: number): number {
  return Number.isInteger(n) && n > 0 ? Math.min(n, 1000) : 1;
}

export function resolveGrid(rows: readonly SourceCell[][], at: Omit<Provenance, 'row' | 'col'>): Cell[][] {
  const grid: Array<Array<Cell | undefined>> = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const sc of cells) {
      const line = grid[r]!;
      while (line[c] !== undefined) c++;
      const rowSpan = Math.min(span(sc.rowSpan), rows.length - r);
      const colSpan = span(sc.colSpan);
      const source = provenanceAt(at, r, c);
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          grid[r + dr]![c + dc] = makeCell(sc.text, source, { rowSpan, colSpan, covered: dr > 0 || dc > 0 });
        }
      }
      c += colSpan;
    }
  });
  // Holes (a row shorter than the rows spanning into it) become empty cells.
  return grid.map((line, r) =>
    Array.from(line, (cell, c) => cell ?? makeCell('', provenanceAt(at, r, c))),
  );
}
