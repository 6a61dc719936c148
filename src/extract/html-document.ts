/**
 * Reads an HTML string into the document model: headings, paragraphs and
 * leaf tables in document order. Saved government pages keep their
 * navigation and footers (they become paragraphs the transform ignores); a
 * table that holds other tables is page layout, so its content is walked
 * instead of becoming a grid. Cell text joins Word's split <span>s without
 * adding spaces; <br> and block elements inside a cell become a space.
 */
import { foldSpace, type Block, type DocumentModel, type SourceFormat } from './document.ts';
import { parseHtml } from './html-parse.ts';
import { resolveGrid, type SourceCell } from './html-table-grid.ts';

/** The parts of a parsed HTML node this reader uses (parse5's tree: html-parse.ts). */
interface HtmlNode {
  nodeName: string;
  /** Elements only. */
  tagName?: string;
  /** Text nodes only. */
  value?: string;
  attrs?: ReadonlyArray<{ name: string; value: string }>;
  childNodes?: HtmlNode[];
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'object', 'svg', 'select', 'button', 'input', 'textarea']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'form', 'fieldset', 'figure', 'figcaption', 'address', 'center', 'body', 'html', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'caption',
]);
const HEADING = /^h([1-6])$/;

const TEXT = '#text';

const isTag = (n: HtmlNode): boolean => n.tagName !== undefined;

function textOf(node: HtmlNode): string {
  if (node.nodeName === TEXT) return node.value ?? '';
  if (!isTag(node) || SKIP.has(node.tagName ?? '')) return '';
  if (node.tagName === 'br') return ' ';
  const inner = (node.childNodes ?? []).map(textOf).join('');
  return BLOCK.has(node.tagName ?? '') ? ` ${inner} ` : inner;
}

/**
 * The first element named `name` in document order. Walked, where
 * cheerio's selector engine visited every node of the page for it (about a
 * twentieth of reading a report page).
 */
function firstElement(node: HtmlNode, name: string): HtmlNode | undefined {
  for (const child of node.childNodes ?? []) {
    if (!isTag(child)) continue;
    if (child.tagName === name) return child;
    const found = firstElement(child, name);
    if (found) return found;
  }
  return undefined;
}


/** Rows of this table only (not of tables nested in its cells). */
function ownRows(table: HtmlNode): HtmlNode[] {
  const rows: HtmlNode[] = [];
  for (const child of table.childNodes ?? []) {
    if (!isTag(child)) continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
      for (const tr of child.childNodes ?? []) if (isTag(tr) && tr.tagName === 'tr') rows.push(tr);
    }
  }
  return rows;
}

function spanAttr(node: HtmlNode, name: string): number {
  const n = Number.parseInt(node.attrs?.find((a) => a.name === name)?.value ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

export function readHtmlDocument(html: string, file: string, format: SourceFormat): DocumentModel {
  const page = parseHtml(html) as HtmlNode;
  const titleElement = firstElement(page, 'title');
  const title = (titleElement && foldSpace(textOf(titleElement))) || undefined;
  const blocks: Block[] = [];
  let inline = '';

  const flush = (): void => {
    const text = foldSpace(inline);
    inline = '';
    if (text) blocks.push({ kind: 'paragraph', text, source: { file, block: blocks.length } });
  };

  const walk = (node: HtmlNode): void => {
    if (node.nodeName === TEXT) {
      inline += node.value ?? '';
      return;
    }
    if (!isTag(node) || SKIP.has(node.tagName ?? '')) return;
    const name = node.tagName ?? '';
    if (name === 'br') {
      flush();
      return;
    }
    const heading = HEADING.exec(name);
    if (heading) {
      flush();
      const text = foldSpace(textOf(node));
      if (text) blocks.push({ kind: 'heading', level: Number(heading[1]), text, source: { file, block: blocks.length } });
      return;
    }
    if (name === 'table' && firstElement(node, 'table') === undefined) {
      flush();
      const rows: SourceCell[][] = ownRows(node).map((tr) =>
        (tr.childNodes ?? [])
          .filter((c) => isTag(c) && (c.tagName === 'td' || c.tagName === 'th'))
          .map((td) => ({ text: textOf(td), rowSpan: spanAttr(td, 'rowspan'), colSpan: spanAttr(td, 'colspan') })),
      );
      if (rows.some((r) => r.length > 0)) {
        const at = { file, block: blocks.length };
        blocks.push({ kind: 'table', rows: resolveGrid(rows, at), source: at });
      }
      return;
    }
    const isBlock = BLOCK.has(name);
    if (isBlock) flush();
    for (const child of node.childNodes ?? []) walk(child);
    if (isBlock) flush();
  };

  walk(firstElement(page, 'body') ?? page);
  flush();
  return { file, format, title, blocks };
}
