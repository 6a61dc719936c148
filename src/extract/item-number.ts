/**
 * Item numbers that open the items of a list: "1." / "2、", "（一）" / "(3)",
 * "一、". Two texts opening with the same kind of number are two items of one
 * list, so the second never continues the first.
 */

const KINDS: ReadonlyArray<readonly [string, RegExp]> = [
  ['arabic', /^\d{1,3}[.．、](?!\d)/u],
  ['bracketed', /^[（(][一二三四五六七八九十\d]{1,3}[）)]/u],
  ['chinese', /^[一二三四五六七八九十]{1,3}、/u],
];

/** The kind of item number a text opens with, if any. */
export function itemNumberKind(text: string): string | null {
  const t = text.trim();
  return KINDS.find(([, re]) => re.test(t))?.[0] ?? null;
}

/** Whether two texts open with the same kind of item number (two items of one list). */
export function sameListItems(a: string, b: string): boolean {
  const kind = itemNumberKind(a);
  return kind !== null && kind === itemNumberKind(b);
}
