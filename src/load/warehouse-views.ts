/**
 * The views analysts query, one plain SQL file each in sql/views/, created
 * in the order below (a view after the views it reads) on every open. A
 * file's opening comment is the view's description (its COMMENT and its
 * entry in the dictionary). v_report_wide's cell columns are generated from
 * the template where its SQL holds a marker.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { widePivots } from './dictionary/wide-columns.ts';
import { toLoadError } from './warehouse-errors.ts';

const VIEW_DIR = new URL('../../sql/views/', import.meta.url);

/** Every view, bases first. */
export const VIEWS = [
  'v_reports',
  'v_cell_labels',
  'v_cells',
  'v_report_totals',
  'v_report_wide',
  'v_applications',
  'v_active_disclosure',
  'v_review_litigation',
  'v_applications_wide',
  'v_region_year',
  'v_outcome_shares',
  'v_kind_year',
  'v_review_litigation_totals',
  'v_agency_yoy',
  'v_issues',
  'v_evidence',
  'v_quality',
] as const;

export type ViewName = (typeof VIEWS)[number];

/** The views an export writes by default: what analysts read (the bases v_cells and v_cell_labels are inside others). */
export const EXPORTED_VIEWS: readonly ViewName[] = VIEWS.filter((v) => v !== 'v_cells' && v !== 'v_cell_labels');

export interface ViewSql {
  name: ViewName;
  /** The file's opening comment, as one paragraph. */
  description: string;
  /** CREATE OR REPLACE VIEW …, markers filled in. */
  sql: string;
}

/** The opening `--` comment lines of a SQL file, joined into one paragraph. */
export function openingComment(sql: string): string {
  const lines: string[] = [];
  for (const line of sql.split('\n')) {
    const m = /^--\s?(.*)$/.exec(line.trim());
    if (!m) break;
    lines.push((m[1] ?? '').trim());
  }
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}

/** v_report_wide's markers: the cell columns, and the PIVOTs that give them. */
function fillMarkers(sql: string): string {
  if (!sql.includes('/*@cells*/')) return sql;
  const { joins, columns } = widePivots();
  return sql.replace('/*@cells*/', columns).replace('/*@pivots*/', joins);
}

export async function readViews(): Promise<ViewSql[]> {
  return Promise.all(
    VIEWS.map(async (name) => {
      const file = fileURLToPath(new URL(`${name}.sql`, VIEW_DIR));
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        throw toLoadError(e, file, 'cannot read a view');
      }
      return { name, description: openingComment(text), sql: fillMarkers(text) };
    }),
  );
}

/** The same view as a temporary one (a read-only warehouse cannot store views). */
export function asTempView(sql: string): string {
  return sql.replace(/CREATE OR REPLACE VIEW/g, 'CREATE OR REPLACE TEMP VIEW');
}
