/**
 * Section 三 printed as running text: the applicant header's words, then
 * each row's label and the run of its seven numbers. A row's label is the
 * text from its numbering (一、 （一） 1.) that names a template row; what
 * comes before it in the same text piece is the group it is printed under
 * (三、本年度办理结果, （三）不予公开). The runs are split by the template's
 * arithmetic (split-digit-runs.ts). Pure.
 */
import { normalizeLabel } from '../normalize-label.ts';
import { applicationRowOf } from '../map-applications.ts';
import type { ValidationIssue } from '../record.ts';
import { splitDigitRuns, type DigitRun } from '../split-digit-runs.ts';
import { applicationsEquations } from '../template/arithmetic.ts';
import spec from '../template/template.json' with { type: 'json' };
import { APPLICANT_COLUMNS } from '../template/template.ts';
import { readingIssues, type TextRow } from './run-readings.ts';
import { COUNT_RUN, segmentsOf } from './value-runs.ts';

/** A numbering a row label starts with: 一、 （一） 1. */
const NUMBERING = /[一二三四五六七八九十]、|[(（][一二三四五六七八九十]+[)）]|\d+[.．、]/gu;

export interface ApplicationsText {
  /** The header text as printed (before the first row). */
  header: string;
  rows: TextRow[];
  /** Text after the last row that is no part of the table. */
  after: string;
}

/** A text piece cut at its numberings: 三、本年度办理结果 | （一）予以公开, each named by the row it labels (null for a group or header). */
function labelsIn(text: string): Array<{ text: string; code: string | null }> {
  const starts = [...text.matchAll(NUMBERING)].map((m) => m.index ?? 0);
  const cuts = [0, ...starts.filter((at) => at > 0), text.length];
  const pieces = cuts.slice(0, -1).map((at, k) => text.slice(at, cuts[k + 1]).trim()).filter((p) => p !== '');
  return pieces.map((piece, k) => {
    // A row label starts at its numbering; text before the first numbering is a header or a group.
    const numbered = new RegExp(`^(?:${NUMBERING.source})`, 'u').test(piece) || starts.length === 0;
    const code = numbered ? applicationRowOf(piece) : null;
    // A row label followed by a "1." label is their group (（六）其他处理 over its 2021 sub-rows).
    const heads = code !== null && /^1[.．、]/u.test(pieces[k + 1] ?? '');
    return { text: piece, code: heads ? null : code };
  });
}

/** Longest row label the template prints, with room for a group printed before it. */
const MAX_ROW_TEXT = 60;

/** A short label with numbers after it, inside the table, that names no template row: kept as a row, for the mapper to report. */
function unnamedRow(text: string, next: { kind: string } | undefined, inTable: boolean): { group: string; label: string; code: null } | null {
  return inTable && next?.kind === 'run' && normalizeLabel(text).length <= MAX_ROW_TEXT ? { group: '', label: text.trim(), code: null } : null;
}

/** The seven applicant columns, as the header prints them (spaces inside words dropped). */
export function hasApplicantHeader(text: string): boolean {
  const norm = normalizeLabel(text);
  return spec.applications.columns.every((c) => norm.includes(c.label));
}

/** Rows of section 三 in running text, or null when the text holds no applicant header. */
export function readApplicationsText(text: string): ApplicationsText | null {
  const segments = segmentsOf(text, COUNT_RUN);
  const rows: TextRow[] = [];
  let header = '';
  let group = '';
  let k = 0;
  for (; k < segments.length; k++) {
    const seg = segments[k]!;
    if (seg.kind !== 'text') break;
    const run = segments[k + 1]?.kind === 'run' ? segments[k + 1]!.text : '';
    const labels = labelsIn(seg.text);
    const named = labels.filter((l) => l.code !== null);
    if (named.length === 0) {
      const unnamed = unnamedRow(seg.text, segments[k + 1], rows.length > 0);
      if (unnamed) rows.push({ code: null, group: '', label: unnamed.label, run });
      else if (rows.length > 0) break;
      else header += seg.text;
      if (unnamed && run !== '') k++;
      continue;
    }
    const last = named[named.length - 1]!;
    for (const l of labels) {
      if (l.code === null) {
        if (rows.length === 0) header += l.text;
        else group += l.text;
        continue;
      }
      // Rows printed with no numbers (a blank row) run into the next label; only the last label of the piece has the run.
      rows.push({ code: l.code, group, label: l.text, run: l === last ? run : '' });
      group = '';
    }
    if (run !== '') k++;
  }
  if (!hasApplicantHeader(header) || rows.length === 0) return null;
  const after = segments.slice(k).map((s) => s.text).join(' ');
  return { header, rows, after };
}

/** Each row's cells: split by the arithmetic where the run needs it, '' where it cannot be read; with the issues. */
export function applicationCells(rows: readonly TextRow[]): { cells: string[][]; issues: ValidationIssue[] } {
  const width = APPLICANT_COLUMNS.length;
  const firstOf = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.code !== null && !firstOf.has(r.code)) firstOf.set(r.code, i);
  });
  const runs: DigitRun[] = rows.flatMap((r, i) =>
    r.code !== null && firstOf.get(r.code) === i && r.run !== '' ? [{ id: r.code, tokens: r.run.split(/\s+/u), width }] : [],
  );
  const readings = splitDigitRuns(runs, applicationsEquations(new Set(runs.map((r) => r.id))));
  const issues: ValidationIssue[] = [];
  const cells = rows.map((r, i) => {
    const reading = r.code !== null && firstOf.get(r.code) === i ? readings.get(r.code) : undefined;
    if (!reading || r.code === null) return r.run === '' ? Array.from({ length: width }, () => '') : r.run.split(/\s+/u);
    issues.push(...readingIssues('applications', r.code, APPLICANT_COLUMNS, r.run, reading));
    return reading.kind === 'printed' || reading.kind === 'split' ? reading.cells : Array.from({ length: width }, () => '');
  });
  return { cells, issues };
}
