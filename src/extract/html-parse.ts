/**
 * HTML parsed as browsers parse it (parse5), into parse5's own tree: plain
 * objects, which the reader walks (html-document.ts). The tree in
 * domhandler's shape, the one cheerio queries, takes half as long again to
 * build (0.33 against 0.23 ms a report page) and more memory to collect:
 * a page whose tables are pictures loads cheerio for what it needs
 * (ocr/html-images.ts).
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

export type HtmlDocument = DefaultTreeAdapterMap['document'];

export function parseHtml(html: string): HtmlDocument {
  // With scripting on, as cheerio and browsers parse: <noscript> holds text.
  return parse(html, { scriptingEnabled: true });
}
