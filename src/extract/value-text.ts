/**
 * Whether a piece of printed text reads as a table value rather than a label:
 * a number (a sign, thousands separators, a decimal point, and a unit such as
 * % 万元 元 件 项 after it) or a blank marker (dashes or slashes alone), in
 * full or half width. Extractors use it to tell a row's label cells from its
 * value cells; what a value means is the transform's business.
 */

const NUMBER = /^[-+−]?\d[\d,.]*(?:%|亿元|万元|千元|元|件|个|项|次)?$/u;
const BLANK_MARK = /^[-—–_─―/\\]+$/u;

export function looksLikeValue(text: string): boolean {
  const t = text.normalize('NFKC').replace(/\s+/gu, '');
  return NUMBER.test(t) || BLANK_MARK.test(t);
}
