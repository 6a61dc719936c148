/**
 * Section headings inside running text: a page saved as one line of text
 * prints "…问责。 二、主动公开政府信息情况第二十条第（一）项…". A heading there
 * is a big numeral and 、, then the shortest stretch of words (no digits, no
 * sentence punctuation) that names a section and ends as headings end
 * (…情况, …事项, …措施, …计划). Row labels that share the numbering
 * (三、本年度办理结果, 四、结转下年度继续办理) name no section. Pure.
 */
import { sectionOfHeading } from '../find-sections.ts';
import type { SectionCode } from '../template/template.ts';

export interface TextPiece {
  /** null for text before the first heading. */
  section: SectionCode | null;
  heading: string;
  /** The text under the heading, up to the next one. */
  body: string;
}

/** Longest heading the template's wordings print (四、因政府信息公开申请行政复议、提起行政诉讼的情况 is 27 characters). */
const MAX_HEADING = 40;
/** Fewest headings a piece of text must hold inline to be read as a whole report run into one line. */
export const MIN_INLINE_HEADINGS = 3;

const NUMERAL = /[一二三四五六七八九十]、/gu;
const HEADING_END = /(?:情况|事项|措施|计划)$/u;
const NOT_IN_HEADING = /[\d。；;！!？?]/u;

/** The section a stretch of words heads, looser than a heading line: a misprint such as 行政法复议 still names 四. */
function sectionOf(text: string): SectionCode | null {
  const code = sectionOfHeading(text);
  if (code) return code;
  return /复议/u.test(text) && /诉讼/u.test(text) ? 'review_litigation' : null;
}

/** The heading that starts at `at`, or null. */
function headingAt(text: string, at: number): { code: SectionCode; end: number } | null {
  for (let end = at + 4; end <= Math.min(text.length, at + MAX_HEADING); end++) {
    const candidate = text.slice(at, end);
    if (NOT_IN_HEADING.test(candidate)) return null;
    if (!HEADING_END.test(candidate)) continue;
    const code = sectionOf(candidate);
    if (code) return { code, end };
  }
  return null;
}

/** The headings printed inside `text`, in order, each section once (the first that starts a run of text). */
export function inlineHeadings(text: string): Array<{ code: SectionCode; start: number; end: number }> {
  const found: Array<{ code: SectionCode; start: number; end: number }> = [];
  for (const m of text.matchAll(NUMERAL)) {
    const at = m.index ?? 0;
    if (found.length > 0 && at < found[found.length - 1]!.end) continue;
    const h = headingAt(text, at);
    if (h && !found.some((f) => f.code === h.code)) found.push({ code: h.code, start: at, end: h.end });
  }
  return found;
}

/** `text` cut at its inline headings; null when it holds fewer than MIN_INLINE_HEADINGS. */
export function splitAtHeadings(text: string): TextPiece[] | null {
  const headings = inlineHeadings(text);
  if (headings.length < MIN_INLINE_HEADINGS) return null;
  const pieces: TextPiece[] = [];
  const lead = text.slice(0, headings[0]!.start).trim();
  if (lead !== '') pieces.push({ section: null, heading: '', body: lead });
  headings.forEach((h, k) => {
    const next = headings[k + 1]?.start ?? text.length;
    pieces.push({ section: h.code, heading: text.slice(h.start, h.end).trim(), body: text.slice(h.end, next).trim() });
  });
  return pieces;
}
