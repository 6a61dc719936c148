/**
 * The two converter transcriptions of the corpus (kewei-2024-source.md,
 * shanghai-office-sample-source.md: text taken out of a PDF, tables half
 * markdown, half loose lines). Section 二 rows printed as lines of text
 * ("行政许可 97") under a heading repeated as a table caption are read;
 * section 三 rows printed apart from their labels are placed by template
 * order; section 三 then adds up and agrees with each report's narrative.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRecord } from '../pipeline/extract-record.ts';
import { CORPUS } from './support/label.ts';

describe('converter transcriptions of real reports', () => {
  const outcomesAddUp = (a: Record<string, (number | null)[]>) => {
    const outcomes = Object.keys(a).filter((c) => !['new_received', 'carried_over', 'total_handled', 'carried_forward'].includes(c));
    return [0, 1, 2, 3, 4, 5, 6].every((col) => outcomes.reduce((s, c) => s + (a[c]![col] ?? 0), 0) === a.total_handled![col]);
  };

  it('kewei-2024-source.md: every 2021 row is found and section 三 adds up', async () => {
    const record = await extractRecord(join(CORPUS, 'docs', 'kewei-2024-source.md'));
    const a = record.applications;
    expect(Object.keys(a)).toHaveLength(25);
    expect(record.validation.filter((v) => v.rule === 'extract.unmatched_row' || v.rule === 'extract.row_missing')).toEqual([]);
    expect(record.validation.filter((v) => v.severity === 'error')).toEqual([]);
    expect(outcomesAddUp(a)).toBe(true);
    // The narrative: 不予公开答复 2 件，无法提供的 10 件，其他处理 14 件.
    const total = (codes: string[]) => codes.reduce((s, c) => s + (a[c]![6] ?? 0), 0);
    expect(total(['denied_internal_affairs', 'denied_process_info'])).toBe(2);
    expect(total(['unable_not_held', 'unable_needs_creation', 'unable_unclear_after_correction'])).toBe(10);
    expect(total(['other_overdue_correction', 'other_unpaid_fee', 'other_misc'])).toBe(14);
    // Section 二 as printed: the 规章/规范性文件 table, then "行政许可 97" … as lines of text.
    expect(record.active_disclosure).toEqual({
      regulations: { issued: 0, repealed: 0, in_force: 0 },
      normative_documents: { issued: 13, repealed: 0, in_force: 55 },
      admin_licensing: { decisions: 97 },
      admin_penalty: { decisions: 0 },
      admin_coercion: { decisions: 0 },
      admin_fees: { amount: 0, unit: '万元' },
    });
  });

  it('shanghai-office-sample-source.md: the two rows cut from their labels are placed and section 三 adds up', async () => {
    const record = await extractRecord(join(CORPUS, 'docs', 'shanghai-office-sample-source.md'));
    const a = record.applications;
    expect(Object.keys(a)).toHaveLength(25);
    expect(record.validation.filter((v) => v.table === 'applications' && v.severity !== 'info').map((v) => v.row)).toEqual(['rejected_confirm_or_reissue', 'other_overdue_correction']);
    expect(outcomesAddUp(a)).toBe(true);
    // The narrative: 其他处理 319 件.
    expect((a.other_overdue_correction![6] ?? 0) + (a.other_unpaid_fee![6] ?? 0) + (a.other_misc![6] ?? 0)).toBe(319);
    // "行政许可 0" … printed as lines of text, between the 第二十条 headings.
    expect(Object.keys(record.active_disclosure)).toEqual(['regulations', 'normative_documents', 'admin_licensing', 'admin_penalty', 'admin_coercion', 'admin_fees']);
    expect(record.active_disclosure.admin_fees).toEqual({ amount: 0, unit: '万元' });
  });
});
