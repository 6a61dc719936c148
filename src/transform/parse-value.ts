/**
 * Reads one printed table cell as a value. Pure.
 *
 * Keeps blank, zero and "/" apart: a blank cell or a dash is `blank` (null
 * in the facts), 0 is 0. Handles full-width digits, thousands separators,
 * spaces inside numbers (Word markup splits "2 6"), units (万元, 元), signed
 * 增/减, and trailing notes such as "22（其中修订16件）".
 */

export type ParsedValue =
  | { kind: 'number'; value: number; unit: string | null; raw: string }
  | { kind: 'blank'; value: null; unit: null; raw: string }
  | { kind: 'text'; value: null; unit: null; raw: string };

/** Texts that mean "nothing printed here". */
const BLANK = /^(?:|[/／\\]|[-－—–─_﹣‐‑―]+|无|空|\*|×|\.{1,3}|…+|——|n\/a|N\/A)$/u;

const UNIT = /^(万元|元|亿元|千元)/u;

export function parseValue(raw: string): ParsedValue {
  const text = raw.normalize('NFKC').replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
  if (BLANK.test(text)) return { kind: 'blank', value: null, unit: null, raw };

  let rest = text;
  let sign = 1;
  const signWord = /^(增加|增|减少|减|\+|-|−)\s*/u.exec(rest);
  if (signWord) {
    if (/^(减少|减|-|−)/u.test(signWord[1] ?? '')) sign = -1;
    rest = rest.slice(signWord[0].length);
  }
  // Digits possibly split by spaces or thousands separators: "1,234.5", "2 6".
  const m = /^(\d[\d, ]*(?:\.\d+)?)(.*)$/u.exec(rest);
  if (!m) return { kind: 'text', value: null, unit: null, raw };
  const digits = (m[1] ?? '').replace(/[, ]/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(digits)) return { kind: 'text', value: null, unit: null, raw };
  const tail = (m[2] ?? '').trim();
  const unitMatch = UNIT.exec(tail);
  const unit = unitMatch ? (unitMatch[1] ?? null) : null;
  const after = unitMatch ? tail.slice(unitMatch[0].length).trim() : tail;
  // Anything after the number must be a note or a count word, not another number in a row of its own.
  if (after && !/^(?:件|个|项|次|宗|条|人|家|笔|\(.*\)?|（.*）?|\[.*\]|其中.*|含.*)$/u.test(after)) {
    return { kind: 'text', value: null, unit: null, raw };
  }
  return { kind: 'number', value: sign * Number(digits), unit, raw };
}

/** True for text that reads as a value (a number or a blank marker), i.e. not a label. */
export function isValueText(raw: string): boolean {
  return parseValue(raw).kind !== 'text';
}

/** Finds a money unit stated in a header, e.g. 采购总金额(单位:万元,保留4位小数). */
export function unitInHeader(header: string): string | null {
  const m = /单位[:：]?\s*(万元|元|亿元|千元)/u.exec(header.normalize('NFKC'));
  if (m) return m[1] ?? null;
  const p = /[(（]\s*(万元|元)\s*[)）]/u.exec(header);
  return p ? (p[1] ?? null) : null;
}
