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

/** Every `rule: 'id'` literal in the sources, with the `severity: '…'` that follows it when there is one. */
function emitted(): Array<{ file: string; rule: string; severity: string | undefined }> {
  return sources().flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/rule:\s*'([\w.]+)'(?:,\s*severity:\s*'(\w+)')?/g)].map((m) => ({
      file: file.slice(ROOT.length),
      rule: m[1] as string,
      severity: m[2],
    })),
  );
}

describe('RULES', () => {
  it('has an entry for every RULE constant and nothing else', () => {
    expect(Object.keys(RULES).sort()).toEqual(Object.values(RULE).sort());
  });

  it('lists every rule id the code emits as a literal, with the same severity', () => {
    const found = emitted();
    expect(found.length).toBeGreaterThan(10);
    const wrong = found.filter((e) => !(e.rule in RULES) || (e.severity !== undefined && RULES[e.rule as keyof typeof RULES].severity !== e.severity));
    expect(wrong).toEqual([]);
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
