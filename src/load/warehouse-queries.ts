/**
 * Reads the pipeline and the validation layer need from the warehouse:
 * row counts, stored fingerprints, last year's carried-forward row, and
 * the data-quality summary (v_quality).
 */
import { APPLICANT_COLUMNS } from '../transform/template/template.ts';
import { fingerprint } from './document-result.ts';
import { TABLES, type TableName, type Warehouse } from './warehouse-connection.ts';

/** Row count of every table, in table order. */
export async function tableCounts(wh: Warehouse): Promise<Record<TableName, number>> {
  const sql = TABLES.map((t) => `SELECT '${t}' AS name, count(*) AS n FROM ${t}`).join(' UNION ALL ');
  const rows = await wh.query(sql);
  const byName = new Map(rows.map((r) => [r.name as string, Number(r.n)]));
  return Object.fromEntries(TABLES.map((t) => [t, byName.get(t) ?? 0])) as Record<TableName, number>;
}

/**
 * source_path -> fingerprint (bytes and code version, see document-result.ts)
 * of every stored report that was extracted, so files that neither changed
 * nor met new code can be skipped. Failed documents are left out: every run
 * tries them again and says again that they fail.
 */
export async function reportFingerprints(wh: Warehouse): Promise<Map<string, string>> {
  const rows = await wh.query("SELECT source_path, sha256, code_version, source_url, published FROM reports WHERE status NOT IN ('failed', 'needs_ocr') ORDER BY source_path");
  const optional = (v: unknown) => (v === null ? undefined : (v as string));
  return new Map(
    rows.map((r) => [
      r.source_path as string,
      fingerprint({ sha256: r.sha256 as string, codeVersion: r.code_version as string, sourceUrl: optional(r.source_url), published: optional(r.published) }),
    ]),
  );
}

/**
 * The carried_forward row (结转下年度继续办理) of the agency's primary
 * report for year - 1, in applicant column order with null for blanks; null
 * when there is no such report or it has no carried_forward row. With
 * several primary reports for that year, the one with the least report_id.
 */
export async function previousYearCarriedForward(wh: Warehouse, agencyId: string, year: number): Promise<(number | null)[] | null> {
  const rows = await wh.query(
    `SELECT f.applicant_code, f.value
     FROM fact_applications f
     WHERE f.row_code = 'carried_forward' AND f.report_id = (
       SELECT min(r.report_id) FROM reports r
       JOIN fact_applications c ON c.report_id = r.report_id AND c.row_code = 'carried_forward'
       WHERE r.agency_id = $1 AND r.year = $2 AND r.is_primary)`,
    [agencyId, year - 1],
  );
  if (rows.length === 0) return null;
  const values = new Map(rows.map((r) => [r.applicant_code as string, r.value as number | null]));
  return APPLICANT_COLUMNS.map((c) => values.get(c) ?? null);
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

/**
 * Source paths of stored extracted reports of these agencies and years, so
 * a run that redoes one copy of a report can weigh it against the others.
 */
export async function reportsOfAgencyYears(wh: Warehouse, keys: ReadonlyArray<{ agencyId: string; year: number }>): Promise<string[]> {
  if (keys.length === 0) return [];
  const placeholders = keys.map((_, i) => `$${i + 1}`).join(', ');
  const rows = await wh.query(
    `SELECT DISTINCT source_path FROM reports
     WHERE status NOT IN ('failed', 'needs_ocr') AND (agency_id || '|' || year) IN (${placeholders})
     ORDER BY source_path`,
    keys.map((k) => `${k.agencyId}|${k.year}`),
  );
  return rows.map((r) => r.source_path as string);
}
