/**
 * The format-agnostic document model every extractor produces.
 *
 * A document is an ordered list of blocks: headings, paragraphs and tables.
 * A table is a grid of cells. Spans are resolved: a cell merged over several
 * rows or columns appears at every grid position it covers, with `covered`
 * set on all but its top-left position, so a reader can walk rows without
 * knowing the markup. Text layouts give ragged rows (rows of different
 * lengths); nothing downstream relies on column positions lining up.
 *
 * This module knows nothing of the report template.
 */
import type { DocumentLimits } from '../limits.ts';

export type SourceFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf' | 'doc' | 'wps' | 'xlsx' | 'image';

/** Where a piece of text came from. Rows and columns are 0-based grid positions. */
export interface Provenance {
  file: string;
  /** 1-based page number, for paginated sources (PDF). */
  page?: number;
  /** Index of the block in `DocumentModel.blocks`. */
  block: number;
  row?: number;
  col?: number;
}

export interface Cell {
  /** Text as printed, with runs of white space folded to one space and trimmed. Line breaks inside a cell become a single space. */
  text: string;
  rowSpan: number;
  colSpan: number;
  /** True where this position is filled by a span from a cell above or to the left. */
  covered: boolean;
  source: Provenance;
  /** Text read by OCR: the engine's confidence in it, 0 to 1. Absent where the text was in the file. */
  confidence?: number;
}

export interface HeadingBlock {
  kind: 'heading';
  /** 1 = top level; text layouts without markup use 1 for every heading-like line they recognise, or emit paragraphs. */
  level: number;
  text: string;
  source: Provenance;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  source: Provenance;
}

export interface TableBlock {
  kind: 'table';
  rows: Cell[][];
  source: Provenance;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock;

export interface DocumentModel {
  /** Path of the source file as given to the extractor. */
  file: string;
  format: SourceFormat;
  /** The document's own title when the format carries one (HTML <title>, PDF metadata). */
  title?: string;
  blocks: Block[];
  /** PDF pages, where known. */
  pageCount?: number;
  /** Name and version of the OCR engine that read the text, when it was read from images. */
  ocrEngine?: string;
  /** Fields a crawler wrote above the page text ("标题", "发布机构", "原文链接" …), by name as printed. */
  meta?: Readonly<Record<string, string>>;
  /** What the extractor noticed about the bytes and had to work around (a charset the page misdeclares …). */
  notes?: readonly DocumentNote[];
}

/** Something the extractor had to work around, for the transform to report. `code` names the kind, not a template rule. */
export interface DocumentNote {
  code: 'charset_mismatch';
  message: string;
}

/** One extractor per format behind this interface. */
export interface Extractor {
  /** Lower-case file extensions this extractor reads, with the dot: ['.html', '.htm']. */
  readonly extensions: readonly string[];
  readonly format: SourceFormat;
  /** Build the document model from the file's bytes. Throws a NianbaoError subclass on bad input, LimitExceededError past a limit (defaults: src/limits.ts). */
  extract(bytes: Uint8Array, file: string, limits?: DocumentLimits): Promise<DocumentModel>;
}

/** Fold white space (including full-width spaces, NBSP, line breaks) to single spaces and trim. */
export function foldSpace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

/**
 * A position's provenance: `source` with its row and column set, the fields
 * in the order `{ ...source, row, col }` gives them. Written out, not spread:
 * a spread followed by more fields takes V8's slow path, and this runs once
 * per cell or row of every table.
 */
export function provenanceAt(source: Provenance, row?: number, col?: number): Provenance {
  const at: Provenance = source.page === undefined ? { file: source.file, block: source.block } : { file: source.file, page: source.page, block: source.block };
  const r = row ?? source.row;
  if (r !== undefined) at.row = r;
  const c = col ?? source.col;
  if (c !== undefined) at.col = c;
  return at;
}

/** Make a cell at a grid position. */
export function makeCell(text: string, source: Provenance, span: { rowSpan?: number; colSpan?: number; covered?: boolean; confidence?: number } = {}): Cell {
  return {
    text: foldSpace(text),
    rowSpan: span.rowSpan ?? 1,
    colSpan: span.colSpan ?? 1,
    covered: span.covered ?? false,
    source,
    ...(span.confidence === undefined ? {} : { confidence: span.confidence }),
  };
}
