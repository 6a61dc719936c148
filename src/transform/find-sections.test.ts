/**
 * Section spans: the heading followed by the section's table wins over an
 * earlier one of the same kind, except that a table caption restating the
 * section heading right under it keeps the lines between in the section.
 */
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../extract/document.ts';
import { findSections } from './find-sections.ts';

const source = { file: 'f.md', block: 0 };
const para = (text: string): Block => ({ kind: 'paragraph', text, source });
const table: Block = { kind: 'table', rows: [], source };
const doc = (blocks: Block[]): DocumentModel => ({ file: 'f.md', format: 'markdown', blocks });

describe('findSections', () => {
  it('starts a section at its heading when a caption restates it above the table', () => {
    const spans = findSections(doc([para('二、主动公开政府信息情况'), para('行政许可 97'), para('## 表二：主动公开政府信息情况'), table, para('三、收到和处理政府信息公开申请情况'), table]));
    expect(spans.map((s) => [s.code, s.start, s.end])).toEqual([
      ['active_disclosure', 0, 4],
      ['applications', 4, 6],
    ]);
  });

  it('keeps the captioned section when a later heading of its kind has a table too', () => {
    const spans = findSections(doc([para('二、主动公开政府信息情况'), para('## 表二：主动公开政府信息情况'), table, para('三、收到和处理政府信息公开申请情况'), table, para('主动公开政府信息情况'), table]));
    expect(spans.find((s) => s.code === 'active_disclosure')?.start).toBe(0);
  });

  it('skips an earlier heading of the same kind that another section follows (a narrative mention)', () => {
    const spans = findSections(doc([para('一、总体情况'), para('主动公开政府信息情况'), para('四、政府信息公开行政复议、行政诉讼情况'), para('二、主动公开政府信息情况'), table]));
    expect(spans.find((s) => s.code === 'active_disclosure')?.start).toBe(3);
  });
});
