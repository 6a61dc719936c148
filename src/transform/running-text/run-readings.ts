/**
 * What a table printed as running text gives the mapper: rows of label and
 * run, and, once the runs are split, the issues that say how each cell was
 * read. Every cell cut out of a run of digits gets a warning naming it; a run
 * the arithmetic cannot split gets one error holding the printed digits, and
 * its cells stay blank. Pure.
 */
import type { TableCode, ValidationIssue } from '../record.ts';
import type { RunReading } from '../split-digit-runs.ts';
import { RULE, ruleOf } from '../validate/rules.ts';

export interface TextRow {
  /** The template row (section 三 row, section 二 item) the label names; null when it names none. */
  code: string | null;
  /** The group label printed before the row's own label (三、本年度办理结果, （三）不予公开), or ''. */
  group: string;
  label: string;
  /** The run of numbers after the label, as printed ('' for none). */
  run: string;
}

const SECTION: Record<TableCode, string> = { active_disclosure: '二', applications: '三', review_litigation: '四' };

/** The issues of one run's reading: a warning per split cell, or one error for a run that stays unread. */
export function readingIssues(table: TableCode, row: string | undefined, columns: readonly string[], run: string, reading: RunReading): ValidationIssue[] {
  const where = `section ${SECTION[table]}${row ? ` row ${row}` : ''}`;
  if (reading.kind === 'printed') return [];
  if (reading.kind === 'split') {
    return reading.cells.map((cell, i) => ({
      ...ruleOf(RULE.extractDigitRunSplit),
      table,
      ...(row ? { row } : {}),
      column: columns[i],
      printed: Number(cell.replace('−', '-')),
      message: `${where}, column ${columns[i]}: printed in the run "${run}" with nothing between its cells; read as ${cell}, the one split the table's arithmetic admits`,
    }));
  }
  const why =
    reading.kind === 'ambiguous' && table === 'active_disclosure'
      ? `section 二 has no arithmetic to tell where its ${columns.length} cells end (${reading.count} ways to cut it)`
      : reading.kind === 'ambiguous'
      ? `the table's arithmetic admits ${reading.count} ways to cut it into ${columns.length} cells`
      : `no way to cut it into ${columns.length} cells fits the table's arithmetic`;
  return [
    {
      ...ruleOf(RULE.extractDigitRunUnsplit),
      table,
      ...(row ? { row } : {}),
      message: `${where}: the run "${run}" prints its cells with nothing between them and ${why}; its cells are left blank`,
    },
  ];
}
