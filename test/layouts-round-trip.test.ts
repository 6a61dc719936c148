/**
 * Round trip of the layouts reports print in the wild (test/render/index.ts
 * LAYOUT_RENDERERS): every labelled record, printed in each layout in every
 * format it can be printed in, extracts back to its label. Where a layout
 * prints cells with nothing between them, a cell may instead come back blank,
 * but then with an extract.digit_run_unsplit error on its row (四: on the
 * table); a number that comes back is the label's, and every cell cut out of
 * a run says so.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRecord } from '../pipeline/extract-record.ts';
import type { ReportRecord } from '../src/transform/record.ts';
import { RULE } from '../src/transform/validate/rules.ts';
import { LAYOUT_RENDERERS, loadLabels } from './render/index.ts';
import { flattenCells, type Label } from './support/label.ts';
import { useTempDir } from './support/temp-dir.ts';

/** Cells the record gets wrong; with `runs`, a blank cell whose row holds an unsplit-run error is not wrong. */
function wrongCells(label: Label, record: ReportRecord, runs: boolean): string[] {
  const got = flattenCells(record);
  const unsplit = record.validation.filter((i) => i.rule === RULE.extractDigitRunUnsplit);
  const excused = (key: string): boolean => {
    const [table, row] = key.split('.');
    const code = { ad: 'active_disclosure', app: 'applications', rl: 'review_litigation' }[table!];
    return unsplit.some((i) => i.table === code && (i.row === undefined || i.row === row));
  };
  return [...flattenCells(label)].flatMap(([key, want]) => {
    const g = got.has(key) ? got.get(key) : 'MISSING';
    if (typeof want === 'number' && typeof g === 'number' ? Math.abs(want - g) < 1e-6 : want === g) return [];
    if (runs && g === null && excused(key)) return [];
    return [`${key}: want ${want} got ${g}`];
  });
}

describe('round trip of the layouts in the wild', () => {
  const scratch = useTempDir('nianbao-layouts-');

  for (const renderer of LAYOUT_RENDERERS) {
    describe(renderer.name, () => {
      for (const { name, label } of loadLabels()) {
        it(`${name} comes back as its label`, async () => {
          const file = join(scratch(), `${name}.${renderer.name}${renderer.ext}`);
          await writeFile(file, await renderer.render(label));
          const record = await extractRecord(file);
          const expected = renderer.expected(label);
          expect(wrongCells(expected, record, renderer.runsOfDigits ?? false)).toEqual([]);
          expect(record.year).toBe(label.year);
          expect(record.agency).toBe(label.agency);
          if (!renderer.runsOfDigits) expect(record.template).toBe(label.template);
          expect(record.validation.filter((i) => i.rule === RULE.extractTableMissing)).toEqual([]);
        });
      }
    });
  }
});

describe('cells printed with nothing between them', () => {
  const scratch = useTempDir('nianbao-runs-');
  /** Share of the labels' cells the arithmetic must settle in the unspaced crawl layout (measured: 1465 of 1576). */
  const MIN_SETTLED = 0.9;

  it(`come back, across the labels, for at least ${MIN_SETTLED * 100}% of the cells; the rest blank with an error`, async () => {
    const flattened = LAYOUT_RENDERERS.find((r) => r.name === 'flattened')!;
    let settled = 0;
    let total = 0;
    for (const { name, label } of loadLabels()) {
      const file = join(scratch(), `${name}.runs.txt`);
      await writeFile(file, await flattened.render(label));
      const got = flattenCells(await extractRecord(file));
      for (const [key, want] of flattenCells(label)) {
        total++;
        if (got.get(key) === want) settled++;
      }
    }
    expect(settled / total).toBeGreaterThanOrEqual(MIN_SETTLED);
  });
});
