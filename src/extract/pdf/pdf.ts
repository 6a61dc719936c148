/**
 * PDF extractor: rebuilds the document from the text layer, read with PDFium
 * (WebAssembly). How the parts fit, in the order the data flows:
 *
 * - pdfium.ts loads PDFium once per thread; pdf-open.ts opens the bytes
 *   (typed errors for damaged, truncated, encrypted files).
 * - pdf-page-content.ts reads each page (then closes it): pdf-page-view.ts
 *   maps user space to top-down page coordinates (rotation, offset boxes);
 *   pdf-glyphs.ts reads every glyph; pdf-text-runs.ts joins them into runs
 *   of text; pdf-vertical-runs.ts stacks the glyphs of vertical fonts;
 *   pdf-page-graphics.ts finds the rulings and images.
 * - pdf-text-layer.ts decides whether there is a text layer at all (scans
 *   and unmapped fonts need OCR).
 * - This file lays each page out: ruled tables from the rulings
 *   (pdf-lattice.ts), page furniture dropped (pdf-furniture.ts), unruled
 *   tables from the alignment of the text (pdf-text-table.ts with
 *   pdf-text-segments.ts, pdf-text-rows.ts, pdf-line-wrap.ts), the rest
 *   grouped into paragraphs (pdf-paragraphs.ts); tables cut by a page break
 *   are joined (pdf-table-model.ts). Geometry helpers: pdf-geometry.ts.
 *
 * The result is the same document model every other format produces: no
 * template knowledge here. A PDF without a readable text layer (a scan, or
 * fonts whose glyphs map to no characters) throws NeedsOcrError; a
 * password-protected one EncryptedFileError; a damaged or truncated one
 * CorruptFileError.
 */
import type { Block, DocumentModel, Extractor } from '../document.ts';
import { foldSpace } from '../document.ts';
import { findFurniture, type PageLines } from './pdf-furniture.ts';
import { latticeTables } from './pdf-lattice.ts';
import { CorruptFileError, LimitExceededError } from '../../errors.ts';
import { DEFAULT_LIMITS } from '../../limits.ts';
import { openPdf, type PdfDocument } from './pdf-open.ts';
import { readPage, type PageContent } from './pdf-page-content.ts';
import { marginsOf, paragraphs, toLine, type Line, type Margins } from './pdf-paragraphs.ts';
import { continues, groupLines, joinTables, toTableBlock, type GeoTable } from './pdf-table-model.ts';
import { checkTextLayer } from './pdf-text-layer.ts';
import { textTables } from './pdf-text-table.ts';

export interface PdfOptions {
  /** Use drawn table lines (default true). Off, every table is rebuilt from text alignment alone. */
  rulings?: boolean;
  /** Most pages read (default DEFAULT_LIMITS.maxPages); a longer PDF fails with LimitExceededError. */
  maxPages?: number;
}

type FlowItem = { kind: 'line'; line: Line } | { kind: 'table'; table: GeoTable };

/** Every page's content, each page loaded and closed in turn. */
export function readPages(doc: PdfDocument, file: string): PageContent[] {
  const pages: PageContent[] = [];
  for (let n = 1; n <= doc.pageCount; n++) {
    try {
      pages.push(readPage(doc.pdfium, doc.handle, n));
    } catch (e) {
      throw new CorruptFileError(file, `cannot read page ${n} of the PDF: ${e instanceof Error ? e.message : String(e)}`, e);
    }
  }
  return pages;
}

/** Reads the document model out of PDF bytes. */
export async function extractPdf(bytes: Uint8Array, file: string, options: PdfOptions = {}): Promise<DocumentModel> {
  const doc = await openPdf(bytes, file);
  try {
    const maxPages = options.maxPages ?? DEFAULT_LIMITS.maxPages;
    if (doc.pageCount > maxPages) {
      throw new LimitExceededError(file, 'pages', `PDF has ${doc.pageCount} pages, more than the limit of ${maxPages}; not read`);
    }
    const pages = readPages(doc, file);
    checkTextLayer(pages, file);
    const title = foldSpace(doc.title()) || undefined;
    return { file, format: 'pdf', title, blocks: layout(pages, file, options), pageCount: pages.length };
  } finally {
    doc.close();
  }
}

