/**
 * Section 四 printed as running text: the three-level header's words
 * (行政复议 行政诉讼 结果维持 … 未经复议直接起诉 复议后起诉 …), then the fifteen
 * numbers in one run ("110024001510102", or spaced "0 1 1 0 2 …"), split by
 * each proceeding's outcomes summing to its 总计. No run after the header is
 * a table of blanks. Text with labels between its runs ("行政复议 1 0 0 0 1
 * 未经复议直接起诉 …", or label-and-number pairs: 四 printed transposed)
 * keeps its rows as printed for the mapper. Pure.
 */
import { normalizeLabel } from '../normalize-label.ts';
import type { ValidationIssue } from '../record.ts';
import { splitDigitRuns } from '../split-digit-runs.ts';
import { reviewLitigationEquations } from '../template/arithmetic.ts';
import spec from '../template/template.json' with { type: 'json' };
import { OUTCOMES, PROCEEDINGS } from '../template/template.ts';
import { proceedingsIn } from '../map-review-litigation.ts';
import { outcomeIn } from '../read-transposed-review.ts';
import { readingIssues } from './run-readings.ts';
import { COUNT_RUN, piecesOf, segmentsOf, type Segment } from './value-runs.ts';

export interface ReviewLitigationText {
  /** The header words as printed. */
  header: string;
  /** The official layout: the fifteen cells ('' where unread); null when the text prints labelled rows instead. */
  cells: string[] | null;
  /** Labelled rows (label, pieces), for the other layouts. */
  rows: Array<{ label: string; pieces: string[] }>;
  issues: ValidationIssue[];
  after: string;
}

const RUN_ID = 'review_litigation';
/** Words every 四 header prints: each outcome. */
function hasHeader(text: string): boolean {
  const norm = normalizeLabel(text);
  return spec.review_litigation.outcomes.every((o) => norm.includes(o.label));
}

/** The fifteen cells of the official layout's one run, split by the outcomes' sums. */
function officialCells(run: string): { cells: string[]; issues: ValidationIssue[] } {
  const width = OUTCOMES.length * PROCEEDINGS.length;
  const reading = splitDigitRuns([{ id: RUN_ID, tokens: piecesOf(run), width }], reviewLitigationEquations(RUN_ID, PROCEEDINGS.length)).get(RUN_ID)!;
  const columns = PROCEEDINGS.flatMap((p) => OUTCOMES.map((o) => `${p}.${o}`));
  const issues = readingIssues('review_litigation', undefined, columns, run, reading).map((issue) => {
    if (!issue.column) return issue;
    const [row, column] = issue.column.split('.');
    return { ...issue, row, column };
  });
  const ok = reading.kind === 'printed' || reading.kind === 'split';
  return { cells: ok ? reading.cells : Array.from({ length: width }, () => ''), issues };
}

export function readReviewLitigationText(body: string): ReviewLitigationText | null {
  const segments = segmentsOf(body, COUNT_RUN);
  const first = segments[0];
  if (!first || first.kind !== 'text') return null;
  if (!hasHeader(first.text)) return namesOutcomes(segments) ? { header: '', cells: null, ...labelledRows(segments), after: '' } : null;
  const next = segments[1];
  const afterRun = segments[2];
  // The official layout: the header, then one run (or none at all: every cell blank).
  if (!next || next.kind === 'text') {
    return { header: first.text, cells: Array.from({ length: OUTCOMES.length * PROCEEDINGS.length }, () => ''), rows: [], issues: [], after: next?.text ?? '' };
  }
  if (!afterRun || !/\d/u.test(segments.slice(2).map((s) => s.text).join(''))) {
    const { cells, issues } = officialCells(next.text);
    return { header: first.text, cells, rows: [], issues, after: segments.slice(2).map((s) => s.text).join(' ') };
  }
  // Labels between runs: rows as printed; the header's words after its last outcome are the first row's label.
  const total = spec.review_litigation.outcomes[OUTCOMES.length - 1]!.label;
  const cut = first.text.lastIndexOf(total) + total.length;
  const rest: Segment[] = [{ kind: 'text', text: first.text.slice(cut).trim() }, ...segments.slice(1)];
  return { header: first.text.slice(0, cut), cells: null, ...labelledRows(rest), after: '' };
}

/**
 * Each text piece and the run after it, as a row. A row naming one
 * proceeding and no outcome holds that proceeding's five cells: a run
 * printed without spaces between them is split by their sum, else left
 * blank with an error.
 */
function labelledRows(segments: readonly Segment[]): { rows: Array<{ label: string; pieces: string[] }>; issues: ValidationIssue[] } {
  const rows: Array<{ label: string; pieces: string[] }> = [];
  const issues: ValidationIssue[] = [];
  segments.forEach((seg, k) => {
    if (seg.kind !== 'text') return;
    const run = segments[k + 1];
    const pieces = run?.kind === 'run' ? piecesOf(run.text) : [];
    const named = proceedingsIn(seg.text);
    if (named.length !== 1 || outcomeIn(seg.text) !== null || pieces.length === 0 || pieces.length === OUTCOMES.length) {
      rows.push({ label: seg.text, pieces });
      return;
    }
    const id = named[0]!;
    const reading = splitDigitRuns([{ id, tokens: pieces, width: OUTCOMES.length }], reviewLitigationEquations(id, 1)).get(id)!;
    issues.push(...readingIssues('review_litigation', id, OUTCOMES, run!.text, reading));
    const ok = reading.kind === 'printed' || reading.kind === 'split';
    rows.push({ label: seg.text, pieces: ok ? reading.cells : OUTCOMES.map(() => '') });
  });
  return { rows, issues };
}

/** Text printed transposed: at least one proceeding's worth of outcome labels, each followed by its number. */
function namesOutcomes(segments: readonly Segment[]): boolean {
  const outcomes = spec.review_litigation.outcomes.map((o) => o.label);
  const pairs = segments.filter((s, k) => s.kind === 'text' && segments[k + 1]?.kind === 'run' && outcomes.some((o) => normalizeLabel(s.text).endsWith(o)));
  return pairs.length >= OUTCOMES.length;
}
