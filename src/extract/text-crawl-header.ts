/**
 * The header a web crawler writes above the text it saved of a page:
 *
 *   标题: 平潭综合实验区2023年度政府信息公开工作年度报告
 *   发布时间: 2024-03-08 15:34
 *   发布机构: 平潭综合实验区管委会办公室
 *   原文链接: https://…
 *   ==================== 正文 ====================
 *   (the page's text, often all on one line)
 *
 * "name: value" lines up to a separator line of = signs (with a word between
 * them or not). The fields are the crawler's, not the report's: the title is
 * the page's title, the publishing office may differ from the report's
 * agency. Layout only; nothing of the report template.
 */

/** Longest field name a header line may carry ("本地目录", "页面链接与图片详见" …). */
const MAX_FIELD_NAME = 12;
/** How many lines a crawler header may take before its separator. */
const MAX_HEADER_LINES = 30;

const FIELD = new RegExp(`^([^:：\\s]{1,${MAX_FIELD_NAME}})\\s*[:：]\\s?(.*)$`, 'u');
const SEPARATOR = /^\s*={3,}\s*[^=]{0,12}\s*={3,}\s*$/u;

export interface CrawlHeader {
  /** Fields by name, as printed ("标题" → the page title). */
  fields: Record<string, string>;
  /** Index of the first line after the separator. */
  bodyStart: number;
}

/** The crawler header at the top of `lines`, or null when the text does not start with one. */
export function readCrawlHeader(lines: readonly string[]): CrawlHeader | null {
  const fields: Record<string, string> = {};
  const limit = Math.min(lines.length, MAX_HEADER_LINES);
  for (let i = 0; i < limit; i++) {
    const line = (lines[i] ?? '').trim();
    if (SEPARATOR.test(line)) return Object.keys(fields).length > 0 ? { fields, bodyStart: i + 1 } : null;
    if (line === '') continue;
    const m = FIELD.exec(line);
    if (m) fields[m[1]!] = (m[2] ?? '').trim();
    // A line that is no field (a note such as "页面链接与图片详见 links.tsv") may sit in the header; the separator decides.
  }
  return null;
}
