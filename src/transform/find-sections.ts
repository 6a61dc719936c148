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
 * Finds each section's span. Of several headings of one kind (a narrative
 * sub-heading that reuses the words, a repeated running header) the first
 * one followed by a table before the next heading wins, else the first. When
 * the one with the table follows the first with no other section's heading
 * between (a table caption such as "表二：主动公开政府信息情况" under the
 * section heading), the section starts at the first, so the lines between
 * stay in it.
 */
export function findSections(doc: DocumentModel): SectionSpan[] {
  const candidates: Array<{ code: SectionCode; start: number; heading: string }> = [];
  doc.blocks.forEach((block, i) => {
    const text = blockText(block);
    const code = text === null ? null : sectionOfHeading(text);
    if (code && text !== null) candidates.push({ code, start: i, heading: text });
  });
  const hasTable = (k: number): boolean => {
    const from = candidates[k]!.start;
    const to = candidates[k + 1]?.start ?? doc.blocks.length;
    return doc.blocks.slice(from, to).some((b) => b.kind === 'table');
  };
  const chosen = new Map<SectionCode, { code: SectionCode; start: number; heading: string }>();
  /** Sections whose chosen heading has its table, under a caption that restates it. */
  const captioned = new Set<SectionCode>();
  candidates.forEach((c, k) => {
    const prev = chosen.get(c.code);
    if (!prev) {
      chosen.set(c.code, c);
      return;
    }
    const p = candidates.indexOf(prev);
    if (captioned.has(c.code) || hasTable(p) || !hasTable(k)) return;
    if (candidates.slice(p + 1, k).every((between) => between.code === c.code)) captioned.add(c.code);
    else chosen.set(c.code, c);
  });
  const starts = [...chosen.values()].sort((a, b) => a.start - b.start);
  return starts.map((s, k) => ({ ...s, end: starts[k + 1]?.start ?? doc.blocks.length }));
}
