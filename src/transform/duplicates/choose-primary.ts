/**
 * Duplicate reports: two or more documents giving the same agency and year
 * (a page and its PDF attachment, a re-published correction). All are kept;
 * one is chosen primary, deterministically, and only its facts are loaded:
 *   1. fewest validation errors (the copy whose numbers add up);
 *   2. the format that kept the table structure best (FORMAT_RANK);
 *   3. the newest publication (the date the raw folder's manifest gives; a
 *      file without one ranks after those with one; file times are never
 *      used, so the same files give the same choice on every machine);
 *   4. the source path, in code-point order, so the choice never depends on
 *      the order the candidates were found in.
 * Every cell where a non-primary copy disagrees with the primary is returned,
 * and as a validation issue for that copy. The caller forms the groups. Pure.
 */
import type { SourceFormat } from '../../extract/document.ts';
import type { ReportRecord, ValidationIssue } from '../record.ts';
import { RULE, ruleOf } from '../validate/rules.ts';
import { SECTION, columnLabel, rowLabel } from '../validate/template-labels.ts';
import { recordDisagreements, type CellDisagreement, type CellValue } from './record-disagreements.ts';

export interface Candidate {
  record: ReportRecord;
  sourcePath: string;
  /** Publication date, YYYY-MM-DD, from the raw folder's manifest. */
  published?: string;
  /** Validation issues of severity error in the record. */
  errors: number;
}

export interface Disagreement extends CellDisagreement {
  /** The primary's source path. */
  sourcePath: string;
  /** The disagreeing copy's source path. */
  otherPath: string;
}

export interface PrimaryChoice {
  primary: Candidate;
  /** The other candidates, in the order they ranked. */
  others: Candidate[];
  /** Every disagreeing cell, other by other, then table, row and column in template order. */
  disagreements: Disagreement[];
  /** The disagreements as validation issues, by the source path of the non-primary copy they belong to (every other has an entry). */
  otherIssues: Record<string, ValidationIssue[]>;
}

/**
 * Lower is better. HTML and DOCX carry the table as markup (cells, row and
 * column spans), so the grid is the author's; markdown and plain text are
 * transcriptions whose delimiters (pipes, tabs, one cell per line) keep cells
 * apart but lose spans and can drop or shift a cell (seed 000 loses cells,
 * 004's rows are misaligned); a PDF keeps only glyph positions and the grid
 * is rebuilt from geometry; a scan or picture (image, OCR) rebuilds it from
 * recognised glyphs, the most guesswork of all. Word 97-2003 (.doc, .wps) and
 * spreadsheets (.xlsx) keep the author's cells as DOCX does.
 */
export const FORMAT_RANK: Readonly<Record<SourceFormat, number>> = { html: 0, docx: 0, doc: 0, wps: 0, xlsx: 0, markdown: 1, text: 1, pdf: 2, image: 3 };

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Candidate order: fewest errors, best format, newest, path. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.errors !== b.errors) return a.errors - b.errors;
  const fa = FORMAT_RANK[a.record.format] ?? Number.MAX_SAFE_INTEGER;
  const fb = FORMAT_RANK[b.record.format] ?? Number.MAX_SAFE_INTEGER;
  if (fa !== fb) return fa - fb;
  if (a.published !== b.published) {
    if (a.published === undefined) return 1;
    if (b.published === undefined) return -1;
    return byPath(b.published, a.published);
  }
  return byPath(a.sourcePath, b.sourcePath);
}

function shown(value: CellValue, missing: boolean, unit: string | null | undefined): string {
  return missing ? 'does not print it' : value === null ? 'leaves it blank' : `prints ${value}${unit ?? ''}`;
}

function issueOf(d: Disagreement): ValidationIssue {
  const rule = d.kind === 'different' ? RULE.duplicateDisagreement : RULE.duplicateDisagreementBlank;
  const where = `${SECTION[d.table]} row ${rowLabel(d.table, d.row)} column ${columnLabel(d.table, d.column)}`;
  const absent = d.kind === 'absent';
  const here = shown(d.otherValue, absent && d.missingIn === 'other', d.otherUnit);
  const there = shown(d.primaryValue, absent && d.missingIn === 'primary', d.primaryUnit);
  return {
    ...ruleOf(rule),
    table: d.table,
    row: d.row,
    column: d.column,
    printed: typeof d.otherValue === 'number' ? d.otherValue : null,
    expected: typeof d.primaryValue === 'number' ? d.primaryValue : null,
    message: `${where}: this copy ${here} but the primary report ${d.sourcePath} ${there}`,
  };
}

export function choosePrimary(candidates: readonly Candidate[]): PrimaryChoice {
  const ranked = [...candidates].sort(compareCandidates);
  const [primary, ...others] = ranked;
  if (primary === undefined) throw new RangeError('choosePrimary: a duplicate group needs at least one candidate');
  const disagreements: Disagreement[] = [];
  const otherIssues: Record<string, ValidationIssue[]> = {};
  for (const other of others) {
    const found = recordDisagreements(primary.record, other.record).map((d) => ({ ...d, sourcePath: primary.sourcePath, otherPath: other.sourcePath }));
    disagreements.push(...found);
    otherIssues[other.sourcePath] = [...(otherIssues[other.sourcePath] ?? []), ...found.map(issueOf)];
  }
  return { primary, others, disagreements, otherIssues };
}

/** The issues of a copy that is not primary: one per cell where it disagrees with the primary. */
export function copyIssues(primary: { record: ReportRecord; sourcePath: string }, other: { record: ReportRecord; sourcePath: string }): ValidationIssue[] {
  return recordDisagreements(primary.record, other.record).map((d) => issueOf({ ...d, sourcePath: primary.sourcePath, otherPath: other.sourcePath }));
}