interface PageLayout {
  page: number;
  tables: GeoTable[];
  lines: Line[];
}

/**
 * Each page's tables and the lines outside them. Ruled tables first (their
 * text is theirs wherever it sits), then furniture is dropped from the
 * remaining lines, then unruled tables are found among those.
 */
function pageLayouts(pages: readonly PageContent[], options: PdfOptions): PageLayout[] {
  const ruled = pages.map((p) => {
    const lattice = options.rulings === false ? { tables: [], rest: p.pieces } : latticeTables(p.rulings, p.pieces, p.page);
    return { content: p, tables: lattice.tables, lines: groupLines(lattice.rest) };
  });
  const furniture = findFurniture(ruled.map((p): PageLines => ({ page: p.content.page, height: p.content.height, lines: p.lines })));
  return ruled.map((p) => {
    const kept = p.lines.map((l) => l.filter((piece) => !furniture.has(piece))).filter((l) => l.length > 0);
    const found = textTables(kept, p.content.page);
    return { page: p.content.page, tables: [...p.tables, ...found.tables], lines: found.rest.map(toLine) };
  });
}

/** Every page's tables and lines in reading order (top to bottom), tables cut by a page break joined. */
function flowOf(layouts: readonly PageLayout[]): FlowItem[] {
  const flow: FlowItem[] = [];
  for (const p of layouts) {
    const items: Array<{ y: number; item: FlowItem }> = [
      ...p.tables.map((table) => ({ y: table.box.y0, item: { kind: 'table', table } as const })),
      ...p.lines.map((line) => ({ y: line.y0, item: { kind: 'line', line } as const })),
    ];
    items.sort((a, b) => a.y - b.y);
    for (const { item } of items) {
      const last = flow[flow.length - 1];
      // Nothing but furniture between the end of a table and the top of the next page's table.
      if (item.kind === 'table' && last?.kind === 'table' && item.table.page === last.table.lastPage + 1 && continues(last.table, item.table)) {
        flow[flow.length - 1] = { kind: 'table', table: joinTables(last.table, item.table) };
      } else {
        flow.push(item);
      }
    }
  }
  return flow;
}

/** Page margins and line gaps, for telling paragraphs apart; a page of few lines uses the document's. */
function marginsByPage(layouts: readonly PageLayout[]): Map<number, Margins> {
  const doc = marginsOf(layouts.flatMap((p) => p.lines));
  const out = new Map<number, Margins>();
  for (const p of layouts) {
    const m = marginsOf(p.lines);
    out.set(p.page, p.lines.length >= 5 ? { ...m, gap: m.gap || doc.gap } : doc);
  }
  return out;
}

/** Tables and paragraphs of the whole document, in reading order (also for pages read by OCR). */
export function layout(pages: readonly PageContent[], file: string, options: PdfOptions): Block[] {
  const layouts = pageLayouts(pages, options);
  const margins = marginsByPage(layouts);
  const blocks: Block[] = [];
  const paragraph = (text: string, page: number) => {
    const folded = foldSpace(text);
    if (folded) blocks.push({ kind: 'paragraph', text: folded, source: { file, page, block: blocks.length } });
  };
  let run: Line[] = [];
  const flushLines = () => {
    for (const para of paragraphs(run, margins)) paragraph(para.text, para.page);
    run = [];
  };
  for (const item of flowOf(layouts)) {
    if (item.kind === 'line') {
      run.push(item.line);
      continue;
    }
    flushLines();
    const t = item.table;
    // A table of one column is a list of boxes: its cells are paragraphs.
    if (t.xs.length < 3) for (const c of [...t.cells].sort((x, y) => x.row - y.row)) paragraph(c.text, c.page);
    else blocks.push(toTableBlock(t, file, blocks.length));
  }
  flushLines();
  return blocks;
}

export const pdfExtractor: Extractor = {
  extensions: ['.pdf'],
  format: 'pdf',
  extract: (bytes, file, limits = DEFAULT_LIMITS) => extractPdf(bytes, file, { maxPages: limits.maxPages }),
};
