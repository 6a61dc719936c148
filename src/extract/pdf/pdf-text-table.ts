/**
 * Tables without drawn lines, rebuilt from the alignment of their text.
 *
 * A line that prints numbers apart from its words (a gap of over a character)
 * is a table row. Consecutive rows, the label lines between them (and above
 * the first row, up to the first line over the values), and the header lines
 * above those form a table. Columns: the numbers of all rows, clustered by
 * their horizontal extent, give the value columns (header words over an
 * all-blank column add one, group headings over several do not); the left
 * edges of the label texts give the label columns. The body's lines become
 * rows and cells in pdf-text-rows.ts (wrapped text continued, a label line
 * that does not continue one a row of its own). A label left over, squeezed
 * between rows, goes to the nearest row, or, when it stands over several
 * rows (a merged label such as one written one character per line), becomes
 * one cell spanning them. Header lines become one header row (words stacked
 * in one column joined), plus one row per line whose words span several
 * columns.
 */
import { centerX, centerY, joinWords, overlap, type Box, type TextPiece } from './pdf-geometry.ts';
import { clusterValues, type GeoCell, type GeoTable } from './pdf-table-model.ts';
import { bodyRows, type Body } from './pdf-text-rows.ts';
import { splitNumbers, toSeg, toTLine, type Seg, type TLine } from './pdf-text-segments.ts';

/** A horizontal extent. */
type Span = Pick<Box, 'x0' | 'x1'>;

interface Region {
  header: TLine[];
  rows: TLine[];
  labels: TLine[];
  vertical: TextPiece[];
}

/** Clusters intervals that overlap (or nearly touch) into bands, left to right. */
function bands(intervals: ReadonlyArray<{ x0: number; x1: number }>, slack: number): Array<{ x0: number; x1: number }> {
  const sorted = [...intervals].sort((a, b) => a.x0 - b.x0);
  const out: Array<{ x0: number; x1: number }> = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.x0 <= last.x1 + slack) last.x1 = Math.max(last.x1, iv.x1);
    else out.push({ x0: iv.x0, x1: iv.x1 });
  }
  return out;
}

function isHeadingLike(line: TLine, tableSize: number): boolean {
  return line.size > 1.2 * tableSize;
}

/** Finds the table regions of a page's lines. */
function regions(lines: TLine[]): { found: Region[]; used: Set<TLine> } {
  const used = new Set<TLine>();
  const found: Region[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (used.has(first) || first.valueStart === null) continue;
    const size = first.size;
    const region: Region = { header: [], rows: [first], labels: [], vertical: [] };
    used.add(first);
    let valueStart = first.valueStart;
    // Downwards: rows, and label lines left of the values.
    let last = first;
    const pendingLabels: TLine[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j]!;
      const gap = l.y0 - last.y1;
      if (gap > 3 * size || isHeadingLike(l, Math.min(size, last.size))) break;
      // A line of numbers alone under the value columns (the rest of numbers wrapped in narrow ones) is a row line too.
      const wrappedNumbers = l.segs.every((s) => s.value) && l.x0 >= valueStart - 0.5 * size;
      if (l.valueStart !== null || wrappedNumbers) {
        region.rows.push(l);
        region.labels.push(...pendingLabels);
        pendingLabels.length = 0;
        valueStart = Math.min(valueStart, l.valueStart ?? valueStart);
        last = l;
        continue;
      }
      if (l.x1 <= valueStart - 0.5 * size) {
        pendingLabels.push(l);
        last = l;
        continue;
      }
      break;
    }
    // Label lines after the last row belong to it only when they follow it closely (a wrapped label).
    const lastRow = region.rows[region.rows.length - 1]!;
    let prevBottom = lastRow.y1;
    for (const l of pendingLabels) {
      if (l.y0 - prevBottom > 0.8 * size) break;
      region.labels.push(l);
      prevBottom = l.y1;
    }
    // Upwards: header lines, close together, not headings, not sentences. Rows of a table are often
    // spaced wide (cells padded, text centred): the gap allowed grows with the row pitch.
    const pitch = region.rows.length > 1 ? (region.rows[region.rows.length - 1]!.y0 - first.y0) / (region.rows.length - 1) : 0;
    const headerGap = Math.max(3 * size, pitch);
    const tableLeft = Math.min(...region.rows.map((l) => l.x0));
    const tableRight = Math.max(...region.rows.map((l) => l.x1));
    let top = first;
    for (let k = i - 1; k >= 0; k--) {
      const l = lines[k]!;
      if (used.has(l) || l.valueStart !== null) break;
      const gap = top.y0 - l.y1;
      if (gap > (top === first ? headerGap : 2.5 * size) || isHeadingLike(l, Math.min(size, top.size))) break;
      if (/[。；;:：]$/u.test(l.segs[l.segs.length - 1]?.text ?? '')) break;
      // A line of running text across the table's width is the paragraph before it.
      if (l.segs.length === 1 && l.x1 - l.x0 > 0.7 * (tableRight - tableLeft)) break;
      // Label lines left of the values, up to the first line over them, are rows without numbers
      // (the top of a table continued from the page before); the header starts above them.
      if (region.header.length === 0 && l.x1 <= valueStart - 0.5 * size) region.labels.unshift(l);
      else region.header.unshift(l);
      top = l;
    }
    for (const l of [...region.header, ...region.rows, ...region.labels]) used.add(l);
    found.push(region);
  }
  return { found, used };
}

