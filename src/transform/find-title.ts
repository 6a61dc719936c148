/**
 * Finds the report's title and reads the agency and year from it (and from
 * the body when the title lacks them). Titles come as
 * "梁园区孙福集乡人民政府2020年政府信息公开工作年度报告",
 * "2019年上海市人民政府办公厅政府信息公开工作年度报告", or wrapped over two
 * lines ("张家坡镇2020年度政府信息公开工作年度" / "报  告"). Pure.
 */
import type { DocumentModel } from '../extract/document.ts';
import { isNavigationText, stripBreadcrumb } from './breadcrumb.ts';
import { normalizeLabel } from './normalize-label.ts';

export interface TitleInfo {
  title: string | null;
  agency: string | null;
  year: number | null;
  /** The year the title prints, and the year the body talks about most (null where there is none). */
  titleYear: number | null;
  bodyYear: number | null;
}

const TITLE_END = /(?:政府)?(?:信息|政务)公开(?:工作)?的?(?:年度)?(?:报告|年报)$/u;
/** A year in digits (2023年) or in Chinese numerals (二〇二三年). */
const YEAR = /((?:19|20)\d{2}|[一二][〇○零O一二三四五六七八九]{3})年度?/u;
/** Digit values of the characters a Chinese-numeral year is written with (〇, ○, 零 and a Latin O all print zero). */
const CHINESE_DIGITS: Readonly<Record<string, string>> = { 〇: '0', '○': '0', 零: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const MAX_TITLE = 70;

function yearNumber(text: string): number {
  return Number([...text].map((c) => CHINESE_DIGITS[c] ?? c).join(''));
}
/** How many leading text blocks may hold the title (saved pages put navigation first). */
const SEARCH_BLOCKS = 400;

function looksLikeTitle(text: string): boolean {
  return text.length <= MAX_TITLE && YEAR.test(text) && /(?:报告|年报)$/u.test(text) && /(?:信息|政务)公开/u.test(text);
}

/** Candidate titles: single text blocks, and up to three consecutive ones joined (wrapped titles). */
function findTitleText(doc: DocumentModel): string | null {
  const texts: string[] = [];
  for (const b of doc.blocks.slice(0, SEARCH_BLOCKS)) {
    if (b.kind !== 'table' && b.text.trim()) texts.push(normalizeLabel(stripBreadcrumb(b.text)).replace(/^#+/, '').replace(/[-—_|].*$/u, ''));
  }
  const docTitle = doc.title ? normalizeLabel(doc.title).replace(/[-—_|].*$/u, '') : null;
  for (let i = 0; i < texts.length; i++) {
    // A wrapped title's first line holds more than a stray word such as 正文.
    if ((texts[i] ?? '').length <= 2) continue;
    // A saved page's navigation (首页 / 政务公开 / 政府信息公开年报) is no line of a wrapped title.
    if (isNavigationText(texts[i] ?? '')) continue;
    for (let span = 1; span <= 3 && i + span <= texts.length; span++) {
      const pieces = texts.slice(i, i + span);
      // Navigation inside the span: the title starts after it (the loop gets there).
      if (pieces.slice(1).some(isNavigationText)) break;
      const joined = pieces.join('');
      if (joined.length > MAX_TITLE) break;
      if (looksLikeTitle(joined)) return joined;
    }
  }
  if (docTitle && looksLikeTitle(docTitle)) return docTitle;
  return null;
}

export function agencyAndYear(title: string): { agency: string | null; year: number | null } {
  const m = YEAR.exec(title);
  const year = m ? yearNumber(m[1]!) : null;
  const before = m ? title.slice(0, m.index) : '';
  const after = m ? title.slice(m.index + m[0].length) : title;
  let agency: string | null = null;
  // Page furniture before the title: "标题：…", "当前位置：…"; "…关于2023年…的报告".
  const beforeTitle = before.replace(/^.*[:：]/u, '').replace(/关于$/u, '');
  if (beforeTitle.length >= 2) {
    agency = beforeTitle;
  } else {
    const removed = TITLE_END.exec(after);
    let rest = removed ? after.slice(0, removed.index) : after;
    // "意溪镇人民政府信息公开…": the 政府 of 人民政府 was taken as part of 政府信息公开.
    if (removed && removed[0].startsWith('政府') && rest.endsWith('人民')) rest += '政府';
    agency = rest.length >= 2 ? rest : null;
  }
  return { agency: agency?.replace(/^[(（【\[]|[)）】\]]$/gu, '') ?? null, year };
}

/** The year the body talks about most, for documents whose title has none. */
function yearFromBody(doc: DocumentModel): number | null {
  const counts = new Map<number, number>();
  for (const b of doc.blocks) {
    if (b.kind === 'table') continue;
    for (const m of normalizeLabel(b.text).matchAll(/((?:19|20)\d{2})年/gu)) {
      const y = Number(m[1]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, c] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (c > bestCount) {
      best = y;
      bestCount = c;
    }
  }
  return best;
}

export function findTitle(doc: DocumentModel): TitleInfo {
  const title = findTitleText(doc);
  const { agency, year } = title ? agencyAndYear(title) : { agency: null, year: null };
  const bodyYear = yearFromBody(doc);
  return { title, agency, year: year ?? bodyYear, titleYear: year, bodyYear };
}
