/**
 * One reading of a printed value everywhere: the text extractor, the PDF
 * segmenter and the transform (row splitting and cell reading) agree on every
 * probe of the value lexer, because they all ask it.
 */
import { describe, expect, it } from 'vitest';
import { makeCell } from '../src/extract/document.ts';
import { toSeg } from '../src/extract/pdf/pdf-text-segments.ts';
import { isValueLike } from '../src/extract/text-lines.ts';
import { PROBES } from '../src/extract/value-lexer.probes.ts';
import { rowFromCells } from '../src/transform/logical-rows.ts';
import { readCell } from '../src/transform/read-cell.ts';
import type { ValidationIssue } from '../src/transform/record.ts';
import { RULE } from '../src/transform/validate/rules.ts';

const source = { file: 'probe', block: 0, row: 0, col: 1 };

describe('extractors and transform agree on every probe', () => {
  for (const [raw, want] of PROBES) {
    it(raw, () => {
      const isValue = want.kind !== 'text';
      // Text extractor: a value-like cell is not a label.
      expect(isValueLike(raw)).toBe(isValue);
      // PDF segmenter: a segment that reads as a value.
      expect(toSeg([{ text: raw, x0: 0, x1: 10, y0: 0, y1: 10, size: 10, vertical: false, page: 1 }]).value).toBe(isValue);
      // Transform: the cell after a label is a value cell, or a label cell of its own.
      const row = rowFromCells([makeCell('行政许可', { ...source, col: 0 }), makeCell(raw, source)], source);
      expect(row.values.map((c) => c.text)).toEqual(isValue ? [raw] : []);
      // Transform: the number loaded, and an issue for text that is no number.
      const issues: ValidationIssue[] = [];
      const fact = readCell('active_disclosure', 'admin_licensing', 'decisions', makeCell(raw, source), source, issues);
      expect(fact.value).toBe(want.kind === 'number' ? want.value : null);
      expect(issues.map((i) => i.rule)).toEqual(want.kind === 'text' ? [RULE.extractUnreadableNumber] : []);
    });
  }
});

