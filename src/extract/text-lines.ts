/**
 * Small predicates over the lines of a text file, shared by the text
 * extractor's layout readers. They know layouts only, nothing of the report.
 */
import { looksLikeValue } from './value-lexer.ts';

/** A line with no printed character (NBSP, full-width and zero-width spaces count as blank). Tabs are not blank: they mark cells. */
export function isBlankLine(line: string): boolean {
  return !line.includes('\t') && /^[\s\u00a0\u3000\u200b\ufeff]*$/.test(line);
}

export function hasTab(line: string): boolean {
  return line.includes('\t');
}

/** A markdown heading "## text" (1–6 #, then white space): its level and text, else null. */
export function markdownHeading(line: string): { level: number; text: string } | null {
  const m = /^ {0,3}(#{1,6})(?:[ \t\u3000]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
  if (!m || !m[1]) return null;
  const text = (m[2] ?? '').trim();
  if (text === '') return null;
  return { level: m[1].length, text };
}

/** Text that is a number, a blank marker or nothing at all rather than a label. */
export function isValueLike(text: string): boolean {
  return text.trim() === '' || looksLikeValue(text);
}

/** Join text wrapped over two lines: no space between CJK (or mixed) text, one space between two ASCII words. */
export function joinWrapped(head: string, tail: string): string {
  const a = head.trimEnd();
  const b = tail.trimStart();
  if (a === '') return b;
  if (b === '') return a;
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}
