/**
 * A fetched HTML page as the crawler reads it: decoded (UTF-8 or GBK, by the
 * extractor's own charset rules), its links made absolute against the page's
 * final URL (or its <base href>), and its scripts' text for pagination that
 * only a script prints. Links that lead nowhere (fragments, javascript:,
 * mailto:) are dropped.
 */
import * as cheerio from 'cheerio';
import { decodeHtml } from '../extract/html-charset.ts';

export interface PageLink {
  /** Absolute URL, without its fragment. */
  url: string;
  /** The link's text, white space folded. */
  text: string;
  /** Its title attribute (lists often cut the text and keep the whole title here). */
  title: string;
}

export interface HtmlPage {
  url: string;
  links: PageLink[];
  /** The text of inline scripts, joined. */
  scripts: string;
  $: cheerio.CheerioAPI;
}

/** Folds runs of white space (including U+00A0 and U+3000) to one space. */
export function foldText(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

function absolute(href: string, base: string): string | null {
  const h = href.trim();
  if (h === '' || h.startsWith('#') || /^(javascript|mailto|tel|data):/i.test(h)) return null;
  try {
    const u = new URL(h, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

export function readHtmlPage(bytes: Uint8Array, url: string): HtmlPage {
  const $ = cheerio.load(decodeHtml(bytes).text);
  const baseHref = $('base[href]').first().attr('href');
  const base = (baseHref && absolute(baseHref, url)) || url;
  const links: PageLink[] = [];
  $('a[href]').each((_, el) => {
    const target = absolute($(el).attr('href') ?? '', base);
    if (target) links.push({ url: target, text: foldText($(el).text()), title: foldText($(el).attr('title') ?? '') });
  });
  const scripts = $('script:not([src])')
    .map((_, el) => $(el).text())
    .get()
    .join('\n');
  return { url, links, scripts, $ };
}
