/**
 * Which links of a page the crawler follows.
 *
 * On a listing page, a report link is one whose text, title or file name
 * marks an annual report: 年度报告 or 年报 next to a year ("2023年度政府信息
 * 公开工作年度报告", "…2023年报.pdf"), or a bare year ("2023年", "2023年度"),
 * as 年报 columns often list them. A source's link_pattern replaces that test.
 * The words alone are not enough: the column's own name ("政府信息公开年报")
 * sits in every page's navigation.
 *
 * On a report page, an attachment link is one to a file of a kind reports
 * are published as (PDF, DOC, DOCX, WPS, XLS …), by the URL's extension or,
 * for download scripts, the extension the link text ends with.
 */
import { ATTACHMENT_EXTENSIONS, extensionOf } from './file-type.ts';
import type { PageLink } from './html-page.ts';

const REPORT_WORDS = /年度报告|年报/u;
/** A year of the reports' era, standing alone (not part of a longer number). */
const YEAR = /(?<!\d)(19|20)\d{2}(?!\d)/u;
const BARE_YEAR = /^(19|20)\d{2}\s*年?度?$/u;

export interface ReportLink {
  url: string;
  /** What the link says: its title when the text is cut short, else its text. */
  text: string;
}

function fileName(url: string): string {
  const path = new URL(url).pathname;
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function marksReport(text: string): boolean {
  return (REPORT_WORDS.test(text) && YEAR.test(text)) || BARE_YEAR.test(text);
}

export function linkText(link: PageLink): string {
  return link.title.length > link.text.length ? link.title : link.text;
}

export function isReportLink(link: PageLink, pattern?: RegExp): boolean {
  const texts = [link.text, link.title, fileName(link.url)];
  if (pattern) return pattern.test(link.url) || texts.some((t) => pattern.test(t));
  return texts.some(marksReport);
}

/** Distinct report links of a listing page, in page order (a URL linked twice keeps its first text). */
export function reportLinks(links: readonly PageLink[], pattern?: RegExp): ReportLink[] {
  const seen = new Map<string, ReportLink>();
  for (const link of links) {
    if (!seen.has(link.url) && isReportLink(link, pattern)) seen.set(link.url, { url: link.url, text: linkText(link) });
  }
  return [...seen.values()];
}

export function isAttachmentUrl(url: string): boolean {
  return ATTACHMENT_EXTENSIONS.includes(extensionOf(fileName(url)));
}

/** Distinct attachment links of a report page, in page order. */
export function attachmentLinks(links: readonly PageLink[]): ReportLink[] {
  const seen = new Map<string, ReportLink>();
  for (const link of links) {
    const text = linkText(link);
    const named = ATTACHMENT_EXTENSIONS.includes(extensionOf(text));
    if (!seen.has(link.url) && (isAttachmentUrl(link.url) || named)) seen.set(link.url, { url: link.url, text });
  }
  return [...seen.values()];
}