/** Header lines stacked closely (wrapped header words) form one header row; a line with words spanning several columns is a row of its own. */
function headerRows(header: readonly TLine[], spans: (s: Seg) => number[]): TLine[][] {
  const rows: TLine[][] = [];
  let stack: TLine[] = [];
  const flush = () => {
    if (stack.length > 0) rows.push(stack);
    stack = [];
  };
  for (const line of header) {
    const prev = stack[stack.length - 1];
    const spanning = line.segs.some((s) => spans(s).length >= 2);
    if (spanning) {
      flush();
      rows.push([line]);
      continue;
    }
    if (prev && line.y0 - prev.y1 > 0.5 * Math.min(line.size, prev.size)) flush();
    stack.push(line);
  }
  flush();
  return rows;
}

/** Where the columns of a table are, and which column a text belongs to. */
interface Columns {
  size: number;
  /** Left edge of the first value on any row: texts left of it are labels. */
  valueStart: number;
  labelStarts: number[];
  valueBands: Span[];
  /** Column boundaries, left to right. */
  xs: number[];
  labelCols: number;
  /** Header words left of every value column, nearer the rows' labels than the values: label-column headers. */
  inLabelZone(s: Box): boolean;
  /** The label column a text starting at x0 belongs to: the last one starting left of it. */
  labelCol(x0: number): number;
  /** Value columns a text stands over (most overlap first). */
  spans(s: Box): number[];
  /** The value column a text belongs to: the one it overlaps most, the nearest when it overlaps none. */
  valueCol(s: Box): number;
  colBox(c0: number, c1: number, y0: number, y1: number): Box;
}

const distance = (b: Span, p: Span) => Math.max(0, b.x0 - p.x1, p.x0 - b.x1);
const over = (b: Span, p: Span) => overlap(b.x0, b.x1, p.x0, p.x1) > 0;

/**
 * The value columns: the numbers of all rows clustered by their extent, each
 * widened by a header word over it alone; a header word clear of every
 * column adds one no row prints a value in (unless it heads several).
 */
function valueColumns(region: Region, size: number, valueStart: number, rowLabelSegs: readonly Seg[]) {
  const valueSegs = region.rows.flatMap((r) => r.segs.filter((s) => s.x0 >= valueStart - 0.5));
  const rawBands = bands(valueSegs, 0.3 * size);
  const firstBandStart = rawBands[0]?.x0 ?? valueStart;
  const rowLabelEnd = Math.max(...rowLabelSegs.map((s) => s.x1));
  const inLabelZone = (s: Box) =>
    s.x1 <= firstBandStart + 0.25 * size && s.x0 < firstBandStart - 0.5 * size && (rowLabelSegs.length === 0 || centerX(s) < (rowLabelEnd + firstBandStart) / 2);
  const headerPieces = region.header.flatMap((h) => h.pieces).filter((p) => !p.vertical && !inLabelZone(p));
  const clearOf = (bs: readonly Span[]) => headerPieces.filter((p) => bs.every((b) => distance(b, p) > 0.5 * size));
  /** Header words printed below a header word and under it. */
  const under = (p: Box, among: readonly Box[]) => among.filter((q) => q.y0 >= p.y1 - 0.1 * size && over(p, q));
  // A header word over one column widens it (numbers are often aligned to one side of their column),
  // unless it also stands over header words clear of every column (a group heading).
  const clearOfValues = clearOf(rawBands);
  const widened = rawBands.map((b) => ({ ...b }));
  for (const p of headerPieces) {
    const hit = rawBands.map((b, i) => [b, i] as const).filter(([b]) => over(b, p));
    if (hit.length !== 1 || under(p, clearOfValues).length > 0) continue;
    const w = widened[hit[0]![1]]!;
    w.x0 = Math.min(w.x0, p.x0);
    w.x1 = Math.max(w.x1, p.x1);
  }
  // Widening must not make two columns overlap.
  for (let i = 1; i < widened.length; i++) {
    const a = widened[i - 1]!;
    const b = widened[i]!;
    if (a.x1 > b.x0) {
      a.x1 = Math.max(rawBands[i - 1]!.x1, Math.min(a.x1, rawBands[i]!.x0 - 0.1));
      b.x0 = Math.min(rawBands[i]!.x0, Math.max(b.x0, a.x1 + 0.1));
    }
  }
  // A header word clear of every column is a column no row prints a value in; unless it stands over
  // the words of several such columns (a group heading).
  const clear = clearOf(widened);
  const extra = clear.filter((p) => bands(under(p, clear), 0.3 * size).length < 2);
  const valueBands = extra.length > 0 ? bands([...widened, ...extra], 0.3 * size) : widened;
  return { valueBands, inLabelZone };
}

