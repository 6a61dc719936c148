-- Each outcome row of section 三 （一）…（六） as a share of the requests
-- handled (（七）总计, the denominator, handled), by agency level, agency kind
-- and year, over primary reports WITHOUT errors that print both the row's
-- 总计 and （七）总计; reports_with_errors says how many reports of the group
-- were left out for their errors.
CREATE OR REPLACE VIEW v_outcome_shares AS
WITH cells AS (
  SELECT
    rp.report_id, rp.agency_level, rp.agency_kind, rp.year, rp.has_errors,
    f.row_code, f.value,
    h.value AS handled
  FROM fact_applications f
  JOIN v_reports rp ON rp.report_id = f.report_id
  LEFT JOIN fact_applications h ON h.report_id = f.report_id AND h.row_code = 'total_handled' AND h.applicant_code = 'total'
  WHERE rp.is_primary AND f.applicant_code = 'total'
    AND f.row_code NOT IN ('new_received', 'carried_over', 'total_handled', 'carried_forward')
),
groups AS (
  SELECT agency_level, agency_kind, year, count(DISTINCT report_id) FILTER (WHERE has_errors) AS reports_with_errors
  FROM v_reports WHERE is_primary AND status NOT IN ('failed', 'needs_ocr', 'unsupported_template')
  GROUP BY agency_level, agency_kind, year
)
SELECT
  c.agency_level,
  c.agency_kind,
  c.year,
  c.row_code AS outcome_code,
  t.label AS outcome_label,
  t.group_label AS outcome_group_label,
  t.name_en AS outcome_name_en,
  t.position AS outcome_position,
  count(DISTINCT c.report_id) AS reports,
  any_value(g.reports_with_errors) AS reports_with_errors,
  sum(c.value) AS requests,
  sum(c.handled) AS handled,
  CASE WHEN sum(c.handled) > 0 THEN sum(c.value) / sum(c.handled) END AS share
FROM cells c
LEFT JOIN template_codes t ON t.table_code = 'applications' AND t.dimension = 'row_code' AND t.code = c.row_code
LEFT JOIN groups g ON g.agency_level IS NOT DISTINCT FROM c.agency_level AND g.agency_kind IS NOT DISTINCT FROM c.agency_kind AND g.year = c.year
WHERE NOT c.has_errors AND c.value IS NOT NULL AND c.handled IS NOT NULL
GROUP BY c.agency_level, c.agency_kind, c.year, c.row_code, t.label, t.group_label, t.name_en, t.position;
