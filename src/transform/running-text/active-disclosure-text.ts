/**
 * Section 二 printed as running text: "第二十条第（一）项信息内容本年制发件数
 * 本年废止件数现行有效件数规章000行政规范性文件77132470第二十条第（五）项…".
 * Each article's header (信息内容 and its metric names) and the item rows
 * under it, each an item label and its run. Section 二 has no arithmetic, so
 * a run is split only when one split is possible at all ("000" over three
 * columns, "35-15" where the sign opens the change); otherwise its cells
 * stay blank with an error. Pure.
 */
import { normalizeLabel } from '../normalize-label.ts';
import type { ValidationIssue } from '../record.ts';
import { splitDigitRuns } from '../split-digit-runs.ts';
import spec from '../template/template.json' with { type: 'json' };
import { ACTIVE_ITEM_MATCHERS, ACTIVE_METRIC_MATCHERS } from '../template/template.ts';
import { readingIssues, type TextRow } from './run-readings.ts';
import { AMOUNT_RUN, piecesOf, segmentsOf } from './value-runs.ts';

export interface ActiveGroup {
  /** "第二十条第（一）项" as printed, or ''. */
  article: string;
  /** Metric header cells as printed, each naming one metric. */
  headers: string[];
  metrics: string[];
  rows: TextRow[];
}

export interface ActiveDisclosureText {
  before: string;
  groups: ActiveGroup[];
  after: string;
}

const ARTICLE = /第二十条第[(（][一二三四五六七八九十]+[)）]项/u;
const HEADER_WORD = '信息内容';
/** What a metric's name prints after its key word: 数量, 件数, a unit in brackets. */
const METRIC_TAIL = /^(?:总数量|数量|件数|数)?(?:[(（]单位[:：][^)）]*[)）])?/u;
const UNIT_OR_COUNT = /(?:万元|元|笔|件|个|项|次|条)$/u;
const SIGNED_METRIC = 'change';

/** Item labels longest first: 行政规范性文件 before 规范性文件. */
const ITEM_LABELS: ReadonlyArray<{ code: string; label: string }> = [
  ...spec.active_disclosure.items.flatMap((i) => [{ code: i.code, label: i.label }, ...(i.label_2021 ? [{ code: i.code, label: i.label_2021 }] : [])]),
  ...ACTIVE_ITEM_MATCHERS.flatMap((m) => m.keywords.map((k) => ({ code: m.code, label: k }))),
].sort((a, b) => b.label.length - a.label.length);

/** The item label a text piece ends with, and the text before it. */
function itemAtEnd(text: string): { code: string; label: string; before: string } | null {
  const norm = text.trim();
  const compact = normalizeLabel(norm);
  for (const { code, label } of ITEM_LABELS) {
    if (!compact.endsWith(label)) continue;
    // Cut the printed text where the label's characters start (spaces inside it dropped).
    let chars = label.length;
    let at = norm.length;
    while (chars > 0 && at > 0) {
      at--;
      if (!/\s/u.test(norm[at]!)) chars--;
    }
    return { code, label: norm.slice(at), before: norm.slice(0, at).trim() };
  }
  return null;
}

/** Metric header text -> its cells, leftmost-longest key word first: "本年制发件数本年废止件数…" -> three cells. */
export function metricCells(header: string): Array<{ text: string; metric: string }> {
  const text = normalizeLabel(header);
  const found: Array<{ at: number; end: number; metric: string }> = [];
  let i = 0;
  while (i < text.length) {
    let best: { end: number; metric: string } | null = null;
    for (const m of ACTIVE_METRIC_MATCHERS) {
      for (const k of m.keywords) {
        if (text.startsWith(k, i) && (!best || i + k.length > best.end)) best = { end: i + k.length, metric: m.code };
      }
    }
    if (best) {
      const tail = METRIC_TAIL.exec(text.slice(best.end))?.[0] ?? '';
      found.push({ at: i, end: best.end + tail.length, metric: best.metric });
      i = best.end + tail.length;
    } else i++;
  }
  return found.map((f, k) => ({ text: text.slice(k === 0 ? 0 : found[k - 1]!.end, f.end), metric: f.metric }));
}

/** Section 二 in running text, or null when it holds no article header with items. */
export function readActiveDisclosureText(body: string): ActiveDisclosureText | null {
  const start = body.search(ARTICLE) >= 0 ? body.search(ARTICLE) : body.indexOf(HEADER_WORD);
  if (start < 0) return null;
  const segments = segmentsOf(body.slice(start), AMOUNT_RUN);
  const groups: ActiveGroup[] = [];
  let k = 0;
  for (; k < segments.length; k++) {
    const seg = segments[k]!;
    const item = seg.kind === 'text' ? itemAtEnd(seg.text) : null;
    if (!item) break;
    if (item.before !== '') {
      const at = item.before.indexOf(HEADER_WORD);
      if (at < 0) break;
      const article = item.before.slice(0, at).trim();
      const cells = metricCells(item.before.slice(at + HEADER_WORD.length));
      if (cells.length === 0) break;
      groups.push({ article, headers: cells.map((c) => c.text), metrics: cells.map((c) => c.metric), rows: [] });
    }
    const group = groups[groups.length - 1];
    if (!group) break;
    const run = segments[k + 1]?.kind === 'run' ? segments[k + 1]!.text : '';
    group.rows.push({ code: item.code, group: '', label: item.label, run });
    if (run !== '') k++;
  }
  if (groups.length === 0) return null;
  return { before: body.slice(0, start).trim(), groups, after: segments.slice(k).map((s) => s.text).join(' ') };
}

/** One item row's cells: its pieces where they are the cells, the forced split, or '' with an error. */
export function activeCells(group: ActiveGroup, row: TextRow): { cells: string[]; issues: ValidationIssue[] } {
  const width = group.metrics.length;
  if (row.run === '') return { cells: group.metrics.map(() => ''), issues: [] };
  const pieces = piecesOf(row.run);
  const units = pieces.map((p) => UNIT_OR_COUNT.exec(p)?.[0] ?? '');
  const tokens = pieces.map((p, i) => p.slice(0, p.length - units[i]!.length));
  const signed = new Set(group.metrics.flatMap((m, i) => (m === SIGNED_METRIC ? [i] : [])));
  const reading = splitDigitRuns([{ id: 'row', tokens, width, signedColumns: signed }], []).get('row')!;
  const issues = readingIssues('active_disclosure', row.code ?? undefined, group.metrics, row.run, reading);
  if (reading.kind !== 'printed' && reading.kind !== 'split') return { cells: group.metrics.map(() => ''), issues };
  // A piece's unit or count word stays with the last cell cut from it.
  const cells: string[] = [];
  let piece = 0;
  let used = '';
  for (const cell of reading.cells) {
    used += cell;
    const whole = used === tokens[piece];
    cells.push(whole ? cell + units[piece] : cell);
    if (whole) {
      piece++;
      used = '';
    }
  }
  return { cells, issues };
}
