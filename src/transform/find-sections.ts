/**
 * Splits a document's blocks into the report's six sections by their
 * headings. Headings may be heading blocks or plain paragraphs (text layouts,
 * PDFs); a heading is a short line that carries big-numeral numbering (二、)
 * or stands alone, and holds the section's key phrase. Sub-headings such as
 * （一）主动公开政府信息情况 inside 一、总体情况 are not section headings.
 */
import type { Block, DocumentModel } from '../extract/document.ts';
import { includesAny, normalizeLabel } from './normalize-label.ts';
import { SECTION_MATCHERS, type SectionCode } from './template/template.ts';

export interface SectionSpan {
  code: SectionCode;
  /** Index of the heading block. */
  start: number;
  /** Index one past the last block of the section. */
  end: number;
  heading: string;
}

const MAX_HEADING_LENGTH = 40;

export function sectionOfHeading(text: string): SectionCode | null {
  const label = normalizeLabel(text).replace(/^#+/, '');
  if (label.length === 0 || label.length > MAX_HEADING_LENGTH) return null;
  // Sub-headings are numbered (一) 1. 1、; section headings 一、 or nothing.
  if (/^[(（]/u.test(label) || /^\d/.test(label)) return null;
  if (!/^[一二三四五六七八九十]+[、.,]/u.test(label) && label.length > 24) return null;
  for (const m of SECTION_MATCHERS) {
    if (!includesAny(label, m.keywords)) continue;
    if (m.code === 'review_litigation' && !(label.includes('行政诉讼') || label.includes('诉讼'))) continue;
    return m.code;
  }
  return null;
}

function blockText(block: Block): string | null {
  return block.kind === 'table' ? null : block.text;
}

/**
 * Finds each section's span. The first heading of a kind wins; later headings
 * of a kind already seen (a repeated running header) stay inside the section.
 */
export function findSections(doc: DocumentModel): SectionSpan[] {
  const starts: Array<{ code: SectionCode; start: number; heading: string }> = [];
  const seen = new Set<SectionCode>();
  doc.blocks.forEach((block, i) => {
    const text = blockText(block);
    if (text === null) return;
    const code = sectionOfHeading(text);
    if (code && !seen.has(code)) {
      seen.add(code);
      starts.push({ code, start: i, heading: text });
    }
  });
  return starts.map((s, k) => ({ ...s, end: starts[k + 1]?.start ?? doc.blocks.length }));
}