/**
 * Label columns: left edges of the labels printed on the rows, of text
 * written top to bottom, and of label lines where several start (one alone
 * may be the centred rest of a wrapped label).
 */
function labelColumns(region: Region, size: number, rowLabelSegs: readonly Seg[], firstBand: number) {
  const otherLabelSegs = [...region.labels.flatMap((l) => l.segs), ...region.vertical];
  const lineStarts = region.labels.flatMap((l) => l.segs.map((s) => s.x0));
  const sharedStarts = lineStarts.filter((x) => lineStarts.filter((y) => Math.abs(x - y) <= 0.5 * size).length >= 2);
  const labelStarts = clusterValues([...rowLabelSegs.map((s) => s.x0), ...region.vertical.map((v) => v.x0), ...sharedStarts], 1.0 * size);
  if (labelStarts.length === 0 && otherLabelSegs.length > 0) labelStarts.push(Math.min(...otherLabelSegs.map((s) => s.x0)));
  const labelEnd = Math.max(...[...rowLabelSegs, ...otherLabelSegs].map((s) => s.x1), labelStarts[0] ?? firstBand);
  return { labelStarts, labelEnd };
}

/** The columns of one region's table. */
function columnsOf(region: Region): Columns {
  const rows = region.rows;
  const size = Math.min(...rows.map((r) => r.size));
  const valueStart = Math.min(...rows.map((r) => r.valueStart ?? Infinity));
  const rowLabelSegs = rows.flatMap((r) => r.segs.filter((s) => s.x0 < valueStart - 0.5));
  const { valueBands, inLabelZone } = valueColumns(region, size, valueStart, rowLabelSegs);
  const firstBand = valueBands[0]?.x0 ?? valueStart;
  const { labelStarts, labelEnd } = labelColumns(region, size, rowLabelSegs, firstBand);
  const xs: number[] = [...labelStarts];
  xs.push(labelStarts.length > 0 ? Math.min(firstBand - 0.5, (Math.min(labelEnd, firstBand) + firstBand) / 2) : firstBand);
  for (let b = 1; b < valueBands.length; b++) xs.push((valueBands[b - 1]!.x1 + valueBands[b]!.x0) / 2);
  xs.push(valueBands[valueBands.length - 1]?.x1 ?? firstBand + 1);
  const labelCols = labelStarts.length;
  return {
    size,
    valueStart,
    labelStarts,
    valueBands,
    xs,
    labelCols,
    inLabelZone,
    labelCol: (x0) => {
      let c = 0;
      labelStarts.forEach((s, i) => {
        if (x0 >= s - 0.5 * size) c = i;
      });
      return c;
    },
    spans: (s) => valueBands.map((b, i) => [b, i] as const).filter(([b]) => overlap(b.x0, b.x1, s.x0, s.x1) > 0.3 * (b.x1 - b.x0)).map(([, i]) => labelCols + i),
    valueCol: (s) => {
      let best = 0;
      let bestScore = -Infinity;
      valueBands.forEach((b, i) => {
        const score = overlap(b.x0, b.x1, s.x0, s.x1) - distance(b, s) - Math.abs(centerX(b) - centerX(s)) * 1e-3;
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      });
      return labelCols + best;
    },
    colBox: (c0, c1, y0, y1) => ({ x0: xs[c0]!, x1: xs[c1 + 1]!, y0, y1 }),
  };
}

