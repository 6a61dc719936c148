/**
 * Reports whose page text was flattened into running text (a crawler that
 * keeps the page's text on one line, tables and all): this finds the section
 * headings inside the text (inline-sections.ts), reads each table section's
 * text as rows of labels and runs of numbers (active-disclosure-text.ts,
 * applications-text.ts, review-litigation-text.ts over value-runs.ts), splits
 * runs printed with nothing between their cells by the template's arithmetic
 * (split-digit-runs.ts), and gives back the document with real heading and
 * table blocks in the official layout, so the mappers read it like any
 * other. A section whose text it cannot read as a table stays a paragraph.
 * Every cell it had to cut out of a run, and every run it could not cut,
 * comes with an issue. Pure.
 */
import { makeCell, provenanceAt, type Block, type Cell, type DocumentModel, type Provenance } from '../../extract/document.ts';
import { findSections } from '../find-sections.ts';
import type { ValidationIssue } from '../record.ts';
import spec from '../template/template.json' with { type: 'json' };
import type { SectionCode } from '../template/template.ts';
import { activeCells, readActiveDisclosureText } from './active-disclosure-text.ts';
import { applicationCells, readApplicationsText } from './applications-text.ts';
import { splitAtHeadings } from './inline-sections.ts';
import { readReviewLitigationText } from './review-litigation-text.ts';

interface Built {
  blocks: Block[];
  issues: ValidationIssue[];
}

type GridCell = { text: string; rowSpan?: number; colSpan?: number };

/** A grid from rows of cells with spans, resolved the way the HTML extractor resolves a table's markup. */
function gridOf(rows: GridCell[][], source: Provenance): Cell[][] {
  const grid: Cell[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c] !== undefined) c++;
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      for (let dr = 0; dr < rs; dr++) {
        for (let dc = 0; dc < cs; dc++) {
          grid[r + dr] ??= [];
          grid[r + dr]![c + dc] = makeCell(cell.text, provenanceAt(source, r, c), { rowSpan: rs, colSpan: cs, covered: dr > 0 || dc > 0 });
        }
      }
      c += cs;
    }
  });
  return grid;
}

function paragraph(text: string, source: Provenance): Block[] {
  return text.trim() === '' ? [] : [{ kind: 'paragraph', text: text.trim(), source }];
}

/** Columns of section 二's grid: the label and three values, as the template prints it. */
const ACTIVE_WIDTH = 3;

function activeBlocks(body: string, source: Provenance): Built | null {
  const read = readActiveDisclosureText(body);
  if (!read) return null;
  const rows: GridCell[][] = [];
  const issues: ValidationIssue[] = [];
  const spans = (n: number) => Array.from({ length: n }, (_, i) => (i === n - 1 ? ACTIVE_WIDTH - n + 1 : 1));
  for (const group of read.groups) {
    const span = spans(group.headers.length);
    if (group.article) rows.push([{ text: group.article, colSpan: ACTIVE_WIDTH + 1 }]);
    rows.push([{ text: '信息内容' }, ...group.headers.map((text, i) => ({ text, colSpan: span[i] }))]);
    for (const row of group.rows) {
      const { cells, issues: own } = activeCells(group, row);
      issues.push(...own);
      rows.push([{ text: row.label }, ...cells.map((text, i) => ({ text, colSpan: span[i] }))]);
    }
  }
  return {
    blocks: [...paragraph(read.before, source), { kind: 'table', rows: gridOf(rows, source), source }, ...paragraph(read.after, source)],
    issues,
  };
}

/** Label columns of section 三 in the official layout: 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密. */
const APPLICATION_NOTE_WIDTH = 3;

