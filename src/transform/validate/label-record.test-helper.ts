/**
 * Test helper: a corpus label (test/fixtures/corpus/labels/*.json) as the
 * ReportRecord the transform would produce for it, with only the three
 * tables filled in: no cells, no narrative sections, no issues. For rule
 * tests that need a record's numbers, not its provenance.
 */
import type { SourceFormat } from '../../extract/document.ts';
import type { ReportRecord } from '../record.ts';
import { loadCorpusLabels, type Label } from '../../../test/support/label.ts';

const FORMATS: Readonly<Record<string, SourceFormat>> = { txt: 'text', md: 'markdown', html: 'html', htm: 'html', docx: 'docx', pdf: 'pdf' };

/** Every label of the corpus by name (file name without .json), in name order. */
export function corpusLabels(): Array<{ name: string; label: Label }> {
  return loadCorpusLabels().map(({ name, label }) => ({ name, label }));
}

export function readLabel(name: string): Label {
  const hit = corpusLabels().find((l) => l.name === name);
  if (!hit) throw new Error(`no label ${name} in test/fixtures/corpus/labels`);
  return hit.label;
}

/** Deep copy of a section's rows, so a test may change a cell without touching the label. */
function copyRows(rows: Record<string, (number | null)[]> | undefined): Record<string, (number | null)[]> {
  return Object.fromEntries(Object.entries(rows ?? {}).map(([k, v]) => [k, [...v]]));
}

export function labelRecord(label: Label, extra: Partial<ReportRecord> = {}): ReportRecord {
  const ext = label.doc.split('.').pop()?.toLowerCase() ?? '';
  return {
    doc: label.doc,
    format: FORMATS[ext] ?? 'text',
    title: null,
    agency: label.agency,
    year: label.year,
    template: (label.template ?? null) as ReportRecord['template'],
    table_templates: {},
    active_disclosure: structuredClone(label.active_disclosure ?? {}) as ReportRecord['active_disclosure'],
    applications: copyRows(label.applications),
    review_litigation: copyRows(label.review_litigation),
    sections: {},
    validation: [],
    cells: [],
    ...extra,
  };
}