/** The header's cells, one row per stack of header lines (headerRows); a word over several columns spans them. */
function headerCells(region: Region, cols: Columns, page: number): { cells: GeoCell[]; rows: number } {
  const cells: GeoCell[] = [];
  let r = 0;
  // Header words are placed piece by piece: narrow columns leave almost no gap between their words.
  const header = region.header.map((h) => ({ ...h, segs: h.pieces.flatMap(splitNumbers).map((p) => toSeg([p])) }));
  for (const stack of headerRows(header, (seg) => (cols.inLabelZone(seg) ? [] : cols.spans(seg)))) {
    const texts = new Map<number, { text: string; c1: number }>();
    const y0 = Math.min(...stack.map((l) => l.y0));
    const y1 = Math.max(...stack.map((l) => l.y1));
    for (const line of stack) {
      for (const seg of line.segs) {
        let c0: number;
        let c1: number;
        if (cols.inLabelZone(seg)) c0 = c1 = cols.labelCols > 0 ? cols.labelCol(seg.x0) : cols.valueCol(seg);
        else {
          const over = cols.spans(seg);
          c0 = over.length >= 2 ? Math.min(...over) : cols.valueCol(seg);
          c1 = over.length >= 2 ? Math.max(...over) : c0;
        }
        const cur = texts.get(c0);
        texts.set(c0, { text: joinWords(cur?.text ?? '', seg.text, true), c1: Math.max(cur?.c1 ?? c0, c1) });
      }
    }
    const covered = new Set<number>();
    for (const [c0, { text, c1 }] of [...texts].sort((x, y) => x[0] - y[0])) {
      if (covered.has(c0)) continue;
      let end = c1;
      for (let c = c0 + 1; c <= c1; c++) if (texts.has(c)) end = Math.min(end, c - 1);
      for (let c = c0; c <= end; c++) covered.add(c);
      cells.push({ text, row: r, col: c0, rowSpan: 1, colSpan: end - c0 + 1, page, box: cols.colBox(c0, end, y0, y1) });
    }
    r++;
  }
  return { cells, rows: r };
}

type CharItem = { seg: Seg; col: number };

/**
 * A label written one or two characters per line ("三、" / "本" / "年度" …) down a column, over
 * several rows: collected first into one block, so no row takes a piece of it.
 */
function charRunsOf(region: Region, cols: Columns): CharItem[][] {
  const { size, valueStart } = cols;
  const han = /^[\p{Script=Han}、，（）()]{1,2}$/u;
  const charItems = [...region.rows.flatMap((l) => l.segs.filter((s) => s.x0 < valueStart - 0.5)), ...region.labels.flatMap((l) => l.segs)]
    .filter((s) => han.test(s.text.replace(/\s+/g, '')))
    .map((seg) => ({ seg, col: cols.labelCol(seg.x0) }))
    .sort((a, b) => a.seg.y0 - b.seg.y0);
  const charRuns: CharItem[][] = [];
  for (let c = 0; c < cols.labelCols; c++) {
    let run: CharItem[] = [];
    for (const item of charItems.filter((i) => i.col === c)) {
      const last = run[run.length - 1];
      if (last && item.seg.y0 - last.seg.y1 >= 2.5 * size) {
        if (run.length >= 3) charRuns.push(run);
        run = [];
      }
      run.push(item);
    }
    if (run.length >= 3) charRuns.push(run);
  }
  return charRuns;
}

interface LabelBlock {
  col: number;
  text: string;
  box: Box;
  lastText: string;
}

const short = (t: string) => [...t.replace(/\s+/g, '')].length <= 2;

/**
 * Labels the body left over, text written top to bottom and labels written a character or two per
 * line: blocks of stacked lines in one label column.
 */
