/**
 * Fixture renderers: one labelled record printed as a whole report in every
 * format nianbao reads, for round-trip tests (render, extract, compare with
 * the label). `mutateLabel` changes one printed cell, for validation and
 * duplicate tests.
 */
import type { Label } from '../support/label.ts';
import { loadCorpusLabels } from '../support/label.ts';
import { renderDocx } from './docx.ts';
import { renderGbkHtml, renderHtml } from './html.ts';
import { reportLayout } from './report-layout.ts';
import { renderText } from './text.ts';
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
