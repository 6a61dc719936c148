/**
 * A printed line cut into segments for table reading: pieces close together
 * form one segment (the text of one cell), pieces apart form several. A
 * segment that reads as a number is a value; a line whose numbers stand
 * apart from its words (a gap of over a character) is a table row, and the
 * left edge of its first value is kept.
 */
import { lineText, type Box, type TextPiece } from './pdf-geometry.ts';
import { looksLikeValue } from '../value-lexer.ts';

/** Pieces closer than this (× font size) belong to one segment of a line. */
const SEGMENT_GAP = 0.6;
/** A number needs at least this gap (× font size) from the text before it to be a table value. */
const VALUE_GAP = 1.0;

export interface Seg extends Box {
  text: string;
  size: number;
  value: boolean;
  /** The pieces printed in it, left to right. */
  pieces: TextPiece[];
}

export interface TLine extends Box {
  segs: Seg[];
  pieces: TextPiece[];
  size: number;
  /** Left edge of the first value segment, when the line is a table row. */
  valueStart: number | null;
}

/** Splits a piece holding several numbers separated by spaces ("21 0 0") into one piece per number. */
export function splitNumbers(p: TextPiece): TextPiece[] {
  const text = p.text;
  if (!/\d\s+\d/u.test(text) || !/^[\s\d.,%/／\-—]+$/u.test(text)) return [p];
  const chars = [...text];
  const step = (p.x1 - p.x0) / chars.length;
  const out: TextPiece[] = [];
  const re = /\S+/gu;
  for (const m of text.matchAll(re)) {
    const start = [...text.slice(0, m.index)].length;
    const len = [...m[0]].length;
    out.push({ ...p, text: m[0], x0: p.x0 + start * step, x1: p.x0 + (start + len) * step });
  }
  return out;
}

export function toSeg(pieces: TextPiece[]): Seg {
  const text = lineText(pieces);
  const size = Math.max(...pieces.map((p) => p.size));
  return {
    text,
    size,
    value: looksLikeValue(text),
    pieces: [...pieces].sort((a, b) => a.x0 - b.x0),
    x0: Math.min(...pieces.map((p) => p.x0)),
    x1: Math.max(...pieces.map((p) => p.x1)),
    y0: Math.min(...pieces.map((p) => p.y0)),
    y1: Math.max(...pieces.map((p) => p.y1)),
  };
}

export function toTLine(pieces: TextPiece[]): TLine {
  const sorted = pieces.flatMap(splitNumbers).sort((a, b) => a.x0 - b.x0);
  const groups: TextPiece[][] = [];
  for (const p of sorted) {
    const g = groups[groups.length - 1];
    const last = g?.[g.length - 1];
    // Two numbers are two values unless they touch (one number printed in pieces).
    const bothValues = last && looksLikeValue(last.text) && looksLikeValue(p.text);
    const joinGap = (bothValues ? 0.25 : SEGMENT_GAP) * Math.min(p.size, last?.size ?? p.size);
    if (g && last && p.x0 - last.x1 <= joinGap) g.push(p);
    else groups.push([p]);
  }
  const segs = groups.map(toSeg);
  const size = Math.min(...segs.map((s) => s.size));
  let valueStart: number | null = null;
  segs.forEach((s, i) => {
    if (valueStart !== null || !s.value) return;
    const before = segs[i - 1];
    const after = segs[i + 1];
    const apart = before ? s.x0 - before.x1 >= VALUE_GAP * size : after !== undefined && after.value && after.x0 - s.x1 >= VALUE_GAP * size;
    // Every segment after the first value must be a value too: words after numbers make a sentence, not a row.
    if (apart && segs.slice(i).every((t) => t.value)) valueStart = s.x0;
  });
  return {
    segs,
    pieces,
    size,
    valueStart,
    x0: Math.min(...segs.map((s) => s.x0)),
    x1: Math.max(...segs.map((s) => s.x1)),
    y0: Math.min(...segs.map((s) => s.y0)),
    y1: Math.max(...segs.map((s) => s.y1)),
  };
}
