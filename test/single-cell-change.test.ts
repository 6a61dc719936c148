/**
 * Issue 4's guarantee, end to end: take every labelled record, change one
 * printed cell of section 三 or 四 at a time, render the report as HTML,
 * extract and validate it, and require an error at that row or column.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRecord } from '../pipeline/extract-record.ts';
import type { ValidationIssue } from '../src/transform/record.ts';
import { APPLICANT_COLUMNS, OUTCOMES } from '../src/transform/template/template.ts';
import { RENDERERS, loadLabels, mutateLabel } from './render/index.ts';
import { useTempDir } from './support/temp-dir.ts';

const html = RENDERERS.find((r) => r.name === 'html')!;

function flags(issues: ValidationIssue[], table: string, row: string, column: string): boolean {
  return issues.some((i) => i.severity === 'error' && i.table === table && (i.row === row || i.column === column));
}

describe('every single-cell change in 三 and 四 is flagged', () => {
  const scratch = useTempDir('nianbao-change-');

  it('flags each change', async () => {
    let tried = 0;
    const missed: string[] = [];
    for (const { name, label } of loadLabels()) {
      const cases: Array<['applications' | 'review_litigation', string, number, string]> = [];
      for (const [row, values] of Object.entries(label.applications ?? {})) {
        values.forEach((v, i) => v !== null && cases.push(['applications', row, i, APPLICANT_COLUMNS[i]!]));
      }
      for (const [row, values] of Object.entries(label.review_litigation ?? {})) {
        values.forEach((v, i) => v !== null && cases.push(['review_litigation', row, i, OUTCOMES[i]!]));
      }
      for (const [table, row, i, column] of cases) {
        const value = ((table === 'applications' ? label.applications : label.review_litigation)![row]![i] as number) + 1;
        const file = join(scratch(), `${name}.${table}.${row}.${i}.html`);
        await writeFile(file, await html.render(mutateLabel(label, table, row, i, value)));
        const record = await extractRecord(file);
        tried++;
        const got = (table === 'applications' ? record.applications : record.review_litigation)[row]?.[i];
        if (got !== value || !flags(record.validation, table, row, column)) missed.push(`${name} ${table}.${row}.${column}`);
      }
    }
    console.log(`single-cell changes tried: ${tried}, missed: ${missed.length}`);
    expect(tried).toBeGreaterThan(1000);
    expect(missed).toEqual([]);
  });
});
