/**
 * The guarantee, end to end: take every labelled record, change one printed
 * cell at a time (add 1), render the report as HTML, extract and validate it.
 *
 * - Sections 三 and 四 have arithmetic: the changed cell must come back as
 *   printed, and a NEW error (one the unchanged document does not already
 *   have) must name its row or its column. Errors the unchanged document
 *   already has never count.
 * - Section 二 has no arithmetic to break: the changed cell must come back as
 *   printed, every other cell as before, and no new issue may appear (the
 *   change is the page's, so nothing is wrong with the reading).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRecord } from '../pipeline/extract-record.ts';
import type { ReportRecord, ValidationIssue } from '../src/transform/record.ts';
import { APPLICANT_COLUMNS, OUTCOMES } from '../src/transform/template/template.ts';
import { RENDERERS, loadLabels, mutateActiveDisclosure, mutateLabel } from './render/index.ts';
import type { Label } from './support/label.ts';
import { cellDifferences } from './support/label.ts';
import { useTempDir } from './support/temp-dir.ts';

const html = RENDERERS.find((r) => r.name === 'html')!;

function key(i: ValidationIssue): string {
  return [i.rule, i.severity, i.table, i.row, i.column, i.printed, i.expected].join('|');
}

/** Issues of `record` the unchanged document does not have. */
function newIssues(record: ReportRecord, baseline: ReadonlySet<string>): ValidationIssue[] {
  return record.validation.filter((i) => i.severity !== 'info' && !baseline.has(key(i)));
}

interface Change {
  table: 'active_disclosure' | 'applications' | 'review_litigation';
  row: string;
  column: string;
  value: number;
  label: Label;
}

function changesOf(label: Label): Change[] {
  const out: Change[] = [];
  for (const [item, metrics] of Object.entries(label.active_disclosure ?? {})) {
    for (const [metric, v] of Object.entries(metrics)) {
      if (typeof v === 'number') out.push({ table: 'active_disclosure', row: item, column: metric, value: v + 1, label: mutateActiveDisclosure(label, item, metric, v + 1) });
    }
  }
  for (const [table, columns] of [
    ['applications', APPLICANT_COLUMNS],
    ['review_litigation', OUTCOMES],
  ] as const) {
    for (const [row, values] of Object.entries(label[table] ?? {})) {
      values.forEach((v, i) => {
        if (v !== null) out.push({ table, row, column: columns[i]!, value: v + 1, label: mutateLabel(label, table, row, i, v + 1) });
      });
    }
  }
  return out;
}

function valueOf(record: ReportRecord, c: Change): unknown {
  if (c.table === 'active_disclosure') return record.active_disclosure[c.row]?.[c.column];
  const columns = c.table === 'applications' ? APPLICANT_COLUMNS : OUTCOMES;
  return record[c.table][c.row]?.[columns.indexOf(c.column)];
}

function caught(record: ReportRecord, c: Change, baseline: ReadonlySet<string>): boolean {
  if (valueOf(record, c) !== c.value) return false;
  const fresh = newIssues(record, baseline);
  if (c.table === 'active_disclosure') return fresh.length === 0 && cellDifferences(c.label, record).length === 0;
  return fresh.some((i) => i.severity === 'error' && i.table === c.table && (i.row === c.row || i.column === c.column));
}

describe('every single-cell change is read as printed, and in 三 and 四 flagged by a new error', () => {
  const scratch = useTempDir('nianbao-change-');

  it('catches each change', async () => {
    const tried = { active_disclosure: 0, applications: 0, review_litigation: 0 };
    const missed: string[] = [];
    for (const { name, label } of loadLabels()) {
      const base = join(scratch(), `${name}.html`);
      await writeFile(base, await html.render(label));
      const unchanged = await extractRecord(base);
      expect(cellDifferences(label, unchanged), name).toEqual([]);
      const baseline = new Set(unchanged.validation.map(key));
      for (const c of changesOf(label)) {
        const file = join(scratch(), `${name}.${c.table}.${c.row}.${c.column}.html`);
        await writeFile(file, await html.render(c.label));
        tried[c.table]++;
        if (!caught(await extractRecord(file), c, baseline)) missed.push(`${name} ${c.table}.${c.row}.${c.column}`);
      }
    }
    const total = tried.active_disclosure + tried.applications + tried.review_litigation;
    console.log(`single-cell changes tried: ${total} (二 ${tried.active_disclosure}, 三 ${tried.applications}, 四 ${tried.review_litigation}), caught: ${total - missed.length}`);
    expect(tried.applications + tried.review_litigation).toBeGreaterThan(1000);
    expect(tried.active_disclosure).toBeGreaterThan(100);
    expect(missed).toEqual([]);
  });
});
