/**
 * A row of section 三 printed one value short by a text layout is filled in
 * only when every place of the lost value gives the same row (seed 000's rows
 * of zeros); otherwise it loads blank, with an error holding what it prints.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRecord } from '../pipeline/extract-record.ts';
import { inferLostCell, lostCellPlacements } from '../src/transform/infer-lost-cell.ts';
import { RULE } from '../src/transform/validate/rules.ts';
import { mutateLabel } from './render/index.ts';
import { CORPUS } from './support/label.ts';
import { labelNamed, recordOf, renderText, replaceOnce } from './support/rendered-record.ts';
import { useTempDir } from './support/temp-dir.ts';

describe('lostCellPlacements', () => {
  it('lists the rows the row sum allows for each place of the lost value', () => {
    expect(lostCellPlacements([290, 0, 0, 3, 0, 294]).map((p) => p.row)).toEqual([
      [1, 290, 0, 0, 3, 0, 294],
      [290, 1, 0, 0, 3, 0, 294],
      [290, 0, 1, 0, 3, 0, 294],
      [290, 0, 0, 1, 3, 0, 294],
      [290, 0, 0, 3, 1, 0, 294],
      [290, 0, 0, 3, 0, 1, 294],
      [290, 0, 0, 3, 0, 294, 587],
    ]);
    expect(inferLostCell([290, 0, 0, 3, 0, 294])).toBeNull();
    expect(inferLostCell([0, 0, 0, 0, 0, 0])).toEqual({ at: 0, row: [0, 0, 0, 0, 0, 0, 0] });
    // Only the 总计 can be lost from 1,0,0,0,0,0 (any other place needs a negative count).
    expect(inferLostCell([1, 0, 0, 0, 0, 0])).toEqual({ at: 6, row: [1, 0, 0, 0, 0, 0, 1] });
  });
});

describe('seed 000: the text dump that prints six zeros and an empty cell', () => {
  it('fills each such row with zeros, the filled cell with empty raw text and a warning', async () => {
    const record = await extractRecord(join(CORPUS, 'docs', '000_d4859fce74386304.txt'));
    const inferred = record.validation.filter((i) => i.rule === RULE.extractValueInferred);
    expect(inferred.map((i) => i.row)).toEqual([
      'granted',
      'partially_granted',
      'denied_state_secret',
      'denied_prohibited_by_law',
      'denied_security_stability',
      'denied_third_party_rights',
      'denied_internal_affairs',
      'denied_process_info',
      'denied_enforcement_case_files',
      'denied_query_matter',
      'unable_not_held',
      'unable_needs_creation',
      'unable_unclear_after_correction',
      'rejected_complaint_petition',
      'rejected_duplicate',
    ]);
    expect(inferred[0]).toMatchObject({ severity: 'warning', table: 'applications', column: 'natural_person', printed: null, expected: 0, cells: ['0', '0', '0', '0', '0', '0'] });
    expect(record.applications.granted).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const granted = record.cells.filter((c) => c.table === 'applications' && c.row === 'granted');
    expect(granted.map((c) => c.raw)).toEqual(['', '0', '0', '0', '0', '0', '0']);
    expect(record.validation.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('a real row that loses a cell its arithmetic cannot place', () => {
  const scratch = useTempDir('nianbao-lost-cell-');

  it('shuyang-county-2025 予以公开 [290,1,0,0,3,0,294] without its 商业企业 cell loads blank, with an error holding the six numbers', async () => {
    const label = labelNamed('shuyang-county-2025');
    expect(label.applications!.granted).toEqual([290, 1, 0, 0, 3, 0, 294]);
    const text = replaceOnce(await renderText(label, 'text-tabs'), '（一）予以公开\t\t290\t1\t0', '（一）予以公开\t\t\t290\t0');
    const record = await recordOf(scratch(), 'shuyang-lost.txt', text);
    expect(record.applications.granted).toEqual([null, null, null, null, null, null, null]);
    const lost = record.validation.filter((i) => i.rule === RULE.extractLostCell);
    expect(lost).toEqual([
      {
        rule: RULE.extractLostCell,
        severity: 'error',
        table: 'applications',
        row: 'granted',
        cells: ['290', '0', '0', '3', '0', '294'],
        message: expect.stringContaining('printed: 290, 0, 0, 3, 0, 294'),
      },
    ]);
    expect(record.validation.filter((i) => i.rule === RULE.extractValueInferred)).toEqual([]);
    // Every other row is as printed.
    for (const [row, values] of Object.entries(label.applications!)) if (row !== 'granted') expect(record.applications[row], row).toEqual(values);
  });

  it('the same row with the cell dropped altogether (six cells, no empty one) is read the same way', async () => {
    const label = labelNamed('shuyang-county-2025');
    const text = replaceOnce(await renderText(label, 'text-tabs'), '（一）予以公开\t\t290\t1\t0', '（一）予以公开\t\t290\t0');
    const record = await recordOf(scratch(), 'shuyang-dropped.txt', text);
    expect(record.applications.granted).toEqual([null, null, null, null, null, null, null]);
    expect(record.validation.filter((i) => i.rule === RULE.extractLostCell).map((i) => i.cells)).toEqual([['290', '0', '0', '3', '0', '294']]);
  });

  it('a grid (HTML) keeps one blank cell of a row blank in its column; a text layout cannot tell it from a lost cell', async () => {
    const label = mutateLabel(labelNamed('shuyang-county-2025'), 'applications', 'granted', 1, null);
    const html = await recordOf(scratch(), 'one-blank.html', await renderText(label, 'html'));
    expect(html.applications.granted).toEqual([290, null, 0, 0, 3, 0, 294]);
    expect(html.validation.filter((i) => i.severity !== 'info' && i.table === 'applications')).toEqual([]);
    const text = await recordOf(scratch(), 'one-blank.txt', await renderText(label, 'text-tabs'));
    expect(text.applications.granted).toEqual([null, null, null, null, null, null, null]);
    expect(text.validation.filter((i) => i.severity !== 'info' && i.table === 'applications').map((i) => [i.rule, i.row, i.cells])).toEqual([
      [RULE.extractLostCell, 'granted', ['290', '0', '0', '3', '0', '294']],
    ]);
  });

  it('a grid (HTML) keeps a blank cell blank in its column: nothing is inferred', async () => {
    const record = await recordOf(scratch(), 'fgj.html', await readFile(join(CORPUS, 'docs', 'shuyang-fgj-2023.html')));
    expect(record.validation.filter((i) => i.rule === RULE.extractValueInferred || i.rule === RULE.extractLostCell)).toEqual([]);
  });
});
