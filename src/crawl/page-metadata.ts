/**
 * The metadata a government report page prints above its body: 索引号,
 * 发布机构 and the publication date, either as a table (a label cell, then
 * its value in the next cell) or as "label：value" text. The publication date
 * is the first of 发文日期, 公开日期, 发布日期, 发布时间 the page prints
 * (成文日期, the date of writing, is not a publication date), as YYYY-MM-DD.
 * Nothing is guessed: a field the page does not print stays undefined.
 */
import type { HtmlPage } from './html-page.ts';
import { foldText } from './html-page.ts';

export interface PageMetadata {
  indexNo?: string;
  publisher?: string;
  /** YYYY-MM-DD. */
  published?: string;
}

type Field = keyof PageMetadata;

/** Labels of each field, in order of preference. */
const LABELS: ReadonlyArray<readonly [Field, readonly string[]]> = [
  ['indexNo', ['索引号']],
  ['publisher', ['发布机构', '发文机关', '发布单位']],
  ['published', ['发文日期', '公开日期', '发布日期', '发布时间']],
];

/** The longest value a metadata field holds; longer "values" are body text. */
const MAX_VALUE_CHARS = 60;

const DATE = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/u;

/** "2024-01-17", "2024年1月17日", "2024/01/17 09:30" -> "2024-01-17"; undefined when no valid date. */
export function isoDate(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function labelKey(text: string): string {
  return text.replace(/[\s\u00a0\u3000:：]/g, '');
}

/** Label cell -> the text of the cell after it. */
function tableValues(page: HtmlPage): Map<string, string> {
  const { $ } = page;
  const values = new Map<string, string>();
  $('td, th').each((_, el) => {
    const key = labelKey($(el).text());
    if (key.length > 6 || values.has(key)) return;
    const next = $(el).next('td, th');
    if (next.length) values.set(key, foldText(next.text()));
  });
  return values;
}

/** Longest element text searched for "label：value" (a line of page furniture, not the body). */
const MAX_LINE_CHARS = 200;
const TEXT_ELEMENTS = 'p, div, span, li, td, th, font, label, em, strong, b, h1, h2, h3, h4, h5, h6';

/** The texts of the page's short elements, where "发布日期：2020-01-31" lines are printed. */
function shortLines(page: HtmlPage): string[] {
  const { $ } = page;
  return $(TEXT_ELEMENTS)
    .map((_, el) => foldText($(el).text()))
    .get()
    .filter((t: string) => t.length > 0 && t.length <= MAX_LINE_CHARS);
}

function textValue(lines: readonly string[], label: string): string | undefined {
  const re = new RegExp(`${label}\\s*[:：]\\s*([^\\s:：|]+)`, 'u');
  for (const line of lines) {
    const m = re.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

const ALL_LABELS = [...LABELS.flatMap(([, labels]) => labels), '成文日期', '文号', '分类', '主题分类', '来源', '浏览次数'];

/** The value up to where the next label starts ("沭阳县发展和改革局发布日期" -> "沭阳县发展和改革局"). */
function beforeNextLabel(value: string): string {
  const cuts = ALL_LABELS.map((l) => value.indexOf(l)).filter((i) => i > 0);
  return cuts.length ? value.slice(0, Math.min(...cuts)) : value;
}

function clean(field: Field, value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = beforeNextLabel(foldText(value)).trim();
  if (v === '' || v.length > MAX_VALUE_CHARS) return undefined;
  return field === 'published' ? isoDate(v) : v;
}

export function pageMetadata(page: HtmlPage): PageMetadata {
  const cells = tableValues(page);
  const lines = shortLines(page);
  const out: PageMetadata = {};
  for (const [field, labels] of LABELS) {
    for (const label of labels) {
      const value = clean(field, cells.get(label)) ?? clean(field, textValue(lines, label));
      if (value) {
        out[field] = value;
        break;
      }
    }
  }
  return out;
}