function leftoverBlocks(loose: readonly Seg[], region: Region, charRuns: readonly CharItem[][], cols: Columns): LabelBlock[] {
  const size = cols.size;
  const blocks: LabelBlock[] = [];
  const labelItems = [
    ...loose.map((s) => ({ col: cols.labelCol(s.x0), text: s.text, box: s as Box, vertical: false })),
    ...region.vertical.map((v) => ({ col: cols.labelCol(v.x0), text: v.text.trim(), box: v as Box, vertical: true })),
    ...charRuns.map((run) => ({
      col: run[0]!.col,
      text: run.map((i) => i.seg.text.replace(/\s+/g, '')).join(''),
      box: { x0: Math.min(...run.map((i) => i.seg.x0)), x1: Math.max(...run.map((i) => i.seg.x1)), y0: run[0]!.seg.y0, y1: run[run.length - 1]!.seg.y1 },
      vertical: true,
    })),
  ].sort((a, b) => a.box.y0 - b.box.y0);
  for (const item of labelItems) {
    const prev = [...blocks].reverse().find((b) => b.col === item.col);
    const gap = prev ? item.box.y0 - prev.box.y1 : Infinity;
    // Stacked lines of one column: a wrapped label, or a label written a character or two per line.
    const stacked = gap < 0.8 * size || (short(item.text) && short(prev?.lastText ?? '') && gap < 2.5 * size);
    if (!item.vertical && prev && stacked) {
      prev.lastText = item.text;
      prev.text = joinWords(prev.text, item.text, true);
      prev.box = { x0: Math.min(prev.box.x0, item.box.x0), x1: Math.max(prev.box.x1, item.box.x1), y0: prev.box.y0, y1: item.box.y1 };
    } else {
      blocks.push({ col: item.col, text: item.text, box: item.box, lastText: item.text });
    }
  }
  return blocks;
}

/**
 * Places each left-over block: onto the label of a row it wraps from, as one cell spanning the free
 * rows it stands over, or onto the nearest row.
 */
function placeBlocks(blocks: readonly LabelBlock[], body: Body, firstBody: number, cols: Columns, page: number): void {
  const { size, colBox } = cols;
  const bodyCells = body.cells;
  const rowCenters = body.rows.map((l) => centerY(l));
  for (const b of blocks) {
    // The rest of a label printed on a row, wrapped onto the line just above or below it.
    const adjacent = [...bodyCells.values()]
      .filter((c) => c.row >= 0 && c.col === b.col && c.text !== '' && Math.max(c.box.y0 - b.box.y1, b.box.y0 - c.box.y1) < 0.8 * size)
      .sort((x, y) => Math.abs(centerY(x.box) - centerY(b.box)) - Math.abs(centerY(y.box) - centerY(b.box)))[0];
    if (adjacent && !short(b.text)) {
      adjacent.text = centerY(b.box) < centerY(adjacent.box) ? joinWords(b.text, adjacent.text, true) : joinWords(adjacent.text, b.text, true);
      continue;
    }
    const spanned = rowCenters.map((y, k) => [y, k] as const).filter(([y]) => y >= b.box.y0 - 1 && y <= b.box.y1 + 1).map(([, k]) => k);
    const free = spanned.filter((k) => !bodyCells.has(`${firstBody + k}:${b.col}`));
    if (spanned.length >= 2 && free.length === spanned.length && spanned[spanned.length - 1]! - spanned[0]! === spanned.length - 1) {
      const row = firstBody + spanned[0]!;
      bodyCells.set(`${row}:${b.col}`, { text: b.text, row, col: b.col, rowSpan: spanned.length, colSpan: 1, page, box: colBox(b.col, b.col, b.box.y0, b.box.y1) });
      for (const k of spanned.slice(1)) bodyCells.set(`${firstBody + k}:${b.col}`, { text: '', row: -1, col: -1, rowSpan: 0, colSpan: 0, page, box: b.box });
      continue;
    }
    let nearest = 0;
    rowCenters.forEach((y, k) => {
      if (Math.abs(y - centerY(b.box)) < Math.abs((rowCenters[nearest] ?? 0) - centerY(b.box))) nearest = k;
    });
    const row = firstBody + nearest;
    const key = `${row}:${b.col}`;
    const cell = bodyCells.get(key);
    if (cell && cell.row >= 0) {
      cell.text = centerY(b.box) < centerY(cell.box) ? joinWords(b.text, cell.text, true) : joinWords(cell.text, b.text, true);
    } else if (!cell) {
      bodyCells.set(key, { text: b.text, row, col: b.col, rowSpan: 1, colSpan: 1, page, box: colBox(b.col, b.col, b.box.y0, b.box.y1) });
    }
  }
}

