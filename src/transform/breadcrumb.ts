/**
 * The navigation a saved government page prints before the report's title:
 * a breadcrumb ("当前位置：首页 > 政务公开 > 政府信息公开年报", or its items one
 * per line: 首页 / 政务公开 / 政府信息公开 / 政府信息公开年报) and the names of
 * the site's channels. None of it is the report's agency. Pure.
 */
import { normalizeLabel } from './normalize-label.ts';

/** What separates the items of a breadcrumb. */
const SEPARATOR = /[>›»＞→]|&gt;/u;
/** Words a breadcrumb opens with. */
const OPENING = /^(?:当前位置|您的位置|您现在的位置|现在位置|所在位置|位置|首页)/u;
/** How a channel's name ends: 政府信息公开年报, 政务公开, 专题专栏 … never an agency's name. */
const CHANNEL_END = /(?:年报|公开|专栏|首页|栏目|目录)$/u;

/** Longest channel name a site prints (政府信息公开年报 is 8 characters); a longer line is text, not navigation. */
const MAX_CHANNEL = 12;
/** A year: a line holding one is a title's or the text's, never a channel's name. */
const YEAR = /(?:19|20)\d{2}|[一二][〇○零O一二三四五六七八九]{3}/u;

/** True for a line of page navigation: a breadcrumb, its opening words, or a channel's name. */
export function isNavigationText(text: string): boolean {
  const t = normalizeLabel(text);
  if (t === '' || YEAR.test(t)) return false;
  return SEPARATOR.test(t) || OPENING.test(t) || (t.length <= MAX_CHANNEL && CHANNEL_END.test(t));
}

/** A title line with a breadcrumb run into it ("首页>政务公开>平潭…年度报告"): the part after the last separator. */
export function stripBreadcrumb(text: string): string {
  const parts = text.split(new RegExp(SEPARATOR.source, 'gu'));
  return parts.length > 1 ? (parts[parts.length - 1] ?? '').trim() : text;
}
