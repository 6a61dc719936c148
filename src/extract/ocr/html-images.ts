/**
 * HTML pages whose tables are pictures (图片版: the three tables, or whole
 * pages, as <img>). When a page has no table of its own, each <img> whose
 * picture is at hand (a file beside the page, or a data: URI) is read by OCR
 * and its blocks take the picture's place in the page, so headings written
 * in the HTML stay in order around them; pictures that follow one another
 * are read as the pages of one scan (a table running over them is joined).
 * A page with tables of its own is
 * read as HTML only (its pictures are logos and seals).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Block, DocumentModel, Extractor } from '../document.ts';
import { decodeHtml } from '../html-charset.ts';
import { readHtmlDocument } from '../html-document.ts';
import { htmlExtractor } from '../html.ts';
import { atLeastDpi, decodeImage } from './grey-image.ts';

/** Stands in the page for the n-th picture until its OCR blocks replace it. */
const marker = (n: number): string => `〔nianbao-picture-${n}〕`;
/** Most pictures of one page read by OCR: a report's tables fill a few pages. */
const MAX_PICTURES = 20;

/** The picture's bytes: a data: URI's, or the file's a relative src names beside the page. */
function pictureBytes(src: string, file: string): Uint8Array | undefined {
  const data = /^data:image\/(?:png|jpe?g);base64,(.+)$/i.exec(src.trim());
  if (data) return new Uint8Array(Buffer.from(data[1]!, 'base64'));
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return undefined;
  const path = resolve(dirname(file), decodeURIComponent(src.split(/[?#]/)[0]!));
  return /\.(png|jpe?g)$/i.test(path) && existsSync(path) ? new Uint8Array(readFileSync(path)) : undefined;
}

/** Blocks renumbered in order (their own index and their cells'). */
function renumber(blocks: readonly Block[]): Block[] {
  return blocks.map((b, i) => {
    const source = { ...b.source, block: i };
    if (b.kind !== 'table') return { ...b, source };
    return { ...b, source, rows: b.rows.map((row) => row.map((c) => ({ ...c, source: { ...c.source, block: i } }))) };
  });
}

async function readPictures(html: string, file: string, pictures: Uint8Array[]): Promise<DocumentModel> {
  const doc = readHtmlDocument(html, file, 'html');
  // Loaded only for a page of pictures: a run over plain pages never loads the OCR and PDF layout code.
  const { ocrDocument, ocrEngine } = await import('./ocr-document.ts');
  const { RENDER_DPI } = await import('./pdf-page-images.ts');
  const engine = await ocrEngine(file);
  const blocks: Block[] = [];
  let run: number[] = [];
  let name: string | undefined;
  // Pictures one after another are pages of one scan: read together, so a table running over them is joined.
  const flush = async () => {
    if (run.length === 0) return;
    const images = run.map((n) => atLeastDpi(decodeImage(pictures[n]!, file), RENDER_DPI));
    const read = await ocrDocument(images, file, 'html', engine);
    name = read.ocrEngine;
    blocks.push(...read.blocks);
    run = [];
  };
  for (const b of doc.blocks) {
    const n = b.kind === 'paragraph' ? pictures.findIndex((_, i) => b.text === marker(i)) : -1;
    if (n >= 0) run.push(n);
    else {
      await flush();
      blocks.push(b);
    }
  }
  await flush();
  return { ...doc, blocks: renumber(blocks), ocrEngine: name };
}

export const htmlWithPicturesExtractor: Extractor = {
  extensions: ['.html', '.htm'],
  format: 'html',
  async extract(bytes, file) {
    const plain = await htmlExtractor.extract(bytes, file);
    if (plain.blocks.some((b) => b.kind === 'table')) return plain;
    // Loaded only for a page without tables: cheerio's whole entry, to write the page back as parse5 does.
    const cheerio = await import('cheerio');
    const $ = cheerio.load(decodeHtml(bytes).text);
    const pictures: Uint8Array[] = [];
    $('img').each((_, el) => {
      const found = pictures.length < MAX_PICTURES ? pictureBytes($(el).attr('src') ?? '', file) : undefined;
      if (found) $(el).replaceWith(`<p>${marker(pictures.push(found) - 1)}</p>`);
    });
    if (pictures.length === 0) return plain;
    return readPictures($.html(), file, pictures);
  },
};
