/**
 * One-character-off matching of a printed place name against the gazetteer,
 * for OCR and typing slips (沐阳县 printed for 沭阳县). Only substitutions of one
 * character before the suffix count; the suffix (县, 镇, 街道 …) must agree, so
 * the level is never changed. Pure; the confusable groups load at module load.
 */
import { readFileSync } from 'node:fs';
import { divisionsOfLength, type Division, type DivisionLevel } from './gazetteer.ts';

const groupOf = new Map<string, number>();
readFileSync(new URL('./confusable-chars.txt', import.meta.url), 'utf8')
  .split(/\r?\n/u)
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .forEach((line, group) => {
    for (const ch of line) groupOf.set(ch, group);
  });

/** True when the two characters are listed together as look-alikes. */
export function confusable(a: string, b: string): boolean {
  const g = groupOf.get(a);
  return g !== undefined && g === groupOf.get(b);
}

export interface FuzzyCandidate {
  division: Division;
  /** The printed character and the gazetteer's, at the one position they differ. */
  printed: string;
  listed: string;
  confusable: boolean;
}

function suffixLength(name: string): number {
  return /(?:街道|办事处)$/u.test(name) ? 2 : 1;
}

/** Divisions at these levels whose names differ from `name` in exactly one character before the suffix. */
export function oneCharacterOff(name: string, levels: readonly DivisionLevel[]): FuzzyCandidate[] {
  const chars = [...name];
  if (chars.length < 3) return [];
  const stemLength = chars.length - suffixLength(name);
  const out: FuzzyCandidate[] = [];
  for (const level of levels) {
    for (const d of divisionsOfLength(level, name.length)) {
      const listed = [...d.name];
      if (listed.length !== chars.length) continue;
      let diff = -1;
      let count = 0;
      for (let i = 0; i < chars.length && count < 2; i++) {
        if (chars[i] !== listed[i]) {
          diff = i;
          count++;
        }
      }
      if (count !== 1 || diff >= stemLength) continue;
      const printed = chars[diff] ?? '';
      const listedChar = listed[diff] ?? '';
      out.push({ division: d, printed, listed: listedChar, confusable: confusable(printed, listedChar) });
    }
  }
  return out;
}