/** The whole grid: a label with empty label columns to its right spans them; every free position gets an empty cell. */
function fillGrid(cells: GeoCell[], rowCount: number, firstBody: number, cols: Columns, page: number): GeoCell[] {
  const { labelCols, xs, colBox } = cols;
  const taken = new Set<string>();
  for (const c of cells) for (let i = c.row; i < c.row + c.rowSpan; i++) for (let k = c.col; k < c.col + c.colSpan; k++) taken.add(`${i}:${k}`);
  // A label with empty label columns to its right spans them (as a ruled table merges those cells).
  const spread = cells.map((c) => {
    if (c.row < firstBody || c.col >= labelCols || c.rowSpan !== 1 || c.text === '') return c;
    let colSpan = c.colSpan;
    while (c.col + colSpan < labelCols && !taken.has(`${c.row}:${c.col + colSpan}`)) {
      taken.add(`${c.row}:${c.col + colSpan}`);
      colSpan++;
    }
    return { ...c, colSpan, box: { ...c.box, x1: xs[c.col + colSpan]! } };
  });
  const empty: GeoCell[] = [];
  for (let i = 0; i < rowCount; i++) {
    for (let k = 0; k < xs.length - 1; k++) {
      if (!taken.has(`${i}:${k}`)) empty.push({ text: '', row: i, col: k, rowSpan: 1, colSpan: 1, page, box: colBox(k, k, 0, 0) });
    }
  }
  return [...spread, ...empty];
}

/** Builds the table of one region: columns, header, body, the labels left over, the full grid. */
function tableOf(region: Region, page: number): GeoTable {
  const cols = columnsOf(region);
  const header = headerCells(region, cols, page);
  const charRuns = charRunsOf(region, cols);
  const consumed = new Set<Seg>(charRuns.flat().map((i) => i.seg));
  // Body rows: the rows with numbers and the label lines, wrapped text continued.
  const firstBody = header.rows;
  const colOf = (s: Seg) => (s.x0 >= cols.valueStart - 0.5 ? cols.valueCol(s) : cols.labelCol(s.x0));
  const starts = [...cols.labelStarts, ...cols.valueBands.map((b) => b.x0)];
  const lastRight = cols.valueBands[cols.valueBands.length - 1]?.x1 ?? cols.valueBands[0]?.x0 ?? cols.valueStart;
  const body = bodyRows([...region.rows, ...region.labels], { size: cols.size, labelCols: cols.labelCols, starts, lastRight, colOf, colBox: cols.colBox }, consumed, firstBody, page);
  placeBlocks(leftoverBlocks(body.loose, region, charRuns, cols), body, firstBody, cols, page);
  const placed = [...header.cells, ...[...body.cells.values()].filter((c) => c.row >= 0)];
  const cells = fillGrid(placed, firstBody + body.rows.length, firstBody, cols, page);
  const all = [...region.header, ...region.rows, ...region.labels];
  const box: Box = {
    x0: cols.xs[0]!,
    x1: cols.xs[cols.xs.length - 1]!,
    y0: Math.min(...all.map((l) => l.y0), ...region.vertical.map((v) => v.y0)),
    y1: Math.max(...all.map((l) => l.y1), ...region.vertical.map((v) => v.y1)),
  };
  return { page, lastPage: page, box, lastBox: box, xs: cols.xs, rowCount: firstBody + body.rows.length, cells, source: 'text' };
}

/**
 * Finds the unruled tables among a page's lines (top to bottom, furniture
 * removed). Returns the tables and the lines that are not part of one.
 */
export function textTables(lines: readonly TextPiece[][], page: number): { tables: GeoTable[]; rest: TextPiece[][] } {
  // Text written top to bottom stands over several lines; it is placed after the rows are known.
  const vertical = lines.flat().filter((p) => p.vertical);
  const tlines = lines.map((l) => l.filter((p) => !p.vertical)).filter((l) => l.length > 0).map(toTLine);
  const { found, used } = regions(tlines);
  const tables: GeoTable[] = [];
  const placed = new Set<TextPiece>();
  for (const region of found) {
    const y0 = Math.min(...[...region.header, ...region.rows, ...region.labels].map((l) => l.y0));
    const y1 = Math.max(...[...region.rows, ...region.labels].map((l) => l.y1));
    region.vertical = vertical.filter((v) => !placed.has(v) && centerY(v) >= y0 && centerY(v) <= y1);
    for (const v of region.vertical) placed.add(v);
    tables.push(tableOf(region, page));
  }
  const rest = tlines.filter((l) => !used.has(l)).map((l) => l.pieces);
  for (const v of vertical) if (!placed.has(v)) rest.push([v]);
  return { tables, rest };
}