function applicationsBlocks(body: string, source: Provenance): Built | null {
  const read = readApplicationsText(body);
  if (!read) return null;
  const { cells, issues } = applicationCells(read.rows);
  const columns = spec.applications.columns;
  const grouped = columns.filter((c) => c.group);
  const rows: GridCell[][] = [
    [
      { text: read.header.replace(/申请人情况.*$/u, '') || '申请人情况', rowSpan: 3, colSpan: APPLICATION_NOTE_WIDTH },
      { text: '申请人情况', colSpan: columns.length },
    ],
    [{ text: columns[0]!.label, rowSpan: 2 }, { text: grouped[0]!.group!, colSpan: grouped.length }, { text: columns[columns.length - 1]!.label, rowSpan: 2 }],
    grouped.map((c) => ({ text: c.label })),
  ];
  // Each row's label in three columns: top group (三、本年度办理结果), sub-group (（三）不予公开), its own label.
  let top = '';
  let sub = '';
  read.rows.forEach((row, i) => {
    for (const part of row.group.split(/(?=[(（][一二三四五六七八九十]+[)）])/u).map((p) => p.trim()).filter((p) => p !== '')) {
      if (/^[一二三四五六七八九十]、/u.test(part)) [top, sub] = [part, ''];
      else sub = part;
    }
    if (/^[一二三四五六七八九十]、/u.test(row.label)) [top, sub] = ['', ''];
    else if (/^[(（]/u.test(row.label)) sub = '';
    const labels = [top || sub || row.label, sub || row.label, row.label];
    rows.push([...labels.map((text) => ({ text })), ...cells[i]!.map((text) => ({ text }))]);
  });
  return { blocks: [{ kind: 'table', rows: gridOf(rows, source), source }, ...paragraph(read.after, source)], issues };
}

function reviewBlocks(body: string, source: Provenance): Built | null {
  const read = readReviewLitigationText(body);
  if (!read) return null;
  const outcomes = spec.review_litigation.outcomes.map((o) => o.label);
  // Labelled rows (a proceeding's five numbers, or one outcome's number) are text lines, read as a ragged layout.
  if (read.cells === null) {
    const lines = read.rows.map((r): Block => ({ kind: 'paragraph', text: [r.label, ...r.pieces.map((p) => p || '—')].join(' '), source }));
    return { blocks: [...paragraph(read.header, source), ...lines], issues: read.issues };
  }
  const rows: GridCell[][] = [
    [
      { text: '行政复议', colSpan: outcomes.length },
      { text: '行政诉讼', colSpan: outcomes.length * 2 },
    ],
    [...outcomes.map((text) => ({ text, rowSpan: 2 })), { text: '未经复议直接起诉', colSpan: outcomes.length }, { text: '复议后起诉', colSpan: outcomes.length }],
    [...outcomes, ...outcomes].map((text) => ({ text })),
    read.cells.map((text) => ({ text })),
  ];
  return { blocks: [{ kind: 'table', rows: gridOf(rows, source), source }, ...paragraph(read.after, source)], issues: read.issues };
}

const READERS: Partial<Record<SectionCode, (body: string, source: Provenance) => Built | null>> = {
  active_disclosure: activeBlocks,
  applications: applicationsBlocks,
  review_litigation: reviewBlocks,
};

/** One paragraph holding a whole report inline, as heading, paragraph and table blocks; null when it holds no inline headings. */
function unflatten(text: string, source: Provenance): Built | null {
  const pieces = splitAtHeadings(text);
  if (!pieces) return null;
  const blocks: Block[] = [];
  const issues: ValidationIssue[] = [];
  for (const piece of pieces) {
    if (piece.section === null) {
      blocks.push(...paragraph(piece.body, source));
      continue;
    }
    blocks.push({ kind: 'heading', level: 1, text: piece.heading, source });
    const built = READERS[piece.section]?.(piece.body, source) ?? null;
    if (built) {
      blocks.push(...built.blocks);
      issues.push(...built.issues);
    } else blocks.push(...paragraph(piece.body, source));
  }
  return { blocks, issues };
}

/**
 * A table section printed as running text under its own heading line (no
 * table block in it): the first paragraph that reads as the table is. A
 * header with no numbers after it reads as a table of blanks only when no
 * later paragraph of the section prints numbers.
 */
function readSectionParagraphs(doc: DocumentModel): Built & { changed: boolean } {
  const replaced = new Map<number, Built>();
  for (const s of findSections(doc)) {
    const reader = READERS[s.code];
    const inside = doc.blocks.slice(s.start + 1, s.end);
    if (!reader || inside.some((b) => b.kind === 'table')) continue;
    for (let k = 0; k < inside.length; k++) {
      const block = inside[k]!;
      if (block.kind !== 'paragraph') continue;
      const numbersLater = inside.slice(k + 1).some((b) => b.kind !== 'table' && /\d/u.test(b.text));
      if (!/\d/u.test(block.text) && numbersLater) continue;
      const built = reader(block.text, block.source);
      if (!built) continue;
      replaced.set(s.start + 1 + k, built);
      break;
    }
  }
  const blocks = doc.blocks.flatMap((b, i) => replaced.get(i)?.blocks ?? [b]);
  return { blocks, issues: [...replaced.values()].flatMap((b) => b.issues), changed: replaced.size > 0 };
}

export function readRunningText(doc: DocumentModel): { doc: DocumentModel; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  let changed = false;
  const blocks = doc.blocks.flatMap((block, i): Block[] => {
    if (block.kind !== 'paragraph') return [block];
    const built = unflatten(block.text, { file: doc.file, block: i });
    if (!built) return [block];
    changed = true;
    issues.push(...built.issues);
    return built.blocks;
  });
  // A report read back from one line of text has its tables; the section paragraphs are read only in other text.
  if (changed) return { doc: { ...doc, blocks }, issues };
  const sections = readSectionParagraphs(doc);
  if (!sections.changed) return { doc, issues };
  return { doc: { ...doc, blocks: sections.blocks }, issues: sections.issues };
}
