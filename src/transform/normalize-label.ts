/**
 * Label normalisation for matching printed labels against the template:
 * NFKC folds full-width digits, letters and punctuation (（一） -> (一),
 * 1． -> 1.); all white space goes (labels are often printed with spaces
 * between characters or wrapped over lines).
 */

export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

/** Drop leading numbering such as 一、 (三) 1. 2、 from a normalised label. */
export function stripNumbering(label: string): string {
  return label.replace(/^(?:[一二三四五六七八九十]+[、.,]|\([一二三四五六七八九十\d]+\)[、.]?|\d+[、.．])+/u, '');
}

export function includesAny(label: string, keywords: readonly string[]): boolean {
  return keywords.some((k) => label.includes(k));
}
