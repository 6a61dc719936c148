/**
 * Turns a Word 97-2003 document's characters and paragraph properties into
 * blocks. A table cell ends with a cell mark (\x07); a row ends with a row
 * mark (\x07 in a paragraph flagged as the row's end), whose properties give
 * the row's cell edges and vertical merges. A table's columns are the edges
 * of all its rows together, so a cell spanning columns covers every column
 * between its edges; a cell flagged as continuing the one above is covered by
 * it. Tables nested in a cell give their text to that cell.
 */
import { foldSpace, type Block } from '../document.ts';
import { resolveGrid, type SourceCell } from '../html-table-grid.ts';
import type { DocChar } from './piece-table.ts';
import type { CellDef, ParaProps } from './paragraph-properties.ts';

/** Cell edges closer than this (twips, 1/1440 inch) are one column edge: Word rounds widths per row. */
const EDGE_SNAP_TWIPS = 30;

const PARA_END = '\r';
const CELL_MARK = '\x07';
const FIELD_BEGIN = '\x13';
const FIELD_SEPARATOR = '\x14';
const FIELD_END = '\x15';

interface Para {
  text: string;
  /** The character that ended it: \r or \x07. */
  mark: string;
  props: ParaProps;
}

/** Printable text of a run of characters: field codes dropped (their results kept), special characters mapped. */
function visibleText(chars: readonly string[]): string {
  let out = '';
  const fields: boolean[] = []; // per open field: true while in its code part
  for (const ch of chars) {
    if (ch === FIELD_BEGIN) fields.push(true);
    else if (ch === FIELD_SEPARATOR) fields[fields.length - 1] = false;
    else if (ch === FIELD_END) fields.pop();
    else if (fields.some((code) => code)) continue;
    else if (ch === '\x0b' || ch === '\x0c' || ch === '\t') out += ' ';
    else if (ch === '\x1e') out += '-';
    else if (ch.charCodeAt(0) >= 0x20) out += ch;
  }
  return out;
}

export function paragraphsOf(chars: readonly DocChar[], propsAt: (fc: number) => ParaProps): Para[] {
  const paras: Para[] = [];
  let run: string[] = [];
  for (const { ch, fc } of chars) {
    if (ch === PARA_END || ch === CELL_MARK) {
      paras.push({ text: visibleText(run), mark: ch, props: propsAt(fc) });
      run = [];
    } else run.push(ch);
  }
  if (run.length > 0) paras.push({ text: visibleText(run), mark: PARA_END, props: { inTable: false, rowEnd: false, depth: 0 } });
  return paras;
}

interface DocRow {
  texts: string[];
  cells: CellDef[];
}

/** Column edges of a table: every row's cell edges, snapped together. */
function columnEdges(rows: readonly DocRow[]): number[] {
  const edges: number[] = [];
  for (const x of rows.flatMap((r) => r.cells.flatMap((c) => [c.left, c.right])).sort((a, b) => a - b)) {
    if (edges.length === 0 || x - edges[edges.length - 1]! > EDGE_SNAP_TWIPS) edges.push(x);
  }
  return edges;
}

function edgeIndex(edges: readonly number[], x: number): number {
  let best = 0;
  for (let i = 1; i < edges.length; i++) if (Math.abs(edges[i]! - x) < Math.abs(edges[best]! - x)) best = i;
  return best;
}

/** One row's cells as [first column, column span, text, vertical merge], old-style horizontal merges joined. */
function placedCells(row: DocRow, edges: readonly number[]): Array<{ col: number; span: number; text: string; vertMerge: number }> {
  const placed: Array<{ col: number; span: number; text: string; vertMerge: number }> = [];
  row.texts.forEach((text, i) => {
    const def = row.cells[i];
    if (!def) {
      const last = placed[placed.length - 1];
      placed.push({ col: last ? last.col + last.span : 0, span: 1, text, vertMerge: 0 });
      return;
    }
    const col = edgeIndex(edges, def.left);
    const span = Math.max(1, edgeIndex(edges, def.right) - col);
    const prev = placed[placed.length - 1];
    if (def.horzMerge >= 2 && prev) placed[placed.length - 1] = { ...prev, span: col + span - prev.col, text: `${prev.text} ${text}` };
    else placed.push({ col, span, text, vertMerge: def.vertMerge });
  });
  return placed;
}

/** The table's rows as HTML-like cells: a vertically merged cell's first row gets the row span, its continuations are dropped. */
function sourceRows(rows: readonly DocRow[]): SourceCell[][] {
  const edges = columnEdges(rows);
  const placed = rows.map((r) => placedCells(r, edges));
  return placed.map((cells, r) =>
    cells
      .filter((c) => !(c.vertMerge === 1 && r > 0 && placed[r - 1]!.some((above) => above.col === c.col)))
      .map((c) => {
        let rowSpan = 1;
        if (c.vertMerge === 3) while (placed[r + rowSpan]?.some((below) => below.col === c.col && below.vertMerge === 1)) rowSpan++;
        return { text: c.text, rowSpan, colSpan: c.span };
      }),
  );
}

/** Blocks in document order: paragraphs outside tables, one table block per run of table rows. */
export function docBlocks(paras: readonly Para[], file: string): Block[] {
  const blocks: Block[] = [];
  let rows: DocRow[] = [];
  let texts: string[] = [];
  let cell: string[] = [];
  const flushTable = () => {
    if (rows.length > 0) {
      const at = { file, block: blocks.length };
      blocks.push({ kind: 'table', rows: resolveGrid(sourceRows(rows), at), source: at });
    }
    rows = [];
  };
  for (const p of paras) {
    if (!p.props.inTable) {
      flushTable();
      const text = foldSpace(p.text);
      if (text) blocks.push({ kind: 'paragraph', text, source: { file, block: blocks.length } });
      continue;
    }
    if (p.mark === CELL_MARK && p.props.rowEnd && p.props.depth <= 1) {
      rows.push({ texts, cells: p.props.cells ?? [] });
      texts = [];
      continue;
    }
    cell.push(p.text);
    // A cell of the outer table ends at its cell mark; nested tables' marks only end their own cells.
    if (p.mark === CELL_MARK && p.props.depth <= 1) {
      texts.push(foldSpace(cell.join(' ')));
      cell = [];
    }
  }
  flushTable();
  return blocks;
}
