/**
 * The digit-run splitter on the runs the 平潭 crawls print: a run is cut only
 * where the equations leave one split; otherwise it stays unread.
 */
import { describe, expect, it } from 'vitest';
import { splitDigitRuns, type Equation } from './split-digit-runs.ts';
import { applicationsEquations, reviewLitigationEquations } from './template/arithmetic.ts';

const rowSum = (run: string): Equation => ({ left: [0, 1, 2, 3, 4, 5].map((col) => ({ run, col })), right: [{ run, col: 6 }] });

describe('splitDigitRuns', () => {
  it('cuts 713000074 into 71, 3, 0, 0, 0, 0, 74: the only split whose six columns sum to the seventh', () => {
    const out = splitDigitRuns([{ id: 'r', tokens: ['713000074'], width: 7 }], [rowSum('r')]);
    expect(out.get('r')).toEqual({ kind: 'split', cells: ['71', '3', '0', '0', '0', '0', '74'] });
  });

  it('takes spaces as cell boundaries: "230 000023" is 23, 0 | 0, 0, 0, 0, 23', () => {
    const out = splitDigitRuns([{ id: 'r', tokens: ['230', '000023'], width: 7 }], [rowSum('r')]);
    expect(out.get('r')).toEqual({ kind: 'split', cells: ['23', '0', '0', '0', '0', '0', '23'] });
  });

  it('reads as many pieces as cells as printed, and a run with as many digits as cells whatever its sum says', () => {
    const out = splitDigitRuns(
      [
        { id: 'a', tokens: ['8', '0', '0', '0', '0', '0', '8'], width: 7 },
        { id: 'b', tokens: ['2000000'], width: 7 },
      ],
      [rowSum('a'), rowSum('b')],
    );
    expect(out.get('a')).toEqual({ kind: 'printed', cells: ['8', '0', '0', '0', '0', '0', '8'] });
    expect(out.get('b')).toEqual({ kind: 'split', cells: ['2', '0', '0', '0', '0', '0', '0'] });
  });

  it('leaves a run unread when its sum admits several splits or none, and when it has more pieces than cells', () => {
    const out = splitDigitRuns(
      [
        { id: 'several', tokens: ['1010011'], width: 6 },
        { id: 'none', tokens: ['99999999'], width: 7 },
        { id: 'many', tokens: ['1', '2', '3'], width: 2 },
      ],
      [rowSum('none')],
    );
    expect(out.get('several')?.kind).toBe('ambiguous');
    expect(out.get('none')).toEqual({ kind: 'impossible' });
    expect(out.get('many')).toEqual({ kind: 'impossible' });
  });

  it('never cuts a number with a leading zero: 100 over two cells is 10, 0 only', () => {
    expect(splitDigitRuns([{ id: 'r', tokens: ['100'], width: 2 }], []).get('r')).toEqual({ kind: 'split', cells: ['10', '0'] });
  });

  it('lets a sign open only a signed column: 2648 -18538 keeps 2648 whole', () => {
    const out = splitDigitRuns([{ id: 'r', tokens: ['35', '-15'], width: 2, signedColumns: new Set([1]) }], []);
    expect(out.get('r')).toEqual({ kind: 'printed', cells: ['35', '-15'] });
  });

  it('settles a row its own sum leaves open by the column identity across rows (一+二 = （七）+四)', () => {
    // "101000011": 10,1,0,0,0,0,11 and 1,0,10,0,0,0,11 both sum right; （七）总计 printed apart says which.
    const alone = splitDigitRuns([{ id: 'new_received', tokens: ['101000011'], width: 7 }], applicationsEquations(new Set(['new_received'])));
    expect(alone.get('new_received')).toEqual({ kind: 'ambiguous', count: 2 });
    const rows = ['new_received', 'carried_over', 'total_handled', 'carried_forward'];
    const runs = [
      { id: 'new_received', tokens: ['101000011'], width: 7 },
      { id: 'carried_over', tokens: ['0000000'], width: 7 },
      { id: 'total_handled', tokens: ['10', '1', '0', '0', '0', '0', '11'], width: 7 },
      { id: 'carried_forward', tokens: ['0000000'], width: 7 },
    ];
    const out = splitDigitRuns(runs, applicationsEquations(new Set(rows)));
    expect(out.get('new_received')).toEqual({ kind: 'split', cells: ['10', '1', '0', '0', '0', '0', '11'] });
  });

  it('keeps a row unread when the identity across rows still leaves it two splits', () => {
    const runs = [
      { id: 'new_received', tokens: ['101000011'], width: 7 },
      { id: 'total_handled', tokens: ['101000011'], width: 7 },
      { id: 'carried_over', tokens: ['0000000'], width: 7 },
      { id: 'carried_forward', tokens: ['0000000'], width: 7 },
    ];
    const out = splitDigitRuns(runs, applicationsEquations(new Set(runs.map((r) => r.id))));
    expect(out.get('new_received')?.kind).toBe('ambiguous');
    expect(out.get('total_handled')?.kind).toBe('ambiguous');
  });

  it('cuts the fifteen cells of section 四 by each proceeding summing to its 总计', () => {
    const run = { id: 'rl', tokens: ['21317000001324019'], width: 15 };
    const out = splitDigitRuns([run], reviewLitigationEquations('rl', 3));
    expect(out.get('rl')).toEqual({ kind: 'split', cells: ['2', '1', '3', '1', '7', '0', '0', '0', '0', '0', '13', '2', '4', '0', '19'] });
  });
});
