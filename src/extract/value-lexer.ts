/**
 * The one reader of printed values, shared by every extractor (to tell a
 * row's value cells from its label cells) and by the transform (to read a
 * cell's number). It knows how values are printed, nothing of the report:
 *
 * - numbers in full or half width, with a decimal point, and a comma or a
 *   space inside only as a thousands separator ("517,645", "12 345"; "12 3"
 *   and "1，2" are two numbers, so no value);
 * - signed changes: 增5, 增加5, 减3, 减少3, +5, -3;
 * - a unit after the number (万元, 元, 亿元, 千元, %) or a count word (件, 项 …);
 * - a remark after it, in parentheses or as 其中…/含… ("22（其中修订16件）");
 * - blank markers: nothing, /, dashes, 无, 空, *, ×, …, n/a.
 *
 * Blank, zero and "/" stay apart: a blank marker is `blank`, 0 is a number.
 * Pure.
 */

export type LexedValue =
  | { kind: 'number'; value: number; unit: string | null; remark: string | null; raw: string }
  | { kind: 'blank'; value: null; unit: null; remark: null; raw: string }
  | { kind: 'text'; value: null; unit: null; remark: null; raw: string };

/** Texts that mean "nothing printed here". */
const BLANK = /^(?:|[/\\]+|[-—–─_﹣‐‑―]+|无|空|\*+|×+|\.{1,6}|…+|n\/a)$/iu;

/** A sign word before a number (after NFKC, so full-width ＋ and － are + and -). */
const SIGN = /^(增加|增|减少|减|\+|-|−)\s*/u;
const NEGATIVE = /^(?:减少|减|-|−)$/u;

/** Digits, with commas or spaces only between groups of three ("1,234,567"), and a decimal part. */
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)(\.\d+)?/u;

const UNIT = /^(亿元|万元|千元|元|%|‰)/u;
/** Words that count what the number counts; they say nothing about its value. */
const COUNT_WORD = /^(?:件|个|项|次|宗|条|人|家|份|笔)/u;
/** A remark after the number: in parentheses or brackets, or a clause starting 其中 / 含. */
const REMARK = /^(?:\(.*\)?|\[.*\]?|其中.*|含.*)$/u;

/** Printable ASCII without spaces: NFKC leaves it as it is and there is no space to fold (most cells: "0", "12", "/"). */
const PLAIN = /^[\x21-\x7e]*$/;

function fold(raw: string): string {
  if (PLAIN.test(raw)) return raw;
  return raw.normalize('NFKC').replace(/[\s\u00a0\u3000\u200b\ufeff]+/gu, ' ').trim();
}

function text(raw: string): LexedValue {
  return { kind: 'text', value: null, unit: null, remark: null, raw };
}

export function lexValue(raw: string): LexedValue {
  return lexFolded(raw, fold(raw));
}

function lexFolded(raw: string, folded: string): LexedValue {
  if (BLANK.test(folded)) return { kind: 'blank', value: null, unit: null, remark: null, raw };
  let rest = folded;
  let sign = 1;
  const signWord = SIGN.exec(rest);
  if (signWord) {
    if (NEGATIVE.test(signWord[1] ?? '')) sign = -1;
    rest = rest.slice(signWord[0].length);
  }
  const number = NUMBER.exec(rest);
  if (!number) return text(raw);
  const digits = `${(number[1] ?? '').replace(/[, ]/gu, '')}${number[2] ?? ''}`;
  let tail = rest.slice(number[0].length).trim();
  // A digit, comma or point right after the number: "12 3", "1,2", "1.2.3" are no one number.
  if (/^[\d,.]/u.test(tail)) return text(raw);
  const unit = UNIT.exec(tail)?.[1] ?? null;
  if (unit) tail = tail.slice(unit.length).trim();
  const count = COUNT_WORD.exec(tail);
  if (count) tail = tail.slice(count[0].length).trim();
  if (tail !== '' && !REMARK.test(tail)) return text(raw);
  return { kind: 'number', value: sign * Number(digits), unit, remark: tail === '' ? null : tail, raw };
}

/** True for printed text that is a value (a number or a blank marker other than nothing at all), not a label. */
export function looksLikeValue(raw: string): boolean {
  const folded = fold(raw);
  return folded !== '' && lexFolded(raw, folded).kind !== 'text';
}

/** A money unit stated in a header: 采购总金额(单位:万元,保留4位小数), 本年收费金额（万元）. */
export function unitInHeader(header: string): string | null {
  const folded = header.normalize('NFKC');
  const stated = /单位[:]?\s*(亿元|万元|千元|元)/u.exec(folded);
  if (stated) return stated[1] ?? null;
  return /\(\s*(万元|元)\s*\)/u.exec(folded)?.[1] ?? null;
}
