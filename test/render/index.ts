/**
 * Fixture renderers: one labelled record printed as a whole report in every
 * format nianbao reads, for round-trip tests (render, extract, compare with
 * the label). `mutateLabel` changes one printed cell, for validation and
 * duplicate tests; `mutateActiveDisclosure` one cell of section 二.
 */
import type { Label } from '../support/label.ts';
import { loadCorpusLabels } from '../support/label.ts';
import { renderDocx } from './docx.ts';
import { renderGbkHtml, renderHtml } from './html.ts';
import { reportLayout, type LayoutOptions, type ReportLayout } from './report-layout.ts';
import { renderFlattenedText, renderText } from './text.ts';
import { renderXlsx } from './xlsx.ts';

export interface Renderer {
  /** Short name, used in file names and test titles. */
  name: string;
  /** File extension with the dot, which picks the extractor. */
  ext: string;
  render(label: Label): Promise<string | Buffer>;
}

export const RENDERERS: readonly Renderer[] = [
  { name: 'html', ext: '.html', render: async (l) => renderHtml(reportLayout(l)) },
  { name: 'html-gbk', ext: '.html', render: async (l) => renderGbkHtml(reportLayout(l)) },
  { name: 'docx', ext: '.docx', render: (l) => renderDocx(reportLayout(l)) },
  { name: 'text-tabs', ext: '.txt', render: async (l) => renderText(reportLayout(l), 'tabs') },
  { name: 'text-lines', ext: '.txt', render: async (l) => renderText(reportLayout(l), 'lines') },
  { name: 'markdown', ext: '.md', render: async (l) => renderText(reportLayout(l), 'markdown') },
  { name: 'xlsx', ext: '.xlsx', render: (l) => renderXlsx(reportLayout(l)) },
];

/** Every labelled record of test/fixtures/corpus, by name, in name order. */
export function loadLabels(): Array<{ name: string; label: Label }> {
  return loadCorpusLabels().map(({ name, label }) => ({ name, label }));
}

/** A copy of the label with one cell of section 三 or 四 set to `value`. */
export function mutateLabel(label: Label, table: 'applications' | 'review_litigation', row: string, index: number, value: number | null): Label {
  const copy = structuredClone(label);
  const rows = copy[table];
  if (!rows?.[row]) throw new Error(`label ${label.doc} has no ${table}.${row}`);
  rows[row][index] = value;
  return copy;
}

/** A copy of the label with one metric of a section 二 item set to `value`. */
export function mutateActiveDisclosure(label: Label, item: string, metric: string, value: number | null): Label {
  const copy = structuredClone(label);
  const metrics = copy.active_disclosure?.[item];
  if (!metrics || !(metric in metrics)) throw new Error(`label ${label.doc} has no active_disclosure.${item}.${metric}`);
  metrics[metric] = value;
  return copy;
}

/** Every format a layout can be printed in, from its ReportLayout. */
const FORMATS: ReadonlyArray<{ name: string; ext: string; print: (layout: ReportLayout) => Promise<string | Buffer> }> = [
  { name: 'html', ext: '.html', print: async (l) => renderHtml(l) },
  { name: 'html-gbk', ext: '.html', print: async (l) => renderGbkHtml(l) },
  { name: 'docx', ext: '.docx', print: (l) => renderDocx(l) },
  { name: 'text-tabs', ext: '.txt', print: async (l) => renderText(l, 'tabs') },
  { name: 'text-lines', ext: '.txt', print: async (l) => renderText(l, 'lines') },
  { name: 'markdown', ext: '.md', print: async (l) => renderText(l, 'markdown') },
];

/** A copy of the label with every cell of section 四 blank. */
export function blankReview(label: Label): Label {
  const copy = structuredClone(label);
  copy.review_litigation = Object.fromEntries(Object.entries(copy.review_litigation ?? {}).map(([p, v]) => [p, v.map(() => null)]));
  return copy;
}

export interface LayoutRenderer extends Renderer {
  /** What the layout prints that the label may not: a blank 四 replaces the label's section 四 by blanks. */
  expected(label: Label): Label;
  /** True for layouts whose runs of digits the arithmetic may leave unsplit (cells then come back blank, with an error). */
  runsOfDigits?: boolean;
}

function inEveryFormat(layout: string, options: LayoutOptions, formats = FORMATS, expected = (l: Label) => l): LayoutRenderer[] {
  return formats.map((f) => ({ name: `${layout}.${f.name}`, ext: f.ext, expected, render: (l: Label) => f.print(reportLayout(expected(l), options)) }));
}

/**
 * The layouts reports print in the wild, each in every format it can be
 * printed in: section 四 transposed (fifteen rows, or the proceedings stacked),
 * section 四 with every cell blank, a saved page with its navigation and
 * breadcrumb before the title, and page text flattened by a crawler (cells
 * separated by a space, or by nothing at all).
 */
export const LAYOUT_RENDERERS: readonly LayoutRenderer[] = [
  ...inEveryFormat('review-fifteen-rows', { review: 'fifteen-rows' }),
  ...inEveryFormat('review-stacked', { review: 'stacked' }),
  ...inEveryFormat('review-blank', {}, FORMATS, blankReview),
  ...inEveryFormat('breadcrumb', { navigation: true }, FORMATS.filter((f) => f.name !== 'docx')),
  { name: 'flattened-spaced', ext: '.txt', expected: (l) => l, runsOfDigits: true, render: async (l) => renderFlattenedText(reportLayout(l), ' ') },
  { name: 'flattened', ext: '.txt', expected: (l) => l, runsOfDigits: true, render: async (l) => renderFlattenedText(reportLayout(l), '') },
  { name: 'flattened-review-fifteen-rows', ext: '.txt', expected: (l) => l, runsOfDigits: true, render: async (l) => renderFlattenedText(reportLayout(l, { review: 'fifteen-rows' }), ' ') },
  { name: 'flattened-review-stacked', ext: '.txt', expected: (l) => l, runsOfDigits: true, render: async (l) => renderFlattenedText(reportLayout(l, { review: 'stacked' }), ' ') },
  { name: 'flattened-blank-review', ext: '.txt', expected: blankReview, runsOfDigits: true, render: async (l) => renderFlattenedText(reportLayout(blankReview(l)), '') },
];
