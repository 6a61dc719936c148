/**
 * The plain-text and markdown extractor: bytes of a .txt/.md file -> the
 * DocumentModel. It recognises layouts only: markdown "#" headings, tables
 * written as tab-separated rows, as one cell per line, or as markdown pipe
 * tables, and treats every other printed line as a paragraph. A crawler's
 * "标题: …" header above the text (text-crawl-header.ts) becomes the
 * model's title and meta. It knows nothing of the report template.
 */
import { extname } from 'node:path';
import { foldSpace, makeCell, type Block, type Cell, type DocumentModel, type Extractor, type SourceFormat } from './document.ts';
import { readCrawlHeader } from './text-crawl-header.ts';
import { decodeText } from './text-decode.ts';
import { hasTab, isBlankLine, markdownHeading } from './text-lines.ts';
import { isPipeRow, readPipeTable } from './text-pipe-table.ts';
import { readTabTable } from './text-tab-table.ts';

/** 'markdown' for .md/.markdown files, 'text' for everything else. */
export function textFormatFor(file: string): SourceFormat {
  const ext = extname(file).toLowerCase();
  return ext === '.md' || ext === '.markdown' ? 'markdown' : 'text';
}

/** Build the document model of an already decoded text. */
export function parseText(text: string, file: string, format: SourceFormat = textFormatFor(file)): DocumentModel {
  const all = text.split('\n');
  // A crawler's header above the page text: its fields are kept apart, the page text is read as usual.
  const crawl = readCrawlHeader(all);
  const lines = crawl ? all.slice(crawl.bodyStart) : all;
  const blocks: Block[] = [];

  const pushTable = (rows: string[][]): void => {
    if (rows.length === 0) return;
    const block = blocks.length;
    const cells: Cell[][] = rows.map((row, r) => row.map((t, c) => makeCell(t, { file, block, row: r, col: c })));
    blocks.push({ kind: 'table', rows: cells, source: { file, block } });
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const heading = markdownHeading(line);
    if (isPipeRow(line)) {
      const table = readPipeTable(lines, i);
      pushTable(table.rows);
      i = table.end;
    } else if (heading) {
      blocks.push({ kind: 'heading', level: heading.level, text: foldSpace(heading.text), source: { file, block: blocks.length } });
      i++;
    } else if (hasTab(line)) {
      const table = readTabTable(lines, i);
      pushTable(table.rows);
      i = table.end;
    } else if (isBlankLine(line)) {
      i++;
    } else {
      blocks.push({ kind: 'paragraph', text: foldSpace(line), source: { file, block: blocks.length } });
      i++;
    }
  }
  if (!crawl) return { file, format, blocks };
  const title = crawl.fields['标题'];
  return { file, format, blocks, meta: crawl.fields, ...(title ? { title } : {}) };
}

export const textExtractor: Extractor = {
  extensions: ['.txt', '.md', '.markdown'],
  format: 'text',
  async extract(bytes: Uint8Array, file: string): Promise<DocumentModel> {
    return parseText(decodeText(bytes, file), file);
  },
};
