/**
 * Lines of text between tables: a label followed by numbers printed apart
 * from it is a row ("行政许可 97"); anything else stays a label-only line.
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../extract/document.ts';
import { logicalRows } from './logical-rows.ts';

const source = { file: 'f.md', block: 0 };
const para = (text: string): Block => ({ kind: 'paragraph', text, source });

describe('logicalRows on lines of text', () => {
  it('reads "label numbers" as a row of that label and those values', () => {
    const [row] = logicalRows([para('行政许可 97')]);
    expect(row?.labels).toEqual(['行政许可']);
    expect(row?.values.map((c) => c.text)).toEqual(['97']);
    const [fees] = logicalRows([para('4.保护第三方合法权益 0 0 0 0 0 0 0')]);
    expect(fees?.values).toHaveLength(7);
  });

  it('keeps prose, years, page numbers and long sentences as label-only lines', () => {
    for (const text of ['2024 年上海市科委政府信息公开工作', '— 4 —', '1', '共 12 件', '所有办结的信息公开申请中同意公开答复的申请件数与上年相比有所增长，按照法定时限答复的总数为 9']) {
      const [row] = logicalRows([para(text)]);
      expect(row?.values, text).toEqual([]);
      expect(row?.labels, text).toEqual([text]);
    }
  });
});
