/**
 * Printed values and how the value lexer reads them: the thirteen
 * probes (the nine the extractors and the transform used to read apart, and
 * four they agreed on), then signs, separators and units. Shared by the
 * lexer's test and test/value-agreement.test.ts.
 */

export type Want = { kind: 'number'; value: number; unit?: string | null; remark?: string | null } | { kind: 'blank' } | { kind: 'text' };

/** The thirteen probes (the nine the readers disagreed on, and four they agreed on), then the separator probes. */
export const PROBES: Array<[string, Want]> = [
  ['0', { kind: 'number', value: 0, unit: null, remark: null }],
  ['26', { kind: 'number', value: 26, unit: null, remark: null }],
  ['/', { kind: 'blank' }],
  ['—', { kind: 'blank' }],
  ['无', { kind: 'blank' }],
  ['增5', { kind: 'number', value: 5, unit: null, remark: null }],
  ['减少3', { kind: 'number', value: -3, unit: null, remark: null }],
  ['22（其中修订16件）', { kind: 'number', value: 22, unit: null, remark: '(其中修订16件)' }],
  ['10%', { kind: 'number', value: 10, unit: '%', remark: null }],
  ['*', { kind: 'blank' }],
  ['×', { kind: 'blank' }],
  ['…', { kind: 'blank' }],
  ['n/a', { kind: 'blank' }],
  // Signs, separators and units.
  ['+5', { kind: 'number', value: 5, unit: null, remark: null }],
  ['-3', { kind: 'number', value: -3, unit: null, remark: null }],
  ['增加12', { kind: 'number', value: 12, unit: null, remark: null }],
  ['１２３', { kind: 'number', value: 123, unit: null, remark: null }],
  ['517,645', { kind: 'number', value: 517645, unit: null, remark: null }],
  ['12 345', { kind: 'number', value: 12345, unit: null, remark: null }],
  ['4068.208', { kind: 'number', value: 4068.208, unit: null, remark: null }],
  ['77180.86万元', { kind: 'number', value: 77180.86, unit: '万元', remark: null }],
  ['251000元', { kind: 'number', value: 251000, unit: '元', remark: null }],
  ['15件', { kind: 'number', value: 15, unit: null, remark: null }],
  ['12 3', { kind: 'text' }],
  ['1，2', { kind: 'text' }],
  ['2 6', { kind: 'text' }],
  ['1,2345', { kind: 'text' }],
  ['1.2.3', { kind: 'text' }],
  ['1.属于国家秘密', { kind: 'text' }],
  ['2024年', { kind: 'text' }],
  ['数据1', { kind: 'text' }],
  ['增值税', { kind: 'text' }],
  ['不适用', { kind: 'text' }],
];
