-- Carried-over mismatches across years: an agency's 二、上年结转 this year
-- against 四、结转下年度继续办理 of its report for the year before, per
-- applicant column, where both are printed and they differ.
WITH ry AS (
  SELECT
    report_id, agency_id, agency_name, year, status,
    lag(report_id) OVER w AS prev_report_id,
    lag(year) OVER w AS prev_year
  FROM v_reports
  WHERE is_primary AND agency_id IS NOT NULL AND year IS NOT NULL AND status NOT IN ('failed', 'needs_ocr', 'unsupported_template')
  WINDOW w AS (PARTITION BY agency_id ORDER BY year, report_id)
)
SELECT
  ry.agency_name,
  ry.prev_year,
  ry.year,
  c.applicant_code,
  f.value AS carried_forward_last_year,
  c.value AS carried_over_this_year,
  c.value - f.value AS difference,
  ry.status
FROM ry
JOIN fact_applications c ON c.report_id = ry.report_id AND c.row_code = 'carried_over'
JOIN fact_applications f ON f.report_id = ry.prev_report_id AND f.row_code = 'carried_forward' AND f.applicant_code = c.applicant_code
WHERE ry.year - ry.prev_year = 1 AND c.value <> f.value
ORDER BY ry.agency_name, ry.year, c.applicant_code;
