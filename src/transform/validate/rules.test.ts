/**
 * The rule catalogue lists every rule the code emits, with the severity the
 * code gives it: the data dictionary and v_quality rely on it being complete.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE, RULES } from './rules.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

/** Non-test TypeScript sources under src/ and pipeline/. */
function sources(): string[] {
  return ['src', 'pipeline'].flatMap((dir) =>
    (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('test-helper'))
      .map((f) => join(ROOT, dir, f)),
  );
}

/** Every `rule: 'id'` literal in the sources, and every `RULE.name` the sources use. */
function emitted(): { literals: string[]; names: string[] } {
  const texts = sources().map((file) => ({ file: file.slice(ROOT.length), text: readFileSync(file, 'utf8') }));
  return {
    literals: texts.flatMap(({ file, text }) => [...text.matchAll(/rule:\s*'([\w.]+)'/g)].map((m) => `${file}: ${m[1]}`)),
    names: texts.flatMap(({ text }) => [...text.matchAll(/\bRULE\.(\w+)/g)].map((m) => m[1] as string)),
  };
}

describe('RULES', () => {
  it('has an entry for every RULE constant and nothing else', () => {
    expect(Object.keys(RULES).sort()).toEqual(Object.values(RULE).sort());
  });

  it('is where every rule id the code emits is spelled: no literal ids, and every RULE name used exists', () => {
    const { literals, names } = emitted();
    expect(literals).toEqual([]);
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((n) => !(n in RULE))).toEqual([]);
  });

  it('includes the extraction and region rules the issue names', () => {
    for (const id of ['extract.row_missing', 'extract.column_missing', 'extract.unreadable_number', 'extract.duplicate_row']) {
      expect(RULES[id as keyof typeof RULES]?.severity).toBe('warning');
    }
    // A row whose values cannot be placed loads nothing: an error, never a guess.
    for (const id of ['extract.value_count', 'extract.lost_cell']) expect(RULES[id as keyof typeof RULES]?.severity).toBe('error');
    for (const id of ['region.fuzzy_match', 'region.ambiguous', 'region.unknown']) expect(RULES[id as keyof typeof RULES]?.severity).toBe('warning');
  });

  it('makes every not_checkable rule info and every arithmetic rule within a document an error', () => {
    for (const [id, info] of Object.entries(RULES)) {
      if (id.endsWith('.not_checkable')) expect(info.severity, id).toBe('info');
    }
    for (const id of [RULE.applicationsIdentity, RULE.applicationsRowTotal, RULE.applicationsOutcomesTotal, RULE.reviewLitigationTotal]) {
      expect(RULES[id].severity).toBe('error');
    }
  });
});
