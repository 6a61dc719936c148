/**
 * Reads the pipeline and the validation layer need from the warehouse:
 * row counts, stored fingerprints, last year's carried-forward row, and
 * the data-quality summary (v_quality).
 */
import { APPLICANT_COLUMNS } from '../transform/template/template.ts';
import { TABLES, type Scalar, type TableName, type Warehouse } from './warehouse-connection.ts';

/** Row count of every table, in table order. */
export async function tableCounts(wh: Warehouse): Promise<Record<TableName, number>> {
  const sql = TABLES.map((t) => `SELECT '${t}' AS name, count(*) AS n FROM ${t}`).join(' UNION ALL ');
  const rows = await wh.query(sql);
  const byName = new Map(rows.map((r) => [r.name as string, Number(r.n)]));
  return Object.fromEntries(TABLES.map((t) => [t, byName.get(t) ?? 0])) as Record<TableName, number>;
}

export interface QualityRow {
  /** 'issue': validation issues of one rule and severity; 'report_status': reports with one status. */
  category: 'issue' | 'report_status';
  /** The rule, or the status. */
  name: string;
  severity: string | null;
  /** Issues (category issue) or reports (category report_status). */
  n: number;
  /** Reports concerned. */
  reports: number;
}

/** Rows of v_quality, statuses first, then issues by rule and severity. */
export async function qualitySummary(wh: Warehouse): Promise<QualityRow[]> {
  const rows = await wh.query(
    `SELECT category, name, severity, n, reports FROM v_quality
     ORDER BY category DESC, name, severity NULLS FIRST`,
  );
  return rows.map((r) => ({
    category: r.category as QualityRow['category'],
    name: r.name as string,
    severity: r.severity as string | null,
    n: Number(r.n),
    reports: Number(r.reports),
  }));
}

/** The last `n` runs, newest first. */
export async function lastRuns(wh: Warehouse, n: number): Promise<Record<string, Scalar>[]> {
  return wh.query(`SELECT * FROM runs ORDER BY run_id DESC LIMIT ${Math.max(0, Math.floor(n))}`);
}

/** The files failing now (as the last run read them), in path order. */
export async function failingSources(wh: Warehouse): Promise<Record<string, Scalar>[]> {
  return wh.query(
    `SELECT s.path, s.status, s.reason, r.status = 'stale' AS stale FROM sources s LEFT JOIN reports r ON r.source_path = s.path
     WHERE s.status IN ('failed', 'needs_ocr') ORDER BY s.path`,
  );
}
