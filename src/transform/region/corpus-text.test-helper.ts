/**
 * Test helper: a corpus document's text as the region resolver sees it, read
 * from test/fixtures/corpus (title = the first non-empty line, or the HTML
 * <title>; body = the whole text), plus its label's agency.
 */
import { readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';

const CORPUS = new URL('../../../test/fixtures/corpus/', import.meta.url);

export interface CorpusText {
  title: string | null;
  body: string;
}

export function corpusText(doc: string): CorpusText {
  const raw = readFileSync(new URL(`docs/${doc}`, CORPUS), 'utf8');
  if (doc.endsWith('.html')) {
    const $ = cheerio.load(raw);
    const body = $.root().text();
    const title = $('title').text().split('\n').map((s) => s.trim()).find(Boolean) ?? null;
    return { title, body };
  }
  return { title: firstLine(raw), body: raw };
}

/** Text copied into fixtures/ beside this file (PDF excerpts made with pdftotext). */
export function fixtureText(name: string): CorpusText {
  const raw = readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
  return { title: firstLine(raw), body: raw };
}

export function labelAgency(label: string): string {
  const json = JSON.parse(readFileSync(new URL(`labels/${label}.json`, CORPUS), 'utf8')) as { agency: string };
  return json.agency;
}

function firstLine(text: string): string | null {
  return text.split(/\r?\n/u).map((s) => s.trim()).find(Boolean) ?? null;
}
